-- The xAPI Learning Record Store (docs/adr/0130): clients, statements, attachments, documents.

-- A learning provider registered by an official for a unit. The secret is shown once; only its SHA-256 is kept
-- (the secret is 32 random bytes, so a slow hash would add nothing).
create table if not exists records.xapi_clients (
  id uuid primary key,
  unit_id uuid not null,
  name text not null,
  key text not null unique,
  secret_hash bytea not null,
  trusted boolean not null default false,
  created_by uuid not null,
  created_at timestamptz not null,
  revoked_at timestamptz,
  version text
);
create index if not exists xapi_clients_unit on records.xapi_clients (unit_id);

-- A statement as stored (with `stored`, `authority`, `version`), and what the filters of GET /statements look at.
-- `unit_id` is the writing client's unit: a client reads what was written in its unit's subtree.
create table if not exists records.xapi_statements (
  seq bigint generated always as identity primary key,
  id uuid not null unique,
  unit_id uuid not null,
  client_id uuid not null,
  body jsonb not null,
  stored timestamptz not null,
  verb text not null,
  agents text[] not null,
  related_agents text[] not null,
  activity text,
  related_activities text[] not null,
  registration uuid,
  target uuid,
  voided boolean not null default false,
  voiding boolean not null default false,
  person_id uuid
);
create index if not exists xapi_statements_unit on records.xapi_statements (unit_id, seq);
create index if not exists xapi_statements_target on records.xapi_statements (target) where target is not null;
create index if not exists xapi_statements_agents on records.xapi_statements using gin (agents);
create index if not exists xapi_statements_person on records.xapi_statements (person_id) where person_id is not null;

-- Attachment contents by their SHA-256, shared by every statement that names them.
create table if not exists records.xapi_attachments (
  sha2 text primary key,
  content_type text not null,
  content bytea not null
);

-- State, Activity Profile and Agent Profile documents. `scope` is the unit of the client that wrote it.
create table if not exists records.xapi_documents (
  kind text not null,
  unit_id uuid not null,
  activity_id text not null default '',
  agent text not null default '',
  registration text not null default '',
  document_id text not null,
  content_type text not null,
  content bytea not null,
  etag text not null,
  updated timestamptz not null,
  primary key (kind, unit_id, activity_id, agent, registration, document_id)
);

-- The latest definition seen for each activity, for GET /activities.
create table if not exists records.xapi_activities (
  unit_id uuid not null,
  id text not null,
  definition jsonb not null,
  primary key (unit_id, id)
);

-- Two definitions of one activity together: language maps (name, description) keep every language, the rest is the latest.
create or replace function records.xapi_merge_definition(old jsonb, new jsonb) returns jsonb
language sql immutable as $$
    select old || new
        || case when jsonb_typeof(old->'name') = 'object' and jsonb_typeof(new->'name') = 'object'
                then jsonb_build_object('name', (old->'name') || (new->'name')) else '{}'::jsonb end
        || case when jsonb_typeof(old->'description') = 'object' and jsonb_typeof(new->'description') = 'object'
                then jsonb_build_object('description', (old->'description') || (new->'description')) else '{}'::jsonb end
$$;
