-- The stream a room's events go to is the Classes module's stream of the session (`p_stream`, docs/adr/0062), not a
-- stream whose id is the session's id.
drop function if exists classes.post_lines(uuid, uuid[], boolean[], uuid[], text[], text[], jsonb[], timestamptz[]);

-- Chat lines and reactions of one room, one or several, in one statement (docs/adr/0061): the room's lock (the key
-- every writer of the room takes, `ClassesSql.LockAsync`) and the room read once; then for each line in the order
-- given, the checks against the room and the sender's row, its version and, for a chat line, its row in
-- classes.chat; then every event accepted appended to the session's stream by Marten's own append function in one
-- call, and the room document's version raised once.
--
-- A refused line gets no version and writes nothing; it is returned with the error code in `refused`, and the
-- others go on: a muted learner's line does not hold back the lines of a busy room written together with it.
-- `p_bodies` are the events as Marten's serializer wrote them; a chat line's `name` is the sender's as the room
-- knows them (their participant row), set here. Returns one row per line, by its position (`ord`, from 1).
create or replace function classes.post_lines(p_session uuid, p_stream uuid, p_persons uuid[], p_chats boolean[], p_event_ids uuid[], p_types text[],
    p_dotnet_types text[], p_bodies jsonb[], p_ats timestamptz[])
returns table (ord int, version bigint, name text, refused text)
language plpgsql as $$
declare
    room jsonb;
    me classes.participants;
    n int := cardinality(p_persons);
    first_version bigint;
    v bigint;
    body jsonb;
    ids uuid[] := '{}';
    types varchar[] := '{}';
    dotnet_types varchar[] := '{}';
    bodies jsonb[] := '{}';
    ats timestamptz[] := '{}';
begin
    perform pg_advisory_xact_lock(hashtextextended('classes:' || p_session::text, 0));
    select d.data into room from classes.mt_doc_classroom d where d.id = p_session;
    if not found or room->>'endedAt' is not null then
        return query select g, null::bigint, null::text, case when room is null then 'CLASS_NOT_STARTED' else 'CLASS_ENDED' end
          from generate_series(1, n) g;
        return;
    end if;
    first_version := (room->>'version')::bigint;
    v := first_version;
    for i in 1 .. n loop
        select * into me from classes.participants p where p.session_id = p_session and p.person_id = p_persons[i];
        if found and me.removed then
            return query select i, null::bigint, null::text, 'REMOVED'::text;
        elsif not found or not me.present then
            return query select i, null::bigint, null::text, 'NOT_IN_ROOM'::text;
        elsif p_chats[i] and (me.muted or (coalesce((room->>'allMuted')::boolean, false) and me.role = 'LEARNER')) then
            return query select i, null::bigint, null::text, 'MUTED'::text;
        else
            v := v + 1;
            body := p_bodies[i];
            if p_chats[i] then
                body := body || jsonb_build_object('name', me.name);
                insert into classes.chat (session_id, version, message_id, person_id, name, text, at)
                values (p_session, v, (body->>'messageId')::uuid, p_persons[i], me.name, body->>'text', p_ats[i]);
            end if;
            ids := array_append(ids, p_event_ids[i]);
            types := array_append(types, p_types[i]::varchar);
            dotnet_types := array_append(dotnet_types, p_dotnet_types[i]::varchar);
            bodies := array_append(bodies, body);
            ats := array_append(ats, p_ats[i]);
            return query select i, v, me.name, null::text;
        end if;
    end loop;
    if v > first_version then
        -- Marten's append (the one its quick append mode uses); the stream's version is checked against the room's.
        perform events.mt_quick_append_events(p_stream, null, '*DEFAULT*', ids, types, dotnet_types, bodies,
            array_fill(null::bytea, array[cardinality(ids)]), ats, first_version);
        update classes.mt_doc_classroom d
           set data = jsonb_set(d.data, '{version}', to_jsonb(v)), mt_last_modified = transaction_timestamp(), mt_version = gen_random_uuid()
         where d.id = p_session;
    end if;
end $$;
