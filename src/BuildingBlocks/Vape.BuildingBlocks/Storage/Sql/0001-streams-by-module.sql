-- Each module's streams apart (docs/adr/0062). Until then a stream's id was whatever id the module chose, and
-- Organization and Records both chose the person's id: one stream held a person's organisation history and their
-- learning record, and each module's next append met the other's versions (VERSION_CONFLICT). Now a module's stream
-- of key K has the id uuid_v5(namespace, '<module>/<K>') (`StreamIds.Of`). This moves every stored event to its
-- module's stream, in its order, with versions renumbered from 1 per stream; the global sequence (seq_id) stays.
-- A module is read off the assembly Marten stored the event's type with: `Vape.Records` and `Vape.Records.Contracts`
-- are both `records`. Runs once, in the migrations' transaction: either every stream moves or none does.
create extension if not exists "uuid-ossp" with schema public;

create temp table stream_moves on commit drop as
select e.seq_id,
       public.uuid_generate_v5('8f67211b-b1e3-4dd2-9402-eccaf3898635'::uuid, m.module || '/' || e.stream_id::text) as new_id,
       row_number() over (partition by e.stream_id, m.module order by e.version) as new_version,
       e.timestamp
  from events.mt_events e
 cross join lateral (select lower(split_part(btrim(split_part(e.mt_dotnet_type, ',', 2)), '.', 2)) as module) m;

insert into events.mt_streams (id, type, version, timestamp, created, tenant_id, is_archived)
select new_id, null, max(new_version), max(timestamp), min(timestamp), '*DEFAULT*', false
  from stream_moves
 group by new_id
on conflict (id) do nothing;

update events.mt_events e set stream_id = m.new_id, version = m.new_version
  from stream_moves m
 where m.seq_id = e.seq_id;

delete from events.mt_streams s where not exists (select 1 from events.mt_events e where e.stream_id = s.id);
