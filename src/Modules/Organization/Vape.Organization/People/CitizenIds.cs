using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Hosting;

namespace Vape.Organization.People;

/// <summary>
/// A citizen identity number (CCCD, 12 digits) is kept only as HMAC-SHA256 under a key of this installation
/// (in the data folder): enough to find a duplicate, useless to anyone who reads the database alone.
/// </summary>
public sealed partial class CitizenIds
{
    public const string AlreadyKnown = "Số định danh này đã có trong danh sách hội viên.";

    private readonly byte[] _key;

    public CitizenIds(VapePaths paths)
    {
        _key = KeyFiles.ReadOrCreate(paths.Keys, "citizen-id.key", 32);
    }

    public byte[]? Hash(string? citizenId)
    {
        if (string.IsNullOrWhiteSpace(citizenId)) return null;
        var digits = citizenId.Trim();
        if (!Pattern().IsMatch(digits)) throw VapeException.InvalidInput("Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.");
        return HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(digits));
    }

    /// <summary>The same key for other secrets kept only to be compared (sign-in addresses, one-time codes), separated by purpose.</summary>
    public byte[] Keyed(string purpose, string value) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose + "\n" + value));

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex Pattern();
}
