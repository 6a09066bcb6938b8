using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;

namespace Vape.Organization.Tree;

/// <summary>
/// The checks every change of the tree shares, each throwing INVALID_INPUT (VERSION_CONFLICT for a stale version) with
/// a message in Vietnamese: the unit decider's common rules, used by each action's `Decide` (docs/adr/0164).
/// </summary>
internal static partial class TreeRules
{
    public const int MaxNameLength = 200;

    public static string Name(string? name, string what = "Tên đơn vị")
    {
        var clean = (name ?? "").Trim().Normalize(NormalizationForm.FormC);
        if (clean.Length == 0) throw VapeException.InvalidInput($"{what} không được để trống.");
        if (clean.Length > MaxNameLength) throw VapeException.InvalidInput($"{what} dài tối đa {MaxNameLength} ký tự.");
        if (clean.Any(char.IsControl)) throw VapeException.InvalidInput($"{what} có ký tự điều khiển.");
        // Names from a CSV file do not pass through the GraphQL edge: the same rule as there (ADR 0100).
        if (clean.Any(InputText.IsInvisibleOrDirection)) throw VapeException.InvalidInput($"{what} có ký tự ẩn hoặc ký tự đổi chiều văn bản.");
        return clean;
    }

    /// <summary>A code as stored and looked up (trimmed, upper case), before <see cref="Code"/> checks it.</summary>
    public static string CodeKey(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public static string Code(string? code)
    {
        var clean = CodeKey(code);
        if (!CodePattern().IsMatch(clean))
            throw VapeException.InvalidInput("Mã đơn vị gồm 1–32 chữ cái không dấu, chữ số hoặc dấu gạch ngang, bắt đầu bằng chữ hoặc số.");
        return clean;
    }

    /// <summary>A change takes effect today or on a past date, never before the unit's last change.</summary>
    public static DateOnly Effective(DateOnly? requested, Unit unit, DateOnly today)
    {
        var date = requested ?? today;
        if (date > today) throw VapeException.InvalidInput("Ngày hiệu lực không được ở tương lai.");
        if (date < unit.EffectiveFrom)
            throw VapeException.InvalidInput($"Ngày hiệu lực {date:dd/MM/yyyy} trước ngày đơn vị “{unit.Name}” thành lập ({unit.EffectiveFrom:dd/MM/yyyy}).");
        if (date < unit.LastChange)
            throw VapeException.InvalidInput($"Ngày hiệu lực {date:dd/MM/yyyy} trước thay đổi gần nhất của “{unit.Name}” ({unit.LastChange:dd/MM/yyyy}).");
        return date;
    }

    /// <summary>A new unit is founded today or on a past date, not before its parent.</summary>
    public static DateOnly Founded(DateOnly? requested, DateOnly parentFrom, string parentName, DateOnly today)
    {
        var date = requested ?? today;
        if (date > today) throw VapeException.InvalidInput("Ngày thành lập không được ở tương lai.");
        if (date < parentFrom)
            throw VapeException.InvalidInput($"Ngày thành lập trước ngày đơn vị cấp trên “{parentName}” thành lập ({parentFrom:dd/MM/yyyy}).");
        return date;
    }

    /// <summary>
    /// A structural change (a move, a merge) dated in the past may not precede what is already recorded in the unit's
    /// subtree (`recorded`: the latest period of a unit or a member below it, or null): history is appended, never rewritten.
    /// </summary>
    public static void NoLaterHistory(DateOnly effective, DateOnly? recorded)
    {
        if (recorded > effective)
            throw VapeException.InvalidInput(
                $"Ngày hiệu lực {effective.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture)} trước một thay đổi đã ghi nhận trong đơn vị hoặc các đơn vị cấp dưới.");
    }

    public static void FitsUnder(UnitKind kind, UnitKind parent)
    {
        if (!kind.MayStandUnder(parent))
            throw VapeException.InvalidInput($"Đơn vị loại “{kind.Describe()}” không thể trực thuộc “{parent.Describe()}”.");
    }

    public static void Version(Unit unit, int expected)
    {
        if (unit.Version != expected) throw VapeException.VersionConflict();
    }

    public static void Active(Unit unit)
    {
        if (unit.Status != UnitStatus.Active)
            throw VapeException.InvalidInput($"Đơn vị “{unit.Name}” đã {(unit.Status == UnitStatus.Merged ? "sáp nhập" : "giải thể")}.");
    }

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), VietnamTime).DateTime);

    private static readonly TimeZoneInfo VietnamTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,31}$")]
    private static partial Regex CodePattern();
}
