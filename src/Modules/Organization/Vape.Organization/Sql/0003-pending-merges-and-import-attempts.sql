-- A citizen id imported outside the importing official's subtree that is already someone's (issue #28): the new
-- member is created without it, and the pair waits here for the officials of both units to resolve, so that
-- the import's answer does not tell the importer that the id exists elsewhere in the tree (ADR 0103).
create table if not exists organization.pending_merges (
    id uuid primary key,
    new_person_id uuid not null references organization.people (id),
    existing_person_id uuid not null references organization.people (id),
    requested_by uuid not null,
    requested_at timestamptz not null
);
create index if not exists pending_merges_existing on organization.pending_merges (existing_person_id);

-- Every member import an official starts, kept an hour or more: the per-official limit counts them on any host.
create table if not exists organization.import_attempts (
    actor_id uuid not null,
    at timestamptz not null
);
create index if not exists import_attempts_actor on organization.import_attempts (actor_id, at);
