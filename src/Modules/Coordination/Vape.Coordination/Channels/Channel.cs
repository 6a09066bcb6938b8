using Npgsql;

namespace Vape.Coordination.Channels;

/// <summary>What a channel is for: its unit's officials, a unit with the units below, announcements, a group, two people.</summary>
internal static class ChannelKinds
{
    public const string Unit = "UNIT";
    public const string CrossLevel = "CROSS_LEVEL";
    public const string Announcement = "ANNOUNCEMENT";
    public const string Group = "GROUP";
    public const string Direct = "DIRECT";

    public static bool FollowsOrganization(string kind) => kind is Unit or CrossLevel or Announcement;
}

/// <summary>What a member may do: moderators also delete others' messages; readers only read, react and acknowledge.</summary>
internal static class MemberRoles
{
    public const string Moderator = "MODERATOR";
    public const string Member = "MEMBER";
    public const string Reader = "READER";

    public static int Rank(string role) => role switch { Moderator => 3, Member => 2, _ => 1 };
}

/// <summary>A channel; an archived one (its unit merged or dissolved) is read-only and may point to its successor (docs/adr/0045).</summary>
public sealed record Channel(Guid Id, string Kind, Guid? UnitId, string Name, long Version, Guid? CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? ArchivedAt = null, Guid? SuccessorChannelId = null)
{
    internal const string Columns = "c.id, c.kind, c.unit_id, c.name, c.version, c.created_by, c.created_at, c.archived_at, c.successor_channel_id";

    /// <summary>How many columns <see cref="Columns"/> reads; what a query selects after them starts here.</summary>
    internal const int Next = 9;

    public bool Archived => ArchivedAt is not null;

    internal static Channel Read(NpgsqlDataReader r, int at = 0) => new(r.GetGuid(at), r.GetString(at + 1),
        r.IsDBNull(at + 2) ? null : r.GetGuid(at + 2), r.GetString(at + 3), r.GetInt64(at + 4),
        r.IsDBNull(at + 5) ? null : r.GetGuid(at + 5), r.GetFieldValue<DateTimeOffset>(at + 6),
        r.IsDBNull(at + 7) ? null : r.GetFieldValue<DateTimeOffset>(at + 7), r.IsDBNull(at + 8) ? null : r.GetGuid(at + 8));

    /// <summary>NOT_ALLOWED when the channel is archived: nothing is posted, changed or typed in it any more.</summary>
    internal void DemandOpen()
    {
        if (Archived) throw ArchivedRefusal();
    }

    internal static Vape.BuildingBlocks.Errors.VapeException ArchivedRefusal() =>
        Vape.BuildingBlocks.Errors.VapeException.NotAllowed("Kênh đã được lưu trữ (đơn vị đã sáp nhập hoặc giải thể): chỉ xem lại được lịch sử.");
}

/// <summary>A channel as one member sees it: with their role and read state.</summary>
public sealed record MyChannel(Channel Channel, string Role, long LastReadVersion, int Unread, int Mentions);

public sealed record ChannelMember(Guid ChannelId, Guid PersonId, string Role, string Source, long LastReadVersion, DateTimeOffset JoinedAt);

/// <summary>Someone joined or left a channel (after commit): their live connections follow.</summary>
public sealed record ChannelMembershipChanged(Guid ChannelId, Guid PersonId, bool Joined);
