using Npgsql;
using Vape.Organization.People;
using Vape.Organization.Tree;

namespace Vape.Organization.Scale;

/// <summary>
/// People for the load client (`seed --load N`): N learners with logins `hv0001`… and, for the coordination
/// scenarios, officials with logins `cb001`… holding a staff role in Phường Ba Đình (T01-X001, demo data).
/// Written once: people already there are kept.
/// </summary>
internal static class LoadPeople
{
    public const string UnitCode = "T01-X001";

    public static async Task<(int Learners, int Officials)> WriteAsync(NpgsqlDataSource database, int learners, int officials, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        SeedPlan.SeedUnit unit;
        await using (var cmd = new NpgsqlCommand("select id, code, name, kind, path::text, effective_from from organization.units where code = @code", conn))
        {
            cmd.Parameters.AddWithValue("code", UnitCode);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
                throw new ScaleSeedRefusedException($"The load people belong to {UnitCode}, which comes with the demo data (Vape:DemoData).");
            unit = new SeedPlan.SeedUnit(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Enum.Parse<UnitKind>(reader.GetString(3)),
                null, reader.GetString(4), reader.GetFieldValue<DateOnly>(5), []);
        }
        var existing = new HashSet<string>();
        await using (var cmd = new NpgsqlCommand("select login from organization.people where login ~ '^(hv|cb)[0-9]+$'", conn))
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) existing.Add(reader.GetString(0));

        var random = new Random(27);
        var plan = new SeedPlan();
        var written = (Learners: 0, Officials: 0);
        for (var i = 1; i <= learners; i++)
        {
            var login = $"hv{i:0000}";
            if (existing.Contains(login)) continue;
            var gender = random.Next(2) == 0 ? Gender.Female : Gender.Male;
            plan.Person(login, VietnameseNames.Full(random, VietnameseNames.Family(random), gender), 1960 + random.Next(45), gender, unit);
            written.Learners++;
        }
        for (var i = 1; i <= officials; i++)
        {
            var login = $"cb{i:000}";
            if (existing.Contains(login)) continue;
            var gender = random.Next(2) == 0 ? Gender.Female : Gender.Male;
            plan.Official(login, VietnameseNames.Full(random, VietnameseNames.Family(random), gender), 1960 + random.Next(40), gender, unit, OfficialRole.Staff);
            written.Officials++;
        }
        await plan.WriteAsync(conn, ct);
        return written;
    }
}
