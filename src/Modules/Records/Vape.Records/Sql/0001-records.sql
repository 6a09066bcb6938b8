-- The Records module's read side and keys. Names never live here: only person ids.

-- One row per person with a record: the stream's version (optimistic concurrency), consent, erasure.
create table if not exists records.learners (
  person_id uuid primary key,
  version int not null default 0,
  consent text not null default 'Totals',
  erased_at timestamptz
);

-- Per-person keys (AES-256-GCM). Erasure deletes the row: every sealed detail of the person becomes unreadable.
create table if not exists records.person_keys (
  person_id uuid primary key,
  key bytea not null,
  created_at timestamptz not null default now()
);

-- The transcript projection. `details` is sealed with the person's key; the plain columns are what
-- totals, statistics and titles aggregate. All rows of a person go on erasure.
create table if not exists records.entries (
  id uuid primary key,
  person_id uuid not null,
  kind text not null,
  domain text,
  on_date date not null,
  year int not null,
  minutes int not null default 0,
  provenance text not null,
  status text not null,
  details bytea not null,
  reason bytea,
  attendance_id uuid unique,
  decided_by uuid,
  decided_at timestamptz,
  recorded_at timestamptz not null
);
create index if not exists entries_person on records.entries (person_id, year);
create index if not exists entries_year on records.entries (year, person_id) where kind = 'Activity' and status <> 'Rejected';

-- Who looked at whose record, when and why.
create table if not exists records.access_log (
  id uuid primary key,
  person_id uuid not null,
  official_id uuid not null,
  unit_id uuid not null,
  purpose text not null,
  detail text not null,
  at timestamptz not null
);
create index if not exists access_log_person on records.access_log (person_id, at desc);

-- What an erased person contributed to statistics, kept without them: by the unit they belonged to then.
create table if not exists records.erased_totals (
  unit_id uuid not null,
  year int not null,
  domain text not null,
  people int not null,
  activities int not null,
  minutes bigint not null
);
create index if not exists erased_totals_unit on records.erased_totals (unit_id, year);

-- Title rules per year; group criteria per kind.
create table if not exists records.title_rules (
  year int primary key,
  min_hours numeric not null,
  min_domains int not null,
  family_share numeric not null,
  group_share numeric not null,
  min_group_members int not null,
  set_by uuid not null,
  set_at timestamptz not null
);

-- An official's decision on a proposal; confirmed titles then appear on the members' records.
create table if not exists records.title_decisions (
  id uuid primary key,
  kind text not null,
  year int not null,
  subject_id uuid not null,
  status text not null,
  reason text,
  decided_by uuid not null,
  decided_at timestamptz not null,
  unique (kind, year, subject_id)
);

create table if not exists records.titles (
  id uuid not null,
  person_id uuid not null,
  kind text not null,
  year int not null,
  subject_id uuid not null,
  awarded_at timestamptz not null,
  primary key (id, person_id)
);
create index if not exists titles_person on records.titles (person_id);
