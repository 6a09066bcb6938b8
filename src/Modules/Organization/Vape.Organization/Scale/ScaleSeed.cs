using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Vape.Organization.People;
using Vape.Organization.Tree;

namespace Vape.Organization.Scale;

/// <summary>How big a generated tree is: communes under the first provinces, lower units and members in total.</summary>
internal sealed record ScaleShape(string Name, int Provinces, int CommunesPerProvince, int LowerUnits, int Members)
{
    /// <summary>The association at national scale: ~3,300 communes and wards, ~35,000 lower units, a million members.</summary>
    public static readonly ScaleShape National = new("national", 34, 97, 35_000, 1_000_000);

    /// <summary>For a quick check: 2 provinces × 10 communes × ~10 lower units, 5,000 members in all.</summary>
    public static readonly ScaleShape Small = new("small", 2, 10, 200, 5_000);

    public static ScaleShape? Named(string? name) =>
        new[] { National, Small }.SingleOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}

internal sealed record ScaleSeedResult(int Communes, int LowerUnits, int Members, int Memberships, int Roles, TimeSpan Elapsed);

/// <summary>Why the seed did not run; the command prints the message and exits with a failure.</summary>
internal sealed class ScaleSeedRefusedException(string message) : Exception(message);

/// <summary>
/// Generates a tree below the existing provinces (codes `N{province}-{commune}` and `N{province}-{commune}-{n}`)
/// with members, households, clan memberships and a chair per commune, and writes it with binary COPY, as a
/// bulk import would: tables and periods only, no unit streams in the event store (a million events would
/// record nothing that happened). Same seed, same names and shape every time; ids differ.
/// </summary>
internal sealed class ScaleSeed(NpgsqlDataSource database, TimeProvider clock, TextWriter progress)
{
    /// <summary>Rows per COPY and transaction: big enough for COPY to pay off, small enough to show progress.</summary>
    private const int BatchMembers = 100_000;

    private const string CommuneCode = "'^N[0-9]{2}-[0-9]{3}$'";

    private const string SeededCode = "'^N[0-9]{2}-[0-9]{3}(-[0-9]{2})?$'";

    /// <summary>More than this beyond the centre, the provinces and the scale seed is someone's data, not start-up data.</summary>
    private const int StartupUnitsAtMost = 100;

    private const int StartupPeopleAtMost = 100;

    private readonly Stopwatch _elapsed = new();

    public async Task<ScaleSeedResult> RunAsync(ScaleShape shape, bool force, CancellationToken ct)
    {
        _elapsed.Restart();
        await using var conn = await database.OpenConnectionAsync(ct);
        await CheckAsync(conn, force, ct);

        var random = new Random(2025);
        var today = TreeRules.Today(clock);
        var plan = new SeedPlan();
        var communes = PlanTree(plan, await ProvincesAsync(conn, shape.Provinces, ct), shape, random);
        SpreadMembers(communes, shape.Members, random);
        foreach (var commune in communes)
        {
            // Counted among the commune's members; the login lets a load test sign in as a commune official.
            var gender = random.Next(2) == 0 ? Gender.Female : Gender.Male;
            plan.Official(commune.Unit.Code.ToLowerInvariant(), VietnameseNames.Full(random, VietnameseNames.Family(random), gender),
                1955 + random.Next(25), gender, commune.Unit, OfficialRole.Chair);
            commune.Members--;
        }
        await plan.WriteAsync(conn, ct);
        var lowerUnits = plan.Units.Count - communes.Count;
        Report($"{communes.Count:N0} communes and wards, {lowerUnits:N0} lower units and {communes.Count:N0} chairs written");

        var members = communes.Count;
        var memberships = 0;
        foreach (var batch in Batches(communes))
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            var clans = new List<(Guid Person, Guid Clan)>();
            members += await MemberCopy.WriteAsync(conn, GenerateMembers(batch, random, today, clans), ct);
            memberships += await WriteMembershipsAsync(conn, clans, ct);
            await tx.CommitAsync(ct);
            Report($"{members:N0} / {shape.Members:N0} members");
        }

