-- The name a relay room shows in its parent room (its unit's name), kept with the session when the relay is scheduled,
-- so that the room's transaction reads it on its own connection (docs/classes.md, "Cascade classes"). Relays scheduled
-- before this column show their class's title.
alter table classes.sessions add column if not exists relay_name text;
update classes.sessions s set relay_name = c.title from classes.classes c
 where c.id = s.class_id and s.parent_session_id is not null and s.relay_name is null;
