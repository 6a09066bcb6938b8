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

    public static byte[] Seal<T>(byte[] key, T value)
    {
        var plain = JsonSerializer.SerializeToUtf8Bytes(value, VapeJson.Options);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return output;
    }

    public static T Open<T>(byte[] key, byte[] sealedValue)
    {
        var plain = new byte[sealedValue.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize), plain);
        return JsonSerializer.Deserialize<T>(plain, VapeJson.Options)!;
    }
}
