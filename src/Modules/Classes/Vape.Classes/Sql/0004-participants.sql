-- The people of a live classroom, one row per person and session (docs/adr/0014): the room document keeps only
-- what is small, so that a chat line or a vote rewrites nothing that grows with the number of learners.
create table if not exists classes.participants (
    session_id uuid not null,
    person_id uuid not null,
    name text not null,
    role text not null,
    rank smallint generated always as (case role when 'HOST' then 0 when 'CO_HOST' then 1 else 2 end) stored,
    admitted boolean not null default false,
    present boolean not null default false,
    muted boolean not null default false,
    removed boolean not null default false,
    in_lobby boolean not null default false,
    lobby_since timestamptz,
    present_since timestamptz,
    first_joined_at timestamptz,
    last_left_at timestamptz,
    seconds_present double precision not null default 0,
    primary key (session_id, person_id)
);
create index if not exists participants_present on classes.participants (session_id, rank, name, person_id) where present;
create index if not exists participants_lobby on classes.participants (session_id, lobby_since) where in_lobby;

-- Chat lines (the snapshot shows the last 50), and who voted what: appended, never rewritten.
create table if not exists classes.chat (
    session_id uuid not null,
    version bigint not null,
    message_id uuid not null,
    person_id uuid not null,
    name text not null,
    text text not null,
    at timestamptz not null,
    primary key (session_id, version)
);
create table if not exists classes.poll_votes (
    poll_id uuid not null,
    person_id uuid not null,
    session_id uuid not null,
    choices int[] not null,
    primary key (poll_id, person_id)
);
create table if not exists classes.question_votes (
    question_id uuid not null,
    person_id uuid not null,
    session_id uuid not null,
    primary key (question_id, person_id)
);

-- Presence across hosts: which host holds a connection, whether it waits in the lobby, and each host's lease.
alter table classes.connections add column if not exists host_id uuid;
alter table classes.connections add column if not exists in_lobby boolean not null default false;
create index if not exists connections_host on classes.connections (host_id);
create table if not exists classes.hosts (
    host_id uuid primary key,
    seen_at timestamptz not null
);
