-- A person's record is the Records module's stream of the person (docs/adr/0062): its id is derived from the module
-- and the person's id, no longer the person's id itself. `stream_id` finds the person of a stream when the read side
-- is rebuilt from the events. The platform's script 0001 has renumbered each record stream from 1; `version` follows
-- it (a record whose appends had been failing on a shared stream is writable again).
alter table records.learners add column if not exists stream_id uuid;
update records.learners
   set stream_id = public.uuid_generate_v5('8f67211b-b1e3-4dd2-9402-eccaf3898635'::uuid, 'records/' || person_id::text)
 where stream_id is null;
update records.learners l set version = s.version
  from events.mt_streams s
 where s.id = l.stream_id and l.version is distinct from s.version;
alter table records.learners alter column stream_id set not null;
create unique index if not exists learners_stream on records.learners (stream_id);
