-- A post's rules are decided in C# (docs/adr/0305); SQL only locks the channel, checks that nothing the decision
-- read has moved, and appends. What a post is decided on besides the stream (whose version moves with every
-- change of a message) is the channel's kind and archive and its members' roles: `rules_version` moves with them.
alter table coordination.channels add column if not exists rules_version bigint not null default 0;

create or replace function coordination.raise_rules_version() returns trigger language plpgsql as $$
begin
    if tg_table_name = 'channels' then
        new.rules_version := old.rules_version + 1;
        return new;
    end if;
    update coordination.channels set rules_version = rules_version + 1
     where id = case when tg_op = 'DELETE' then old.channel_id else new.channel_id end;
    return null;
end $$;

drop trigger if exists channels_rules on coordination.channels;
create trigger channels_rules before update of kind, archived_at on coordination.channels for each row
    when (old.kind is distinct from new.kind or old.archived_at is distinct from new.archived_at)
    execute function coordination.raise_rules_version();
drop trigger if exists members_joined_or_left on coordination.channel_members;
create trigger members_joined_or_left after insert or delete on coordination.channel_members for each row
    execute function coordination.raise_rules_version();
drop trigger if exists members_role on coordination.channel_members;
create trigger members_role after update of role, channel_id on coordination.channel_members for each row
    when (old.role is distinct from new.role or old.channel_id is distinct from new.channel_id)
    execute function coordination.raise_rules_version();

-- Posts to one channel as C# decided them (`PostStatement.Decide`), in order: written only if the channel is still
-- at `p_version` and `p_rules` and none of the ids is stored yet; otherwise no row comes back and nothing is written
-- (the caller reads again under the lock and decides again). The messages as stored, with their place in the set.
create or replace function coordination.append_posts(p_channel uuid, p_version bigint, p_rules bigint, p_ids uuid[], p_actors uuid[],
    p_roots uuid[], p_bodies text[], p_priorities text[], p_mentions jsonb[], p_all boolean[], p_at timestamptz[], p_files jsonb[])
returns table (ord int, message coordination.messages)
language plpgsql as $$
declare
    c coordination.channels;
    n int := cardinality(p_ids);
begin
    select * into c from coordination.channels where id = p_channel for update;
    if not found or c.version <> p_version or c.rules_version <> p_rules
       or exists (select 1 from coordination.messages x where x.id = any(p_ids)) then
        return;
    end if;
    update coordination.channels set version = version + n where id = p_channel;
    insert into coordination.channel_events (channel_id, version, kind, message_id, actor_id, at)
    select p_channel, p_version + i, 'POSTED', p_ids[i], p_actors[i], p_at[i] from generate_series(1, n) i;
    update coordination.messages r set reply_count = r.reply_count + t.k
      from (select root, count(*) k from unnest(p_roots) root where root is not null group by root) t
     where r.id = t.root;
    -- What one wrote oneself is read. Unread counts come from read positions, so nothing is written per member.
    update coordination.channel_members m set last_read_version = greatest(m.last_read_version, w.v)
      from (select p_actors[i] person_id, max(p_version + i) v from generate_series(1, n) i group by 1) w
     where m.channel_id = p_channel and m.person_id = w.person_id;
    return query
    with written as (
        insert into coordination.messages (id, channel_id, author_id, thread_root_id, body, priority, mentions, mentions_channel, posted_version,
            version, posted_at, attachments)
        select p_ids[i], p_channel, p_actors[i], p_roots[i], p_bodies[i], p_priorities[i],
               array(select jsonb_array_elements_text(p_mentions[i])::uuid), p_all[i], p_version + i, p_version + i, p_at[i], p_files[i]
          from generate_series(1, n) i
        returning *)
    select (w.posted_version - p_version)::int, row(w.*)::coordination.messages from written w order by w.posted_version;
end $$;

drop function if exists coordination.post_message(uuid, uuid, uuid, uuid, text, text, uuid[], boolean, timestamptz, jsonb);
drop function if exists coordination.post_messages(uuid, uuid[], uuid[], text[], boolean[], timestamptz[], jsonb[]);
