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

/// <summary>A unit of the tree as stored now. <see cref="Path"/> is its ltree path of ids, root first.</summary>
public sealed record Unit(
    Guid Id,
    string Code,
    string Name,
    UnitKind Kind,
    Guid? ParentId,
    string Path,
    int Depth,
    UnitStatus Status,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    Guid? SuccessorId,
    IReadOnlyList<string> FormedFrom,
    int Version,
    DateOnly LastChange)
{
    public static string Label(Guid id) => id.ToString("N");

    public bool IsSelfOrDescendantOf(Guid ancestor) => Path.Split('.').Contains(Label(ancestor));
}

/// <summary>Which kind of unit may stand under which: the association's charter, simplified.</summary>
internal static class UnitKinds
{
    private static readonly Dictionary<UnitKind, UnitKind[]> AllowedParents = new()
    {
        [UnitKind.Central] = [],
        [UnitKind.Province] = [UnitKind.Central],
        [UnitKind.Commune] = [UnitKind.Province],
        [UnitKind.Village] = [UnitKind.Commune],
        [UnitKind.LearningClan] = [UnitKind.Commune, UnitKind.Village],
        [UnitKind.PromotionBoard] = [UnitKind.Commune, UnitKind.Village],
        [UnitKind.CommunityLearningCentre] = [UnitKind.Commune],
        [UnitKind.MemberChapter] = [UnitKind.Central, UnitKind.Province, UnitKind.Commune],
    };

    public static bool MayStandUnder(this UnitKind kind, UnitKind parent) => AllowedParents[kind].Contains(parent);

    public static string Describe(this UnitKind kind) => kind switch
    {
        UnitKind.Central => "Trung ương Hội",
        UnitKind.Province => "tỉnh/thành phố",
        UnitKind.Commune => "xã/phường/đặc khu",
        UnitKind.Village => "thôn/tổ dân phố",
        UnitKind.LearningClan => "dòng họ học tập",
        UnitKind.PromotionBoard => "ban/chi hội khuyến học cơ sở",
        UnitKind.CommunityLearningCentre => "trung tâm học tập cộng đồng",
        UnitKind.MemberChapter => "chi hội tại cơ quan, trường học, doanh nghiệp",
        _ => kind.ToString(),
    };
}
