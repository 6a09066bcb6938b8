-- Recording (issue #27, docs/adr/0235): a class may be recorded; each ended session of a recorded class leaves a row
-- that any host converts (janus-pp-rec) and hands to the library once. The row is the durable work: a host that dies
-- mid-conversion leaves its claim to expire, and another host takes it.
alter table classes.classes add column if not exists recording boolean not null default false;
create table if not exists classes.recordings (
    session_id uuid primary key,
    class_id uuid not null,
    ended_at timestamptz not null,
    status text not null default 'PENDING',
    claimed_until timestamptz,
    attempts integer not null default 0,
    made_at timestamptz,
    files jsonb not null default '[]'
);
create index if not exists recordings_pending on classes.recordings (ended_at) where status = 'PENDING';
