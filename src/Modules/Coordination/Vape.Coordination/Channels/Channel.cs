using Npgsql;

namespace Vape.Coordination.Channels;

/// <summary>What a channel is for: its unit's officials, a unit with the units below, announcements, a group, two people.</summary>
public static class ChannelKinds
{
    public const string Unit = "UNIT";
    public const string CrossLevel = "CROSS_LEVEL";
    public const string Announcement = "ANNOUNCEMENT";
    public const string Group = "GROUP";
    public const string Direct = "DIRECT";

    public static bool FollowsOrganization(string kind) => kind is Unit or CrossLevel or Announcement;
}

/// <summary>What a member may do: moderators also delete others' messages; readers only read, react and acknowledge.</summary>
public static class MemberRoles
{
    public const string Moderator = "MODERATOR";
    public const string Member = "MEMBER";
    public const string Reader = "READER";

    public static int Rank(string role) => role switch { Moderator => 3, Member => 2, _ => 1 };
}

public sealed record Channel(Guid Id, string Kind, Guid? UnitId, string Name, long Version, Guid? CreatedBy, DateTimeOffset CreatedAt)
{
    internal const string Columns = "c.id, c.kind, c.unit_id, c.name, c.version, c.created_by, c.created_at";

    internal static Channel Read(NpgsqlDataReader r, int at = 0) => new(r.GetGuid(at), r.GetString(at + 1),
        r.IsDBNull(at + 2) ? null : r.GetGuid(at + 2), r.GetString(at + 3), r.GetInt64(at + 4),
        r.IsDBNull(at + 5) ? null : r.GetGuid(at + 5), r.GetFieldValue<DateTimeOffset>(at + 6));
}

/// <summary>A channel as one member sees it: with their role and read state.</summary>
public sealed record MyChannel(Channel Channel, string Role, long LastReadVersion, int Unread, int Mentions);

public sealed record ChannelMember(Guid ChannelId, Guid PersonId, string Role, string Source, long LastReadVersion, DateTimeOffset JoinedAt);

/// <summary>Someone joined or left a channel (after commit): their live connections follow.</summary>
public sealed record ChannelMembershipChanged(Guid ChannelId, Guid PersonId, bool Joined);
