-- `records.open_record` (0003) reads first and inserts only what is missing: a record's row and its person's key
-- exist after the first write, and `insert ... on conflict do nothing` on every write cost a speculative insertion
-- into two unique indexes each time (RecordsAppendBenchmark, docs/records.md). Same answers, same lock.
create or replace function records.open_record(p_person uuid, p_stream uuid, p_key bytea, p_day date)
returns table (version int, key bytea, day_minutes bigint)
language plpgsql as $$
declare
    v_version int;
    v_key bytea;
begin
    select l.version into v_version from records.learners l where l.person_id = p_person for update;
    if not found then
        insert into records.learners (person_id, stream_id) values (p_person, p_stream) on conflict (person_id) do nothing;
        select l.version into v_version from records.learners l where l.person_id = p_person for update;
    end if;
    select k.key into v_key from records.person_keys k where k.person_id = p_person;
    if v_key is null and p_key is not null then
        insert into records.person_keys (person_id, key) values (p_person, p_key) on conflict (person_id) do nothing;
        select k.key into v_key from records.person_keys k where k.person_id = p_person;
    end if;
    return query
        select v_version, v_key,
               case when p_day is null then 0::bigint else
                   (select coalesce(sum(e.minutes), 0)::bigint from records.entries e
                     where e.person_id = p_person and e.on_date = p_day and e.kind = 'Activity' and e.status <> 'Rejected') end;
end $$;
