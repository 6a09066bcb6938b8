using JasperFx;

namespace Vape.Organization.Tree;

public enum UnitKind
{
    Central,
    Province,
    Commune,
    Village,
    LearningClan,
    PromotionBoard,
    CommunityLearningCentre,
    MemberChapter,
}

public enum UnitStatus
{
    Active,
    Merged,
    Dissolved,
}

/// <summary>A unit of the association's tree. <see cref="Path"/> is the materialised path of ids, root first, itself last.</summary>
public sealed class Unit : IRevisioned
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public Guid? ParentId { get; set; }
    public required string Path { get; set; }
    public int Depth { get; set; }
    public UnitStatus Status { get; set; } = UnitStatus.Active;
    public DateOnly EffectiveFrom { get; set; }
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>The units this one was formed from (the 2025 mergers of provinces), as history.</summary>
    public List<string> FormedFrom { get; set; } = [];

    /// <summary>Marten's numeric revision: the optimistic-concurrency token a client sends back.</summary>
    public int Version { get; set; }

    public static string PathOf(Unit? parent, Guid id) => (parent?.Path ?? "/") + id.ToString("N") + "/";

    public bool IsSelfOrDescendantOf(Guid ancestorId) => Path.Contains("/" + ancestorId.ToString("N") + "/", StringComparison.Ordinal);

    public IEnumerable<Guid> AncestorIds() =>
        Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Where(id => id != Id);
}
