using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Coordination.Realtime;
using Vape.Coordination.Messages;
using Vape.Organization.Contracts;
using Wolverine;

namespace Vape.Coordination.Channels;

/// <summary>A moderator of a group adds people to it (already there: nothing changes).</summary>
public sealed record AddChannelMembers(Guid ChannelId, IReadOnlyList<Guid> PersonIds, Guid ActorId);

/// <summary>A moderator of a group removes one member (not the last moderator).</summary>
public sealed record RemoveChannelMember(Guid ChannelId, Guid PersonId, Guid ActorId);

/// <summary>A member leaves a group (the last moderator hands over first).</summary>
public sealed record LeaveChannel(Guid ChannelId, Guid ActorId);

/// <summary>
/// Membership of GROUP channels after their creation. Unit channels follow the organization and direct
/// conversations stay two people: both refuse with INVALID_INPUT. A removed member's live connections leave the
/// channel's group straight after the commit, so they hear nothing posted after it; reads check membership.
/// </summary>
public static class GroupMembersHandler
{
    public static async Task<(Channel, OutgoingMessages)> Handle(AddChannelMembers command, IOrganizationQueries org, ChannelStore channels,
        IDocumentSession session, TimeProvider clock, ChannelPushes pushes, CancellationToken ct)
    {
        await DemandGroupAsync(channels, command.ChannelId, command.ActorId, moderator: true, ct);
        var people = command.PersonIds.Distinct().ToList();
        if (people.Count == 0) throw VapeException.InvalidInput("Hãy chọn ít nhất một người để thêm vào nhóm.");
        if (people.Count > CreateChannelHandler.MaxMembers) throw VapeException.InvalidInput($"Một kênh có tối đa {CreateChannelHandler.MaxMembers} thành viên.");
        // Asked of the organization before the transaction begins (see UnitChannelsHandler).
        var known = await org.DisplayNamesAsync(people, ct);
        if (known.Count != people.Count) throw VapeException.NotFound("Không tìm thấy một số người được thêm vào nhóm.");

        var sql = new SessionSql(session);
        var channel = await LockAsync(sql, command.ChannelId, command.ActorId, moderator: true, ct);
        var count = await sql.ScalarAsync<long>("""
            select count(*) from (select person_id from coordination.channel_members where channel_id = @c union select unnest(@p)) x
            """, ct, ("c", channel.Id), ("p", people.ToArray()));
        if (count > CreateChannelHandler.MaxMembers) throw VapeException.InvalidInput($"Một kênh có tối đa {CreateChannelHandler.MaxMembers} thành viên.");
        var added = await sql.ListAsync("""
            insert into coordination.channel_members (channel_id, person_id, role, source, joined_at)
            select @c, p, 'MEMBER', 'MANUAL', @at from unnest(@p) p
            on conflict (channel_id, person_id) do nothing
            returning person_id
            """, r => r.GetGuid(0), ct, ("c", channel.Id), ("p", people.ToArray()), ("at", clock.GetUtcNow()));
        var outgoing = new OutgoingMessages();
        foreach (var person in added) pushes.MembershipAfterCommit(session, outgoing, new ChannelMembershipChanged(channel.Id, person, Joined: true));
        return (channel, outgoing);
    }

    public static async Task<(Channel, OutgoingMessages)> Handle(RemoveChannelMember command, ChannelStore channels, IDocumentSession session,
        ChannelPushes pushes, CancellationToken ct)
    {
        var self = command.PersonId == command.ActorId;
        await DemandGroupAsync(channels, command.ChannelId, command.ActorId, moderator: !self, ct);
        var sql = new SessionSql(session);
        var channel = await LockAsync(sql, command.ChannelId, command.ActorId, moderator: !self, ct);
        return (channel, await RemoveAsync(sql, session, pushes, channel, command.PersonId, ct));
    }

    public static async Task<(Channel, OutgoingMessages)> Handle(LeaveChannel command, ChannelStore channels, IDocumentSession session,
        ChannelPushes pushes, CancellationToken ct)
    {
        await DemandGroupAsync(channels, command.ChannelId, command.ActorId, moderator: false, ct);
        var sql = new SessionSql(session);
        var channel = await LockAsync(sql, command.ChannelId, command.ActorId, moderator: false, ct);
        return (channel, await RemoveAsync(sql, session, pushes, channel, command.ActorId, ct));
    }

    private static async Task<OutgoingMessages> RemoveAsync(SessionSql sql, IDocumentSession session, ChannelPushes pushes, Channel channel, Guid person, CancellationToken ct)
    {
        var rows = await sql.ListAsync("""
            select m.role, (select count(*) from coordination.channel_members o where o.channel_id = m.channel_id and o.role = 'MODERATOR'),
                   (select count(*) from coordination.channel_members o where o.channel_id = m.channel_id)
              from coordination.channel_members m where m.channel_id = @c and m.person_id = @p
            """, r => (Role: r.GetString(0), Moderators: r.GetInt64(1), Members: r.GetInt64(2)), ct, ("c", channel.Id), ("p", person));
        if (rows.Count == 0) throw VapeException.NotFound("Người này không ở trong nhóm.");
        var (role, moderators, members) = rows[0];
        if (role == MemberRoles.Moderator && moderators == 1 && members > 1)
            throw VapeException.InvalidInput("Nhóm cần ít nhất một người điều hành: hãy giao quyền điều hành cho người khác trước.");
        await sql.ExecuteAsync("delete from coordination.channel_members where channel_id = @c and person_id = @p", ct, ("c", channel.Id), ("p", person));
        var outgoing = new OutgoingMessages();
        pushes.MembershipAfterCommit(session, outgoing, new ChannelMembershipChanged(channel.Id, person, Joined: false));
        return outgoing;
    }

    /// <summary>The rules, read before the transaction: NOT_FOUND, NOT_ALLOWED (not a member, not a moderator, archived), INVALID_INPUT (not a group).</summary>
    private static async Task DemandGroupAsync(ChannelStore channels, Guid channelId, Guid actorId, bool moderator, CancellationToken ct)
    {
        var mine = await channels.DemandMemberAsync(channelId, actorId, ct);
        Rules(mine.Channel, mine.Role, moderator);
    }

    /// <summary>The same rules again with the channel row locked, so that two changes of one group never cross.</summary>
    private static async Task<Channel> LockAsync(SessionSql sql, Guid channelId, Guid actorId, bool moderator, CancellationToken ct)
    {
        var (channel, role) = await new ChannelStream(sql).LockAsync(channelId, actorId, ct);
        Rules(channel, role, moderator);
        return channel;
    }

    private static void Rules(Channel channel, string role, bool moderator)
    {
        if (channel.Kind == ChannelKinds.Direct) throw VapeException.InvalidInput("Trò chuyện riêng luôn chỉ có hai người: hãy tạo nhóm nếu cần thêm người.");
        if (channel.Kind != ChannelKinds.Group)
            throw VapeException.InvalidInput("Thành viên của kênh đơn vị đi theo chức vụ trong tổ chức, không thêm bớt tay được.");
        channel.DemandOpen();
        if (moderator && role != MemberRoles.Moderator) throw VapeException.NotAllowed("Chỉ người điều hành nhóm được thêm hoặc bớt thành viên.");
    }
}
