using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Vape.Records.Contracts;

namespace Vape.Records.Record;

/// <summary>Other modules' short personal values sealed with the person's key (<see cref="PersonKeys"/>; docs/adr/0185).</summary>
internal sealed class PersonSealing(NpgsqlDataSource database, PersonKeys keys) : IPersonSealing
{
    public async Task<byte[]> SealAsync(Guid personId, string value, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        return PersonKeys.SealBytes(await PersonKeys.EnsureAsync(conn, personId, ct), Encoding.UTF8.GetBytes(value));
    }

    public async Task<string?> OpenAsync(Guid personId, byte[] sealedValue, CancellationToken ct)
    {
        if (!(await keys.FindAsync([personId], ct)).TryGetValue(personId, out var key)) return null;
        try
        {
            return Encoding.UTF8.GetString(PersonKeys.OpenBytes(key, sealedValue));
        }
        catch (AuthenticationTagMismatchException)
        {
            // Sealed with a key erased since (a person whose record was erased has a new key now).
            return null;
        }
    }
}
