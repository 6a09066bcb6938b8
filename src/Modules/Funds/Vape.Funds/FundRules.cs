using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;

namespace Vape.Funds;

/// <summary>Checks every Funds command shares: who may act, amounts in whole đồng, dates, text.</summary>
internal static class FundRules
{
    /// <summary>A thousand trillion đồng: far above any fund, far below where a bigint sum could overflow.</summary>
    public const long MaxAmount = 1_000_000_000_000_000;

    public const string OutsideWindow = "OUTSIDE_WINDOW";
    public const string BudgetExceeded = "BUDGET_EXCEEDED";
    public const string NotAwarded = "NOT_AWARDED";
    public const string AlreadyDisbursed = "ALREADY_DISBURSED";
    public const string AlreadyDecided = "ALREADY_DECIDED";
    public const string AlreadyNominated = "ALREADY_NOMINATED";
    public const string AlreadyReversed = "ALREADY_REVERSED";
    public const string PledgeAlreadyReceived = "PLEDGE_ALREADY_RECEIVED";
    public const string UnitDissolved = "UNIT_DISSOLVED";
    public const string UnitMerged = "UNIT_MERGED";

    private static readonly TimeSpan VietNam = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(VietNam).DateTime);

    public static long Amount(long amount, string what = "Số tiền")
    {
        if (amount <= 0) throw VapeException.InvalidInput($"{what} phải lớn hơn 0 đồng.");
        if (amount > MaxAmount) throw VapeException.InvalidInput($"{what} vượt quá giới hạn cho phép.");
        return amount;
    }

    public static DateOnly Past(DateOnly date, TimeProvider clock, string what)
    {
        if (date > Today(clock)) throw VapeException.InvalidInput($"{what} không được ở tương lai.");
        if (date.Year < 2000) throw VapeException.InvalidInput($"{what} không hợp lệ.");
        return date;
    }

    public static string Text(string? value, string field, int max, bool required = true)
    {
        var text = (value ?? "").Trim().Normalize(System.Text.NormalizationForm.FormC);
        if (required && text.Length == 0) throw VapeException.InvalidInput($"Hãy nhập {field}.");
        if (text.Length > max) throw VapeException.InvalidInput($"{char.ToUpperInvariant(field[0])}{field[1..]} dài tối đa {max} ký tự.");
        return text;
    }

    public static string? Optional(string? value, string field, int max) => string.IsNullOrWhiteSpace(value) ? null : Text(value, field, max);

    /// <summary>Officials of the unit or of a unit above it manage its funds (docs/adr/0092).</summary>
    public static async Task DemandManageAsync(IOrganizationQueries organization, Guid actorId, Guid unitId, CancellationToken ct)
    {
        if (!await organization.MayAsync(actorId, Permission.ManageUnits, unitId, ct))
            throw VapeException.NotAllowed("Chỉ cán bộ của đơn vị (hoặc cấp trên) mới quản lý quỹ của đơn vị.");
    }

    /// <summary>Officials of the unit and of the units above it see its figures in detail (donors named only to officials).</summary>
    public static Task<bool> MaySeeAsync(IOrganizationQueries organization, Guid? actorId, Guid unitId, CancellationToken ct) =>
        actorId is Guid actor ? organization.MayAsync(actor, Permission.ViewMembers, unitId, ct) : Task.FromResult(false);

    public static string Label(Guid unitId) => unitId.ToString("N");

    /// <summary>The unit's path of ids (centre first), asked of the Organization module; an unknown or closed unit is refused.</summary>
    public static async Task<(UnitSummary Unit, string Path)> ActiveUnitAsync(IOrganizationQueries organization, Guid unitId, CancellationToken ct)
    {
        var unit = (await organization.UnitsAsync([unitId], ct)).SingleOrDefault() ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        if (unit.Status != "Active") throw VapeException.InvalidInput("Đơn vị đã sáp nhập hoặc giải thể.");
        return (unit, await PathAsync(organization, unitId, ct));
    }

    /// <summary>
    /// A fund of a dissolved unit stays readable but takes no new donations; a merged unit's funds passed to its
    /// successor (docs/adr/0189), whose fund takes them instead.
    /// </summary>
    public static async Task DemandOpenAsync(IOrganizationQueries organization, Guid unitId, CancellationToken ct)
    {
        var unit = (await organization.UnitsAsync([unitId], ct)).SingleOrDefault() ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        if (unit.Status == "Dissolved")
            throw new VapeException(UnitDissolved, "Đơn vị của quỹ đã giải thể: quỹ vẫn công khai sổ sách nhưng không nhận ủng hộ mới.");
        if (unit.Status == "Merged")
            throw new VapeException(UnitMerged, "Đơn vị của quỹ đã sáp nhập: hãy ủng hộ quỹ tương ứng của đơn vị tiếp nhận.");
    }

    public static async Task<string> PathAsync(IOrganizationQueries organization, Guid unitId, CancellationToken ct)
    {
        var ancestors = await organization.AncestorsAsync(unitId, ct);
        return string.Join('.', ancestors.Select(a => Label(a.Id)).Append(Label(unitId)));
    }
}
