using System.Text.Json;
using Npgsql;
using Vape.Records.Contracts;

namespace Vape.Classes.Catalogue;

public enum ClassAudience
{
    /// <summary>Anyone, also without signing in, may see it; anyone signed in may enrol.</summary>
    Public,
    /// <summary>Only members of the audience unit or a unit below it.</summary>
    Members,
}

public enum ClassStatus { Scheduled, Cancelled }

public enum SessionStatus { Scheduled, Live, Ended, Cancelled }

public enum EnrolmentStatus { Enrolled, Waiting }

/// <summary>A material of a class: a link, or a library resource of the Content module (`ResourceId`, approved; its `Format` then).</summary>
public sealed record Material(string Title, string Url, Guid? ResourceId = null, string? Format = null);

/// <summary>A community class of a unit: one session or a series, with its audience, capacity and hosts.</summary>
public sealed record CommunityClass(
    Guid Id,
    Guid UnitId,
    string Title,
    string Description,
    LearningDomain Topic,
    ClassAudience Audience,
    Guid AudienceUnitId,
    int Capacity,
    IReadOnlyList<Guid> HostIds,
    IReadOnlyList<Guid> CoHostIds,
    string? MediaUrl,
    IReadOnlyList<Material> Materials,
    int CompletionPercent,
    bool Lobby,
    ClassStatus Status,
    int Version,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    bool Recording = false)
{
    public const string Columns = "c.id, c.unit_id, c.title, c.description, c.topic, c.audience, c.audience_unit_id, c.capacity, c.host_ids, " +
        "c.co_host_ids, c.media_url, c.materials::text, c.completion_percent, c.lobby, c.status, c.version, c.created_by, c.created_at, c.recording";

    public static CommunityClass Read(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), Enum.Parse<LearningDomain>(r.GetString(4)),
        Enum.Parse<ClassAudience>(r.GetString(5), true), r.GetGuid(6), r.GetInt32(7), r.GetFieldValue<Guid[]>(8), r.GetFieldValue<Guid[]>(9),
        r.IsDBNull(10) ? null : r.GetString(10), JsonSerializer.Deserialize<Material[]>(r.GetString(11), Json) ?? [], r.GetInt32(12),
        r.GetBoolean(13), Enum.Parse<ClassStatus>(r.GetString(14), true), r.GetInt32(15), r.GetGuid(16), r.GetFieldValue<DateTimeOffset>(17), r.GetBoolean(18));

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsHost(Guid person) => HostIds.Contains(person) || CoHostIds.Contains(person);
}

/// <summary>One meeting of a class; a live session is also a classroom event stream with the same id.</summary>
public sealed record ClassSession(Guid Id, Guid ClassId, int Number, DateTimeOffset StartsAt, DateTimeOffset EndsAt, SessionStatus Status,
    DateTimeOffset? OpenedAt, DateTimeOffset? EndedAt, Guid? ParentSessionId = null)
{
    public const string Columns = "s.id, s.class_id, s.number, s.starts_at, s.ends_at, s.status, s.opened_at, s.ended_at, s.parent_session_id";

    public static ClassSession Read(NpgsqlDataReader r, int o = 0) => new(r.GetGuid(o), r.GetGuid(o + 1), r.GetInt32(o + 2),
        r.GetFieldValue<DateTimeOffset>(o + 3), r.GetFieldValue<DateTimeOffset>(o + 4), Enum.Parse<SessionStatus>(r.GetString(o + 5), true),
        r.IsDBNull(o + 6) ? null : r.GetFieldValue<DateTimeOffset>(o + 6), r.IsDBNull(o + 7) ? null : r.GetFieldValue<DateTimeOffset>(o + 7),
        r.IsDBNull(o + 8) ? null : r.GetGuid(o + 8));

    public int DurationMinutes => (int)(EndsAt - StartsAt).TotalMinutes;
}

/// <summary>A learner's place in a class: enrolled, or waiting at `Position` (1 = next to move up).</summary>
public sealed record Enrolment(Guid ClassId, Guid PersonId, EnrolmentStatus Status, int? Position, DateTimeOffset Since);

internal static class SqlNames
{
    public static string Of<T>(T value) where T : struct, Enum => value.ToString().ToUpperInvariant();
}
