using System.Net.Mail;
using System.Text.RegularExpressions;
using Vape.BuildingBlocks.Errors;

namespace Vape.Organization.Accounts;

/// <summary>
/// A phone number or an e-mail address a one-time code goes to, in one written form: a Vietnamese mobile number
/// as `0` and nine digits (`+84 912 345 678` is `0912345678`), an e-mail address in lower case.
/// </summary>
internal static partial class SignInAddress
{
    public const int MaxLength = 254;

    public static string Normalize(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.Length is 0 or > MaxLength) throw Invalid();
        if (value.Contains('@'))
        {
            if (!MailAddress.TryCreate(value, out var mail) || mail.Address != value || !mail.Host.Contains('.')) throw Invalid();
            return value.ToLowerInvariant();
        }
        var digits = Separators().Replace(value, "");
        if (digits.StartsWith("+84", StringComparison.Ordinal)) digits = "0" + digits[3..];
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11) digits = "0" + digits[2..];
        if (!Mobile().IsMatch(digits)) throw Invalid();
        return digits;
    }

    private static VapeException Invalid() =>
        VapeException.InvalidInput("Hãy nhập số điện thoại di động (10 chữ số, ví dụ 0912345678) hoặc địa chỉ e-mail.");

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex Separators();

    [GeneratedRegex("^0[35789][0-9]{8}$")]
    private static partial Regex Mobile();
}
