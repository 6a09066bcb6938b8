-- `coordination.append_posts` (0006) planned its statements again at every call: PL/pgSQL keeps a statement's
-- generic plan only when its estimated cost is close to the custom plans', and `generate_series(1, n)` with `n`
-- unknown is guessed at 1,000 rows, so each of its statements was planned anew for each set of posts (a post paid
-- more for planning than for its writes). The same statements, planned once per connection (`force_generic_plan`),
-- and the two that joined the set to a table now find their rows by key (`= any`), so their one plan is right for a
-- set of one as for 64 (docs/adr/0307). What it writes is unchanged.
-- Posts to one channel as C# decided them (`PostStatement.Decide`), in order: written only if the channel is still
-- at `p_version` and `p_rules` and none of the ids is stored yet; otherwise no row comes back and nothing is written
-- (the caller reads again under the lock and decides again). The messages as stored, with their place in the set.
create or replace function coordination.append_posts(p_channel uuid, p_version bigint, p_rules bigint, p_ids uuid[], p_actors uuid[],
    p_roots uuid[], p_bodies text[], p_priorities text[], p_mentions jsonb[], p_all boolean[], p_at timestamptz[], p_files jsonb[])
returns table (ord int, message coordination.messages)
language plpgsql
set plan_cache_mode = force_generic_plan
as $$
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
    -- Each row by its key (`= any`): the same plan whatever the set's size.
    update coordination.messages r set reply_count = r.reply_count + (select count(*) from unnest(p_roots) root where root = r.id)
     where r.id = any(p_roots);
    -- What one wrote oneself is read. Unread counts come from read positions, so nothing is written per member.
    update coordination.channel_members m
       set last_read_version = greatest(m.last_read_version, p_version + (select max(i) from generate_series(1, n) i where p_actors[i] = m.person_id))
     where m.channel_id = p_channel and m.person_id = any(p_actors);
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
