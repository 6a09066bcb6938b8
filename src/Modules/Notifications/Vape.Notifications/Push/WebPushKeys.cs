using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using Vape.BuildingBlocks.Storage;

namespace Vape.Notifications.Push;

/// <summary>
/// The installation's VAPID key pair (RFC 8292), P-256, in `notifications.vapid_keys`: the first host that needs it
/// makes it, every host reads the same one, so a browser's subscription works whichever host sends.
/// </summary>
public sealed class WebPushKeys(NpgsqlDataSource database, TimeProvider clock)
{
    private (string Public, string Private)? _keys;

    /// <summary>The public key as the browser's `applicationServerKey` wants it: the uncompressed point, base64url.</summary>
    public async Task<string> PublicKeyAsync(CancellationToken ct) => (await PairAsync(ct)).Public;

    public async Task<(string Public, string Private)> PairAsync(CancellationToken ct)
    {
        if (_keys is { } known) return known;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(true);
        await database.ExecuteAsync("""
            insert into notifications.vapid_keys (id, public_key, private_key, created_at) values (1, @public, @private, @at)
            on conflict (id) do nothing
            """, ct, ("public", WebEncoders.Base64UrlEncode([0x04, .. p.Q.X!, .. p.Q.Y!])), ("private", WebEncoders.Base64UrlEncode(p.D!)), ("at", clock.GetUtcNow()));
        var stored = (await database.ListAsync("select public_key, private_key from notifications.vapid_keys where id = 1",
            r => (r.GetString(0), r.GetString(1)), ct)).Single();
        _keys = stored;
        return stored;
    }
}
