using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NSec.Cryptography;
using Npgsql;
using Vape.BuildingBlocks.Hosting;
using Vape.BuildingBlocks.Storage;
using Vape.Records.Record;

namespace Vape.Records.Badges;

/// <summary>A unit's public signing key, numbered: `did:web:…:units:{unit}#key-{n}`.</summary>
internal sealed record UnitPublicKey(int N, byte[] PublicKey, DateTimeOffset CreatedAt);

/// <summary>
/// Each awarding unit's Ed25519 keys (docs/adr/0192), in `records.badge_keys`: made on first use, the private half
/// wrapped with the installation's key-wrapping key (AES-256-GCM), so the database alone cannot sign. A rotation adds
/// the next key; the newest signs, every older public key stays published, so older credentials keep verifying.
/// </summary>
internal sealed class BadgeKeys
{
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;
    private readonly NpgsqlDataSource _database;
    private readonly TimeProvider _clock;
    private readonly byte[] _wrappingKey;

    public BadgeKeys(NpgsqlDataSource database, TimeProvider clock, IOptions<BadgeOptions> options, VapePaths paths)
    {
        _database = database;
        _clock = clock;
        _wrappingKey = options.Value.KeyWrappingKey is { Length: > 0 } configured ? Convert.FromBase64String(configured) : KeyFiles.ReadOrCreate(paths.Keys, "badge-keys.key", 32);
    }

    /// <summary>The unit's public keys, oldest first (none when it never signed).</summary>
    public Task<List<UnitPublicKey>> PublicKeysAsync(Guid unitId, CancellationToken ct) =>
        _database.ListAsync("select n, public_key, created_at from records.badge_keys where unit_id = @u order by n",
            r => new UnitPublicKey(r.GetInt32(0), (byte[])r[1], r.GetFieldValue<DateTimeOffset>(2)), ct, ("u", unitId));

    /// <summary>Signs with the unit's newest key (made now when it has none): the key's number and the signature.</summary>
    public async Task<(int N, byte[] Signature)> SignAsync(Guid unitId, byte[] data, CancellationToken ct)
    {
        var (n, wrapped) = await NewestAsync(unitId, ct) ?? await AddAsync(unitId, ct);
        var raw = PersonKeys.OpenBytes(_wrappingKey, wrapped);
        try
        {
            using var key = Key.Import(Ed25519, raw, KeyBlobFormat.RawPrivateKey);
            return (n, Ed25519.Sign(key, data));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(raw);
        }
    }

    /// <summary>A new key for the unit (the next number): it signs from now on, the older ones stay published.</summary>
    public async Task<int> RotateAsync(Guid unitId, CancellationToken ct) => (await AddAsync(unitId, ct)).N;

    public static bool Verify(byte[] publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        PublicKey.TryImport(Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key) && key is not null && Ed25519.Verify(key, data, signature);

    private async Task<(int N, byte[] Wrapped)?> NewestAsync(Guid unitId, CancellationToken ct)
    {
        var rows = await _database.ListAsync("select n, private_key from records.badge_keys where unit_id = @u order by n desc limit 1",
            r => (r.GetInt32(0), (byte[])r[1]), ct, ("u", unitId));
        return rows.Count == 0 ? null : rows[0];
    }

    private async Task<(int N, byte[] Wrapped)> AddAsync(Guid unitId, CancellationToken ct)
    {
        using var key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        var raw = key.Export(KeyBlobFormat.RawPrivateKey);
        var wrapped = PersonKeys.SealBytes(_wrappingKey, raw);
        CryptographicOperations.ZeroMemory(raw);
        var publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        // Two hosts making a unit's first key at once: one insert wins (the primary key), both then sign with the winner's.
        await _database.ExecuteAsync("""
            insert into records.badge_keys (unit_id, n, public_key, private_key, created_at)
            select @u, coalesce(max(n), 0) + 1, @pub, @priv, @at from records.badge_keys where unit_id = @u
            on conflict do nothing
            """, ct, ("u", unitId), ("pub", publicKey), ("priv", wrapped), ("at", _clock.GetUtcNow()));
        return (await NewestAsync(unitId, ct))!.Value;
    }
}
