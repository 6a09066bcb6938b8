-- Community classes: the catalogue (classes and their sessions), enrolment with its waiting list, who is
-- connected to a live classroom (on any host), and attendance once a session ends. The live classroom's
-- history is a Marten event stream per session (see docs/adr/0010).

create table if not exists classes.classes (
    id uuid primary key,
    unit_id uuid not null,
    title text not null,
    description text not null default '',
    topic text not null,
    audience text not null,
    audience_unit_id uuid not null,
    capacity int not null check (capacity > 0),
    host_ids uuid[] not null,
    co_host_ids uuid[] not null default '{}',
    media_url text,
    materials jsonb not null default '[]',
    completion_percent int not null default 70 check (completion_percent between 1 and 100),
    lobby boolean not null default false,
    status text not null default 'SCHEDULED',
    version int not null default 1,
    created_by uuid not null,
    created_at timestamptz not null,
    search_folded text generated always as (vape.fold(title || ' ' || description)) stored
);
create index if not exists classes_unit on classes.classes (unit_id);
create index if not exists classes_audience on classes.classes (audience, audience_unit_id);
create index if not exists classes_search_trgm on classes.classes using gin (search_folded gin_trgm_ops);

create table if not exists classes.sessions (
    id uuid primary key,
    class_id uuid not null references classes.classes (id),
    number int not null,
    starts_at timestamptz not null,
    ends_at timestamptz not null,
    status text not null default 'SCHEDULED',
    opened_at timestamptz,
    ended_at timestamptz,
    unique (class_id, number)
);
create index if not exists sessions_starts on classes.sessions (starts_at, class_id);

create table if not exists classes.enrolments (
    class_id uuid not null references classes.classes (id),
    person_id uuid not null,
    status text not null,
    since timestamptz not null,
    queued bigint generated always as identity,
    primary key (class_id, person_id)
);
create index if not exists enrolments_waiting on classes.enrolments (class_id, status, queued);
create index if not exists enrolments_person on classes.enrolments (person_id);

-- One row per SignalR connection in a live classroom, whichever host holds it: presence survives across hosts.
create table if not exists classes.connections (
    connection_id text primary key,
    session_id uuid not null,
    person_id uuid not null,
    role text not null,
    connected_at timestamptz not null
);
create index if not exists connections_session_person on classes.connections (session_id, person_id);

create table if not exists classes.attendance (
    session_id uuid not null,
    person_id uuid not null,
    class_id uuid not null,
    role text not null,
    first_joined_at timestamptz not null,
    last_left_at timestamptz not null,
    seconds_present int not null,
    completed boolean not null,
    attendance_id uuid not null,
    primary key (session_id, person_id)
);
