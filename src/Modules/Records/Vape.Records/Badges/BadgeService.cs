using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Organization.Contracts;
using Vape.Records.Record;

namespace Vape.Records.Badges;

/// <summary>A credential of the caller's record, as the record page lists it (the credential itself is the signed JWT).</summary>
internal sealed record Badge(Guid Id, BadgeSource Source, Guid SourceId, Guid UnitId, string IssuerName, string Name, string Credential,
    DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt);

/// <summary>What the public check says of a credential: valid or why not, by whom, for what, revoked or not.</summary>
internal sealed record BadgeVerification(bool Valid, string Code, string Message, string? IssuerId, string? IssuerName, string? AchievementName,
    string? AchievementDescription, string? ValidFrom, bool Revoked);

/// <summary>
/// Issues, revokes, lists and checks Open Badges 3.0 credentials, and serves what a verifier needs: each unit's DID
/// document, JWKS and status lists (docs/adr/0191–0193). The decisions are <see cref="IssueBadge"/>'s and
/// <see cref="RevokeBadge"/>'s; this reads what they need under the record's lock and writes what they decide.
/// </summary>
internal sealed class BadgeService(IDocumentStore store, NpgsqlDataSource database, BadgeKeys keys, IOrganizationQueries organization,
    IOptions<BadgeOptions> options, TimeProvider clock)
{
    /// <summary>The origin DIDs and status lists are named by: the configured one, else the request's.</summary>
    public string Origin(HttpContext? http) =>
        options.Value.PublicOrigin is { Length: > 0 } configured ? configured.TrimEnd('/')
        : http is null ? "http://localhost" : $"{http.Request.Scheme}://{http.Request.Host.Value}";

    public async Task<Badge> IssueAsync(IssueBadge command, string origin, CancellationToken ct)
    {
        var person = command.ActorId;
        Guid badgeId;
        await using (var session = store.LightweightSession())
        {
            var sql = new RecordSql(session);
            var record = await RecordStream.OpenAsync(sql, person, ct, withKey: true);
            var key = record.Key!;
            var existing = (await sql.ListAsync("select id from records.badges where person_id = @p and source_kind = @k and source_id = @s",
                r => r.GetGuid(0), ct, ("p", person), ("k", command.Source.ToString()), ("s", command.SourceId))).Cast<Guid?>().SingleOrDefault();
            if (existing is Guid known) return (await ListAsync(person, known, ct)).Single();

            var entry = command.Source == BadgeSource.Entry ? await EntryAsync(sql, person, command.SourceId, key, ct) : null;
            var title = command.Source == BadgeSource.Title
                ? (await sql.ListAsync("select kind, year from records.titles where id = @id and person_id = @p",
                    r => (Kind: Enum.Parse<TitleKind>(r.GetString(0)), Year: r.GetInt32(1)), ct, ("id", command.SourceId), ("p", person)))
                    .Cast<(TitleKind Kind, int Year)?>().SingleOrDefault()
                : null;
            var unit = (await sql.ListAsync("select unit_id from records.memberships where person_id = @p and home",
                r => r.GetGuid(0), ct, ("p", person))).Cast<Guid?>().FirstOrDefault();
            var now = clock.GetUtcNow();
            badgeId = Guid.CreateVersion7();
            // Refused here, before a status index is taken; the index is taken in the same transaction as the issue.
            command.Decide(entry?.Recorded, title is not null, null, unit, badgeId, 0, now);
            var index = await sql.ScalarAsync<int>("""
                insert into records.badge_status_lists as l (unit_id, next_index) values (@u, 1)
                on conflict (unit_id) do update set next_index = l.next_index + 1
                returning next_index - 1
                """, ct, ("u", unit!.Value));
            var issued = (BadgeIssued)command.Decide(entry?.Recorded, title is not null, null, unit, badgeId, index, now).Single();

            var achievement = entry is { } e ? e.Achievement : TitleAchievement(title!.Value.Kind, title.Value.Year);
            var unitName = (await organization.UnitsAsync([issued.UnitId], ct)).SingleOrDefault()?.Name ?? "Hội Khuyến học Việt Nam";
            var names = await organization.DisplayNamesAsync([person], ct);
            var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var identity = names.TryGetValue(person, out var name) ? VcJwt.IdentityHash(name, salt) : null;
            var payload = VcJwt.Credential(origin, badgeId, issued.UnitId, unitName, Guid.NewGuid(), identity, salt, achievement, index, now);
            var jwt = await SignAsync(origin, issued.UnitId, payload, ct);

            await RecordStream.AppendAsync(sql, record, null, issued, key, ct);
            sql.Queue("""
                insert into records.badges (id, person_id, source_kind, source_id, unit_id, status_index, credential, issued_at)
                values (@id, @p, @k, @s, @u, @i, @c, @at)
                """, ("id", badgeId), ("p", person), ("k", command.Source.ToString()), ("s", command.SourceId), ("u", issued.UnitId), ("i", index),
                ("c", jwt), ("at", now));
            await session.SaveChangesAsync(ct);
        }
        return (await ListAsync(person, badgeId, ct)).Single();
    }

    public async Task<Badge> RevokeAsync(RevokeBadge command, CancellationToken ct)
    {
        var row = (await database.ListAsync("select person_id, unit_id from records.badges where id = @id",
            r => (Person: r.GetGuid(0), Unit: r.GetGuid(1)), ct, ("id", command.BadgeId))).Cast<(Guid Person, Guid Unit)?>().SingleOrDefault();
        var may = row is { } b && (b.Person == command.ActorId || await organization.MayAsync(command.ActorId, Permission.ReviewRecords, b.Unit, ct));
        if (row is null || !may)
        {
            // Refused before anything is opened: the same refusal whether it does not exist or is someone else's, to whoever may not see it.
            command.Decide(row is not null && may, may, false, clock.GetUtcNow(), _ => []);
            throw new InvalidOperationException("unreachable");
        }
        var (person, _) = row.Value;
        await using (var session = store.LightweightSession())
        {
            var sql = new RecordSql(session);
            var record = await RecordStream.OpenAsync(sql, person, ct, withKey: true);
            var key = record.Key!;
            var revoked = await sql.ScalarAsync<bool>("select revoked_at is not null from records.badges where id = @id", ct, ("id", command.BadgeId));
            var now = clock.GetUtcNow();
            var e = (BadgeRevoked)command.Decide(true, true, revoked, now, RecordDecider.SealWith(key)).Single();
            await RecordStream.AppendAsync(sql, record, null, e, key, ct);
            sql.Queue("update records.badges set revoked_at = @at, revoked_by = @by, revocation_reason = @r where id = @id",
                ("at", now), ("by", command.ActorId), ("r", e.SealedReason), ("id", command.BadgeId));
            await session.SaveChangesAsync(ct);
        }
        return (await ListAsync(person, command.BadgeId, ct)).Single();
    }

    /// <summary>The person's credentials, newest first (or the one asked for).</summary>
    public async Task<List<Badge>> ListAsync(Guid personId, Guid? badgeId, CancellationToken ct)
    {
        var rows = await database.ListAsync("""
            select id, source_kind, source_id, unit_id, credential, issued_at, revoked_at from records.badges
             where person_id = @p and (@b::uuid is null or id = @b::uuid) and credential <> '' order by issued_at desc
            """, r => (Id: r.GetGuid(0), Source: Enum.Parse<BadgeSource>(r.GetString(1)), SourceId: r.GetGuid(2), Unit: r.GetGuid(3),
                Jwt: r.GetString(4), At: r.GetFieldValue<DateTimeOffset>(5), Revoked: r.IsDBNull(6) ? (DateTimeOffset?)null : r.GetFieldValue<DateTimeOffset>(6)),
            ct, ("p", personId), ("b", new NpgsqlParameter("b", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)badgeId ?? DBNull.Value }));
        return rows.Select(r =>
        {
            var payload = VcJwt.Parse(r.Jwt)!.Value.Payload;
            return new Badge(r.Id, r.Source, r.SourceId, r.Unit, payload["issuer"]?["name"]?.GetValue<string>() ?? "", payload["name"]?.GetValue<string>() ?? "",
                r.Jwt, r.At, r.Revoked);
        }).ToList();
    }

    /// <summary>The public check: the signature against the key the unit publishes (never one the credential brings), the shape, the status list.</summary>
    public async Task<BadgeVerification> VerifyAsync(string? jwt, string origin, CancellationToken ct)
    {
        static BadgeVerification No(string code, string message) => new(false, code, message, null, null, null, null, null, false);
        var signed = await SignedByAUnitAsync(jwt, origin, ct);
        if (signed.Code is { } code) return No(code, signed.Message!);
        var (payload, unit) = (signed.Payload!, signed.Unit);
        var did = VcJwt.Did(origin, unit);
        var types = payload["type"] as JsonArray;
        var issuerId = payload["issuer"] is JsonObject issuer ? issuer["id"]?.ToString() : payload["issuer"]?.ToString();
        if (issuerId != did || types is null || !types.Any(t => t?.ToString() == "OpenBadgeCredential"))
            return No("NOT_A_BADGE", "Nội dung đã ký không phải một chứng nhận Open Badges của đơn vị này.");
        var achievement = payload["credentialSubject"]?["achievement"];
        var result = new BadgeVerification(true, "VALID", "Chứng nhận hợp lệ.", did, payload["issuer"]?["name"]?.ToString(),
            achievement?["name"]?.ToString(), achievement?["description"]?.ToString(), payload["validFrom"]?.ToString(), false);
        var status = payload["credentialStatus"];
        var list = status?["statusListCredential"]?.ToString();
        var listNumber = list is null ? -1 : ListNumber(origin, unit, list);
        if (listNumber < 1 || !int.TryParse(status?["statusListIndex"]?.ToString(), out var position) || position is < 0 or >= VcJwt.ListSize)
            return result with { Valid = false, Code = "NOT_A_BADGE", Message = "Chứng nhận không có trạng thái thu hồi của đơn vị cấp." };
        var index = (listNumber - 1) * VcJwt.ListSize + position;
        var revoked = await database.ListAsync("select 1 from records.badges where unit_id = @u and status_index = @i and revoked_at is not null",
            r => r.GetInt32(0), ct, ("u", unit), ("i", index));
        return revoked.Count > 0
            ? result with { Valid = false, Code = "REVOKED", Message = "Chứng nhận đã bị thu hồi.", Revoked = true }
            : result;
    }

    public async Task<JsonObject?> DidDocumentAsync(Guid unitId, string origin, CancellationToken ct) =>
        await keys.PublicKeysAsync(unitId, ct) is { Count: > 0 } published ? VcJwt.DidDocument(origin, unitId, published) : null;

    public async Task<JsonObject?> JwksAsync(Guid unitId, string origin, CancellationToken ct) =>
        await keys.PublicKeysAsync(unitId, ct) is { Count: > 0 } published ? VcJwt.Jwks(origin, unitId, published) : null;

    /// <summary>A unit's status list `list` as a VC-JWT signed now; null when the unit never issued into it.</summary>
    public async Task<string?> StatusListAsync(Guid unitId, int list, string origin, CancellationToken ct)
    {
        var from = (list - 1) * VcJwt.ListSize;
        var issued = await database.ListAsync("select next_index from records.badge_status_lists where unit_id = @u", r => r.GetInt32(0), ct, ("u", unitId));
        if (list < 1 || issued.Count == 0 || issued[0] <= from) return null;
        var revoked = await database.ListAsync("""
            select status_index - @from from records.badges
             where unit_id = @u and revoked_at is not null and status_index >= @from and status_index < @from + @size
            """, r => r.GetInt32(0), ct, ("u", unitId), ("from", from), ("size", VcJwt.ListSize));
        return await SignAsync(origin, unitId, VcJwt.StatusList(origin, unitId, list, revoked, clock.GetUtcNow()), ct);
    }

    /// <summary>
    /// A compact JWS signed (EdDSA) by a key a unit of this origin publishes (never one the JWS brings): its payload and
    /// the unit, or why not (`MALFORMED`, `UNKNOWN_ISSUER`, `UNKNOWN_KEY`, `BAD_SIGNATURE`) with a Vietnamese message.
    /// </summary>
    internal async Task<(JsonObject? Payload, Guid Unit, string? Code, string? Message)> SignedByAUnitAsync(string? jwt, string origin, CancellationToken ct)
    {
        static (JsonObject?, Guid, string?, string?) No(string code, string message) => (null, default, code, message);
        if (string.IsNullOrWhiteSpace(jwt) || jwt.Length > 64 * 1024 || VcJwt.Parse(jwt) is not { } parsed)
            return No("MALFORMED", "Đây không phải một chứng nhận số (VC-JWT) đọc được.");
        var (header, payload, signed, signature) = parsed;
        if (header["alg"]?.GetValueKind() != System.Text.Json.JsonValueKind.String || (string?)header["alg"] != "EdDSA")
            return No("MALFORMED", "Chứng nhận không được ký bằng EdDSA như Vape ký.");
        if (VcJwt.ParseKeyId(origin, header["kid"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)header["kid"] : null) is not { } kid)
            return No("UNKNOWN_ISSUER", "Chứng nhận này không do một đơn vị của Hội trên Vape cấp.");
        var key = (await keys.PublicKeysAsync(kid.Unit, ct)).SingleOrDefault(k => k.N == kid.N);
        if (key is null) return No("UNKNOWN_KEY", "Đơn vị cấp không có khóa ký này.");
        if (!BadgeKeys.Verify(key.PublicKey, signed, signature))
            return No("BAD_SIGNATURE", "Chữ ký không khớp: chứng nhận đã bị sửa hoặc không do đơn vị này ký.");
        return (payload, kid.Unit, null, null);
    }

    /// <summary>A new signing key for the unit (its officials'): later credentials are signed with it, older ones keep verifying.</summary>
    public Task<int> RotateAsync(Guid unitId, CancellationToken ct) => keys.RotateAsync(unitId, ct);

    internal async Task<string> SignAsync(string origin, Guid unitId, JsonObject payload, CancellationToken ct)
    {
        // The key's number is known once it signs: the header names it, so the input is made for the newest key and checked.
        for (var attempt = 0; ; attempt++)
        {
            var newest = (await keys.PublicKeysAsync(unitId, ct)).LastOrDefault()?.N ?? 1;
            var input = VcJwt.SigningInput(VcJwt.KeyId(origin, unitId, newest), payload);
            var (n, signature) = await keys.SignAsync(unitId, Encoding.ASCII.GetBytes(input), ct);
            if (n == newest || attempt > 2) return VcJwt.Compact(input, signature);
        }
    }

    private static int ListNumber(string origin, Guid unitId, string url)
    {
        var prefix = VcJwt.StatusListUrl(origin, unitId, 0)[..^1];
        return url.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(url[prefix.Length..], out var n) ? n : -1;
    }

    private static async Task<(RecordedEntry Recorded, BadgeAchievement Achievement)?> EntryAsync(RecordSql sql, Guid person, Guid entryId, byte[] key,
        CancellationToken ct)
    {
        var rows = await sql.ListAsync("select kind, provenance, status, details from records.entries where id = @id and person_id = @p",
            r => (Kind: Enum.Parse<EntryKind>(r.GetString(0)), Provenance: Enum.Parse<Provenance>(r.GetString(1)), Status: Enum.Parse<EntryStatus>(r.GetString(2)),
                Details: (byte[])r[3]), ct, ("id", entryId), ("p", person));
        if (rows.Count == 0) return null;
        var row = rows[0];
        var achievement = row.Kind == EntryKind.Activity
            ? ActivityAchievement(PersonKeys.Open<ActivityDetails>(key, row.Details))
            : CredentialAchievement(PersonKeys.Open<CredentialDetails>(key, row.Details));
        return (new RecordedEntry(row.Kind, row.Provenance, row.Status), achievement);
    }

    private static BadgeAchievement ActivityAchievement(ActivityDetails d) => d.ClassId is not null
        ? new("Course", d.Title, $"Hoàn thành lớp học cộng đồng “{d.Title}” ngày {d.Date:dd/MM/yyyy}.",
            "Tham dự lớp học cộng đồng trên Vape, được hệ thống ghi nhận qua điểm danh.")
        : new("Achievement", d.Title, $"Hoạt động học tập “{d.Title}” ngày {d.Date:dd/MM/yyyy}{(d.Provider is null ? "" : $", do {d.Provider} tổ chức")}.",
            "Hoạt động được ghi vào hồ sơ học tập suốt đời và được xác nhận.");

    private static BadgeAchievement CredentialAchievement(CredentialDetails d) => d.Award
        ? new("Award", d.Name, $"Học bổng, giải thưởng “{d.Name}” do {d.Issuer} trao ngày {d.Date:dd/MM/yyyy}.",
            "Học bổng hoặc giải thưởng của quỹ khuyến học, ghi vào hồ sơ học tập suốt đời khi đơn vị trao nó quyết định.")
        : new("Certificate", d.Name, $"Chứng chỉ, văn bằng “{d.Name}” do {d.Issuer} cấp ngày {d.Date:dd/MM/yyyy}.",
            "Chứng chỉ, văn bằng có trong hồ sơ học tập suốt đời, đã được cán bộ Hội Khuyến học xác nhận.");

    private static BadgeAchievement TitleAchievement(TitleKind kind, int year)
    {
        var (name, who) = kind switch
        {
            TitleKind.LearningCitizen => ("Công dân học tập", "một công dân"),
            TitleKind.LearningFamily => ("Gia đình học tập", "một gia đình"),
            TitleKind.LearningClan => ("Dòng họ học tập", "một dòng họ"),
            TitleKind.LearningCommunity => ("Cộng đồng học tập", "một cộng đồng"),
            _ => ("Đơn vị học tập", "một đơn vị"),
        };
        return new("Award", $"{name} năm {year}", $"Danh hiệu “{name}” năm {year} do Hội Khuyến học công nhận cho {who}.",
            $"Đạt tiêu chí danh hiệu “{name}” năm {year} của Hội Khuyến học Việt Nam (số giờ học, số lĩnh vực) và được cán bộ Hội công nhận.");
    }
}
