using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;
using Vape.BuildingBlocks.Hosting;

namespace Vape.Records.Record;

/// <summary>
/// Crypto-shredding: every person has an AES-256-GCM key in `records.person_keys`; what their entries say is
/// sealed with it in events and projections alike. Erasure deletes the key, and with it every copy's meaning
/// (see docs/adr/0020).
/// </summary>
internal sealed class PersonKeys(NpgsqlDataSource database)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>The keys of these people (erased people have none).</summary>
    public async Task<Dictionary<Guid, byte[]>> FindAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("select person_id, key from records.person_keys where person_id = any(@p)");
        cmd.Parameters.AddWithValue("p", personIds.ToArray());
        var keys = new Dictionary<Guid, byte[]>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) keys[reader.GetGuid(0)] = (byte[])reader[1];
        return keys;
    }

    public static byte[] Seal<T>(byte[] key, T value) => SealBytes(key, JsonSerializer.SerializeToUtf8Bytes(value, VapeJson.Options));

    public static T Open<T>(byte[] key, byte[] sealedValue) => JsonSerializer.Deserialize<T>(OpenBytes(key, sealedValue), VapeJson.Options)!;

    /// <summary>
    /// The person's key, made now when they have none (on the caller's connection and transaction): what an xAPI client
    /// wrote about them is sealed with it from the start (docs/adr/0134).
    /// </summary>
    public static async Task<byte[]> EnsureAsync(NpgsqlConnection conn, Guid personId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into records.person_keys (person_id, key) values (@p, @k) on conflict (person_id) do nothing;
            select key from records.person_keys where person_id = @p;
            """, conn);
        cmd.Parameters.AddWithValue("p", personId);
        cmd.Parameters.AddWithValue("k", RandomNumberGenerator.GetBytes(32));
        return (byte[])(await cmd.ExecuteScalarAsync(ct))!;
    }

    public static byte[] SealBytes(byte[] key, ReadOnlySpan<byte> plain)
    {
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return output;
    }

    public static byte[] OpenBytes(byte[] key, byte[] sealedValue)
    {
        var plain = new byte[sealedValue.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize), plain);
        return plain;
    }
}
