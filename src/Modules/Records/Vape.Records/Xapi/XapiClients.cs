using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;
using Vape.Organization.Contracts;

namespace Vape.Records.Xapi;

/// <summary>A learning provider allowed to write and read statements of a unit's subtree.</summary>
internal sealed record XapiClient(Guid Id, Guid UnitId, string Name, string Key, bool Trusted, string? Version);

/// <summary>What an official sees once when registering a client: the secret is never shown again.</summary>
internal sealed record XapiCredentials(Guid ClientId, Guid UnitId, string Name, string Key, string Secret, bool Trusted, string Endpoint);

/// <summary>What is listed of a registered client (never its secret).</summary>
internal sealed record XapiClientInfo(Guid Id, Guid UnitId, string Name, string Key, bool Trusted, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>
/// Registration and HTTP Basic authentication of xAPI clients (docs/adr/0130). The key is public; the secret is 32
/// random bytes shown once, kept as its SHA-256 and compared in constant time.
/// </summary>
internal sealed class XapiClients(NpgsqlDataSource database, IOrganizationQueries org, TimeProvider clock)
{
    public const int MaxName = 200;

    public async Task<XapiCredentials> RegisterAsync(Guid officialId, Guid unitId, string? name, bool trusted, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        await DemandAsync(officialId, unitId, ct);
        var title = name?.Trim() ?? "";
        if (title.Length is 0 or > MaxName) throw VapeException.InvalidInput($"Tên ứng dụng cần từ 1 đến {MaxName} ký tự.");
        var id = Guid.CreateVersion7();
        var key = "vape-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        await database.ExecuteAsync("""
            insert into records.xapi_clients (id, unit_id, name, key, secret_hash, trusted, created_by, created_at)
            values (@id, @u, @n, @k, @h, @t, @by, @at)
            """, ct, ("id", id), ("u", unitId), ("n", title), ("k", key), ("h", Hash(secret)), ("t", trusted), ("by", officialId), ("at", clock.GetUtcNow()));
        return new XapiCredentials(id, unitId, title, key, secret, trusted, "/xapi");
    }

    public async Task<IReadOnlyList<XapiClientInfo>> ListAsync(Guid officialId, Guid unitId, CancellationToken ct)
    {
        await DemandAsync(officialId, unitId, ct);
        return await database.ListAsync("select id, unit_id, name, key, trusted, created_at, revoked_at from records.xapi_clients where unit_id = @u order by created_at",
            r => new XapiClientInfo(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.GetFieldValue<DateTimeOffset>(5), r.Get<DateTimeOffset?>(6)),
            ct, ("u", unitId));
    }

    public async Task<XapiClientInfo> RevokeAsync(Guid officialId, Guid clientId, CancellationToken ct)
    {
        var unit = await database.ScalarAsync<Guid?>("select unit_id from records.xapi_clients where id = @id", ct, ("id", clientId))
            ?? throw VapeException.NotFound("Không tìm thấy ứng dụng xAPI này.");
        await DemandAsync(officialId, unit, ct);
        await database.ExecuteAsync("update records.xapi_clients set revoked_at = coalesce(revoked_at, @at) where id = @id", ct, ("id", clientId), ("at", clock.GetUtcNow()));
        return (await ListAsync(officialId, unit, ct)).First(c => c.Id == clientId);
    }

    /// <summary>The client named by an `Authorization: Basic` header, or 401.</summary>
    public async Task<XapiClient> AuthenticateAsync(string? authorization, CancellationToken ct)
    {
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) throw XapiError.NotAuthenticated();
        string pair;
        try { pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[6..].Trim())); }
        catch (FormatException) { throw XapiError.NotAuthenticated(); }
        var colon = pair.IndexOf(':');
        if (colon <= 0) throw XapiError.NotAuthenticated();
        var (key, secret) = (pair[..colon], pair[(colon + 1)..]);
        var rows = await database.ListAsync("select id, unit_id, name, key, trusted, secret_hash, version from records.xapi_clients where key = @k and revoked_at is null",
            r => (Client: new XapiClient(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.Get<string>(6)), Hash: r.GetFieldValue<byte[]>(5)), ct, ("k", key));
        if (rows.Count == 0 || !CryptographicOperations.FixedTimeEquals(rows[0].Hash, Hash(secret))) throw XapiError.NotAuthenticated();
        return rows[0].Client;
    }

    /// <summary>
    /// Remembers the xAPI version the client last spoke, so that a request of it without the version header is refused
    /// in that version (the 1.0.3 and 2.0.0 suites each expect their own). Written only when it changes.
    /// </summary>
    public async Task RememberVersionAsync(XapiClient client, string version, CancellationToken ct)
    {
        if (client.Version == version) return;
        await database.ExecuteAsync("update records.xapi_clients set version = @v where id = @id", ct, ("v", version), ("id", client.Id));
    }

    /// <summary>The units whose statements and documents the client reads: its unit and every unit below.</summary>
    public async Task<Guid[]> ScopeAsync(XapiClient client, CancellationToken ct) =>
        (await org.SubtreeAsync(client.UnitId, null, ct)).Select(u => u.Id).Append(client.UnitId).Distinct().ToArray();

    private async Task DemandAsync(Guid officialId, Guid unitId, CancellationToken ct)
    {
        if (!await org.MayAsync(officialId, Permission.ReviewRecords, unitId, ct))
            throw VapeException.NotAllowed("Chỉ cán bộ phụ trách hồ sơ học tập của đơn vị (hoặc cấp trên) mới đăng ký được ứng dụng xAPI cho đơn vị.");
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
