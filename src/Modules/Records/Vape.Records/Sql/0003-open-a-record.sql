-- What every write of a record first needs, in one round trip (docs/adr/0062): the person's row in `learners` (made
-- on the first write) held until the commit, so that a record has one writer at a time; its version; the person's key,
-- made now when `p_key` is given and none exists; and for `p_day` the minutes of activity already on that day. The
-- checks on them stay in C# (RecordStream).
create or replace function records.open_record(p_person uuid, p_stream uuid, p_key bytea, p_day date)
returns table (version int, key bytea, day_minutes bigint)
language plpgsql as $$
begin
    insert into records.learners (person_id, stream_id) values (p_person, p_stream) on conflict (person_id) do nothing;
    if p_key is not null then
        insert into records.person_keys (person_id, key) values (p_person, p_key) on conflict (person_id) do nothing;
    end if;
    return query
        select l.version,
               (select k.key from records.person_keys k where k.person_id = p_person),
               case when p_day is null then 0::bigint else
                   (select coalesce(sum(e.minutes), 0)::bigint from records.entries e
                     where e.person_id = p_person and e.on_date = p_day and e.kind = 'Activity' and e.status <> 'Rejected') end
          from records.learners l
         where l.person_id = p_person
           for update of l;
end $$;