        // The planner must know the new sizes before the first statistics or search query.
        await using (var analyze = new NpgsqlCommand(
            "analyze organization.units, organization.unit_periods, organization.people, organization.member_periods, organization.memberships, organization.roles", conn))
        {
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync(ct);
        }
        Report($"table statistics updated");
        await ReportTotalsAsync(conn, ct);
        return new ScaleSeedResult(communes.Count, lowerUnits, members, memberships, communes.Count, _elapsed.Elapsed);
    }

    private void Report(FormattableString what) =>
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_elapsed.Elapsed.TotalSeconds,6:F1} s] {what.ToString(CultureInfo.InvariantCulture)}"));

    private async Task ReportTotalsAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select string_agg(kind || ' ' || to_char(n, 'FM999,999,999'), ', ' order by kind), (select count(*) from organization.people), (select count(*) from organization.member_periods)
              from (select kind, count(*) as n from organization.units where status = 'Active' group by kind) k
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        Report($"database {conn.Database} now holds units: {reader.GetString(0)}; people: {reader.GetInt64(1):N0}; member periods: {reader.GetInt64(2):N0}");
    }

    private async Task CheckAsync(NpgsqlConnection conn, bool force, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select (select count(*) from organization.units where kind = 'Commune' and code ~ {CommuneCode}),
                   (select count(*) from organization.units where kind not in ('Central', 'Province') and code !~ {SeededCode}),
                   (select count(*) from organization.people p join organization.units u on u.id = p.home_unit_id where u.code !~ {SeededCode})
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (seeded, units, people) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        await reader.CloseAsync();

        if (!force && seeded > 0)
            throw new ScaleSeedRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"This database already holds a scale seed ({seeded:N0} communes coded N..-...). Seed another database (Vape__Database=vape_load) or pass --force to replace it."));
        if (!force && (units > StartupUnitsAtMost || people > StartupPeopleAtMost))
            throw new ScaleSeedRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"This database holds more than the start-up data ({units:N0} units below the provinces, {people:N0} people): the scale seed is for benchmark and load-test databases. Seed another database (Vape__Database=vape_national) or pass --force."));
        if (seeded > 0)
        {
            await RemoveEarlierSeedAsync(conn, ct);
            Report($"earlier scale seed removed");
        }
    }

    /// <summary>The subtrees of the scale communes, with everyone whose home is there (whatever was added since).</summary>
    private static async Task RemoveEarlierSeedAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            create temp table scale_units on commit drop as
              select u.id from organization.units c join organization.units u on u.path <@ c.path where c.kind = 'Commune' and c.code ~ {CommuneCode};
            create temp table scale_people on commit drop as
              select id from organization.people where home_unit_id in (select id from scale_units);
            delete from organization.member_periods where person_id in (select id from scale_people) or unit_id in (select id from scale_units);
            delete from organization.memberships where person_id in (select id from scale_people) or unit_id in (select id from scale_units);
            delete from organization.roles where person_id in (select id from scale_people) or unit_id in (select id from scale_units);
            delete from organization.people where id in (select id from scale_people);
            delete from organization.unit_periods where unit_id in (select id from scale_units);
            delete from organization.units where id in (select id from scale_units);
            """, conn, tx);
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task<List<SeedPlan.SeedUnit>> ProvincesAsync(NpgsqlConnection conn, int count, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select id, code, name, parent_id, path::text, effective_from from organization.units
             where kind = 'Province' and status = 'Active' and code ~ '^T[0-9]{2}$' order by code limit @count
            """, conn);
        cmd.Parameters.AddWithValue("count", count);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var provinces = new List<SeedPlan.SeedUnit>();
        while (await reader.ReadAsync(ct))
            provinces.Add(new SeedPlan.SeedUnit(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), UnitKind.Province,
                reader.GetGuid(3), reader.GetString(4), reader.GetFieldValue<DateOnly>(5), []));
        if (provinces.Count < count)
            throw new ScaleSeedRefusedException($"Expected {count} provinces (T01, T02, ...) from the start-up data, found {provinces.Count}.");
        return provinces;
    }

    private sealed class CommunePlan(SeedPlan.SeedUnit unit, string place, bool ward)
    {
        public SeedPlan.SeedUnit Unit { get; } = unit;
        public string Place { get; } = place;
        public bool Ward { get; } = ward;
        public string Level => Ward ? "phường" : "xã";
        public List<SeedPlan.SeedUnit> Villages { get; } = [];

        /// <summary>Promotion boards and member chapters: members' homes besides the commune and its villages.</summary>
        public List<SeedPlan.SeedUnit> Branches { get; } = [];

        public Dictionary<string, SeedPlan.SeedUnit> Clans { get; } = [];
        public int Members { get; set; }
    }

    private static List<CommunePlan> PlanTree(SeedPlan plan, List<SeedPlan.SeedUnit> provinces, ScaleShape shape, Random random)
    {
        var communes = new List<CommunePlan>();
        var lowerCounts = Apportion(shape.LowerUnits, provinces.Count * shape.CommunesPerProvince, () => 0.8 + random.NextDouble() * 0.4);
        foreach (var province in provinces)
        {
            var p = int.Parse(province.Code[1..], CultureInfo.InvariantCulture);
            for (var c = 1; c <= shape.CommunesPerProvince; c++)
            {
                var ward = random.Next(10) < 3;
                var place = VietnameseNames.Pick(random, VietnameseNames.Places);
                var unit = plan.Unit(province, $"N{p:00}-{c:000}", $"{(ward ? "Phường" : "Xã")} {place} {c}", UnitKind.Commune, OrganizationSeed.ReformDate);
                var commune = new CommunePlan(unit, place, ward);
                PlanLowerUnits(plan, commune, Math.Max(4, lowerCounts[communes.Count]), random);
                communes.Add(commune);
            }
        }
        return communes;
    }

    /// <summary>A learning centre and a promotion board, sometimes a chapter, two clans, villages for the rest (kinds as <see cref="UnitKinds"/> allows).</summary>
    private static void PlanLowerUnits(SeedPlan plan, CommunePlan commune, int count, Random random)
    {
        var n = 0;
        SeedPlan.SeedUnit Add(SeedPlan.SeedUnit parent, string name, UnitKind kind)
        {
            if (!kind.MayStandUnder(parent.Kind)) throw new InvalidOperationException($"{kind} may not stand under {parent.Kind}");
            return plan.Unit(parent, $"{commune.Unit.Code}-{++n:00}", name, kind, OrganizationSeed.ReformDate);
        }

        var chapters = random.Next(10) < 6 ? 1 : 0;
        var clans = count >= 6 ? 2 : 1;
        var villages = count - 2 - chapters - clans;
        var places = VietnameseNames.Places.Where(x => x != commune.Place).OrderBy(_ => random.Next()).Take(villages).ToList();
        for (var v = 0; v < villages; v++)
            commune.Villages.Add(Add(commune.Unit, commune.Ward ? $"Tổ dân phố số {v + 1} {commune.Place}" : $"Thôn {places[v]}", UnitKind.Village));
        Add(commune.Unit, $"Trung tâm học tập cộng đồng {commune.Level} {commune.Place}", UnitKind.CommunityLearningCentre);
        commune.Branches.Add(Add(commune.Unit, $"Ban khuyến học {commune.Level} {commune.Place}", UnitKind.PromotionBoard));
        if (chapters > 0)
            commune.Branches.Add(Add(commune.Unit, $"Chi hội khuyến học {VietnameseNames.Pick(random, VietnameseNames.SchoolKinds)} {commune.Place}", UnitKind.MemberChapter));
        while (commune.Clans.Count < clans)
        {
            var family = VietnameseNames.Family(random);
            if (commune.Clans.ContainsKey(family)) continue;
            // In rural communes half the clans belong to a village, named after it; the others to the commune.
            var village = !commune.Ward && commune.Villages.Count > 0 && random.Next(2) == 0 ? commune.Villages[random.Next(commune.Villages.Count)] : null;
            var where = village is null ? commune.Place : village.Name.Replace("Thôn ", "", StringComparison.Ordinal);
            commune.Clans[family] = Add(village ?? commune.Unit, $"Dòng họ {family} {where}", UnitKind.LearningClan);
        }
    }

    private static void SpreadMembers(List<CommunePlan> communes, int members, Random random)
    {
        // Wards are denser than rural communes; every commune has at least its chair.
        var counts = Apportion(members, communes.Count, () => 0.5 + random.NextDouble() * 1.5);
        for (var i = 0; i < communes.Count; i++) communes[i].Members = Math.Max(1, counts[i]);
    }

    /// <summary>Splits a total over slots by random weights, exactly (cumulative rounding).</summary>
    private static int[] Apportion(int total, int slots, Func<double> weight)
    {
        var weights = Enumerable.Range(0, slots).Select(_ => weight()).ToArray();
        var sum = weights.Sum();
        var counts = new int[slots];
        double cumulative = 0;
        var given = 0;
        for (var i = 0; i < slots; i++)
        {
            cumulative += weights[i];
            var upTo = (int)Math.Round(total * cumulative / sum);
            counts[i] = upTo - given;
            given = upTo;
        }
        return counts;
    }

    private static IEnumerable<List<CommunePlan>> Batches(List<CommunePlan> communes)
    {
        var batch = new List<CommunePlan>();
        var size = 0;
        foreach (var commune in communes)
        {
            batch.Add(commune);
            size += commune.Members;
            if (size < BatchMembers) continue;
            yield return batch;
            (batch, size) = ([], 0);
        }
        if (batch.Count > 0) yield return batch;
    }

    /// <summary>Households of two to six (a couple, their children), three in ten people alone; home is the commune, a village or a branch.</summary>
    private static IEnumerable<MemberRow> GenerateMembers(List<CommunePlan> batch, Random random, DateOnly today, List<(Guid, Guid)> clanMembers)
    {
        var reform = OrganizationSeed.ReformDate;
        var daysSinceReform = Math.Max(0, today.DayNumber - reform.DayNumber);
        foreach (var commune in batch)
        {
            var left = commune.Members;
            while (left > 0)
            {
                var size = Math.Min(left, random.Next(10) < 3 ? 1 : 2 + random.Next(5));
                left -= size;
                var roll = random.Next(100);
                var home = roll < 30 || (roll < 90 && commune.Villages.Count == 0) ? commune.Unit
                    : roll < 90 ? commune.Villages[random.Next(commune.Villages.Count)]
                    : commune.Branches[random.Next(commune.Branches.Count)];
                Guid? household = size > 1 ? Guid.CreateVersion7() : null;
                // Most members were registered with their new commune at the reform; the others joined since.
                var joined = random.Next(10) < 7 ? reform : reform.AddDays(random.Next(daysSinceReform + 1));
                var headBirth = size == 1 ? 1940 + random.Next(71) : 1940 + random.Next(51);
                var headGender = size == 1 ? RandomGender(random) : random.Next(10) < 8 ? Gender.Male : Gender.Female;
                var headFamily = VietnameseNames.Family(random);
                var spouseFamily = VietnameseNames.Family(random);
                var childFamily = headGender == Gender.Female ? spouseFamily : headFamily;
                for (var k = 0; k < size; k++)
                {
                    var (family, birth, gender) = k switch
                    {
                        0 => (headFamily, headBirth, headGender),
                        1 => (spouseFamily, headBirth - 6 + random.Next(13), headGender == Gender.Male ? Gender.Female : Gender.Male),
                        _ => (childFamily, headBirth + 20 + random.Next(20), RandomGender(random)),
                    };
                    var known = random.Next(100) != 0 ? gender : (Gender?)null;
                    var id = Guid.CreateVersion7();
                    if (commune.Clans.TryGetValue(family, out var clan) && random.Next(2) == 0) clanMembers.Add((id, clan.Id));
                    yield return new MemberRow(id, VietnameseNames.Full(random, family, known), Math.Clamp(birth, 1940, 2010), known,
                        home.Id, household, joined);
                }
            }
        }
    }

    private static Gender RandomGender(Random random) => random.Next(1000) switch
    {
        < 3 => Gender.Other,
        < 500 => Gender.Female,
        _ => Gender.Male,
    };

    private static async Task<int> WriteMembershipsAsync(NpgsqlConnection conn, List<(Guid Person, Guid Clan)> memberships, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync("copy organization.memberships (person_id, unit_id) from stdin (format binary)", ct);
        foreach (var (person, clan) in memberships)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(person, NpgsqlTypes.NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(clan, NpgsqlTypes.NpgsqlDbType.Uuid, ct);
        }
        await copy.CompleteAsync(ct);
        return memberships.Count;
    }
}
