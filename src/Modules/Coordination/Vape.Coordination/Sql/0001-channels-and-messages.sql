-- Channels, their members and their ordered streams (docs/adr/0040).
create table if not exists coordination.channels (
    id uuid primary key,
    kind text not null,                 -- UNIT, CROSS_LEVEL, ANNOUNCEMENT, GROUP, DIRECT
    unit_id uuid,                       -- the unit of UNIT, CROSS_LEVEL and ANNOUNCEMENT channels
    name text not null,
    direct_key text,                    -- the two people of a DIRECT channel, sorted
    version bigint not null default 0,  -- the stream version: raised by every change of a message
    created_by uuid,
    created_at timestamptz not null default now()
);
create unique index if not exists channels_unit_kind on coordination.channels (unit_id, kind) where unit_id is not null;
create unique index if not exists channels_direct on coordination.channels (direct_key) where direct_key is not null;

create table if not exists coordination.channel_members (
    channel_id uuid not null references coordination.channels (id) on delete cascade,
    person_id uuid not null,
    role text not null,                 -- MODERATOR, MEMBER, READER
    source text not null,               -- ORGANIZATION (follows roles) or MANUAL
    joined_at timestamptz not null default now(),
    last_read_version bigint not null default 0,
    primary key (channel_id, person_id)
);
create index if not exists channel_members_person on coordination.channel_members (person_id);

-- Units whose channels have been brought in line with the organization at least once.
create table if not exists coordination.unit_sync (
    unit_id uuid primary key,
    synced_at timestamptz not null default now()
);

create table if not exists coordination.messages (
    id uuid primary key,                -- given by the client: a resend is recognised, never duplicated
    channel_id uuid not null references coordination.channels (id) on delete cascade,
    author_id uuid not null,
    thread_root_id uuid,
    body text,                          -- null once deleted (the tombstone keeps the rest)
    body_folded text generated always as (vape.fold(body)) stored,
    priority text not null,             -- NORMAL, IMPORTANT, URGENT
    mentions uuid[] not null default '{}',
    mentions_channel boolean not null default false,
    reactions jsonb not null default '{}',
    pinned boolean not null default false,
    reply_count int not null default 0,
    ack_count int not null default 0,
    reminders_sent int not null default 0,
    posted_version bigint not null,
    version bigint not null,            -- the channel version of the message's last change
    posted_at timestamptz not null,
    edited_at timestamptz,
    deleted_at timestamptz
);
create unique index if not exists messages_position on coordination.messages (channel_id, posted_version);
create index if not exists messages_thread on coordination.messages (thread_root_id, posted_version) where thread_root_id is not null;
create index if not exists messages_search on coordination.messages using gin (body_folded public.gin_trgm_ops);

-- The stream: one row per change, in order; catch-up reads it after a client's last version.
create table if not exists coordination.channel_events (
    channel_id uuid not null references coordination.channels (id) on delete cascade,
    version bigint not null,
    kind text not null,
    message_id uuid not null,
    actor_id uuid not null,
    at timestamptz not null,
    primary key (channel_id, version)
);

create table if not exists coordination.acknowledgements (
    message_id uuid not null references coordination.messages (id) on delete cascade,
    person_id uuid not null,
    at timestamptz not null,
    primary key (message_id, person_id)
);

-- Live hub connections of every host, for presence (docs/adr/0042).
create table if not exists coordination.connections (
    connection_id text primary key,
    person_id uuid not null,
    host text not null,
    status text not null,               -- ONLINE or AWAY
    connected_at timestamptz not null,
    last_seen timestamptz not null
);
create index if not exists connections_person on coordination.connections (person_id);
