using Vape.BuildingBlocks.Errors;

namespace Vape.Coordination.Channels;

/// <summary>Reads of channels and members, outside any command's transaction.</summary>
public sealed class ChannelStore(Reads db)
{
    private const string UnreadCounts = """
        (select count(*)::int from coordination.messages x where x.channel_id = c.id and x.posted_version > m.last_read_version
            and x.author_id <> m.person_id and x.deleted_at is null),
        (select count(*)::int from coordination.messages x where x.channel_id = c.id and x.posted_version > m.last_read_version
            and x.author_id <> m.person_id and x.deleted_at is null and (x.mentions_channel or m.person_id = any(x.mentions)))
        """;

    public async Task<IReadOnlyList<MyChannel>> ChannelsOfAsync(Guid personId, CancellationToken ct) =>
        await db.ListAsync($"""
            select {Channel.Columns}, m.role, m.last_read_version, {UnreadCounts}
              from coordination.channel_members m join coordination.channels c on c.id = m.channel_id
             where m.person_id = @p
             order by case c.kind when 'ANNOUNCEMENT' then 0 when 'UNIT' then 1 when 'CROSS_LEVEL' then 2 when 'GROUP' then 3 else 4 end, c.name, c.id
            """, r => new MyChannel(Channel.Read(r), r.GetString(Channel.Next), r.GetInt64(Channel.Next + 1), r.GetInt32(Channel.Next + 2), r.GetInt32(Channel.Next + 3)), ct, ("p", personId));

    public async Task<MyChannel?> ChannelOfAsync(Guid channelId, Guid personId, CancellationToken ct) =>
        (await db.ListAsync($"""
            select {Channel.Columns}, m.role, m.last_read_version, {UnreadCounts}
              from coordination.channel_members m join coordination.channels c on c.id = m.channel_id
             where m.person_id = @p and c.id = @c
            """, r => new MyChannel(Channel.Read(r), r.GetString(Channel.Next), r.GetInt64(Channel.Next + 1), r.GetInt32(Channel.Next + 2), r.GetInt32(Channel.Next + 3)), ct,
            ("p", personId), ("c", channelId))).SingleOrDefault();

    /// <summary>The channel as the member sees it; NOT_FOUND when it does not exist, NOT_ALLOWED when they are not a member.</summary>
    public async Task<MyChannel> DemandMemberAsync(Guid channelId, Guid personId, CancellationToken ct)
    {
        if (await ChannelOfAsync(channelId, personId, ct) is { } mine) return mine;
        throw await ExistsAsync(channelId, ct)
            ? VapeException.NotAllowed("Bạn không phải thành viên của kênh này.")
            : VapeException.NotFound("Không tìm thấy kênh.");
    }

    public async Task<bool> ExistsAsync(Guid channelId, CancellationToken ct) =>
        await db.ScalarAsync<bool>("select exists (select 1 from coordination.channels where id = @c)", ct, ("c", channelId));

    public async Task<IReadOnlyList<ChannelMember>> MembersAsync(Guid channelId, CancellationToken ct) =>
        await db.ListAsync("""
            select channel_id, person_id, role, source, last_read_version, joined_at from coordination.channel_members
             where channel_id = @c order by case role when 'MODERATOR' then 0 when 'MEMBER' then 1 else 2 end, joined_at, person_id
            """, r => new ChannelMember(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetFieldValue<DateTimeOffset>(5)),
            ct, ("c", channelId));

    public async Task<int> MemberCountAsync(Guid channelId, CancellationToken ct) =>
        await db.ScalarAsync<int>("select count(*)::int from coordination.channel_members where channel_id = @c", ct, ("c", channelId));

    public async Task<IReadOnlyList<Guid>> ChannelIdsOfAsync(Guid personId, CancellationToken ct) =>
        await db.ListAsync("select channel_id from coordination.channel_members where person_id = @p", r => r.GetGuid(0), ct, ("p", personId));

    /// <summary>Everyone who shares at least one channel with the person (the person included).</summary>
    public async Task<IReadOnlyList<Guid>> ColleaguesOfAsync(Guid personId, CancellationToken ct) =>
        await db.ListAsync("""
            select distinct o.person_id from coordination.channel_members m join coordination.channel_members o on o.channel_id = m.channel_id
             where m.person_id = @p
            """, r => r.GetGuid(0), ct, ("p", personId));

    public async Task<long> VersionAsync(Guid channelId, CancellationToken ct) =>
        await db.ScalarAsync<long>("select version from coordination.channels where id = @c", ct, ("c", channelId));
}
