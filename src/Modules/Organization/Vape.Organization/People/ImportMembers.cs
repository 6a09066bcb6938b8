using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.Tree;

namespace Vape.Organization.People;

/// <summary>
/// An official imports members into their subtree from a CSV file (UTF-8, with or without BOM, NFC or NFD).
/// Every line is checked first; a file with any bad line imports nothing and the answer lists each bad line.
/// Header: <c>ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho</c> (empty <c>ma_don_vi</c>: the unit
/// imported into; <c>ma_ho</c> groups the members of one household within the file).
/// </summary>
public sealed record ImportMembers(Guid UnitId, byte[] Csv, Guid ActorId);

public sealed record ImportProblem(int Line, string Message);

public sealed record ImportResult(int Imported, IReadOnlyList<ImportProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>One event for the whole import, with no personal data: who imported how many into which unit.</summary>
public sealed record MembersImported(Guid ImportId, Guid UnitId, int Count, Guid ActorId);

public static class ImportMembersHandler
{
    public const string Header = "ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho";
    public const int MaxRows = 50_000;

    public static async Task<(ImportResult, MembershipsChanged?)> Handle(ImportMembers command, TreeStore tree, OrganizationQueries access, CitizenIds citizenIds,
        IDocumentSession session, NpgsqlDataSource database, IOptions<MemberImportOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var unit = await tree.LoadAsync(command.UnitId, ct) ?? throw VapeException.NotFound("Không tìm thấy đơn vị.");
        await access.DemandAsync(command.ActorId, Permission.ManageMembers, unit.Id, ct);
        TreeRules.Active(unit);
        await CountAttemptAsync(database, command.ActorId, options.Value.MemberImportsPerHour, clock, ct);
        var lines = CsvText.Lines(command.Csv, Header, MaxRows);

        var today = TreeRules.Today(clock);
        var codes = lines.Skip(1).Select(l => l.Split(',')).Where(c => c.Length > 3 && c[3].Trim().Length > 0)
            .Select(c => c[3].Trim().ToUpperInvariant()).Distinct().ToArray();
        var units = await UnitsByCodeAsync(tree, codes, unit, ct);
        var seenHashes = new Dictionary<string, int>();
        var households = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        var (rows, problems) = CsvText.ParseRows(lines, 6, (cells, line) =>
        {
            var name = TreeRules.Name(cells[0], "Họ và tên");
            int? birth = cells[1].Trim().Length == 0 ? null
                : int.TryParse(cells[1].Trim(), out var y) ? y : throw VapeException.InvalidInput("Năm sinh không phải là số.");
            MemberRules.BirthYear(birth, today);
            var gender = ParseGender(cells[2]);
            var code = cells[3].Trim().ToUpperInvariant();
            var home = code.Length == 0 ? unit
                : units.TryGetValue(code, out var u) ? u : throw VapeException.InvalidInput($"Không có đơn vị mã “{code}” trong cây của “{unit.Name}”.");
            var hash = citizenIds.Hash(cells[4]);
            if (hash is not null && !seenHashes.TryAdd(Convert.ToBase64String(hash), line))
                throw VapeException.InvalidInput($"Số định danh trùng với dòng {seenHashes[Convert.ToBase64String(hash)]}.");
            var household = cells[5].Trim();
            Guid? householdId = household.Length == 0 ? null
                : households.TryGetValue(household, out var known) ? known : households[household] = Guid.CreateVersion7();
            return new MemberRow(Guid.CreateVersion7(), name, birth, gender, home.Id, householdId, today, hash);
        });
        var sql = new OrganizationSql(session);
        var merges = new List<(Guid NewPerson, Guid Existing)>();
        if (problems.Count == 0) problems.AddRange(await KnownCitizenIdsAsync(sql, rows, unit, merges, ct));
        if (problems.Count > 0 || rows.Count == 0) return (new ImportResult(0, problems), null);

        await MemberCopy.WriteAsync(await sql.ConnectionAsync(ct), rows, ct);
        if (merges.Count > 0)
            await sql.ExecuteAsync("""
                insert into organization.pending_merges (id, new_person_id, existing_person_id, requested_by, requested_at)
                select gen_random_uuid(), n, e, @actor, @at from unnest(@new, @existing) as t(n, e)
                """, ct, ("new", merges.Select(m => m.NewPerson).ToArray()), ("existing", merges.Select(m => m.Existing).ToArray()),
                ("actor", command.ActorId), ("at", clock.GetUtcNow()));
        var importId = Guid.CreateVersion7();
        Streams.Start(session, importId, new MembersImported(importId, unit.Id, rows.Count, command.ActorId));
        return (new ImportResult(rows.Count, []), new MembershipsChanged(rows.Select(r => r.Id).ToArray()));
    }

    private static Gender? ParseGender(string cell) => cell.Trim().ToLowerInvariant() switch
    {
        "" => null,
        "nam" or "male" => Gender.Male,
        "nữ" or "nu" or "female" => Gender.Female,
        "khác" or "khac" or "other" => Gender.Other,
        var other => throw VapeException.InvalidInput($"Giới tính “{other}” không hợp lệ (Nam, Nữ hoặc Khác)."),
    };

    /// <summary>The active units of the importing unit's subtree with these codes.</summary>
    private static async Task<Dictionary<string, Unit>> UnitsByCodeAsync(TreeStore tree, string[] codes, Unit root, CancellationToken ct) =>
        (await tree.LoadByCodesAsync(codes, ct)).Where(u => u.Status == UnitStatus.Active && u.IsSelfOrDescendantOf(root.Id)).ToDictionary(u => u.Code);

    /// <summary>
    /// Citizen ids already in the database (every row is valid here, so row i is line i + 2). Inside the importing
    /// unit's subtree a duplicate is a problem of its line, as before. Outside it, the line must read like any new
    /// member's (issue #28: an import was an oracle for citizen ids across the tree): the member is created without
    /// the id and the pair waits in `pending_merges` for the officials of both units.
    /// </summary>
    private static async Task<IEnumerable<ImportProblem>> KnownCitizenIdsAsync(OrganizationSql sql, List<MemberRow> rows, Unit root,
        List<(Guid NewPerson, Guid Existing)> merges, CancellationToken ct)
    {
        var hashes = rows.Where(r => r.CitizenHash is not null).Select(r => r.CitizenHash!).ToArray();
        if (hashes.Length == 0) return [];
        var known = new Dictionary<string, (Guid Person, bool Inside)>();
        await using (var cmd = new NpgsqlCommand("""
            select p.citizen_id_hash, p.id, u.path <@ @root::ltree from organization.people p join organization.units u on u.id = p.home_unit_id
             where p.citizen_id_hash = any(@h)
            """, await sql.ConnectionAsync(ct)))
        {
            cmd.Parameters.AddWithValue("h", hashes);
            cmd.Parameters.AddWithValue("root", root.Path);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) known[Convert.ToBase64String((byte[])reader[0])] = (reader.GetGuid(1), reader.GetBoolean(2));
        }
        var problems = new List<ImportProblem>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].CitizenHash is not { } hash || !known.TryGetValue(Convert.ToBase64String(hash), out var existing)) continue;
            if (existing.Inside) problems.Add(new ImportProblem(i + 2, CitizenIds.AlreadyKnown));
            else
            {
                merges.Add((rows[i].Id, existing.Person));
                rows[i] = rows[i] with { CitizenHash = null };
            }
        }
        return problems;
    }

    /// <summary>Counts this import (on its own connection: a refused or failed import counts too) and refuses past the limit.</summary>
    private static async Task CountAttemptAsync(NpgsqlDataSource database, Guid actor, int perHour, TimeProvider clock, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand("""
            delete from organization.import_attempts where actor_id = @a and at < @since - interval '1 hour';
            insert into organization.import_attempts (actor_id, at) values (@a, @now);
            select count(*)::int from organization.import_attempts where actor_id = @a and at > @since;
            """);
        var now = clock.GetUtcNow();
        cmd.Parameters.AddWithValue("a", actor);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("since", now.AddHours(-1));
        if ((int)(await cmd.ExecuteScalarAsync(ct))! > perHour)
            throw new VapeException(ErrorCodes.RateLimited, $"Mỗi cán bộ được nhập danh sách hội viên tối đa {perHour} lần mỗi giờ; hãy thử lại sau.");
    }
}
