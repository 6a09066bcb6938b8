using Vape.BuildingBlocks.Storage;
using Npgsql;
using Vape.Organization.Contracts;

namespace Vape.Content.Directives;

/// <summary>Which units a directive goes to, all strictly below the issuing unit.</summary>
public enum DirectiveTargetKind
{
    /// <summary>Every active unit below the issuer.</summary>
    Subtree,
    /// <summary>Every active unit down to `levels` levels below the issuer (1: its children).</summary>
    Levels,
    /// <summary>Only the units chosen.</summary>
    Units,
}

/// <summary>Where one targeted unit stands with a directive; each step includes the ones before it.</summary>
public enum DirectiveUnitStatus
{
    Pending,
    Received,
    Read,
    Implemented,
}

/// <summary>Filters of the drill-down: who has and who has not.</summary>
public enum DirectiveUnitFilter
{
    All,
    NotReceived,
    NotRead,
    NotImplemented,
    Received,
    Read,
    Implemented,
    Overdue,
}

public sealed record Directive(
    Guid Id,
    Guid IssuerUnitId,
    string Number,
    string Title,
    string Summary,
    DateOnly IssuedOn,
    DateOnly EffectiveOn,
    DateOnly AcknowledgeBy,
    DateOnly? ReportBy,
    DirectiveTargetKind TargetKind,
    int? TargetLevels,
    int TargetCount,
    Guid IssuedBy,
    DateTimeOffset IssuedAt,
    Guid[] DocumentFileIds)
{
    internal const string Columns = "d.id, d.issuer_unit_id, d.number, d.title, d.summary, d.issued_on, d.effective_on, d.acknowledge_by, d.report_by, " +
                                    "d.target_kind, d.target_levels, d.target_count, d.issued_by, d.issued_at, d.document_file_ids";

    internal static Directive Read(NpgsqlDataReader r, int o = 0) => new(r.GetGuid(o), r.GetGuid(o + 1), r.GetString(o + 2), r.GetString(o + 3),
        r.GetString(o + 4), r.GetFieldValue<DateOnly>(o + 5), r.GetFieldValue<DateOnly>(o + 6), r.GetFieldValue<DateOnly>(o + 7),
        r.IsDBNull(o + 8) ? null : r.GetFieldValue<DateOnly>(o + 8), Enum.Parse<DirectiveTargetKind>(r.GetString(o + 9)),
        r.IsDBNull(o + 10) ? null : r.GetInt32(o + 10), r.GetInt32(o + 11), r.GetGuid(o + 12), r.GetFieldValue<DateTimeOffset>(o + 13), r.GetFieldValue<Guid[]>(o + 14));

    /// <summary>Overdue on a day: the rule is <see cref="Overdue"/>.</summary>
    public bool IsOverdue(DirectiveUnitStatus status, DateOnly today) => Overdue.IsOverdue(this, status, today);
}

/// <summary>One targeted unit's row: its acknowledgements and report.</summary>
public sealed record DirectiveTarget(
    Guid DirectiveId,
    Guid UnitId,
    bool Active,
    Guid? SuccessorId,
    Guid[] MergedFrom,
    DateTimeOffset? ReceivedAt,
    Guid? ReceivedBy,
    DateTimeOffset? ReadAt,
    Guid? ReadBy,
    DateTimeOffset? ImplementedAt,
    Guid? ImplementedBy,
    string? Report,
    int Version,
    Guid[] ReportFileIds)
{
    internal const string Columns = "t.directive_id, t.unit_id, t.active, t.successor_id, t.merged_from, t.received_at, t.received_by, t.read_at, t.read_by, " +
                                    "t.implemented_at, t.implemented_by, t.report, t.version, t.report_file_ids";

    internal static DirectiveTarget Read(NpgsqlDataReader r, int o = 0) => new(r.GetGuid(o), r.GetGuid(o + 1), r.GetBoolean(o + 2),
        r.Get<Guid?>(o + 3), r.GetFieldValue<Guid[]>(o + 4), r.Get<DateTimeOffset?>(o + 5), r.Get<Guid?>(o + 6), r.Get<DateTimeOffset?>(o + 7),
        r.Get<Guid?>(o + 8), r.Get<DateTimeOffset?>(o + 9), r.Get<Guid?>(o + 10), r.Get<string>(o + 11), r.GetInt32(o + 12), r.GetFieldValue<Guid[]>(o + 13));

    /// <summary>The row after an event (the version is the store's: it moves once per change, however many events).</summary>
    public DirectiveTarget Apply(IDirectiveTargetEvent e) => e switch
    {
        DirectiveReceived x => this with { ReceivedAt = x.At, ReceivedBy = x.By },
        DirectiveRead x => this with { ReadAt = x.At, ReadBy = x.By },
        DirectiveImplemented x => this with { ImplementedAt = x.At, ImplementedBy = x.By, Report = x.Report, ReportFileIds = x.FileIds },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name),
    };

    public DirectiveUnitStatus Status => ImplementedAt is not null ? DirectiveUnitStatus.Implemented
        : ReadAt is not null ? DirectiveUnitStatus.Read
        : ReceivedAt is not null ? DirectiveUnitStatus.Received
        : DirectiveUnitStatus.Pending;
}

/// <summary>A directive as one unit sees it (its row), for lists of a unit's directives.</summary>
public sealed record DirectiveForUnit(Directive Directive, DirectiveTarget Target);

public sealed record Guidance(Guid Id, Guid DirectiveId, Guid UnitId, string Text, Guid AuthorId, DateTimeOffset CreatedAt);

/// <summary>Counts of one group of the roll-up (a level, a child subtree, or everything).</summary>
public sealed record RollupCounts(int Units, int Received, int Read, int Implemented, int Overdue);

public sealed record RollupLevel(int Level, RollupCounts Counts);

public sealed record RollupSubtree(Guid UnitId, RollupCounts Counts);

public sealed record Rollup(Guid RootUnitId, RollupCounts Total, IReadOnlyList<RollupLevel> Levels, IReadOnlyList<RollupSubtree> Subtrees);

/// <summary>Unit paths as this module stores them: ltree labels of unit ids (32 hex digits), from the centre down.</summary>
internal static class UnitPaths
{
    public static string Label(Guid unitId) => unitId.ToString("N");

    public static Guid FromLabel(string label) => Guid.ParseExact(label, "N");

    /// <summary>The unit's current path, asked of the Organization module.</summary>
    public static async Task<string> OfAsync(IOrganizationQueries organization, Guid unitId, CancellationToken ct)
    {
        var ancestors = await organization.AncestorsAsync(unitId, ct);
        return string.Join('.', ancestors.Select(a => Label(a.Id)).Append(Label(unitId)));
    }

    /// <summary>Paths of a subtree's units from the root's path and the parent links (the root first, parents before children).</summary>
    public static Dictionary<Guid, string> Of(string rootPath, IReadOnlyList<UnitSummary> subtree)
    {
        var paths = new Dictionary<Guid, string>(subtree.Count);
        foreach (var unit in subtree)
        {
            if (paths.Count == 0) paths[unit.Id] = rootPath;
            else if (unit.ParentId is Guid parent && paths.TryGetValue(parent, out var parentPath)) paths[unit.Id] = parentPath + "." + Label(unit.Id);
        }
        return paths;
    }
}
