-- Chat lines and reactions are decided in C# (`SendChat`, `SendReaction`, docs/adr/0110); the database only takes the
-- room's lock, checks the version the decision was made at, and appends. `post_lines` (0007) made the decision
-- itself, reading the C# room document's JSON: gone.
drop function if exists classes.post_lines(uuid, uuid, uuid[], boolean[], uuid[], text[], text[], jsonb[], timestamptz[]);

-- Lines of one room, in one statement: the room's lock (the key every writer of the room takes,
-- `ClassesSql.LockAsync`); then, unless the session's stream is still at `p_expected` (the version the lines were
-- decided at) and none of the chat lines' ids is already in the room's chat, nothing is written and the function
-- returns `appended` false with what it found (`version`: the stream's version, -1 without a stream; `known`: the chat
-- lines' ids already written) for the caller to decide again. Otherwise it writes the chat lines' rows (versions `p_expected` + 1, ... in
-- the order given), appends the events (Marten's serializer wrote `p_bodies`) to the stream through Marten's own
-- append function, raises the room document's version to the stream's, and returns `appended` with the new version.
create or replace function classes.append_lines(p_session uuid, p_stream uuid, p_expected bigint,
    p_event_ids uuid[], p_types text[], p_dotnet_types text[], p_bodies jsonb[], p_ats timestamptz[],
    p_chat_ords int[], p_message_ids uuid[], p_persons uuid[], p_names text[], p_texts text[])
returns table (appended boolean, version bigint, known uuid[])
language plpgsql as $$
declare
    found_version bigint;
    already uuid[];
    n int := cardinality(p_event_ids);
begin
    perform pg_advisory_xact_lock(hashtextextended('classes:' || p_session::text, 0));
    select s.version into found_version from events.mt_streams s where s.id = p_stream;
    select coalesce(array_agg(c.message_id), '{}') into already from classes.chat c
     where c.session_id = p_session and c.message_id = any(p_message_ids);
    if found_version is distinct from p_expected or cardinality(already) > 0 then
        return query select false, coalesce(found_version, -1), already;
        return;
    end if;
    insert into classes.chat (session_id, version, message_id, person_id, name, text, at)
    select p_session, p_expected + o, m, p, nm, t, p_ats[o]
      from unnest(p_chat_ords, p_message_ids, p_persons, p_names, p_texts) as l(o, m, p, nm, t);
    perform events.mt_quick_append_events(p_stream, null, '*DEFAULT*', p_event_ids, p_types::varchar[], p_dotnet_types::varchar[], p_bodies,
        array_fill(null::bytea, array[n]), p_ats, p_expected);
    update classes.mt_doc_classroom d
       set data = jsonb_set(d.data, '{version}', to_jsonb(p_expected + n)), mt_last_modified = transaction_timestamp(), mt_version = gen_random_uuid()
     where d.id = p_session;
    return query select true, p_expected + n, '{}'::uuid[];
end $$;
