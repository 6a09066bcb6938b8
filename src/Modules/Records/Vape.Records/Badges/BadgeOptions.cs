using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace Vape.Records.Badges;

/// <summary>`Vape:Badges:*`: where the issuers' DIDs live and the key that wraps their private keys (docs/adr/0191, 0192).</summary>
public sealed class BadgeOptions
{
    public const string Section = "Vape:Badges";

    /// <summary>
    /// The public origin the DIDs, the status lists and the verification page are named by (`https://vape.khuyenhoc.vn`);
    /// empty: the origin of the request that issues or serves them.
    /// </summary>
    [RegularExpression(@"^(https?://[^/?#\s]+)?$", ErrorMessage = Section + ":PublicOrigin must be an http(s) origin without a path (https://host[:port]).")]
    public string PublicOrigin { get; set; } = "";

    /// <summary>
    /// The AES-256 key (base64, 32 bytes) that wraps the units' signing keys in the database; empty: a key made once in
    /// `Vape:DataPath/keys/badge-keys.key` (several hosts must then share that folder or set this key).
    /// </summary>
    [RegularExpression(@"^([A-Za-z0-9+/]{43}=)?$", ErrorMessage = Section + ":KeyWrappingKey must be 32 bytes in base64 (44 characters).")]
    public string KeyWrappingKey { get; set; } = "";

    public static void AddTo(IServiceCollection services) =>
        services.AddOptions<BadgeOptions>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
}
