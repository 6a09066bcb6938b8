-- Ordinary posts to one channel written together (docs/adr/0059): the channel locked and its version raised once,
-- one insert for the stream rows and one for the messages. Only posts without a parent or mentions come here, from
-- authors who may write; anything else (a refusal, a resend, the same id twice) raises, and the caller writes each
-- post alone with `post_message`, which gives each its own answer.
create or replace function coordination.post_messages(p_channel uuid, p_ids uuid[], p_actors uuid[], p_bodies text[], p_all boolean[],
    p_at timestamptz[], p_files jsonb[])
returns table (ord int, message coordination.messages)
language plpgsql as $$
declare
    c coordination.channels;
    n int := cardinality(p_ids);
    v0 bigint;
begin
    select * into c from coordination.channels where id = p_channel for update;
    if not found or c.archived_at is not null then raise exception using errcode = 'VC409', message = 'ONE_BY_ONE'; end if;
    if exists (select 1 from unnest(p_actors) a(person_id)
               left join coordination.channel_members m on m.channel_id = p_channel and m.person_id = a.person_id
               where m.role is null or m.role = 'READER')
       or exists (select 1 from coordination.messages x where x.id = any(p_ids)) then
        raise exception using errcode = 'VC409', message = 'ONE_BY_ONE';
    end if;
    update coordination.channels set version = version + n where id = p_channel returning version - n into v0;
    insert into coordination.channel_events (channel_id, version, kind, message_id, actor_id, at)
    select p_channel, v0 + i, 'POSTED', p_ids[i], p_actors[i], p_at[i] from generate_series(1, n) i;
    -- What one wrote oneself is read.
    update coordination.channel_members m set last_read_version = greatest(m.last_read_version, w.v)
      from (select p_actors[i] person_id, max(v0 + i) v from generate_series(1, n) i group by 1) w
     where m.channel_id = p_channel and m.person_id = w.person_id;
    return query
    with written as (
        insert into coordination.messages (id, channel_id, author_id, body, priority, mentions, mentions_channel, posted_version, version, posted_at, attachments)
        select p_ids[i], p_channel, p_actors[i], p_bodies[i], 'NORMAL', '{}', p_all[i], v0 + i, v0 + i, p_at[i], p_files[i] from generate_series(1, n) i
        returning *)
    select (w.posted_version - v0)::int, row(w.*)::coordination.messages from written w order by w.posted_version;
end $$;
