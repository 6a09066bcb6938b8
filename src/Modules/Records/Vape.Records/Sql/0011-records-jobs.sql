-- The centre's long commands as durable jobs (docs/adr/0279): a row each, run by the host that holds its lease; a
-- lease that runs out (its host died) lets another host take the job up where its progress says.
create table if not exists records.jobs (
  id uuid primary key,
  kind text not null,
  status text not null,
  started_by uuid not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  done bigint not null default 0,
  total bigint,
  added bigint not null default 0,
  resume_after uuid,
  error_code text,
  runner uuid,
  held_by text,
  lease_until timestamptz,
  attempts int not null default 0
);
-- One job of a kind at a time: a second start while one is queued or running is refused (`JOB_RUNNING`).
create unique index if not exists jobs_one_of_a_kind_at_a_time on records.jobs (kind) where status in ('Queued', 'Running');
create index if not exists jobs_by_kind on records.jobs (kind, started_at desc);
