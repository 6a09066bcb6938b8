-- An ordinary post is one statement in a transaction of its own (docs/adr/0052): the channel row locked, every
-- check, then every write. A refusal raises SQLSTATE VC4xx with a reason that the host turns into an error code,
-- before anything is written. `created` is false for a resend of a message already stored (returned as it is).
create or replace function coordination.post_message(p_channel uuid, p_id uuid, p_actor uuid, p_parent uuid, p_body text,
    p_priority text, p_mentions uuid[], p_all boolean, p_at timestamptz, p_files jsonb)
returns table (created boolean, message coordination.messages)
language plpgsql as $$
declare
    c coordination.channels;
    my_role text;
    found_message coordination.messages;
    root uuid;
    v bigint;
begin
    select * into c from coordination.channels where id = p_channel for update;
    if not found then raise exception using errcode = 'VC404', message = 'CHANNEL_NOT_FOUND'; end if;
    select m.role into my_role from coordination.channel_members m where m.channel_id = p_channel and m.person_id = p_actor;
    if my_role is null then raise exception using errcode = 'VC403', message = 'NOT_MEMBER'; end if;

    select * into found_message from coordination.messages x where x.id = p_id;
    if found then
        if found_message.channel_id <> p_channel or found_message.author_id <> p_actor then
            raise exception using errcode = 'VC400', message = 'ID_TAKEN';
        end if;
        return query select false, found_message;
        return;
    end if;

    if c.archived_at is not null then raise exception using errcode = 'VC403', message = 'ARCHIVED'; end if;
    if my_role = 'READER' then
        raise exception using errcode = 'VC403', message = case when c.kind = 'ANNOUNCEMENT' then 'ANNOUNCEMENT_READER' else 'READER' end;
    end if;
    if p_parent is not null then
        select * into found_message from coordination.messages x where x.id = p_parent;
        if not found or found_message.channel_id <> p_channel then raise exception using errcode = 'VC404', message = 'PARENT_NOT_FOUND'; end if;
        if found_message.deleted_at is not null then raise exception using errcode = 'VC400', message = 'PARENT_DELETED'; end if;
        -- A reply to a reply joins the same thread.
        root := coalesce(found_message.thread_root_id, p_parent);
    end if;
    if (select count(*) from coordination.channel_members m where m.channel_id = p_channel and m.person_id = any(p_mentions))
       <> cardinality(p_mentions) then
        raise exception using errcode = 'VC400', message = 'MENTION_NOT_MEMBER';
    end if;

    update coordination.channels set version = version + 1 where id = p_channel returning version into v;
    insert into coordination.channel_events (channel_id, version, kind, message_id, actor_id, at) values (p_channel, v, 'POSTED', p_id, p_actor, p_at);
    if root is not null then update coordination.messages set reply_count = reply_count + 1 where id = root; end if;
    -- What one wrote oneself is read. Unread counts come from read positions, so nothing is written per member.
    update coordination.channel_members set last_read_version = greatest(last_read_version, v) where channel_id = p_channel and person_id = p_actor;
    insert into coordination.messages (id, channel_id, author_id, thread_root_id, body, priority, mentions, mentions_channel, posted_version, version, posted_at, attachments)
    values (p_id, p_channel, p_actor, root, p_body, p_priority, p_mentions, p_all, v, v, p_at, p_files)
    returning * into found_message;
    return query select true, found_message;
end $$;

-- The last version of each channel whose push is known to have left a host (docs/adr/0052). A change above it
-- that is older than a few seconds was committed by a host that died before pushing it: another host pushes it.
alter table coordination.channels add column if not exists pushed_version bigint;
update coordination.channels set pushed_version = version where pushed_version is null;
alter table coordination.channels alter column pushed_version set default 0, alter column pushed_version set not null;
