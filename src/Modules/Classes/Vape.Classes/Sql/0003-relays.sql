-- Cascade classes: a local relay session watches a parent session (a higher unit's lecture) in a room of its own.
alter table classes.sessions add column if not exists parent_session_id uuid references classes.sessions (id);
create index if not exists sessions_parent on classes.sessions (parent_session_id) where parent_session_id is not null;
