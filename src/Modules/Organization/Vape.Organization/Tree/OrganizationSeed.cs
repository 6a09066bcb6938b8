using System.Text;
using Marten;
using Marten.Schema;
using Npgsql;
using Vape.Organization.People;
using Microsoft.Extensions.Options;
using Vape.BuildingBlocks.Hosting;

namespace Vape.Organization.Tree;

/// <summary>
/// Start-up data, loaded once into an empty database: the central association and the 34 provincial units of
/// the 2025 reform with the units each was formed from (always), and, when `Vape:DemoData` is on, a few
/// communes and units below them, members and the demo logins of the README.
/// </summary>
internal sealed class OrganizationSeed(IOptions<DemoDataOptions> demo, NpgsqlDataSource database) : IInitialData
{
    public const string CentralCode = "TW";
    public static readonly DateOnly ReformDate = new(2025, 7, 1);
    public static readonly DateOnly FoundingDate = new(1996, 2, 2);

    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        await using (var any = new NpgsqlCommand("select exists (select 1 from organization.units)", conn))
            if ((bool)(await any.ExecuteScalarAsync(ct))!) return;

        var plan = new SeedPlan();
        var central = plan.Unit(null, CentralCode, "Hội Khuyến học Việt Nam", UnitKind.Central, FoundingDate);
        var provinces = ReadProvinces().Select((row, i) =>
            (row.Name, Unit: plan.Unit(central, $"T{i + 1:00}", row.Name, UnitKind.Province, ReformDate, row.FormedFrom))).ToList();
        if (demo.Value.DemoData)
            AddDemo(plan, central, provinces.Single(p => p.Name == "Hà Nội").Unit, provinces.Single(p => p.Name == "Hải Phòng").Unit);

        await plan.WriteAsync(conn, ct);
        await using var session = store.LightweightSession();
        foreach (var unit in plan.Units)
            Streams.Start(session, unit.Id, new UnitEstablished(unit.Id, unit.Code, unit.Name, unit.Kind, unit.ParentId, unit.From, unit.FormedFrom, null));
        await session.SaveChangesAsync(ct);
    }

    private static void AddDemo(SeedPlan plan, SeedPlan.SeedUnit central, SeedPlan.SeedUnit haNoi, SeedPlan.SeedUnit haiPhong)
    {
        var baDinh = plan.Unit(haNoi, "T01-X001", "Phường Ba Đình", UnitKind.Commune, ReformDate);
        plan.Unit(haNoi, "T01-X002", "Phường Hoàn Kiếm", UnitKind.Commune, ReformDate);
        var socSon = plan.Unit(haNoi, "T01-X003", "Xã Sóc Sơn", UnitKind.Commune, ReformDate);
        var leChan = plan.Unit(haiPhong, "T18-X001", "Phường Lê Chân", UnitKind.Commune, ReformDate);
        plan.Unit(baDinh, "T01-X001-01", "Tổ dân phố số 1 Ba Đình", UnitKind.Village, ReformDate);
        plan.Unit(baDinh, "T01-X001-03", "Tổ dân phố số 2 Ba Đình", UnitKind.Village, ReformDate);
        plan.Unit(baDinh, "T01-X001-04", "Dòng họ Lê Ba Đình", UnitKind.LearningClan, ReformDate);
        plan.Unit(baDinh, "T01-X001-02", "Trung tâm học tập cộng đồng phường Ba Đình", UnitKind.CommunityLearningCentre, ReformDate);
        plan.Unit(socSon, "T01-X003-01", "Thôn Đông Xuân", UnitKind.Village, ReformDate);
        var clan = plan.Unit(socSon, "T01-X003-02", "Dòng họ Nguyễn Đình", UnitKind.LearningClan, ReformDate);
        plan.Unit(socSon, "T01-X003-03", "Ban khuyến học xã Sóc Sơn", UnitKind.PromotionBoard, ReformDate);
        plan.Unit(leChan, "T18-X001-01", "Chi hội khuyến học Trường THCS Lê Chân", UnitKind.MemberChapter, ReformDate);

        plan.Official("central", "Nguyễn Văn An", 1958, Gender.Male, central, OfficialRole.Chair);
        plan.Official("province", "Trần Thị Bình", 1968, Gender.Female, haNoi, OfficialRole.ViceChair);
        plan.Official("commune", "Lê Văn Cường", 1975, Gender.Male, baDinh, OfficialRole.StandingMember);
        plan.Official("sibling-province", "Phạm Thị Dung", 1970, Gender.Female, haiPhong, OfficialRole.ViceChair);
        plan.Person("learner", "Hoàng Thị Em", 1990, Gender.Female, baDinh);
        plan.Person("learner2", "Trần Văn Phúc", 1986, Gender.Male, baDinh);
        plan.Person("learner-hp", "Vũ Thị Giang", 1996, Gender.Female, leChan);
        var family = Guid.CreateVersion7();
        plan.Person(null, "Nguyễn Đình Hùng", 1962, Gender.Male, socSon, family, clan);
        plan.Person(null, "Nguyễn Đình Hải Nam", 1988, Gender.Male, socSon, family, clan);
        plan.Person(null, "Đỗ Thị Hà Nam", 1991, Gender.Female, socSon, family, clan);
        plan.Person(null, "Vũ Văn Hà", 1985, Gender.Male, leChan);
    }

    private sealed record ProvinceRow(string Name, List<string> FormedFrom);

    private static IEnumerable<ProvinceRow> ReadProvinces()
    {
        using var stream = typeof(OrganizationSeed).Assembly.GetManifestResourceStream("vn-provinces-2025.csv")
            ?? throw new InvalidOperationException("reference data vn-provinces-2025.csv is missing from the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = reader.ReadLine();
        if (header != "name_vi,name_ascii,kind,formed_from") throw new InvalidDataException($"unexpected header: {header}");
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var cells = line.Split(',');
            yield return new ProvinceRow(cells[0].Normalize(NormalizationForm.FormC),
                cells[3].Split(';').Select(s => s.Trim().Normalize(NormalizationForm.FormC)).ToList());
        }
    }
}

/// <summary>Units, people and roles to write in one go (binary COPY), for start-up data and the scale seed.</summary>
internal sealed class SeedPlan
{
    public sealed record SeedUnit(Guid Id, string Code, string Name, UnitKind Kind, Guid? ParentId, string Path, DateOnly From, List<string> FormedFrom);

    private sealed record SeedPerson(Guid Id, string Name, int? BirthYear, Gender? Gender, Guid Home, Guid? Household, string? Login, DateOnly JoinedOn);

    private sealed record SeedRole(Guid Id, Guid Person, Guid Unit, OfficialRole Role, DateOnly From);

    public List<SeedUnit> Units { get; } = [];
    private readonly List<SeedPerson> _people = [];
    private readonly List<(Guid Person, Guid Unit)> _memberships = [];
    private readonly List<SeedRole> _roles = [];

    public SeedUnit Unit(SeedUnit? parent, string code, string name, UnitKind kind, DateOnly from, List<string>? formedFrom = null)
    {
        var id = Guid.CreateVersion7();
        var unit = new SeedUnit(id, code, name, kind, parent?.Id, parent is null ? Tree.Unit.Label(id) : parent.Path + "." + Tree.Unit.Label(id), from, formedFrom ?? []);
        Units.Add(unit);
        return unit;
    }

    public Guid Person(string? login, string name, int? birthYear, Gender? gender, SeedUnit home, Guid? household = null, SeedUnit? alsoIn = null)
    {
        var id = Guid.CreateVersion7();
        _people.Add(new SeedPerson(id, name, birthYear, gender, home.Id, household, login, home.From));
        if (alsoIn is not null) _memberships.Add((id, alsoIn.Id));
        return id;
    }

    public void Official(string login, string name, int birthYear, Gender gender, SeedUnit unit, OfficialRole role) =>
        _roles.Add(new SeedRole(Guid.CreateVersion7(), Person(login, name, birthYear, gender, unit), unit.Id, role, unit.From));

    public async Task WriteAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var units = await conn.BeginBinaryImportAsync(
            "copy organization.units (id, code, name, kind, parent_id, path, effective_from, formed_from, version) from stdin (format binary)", ct))
        {
            foreach (var u in Units)
            {
                await units.StartRowAsync(ct);
                await units.WriteAsync(u.Id, ct);
                await units.WriteAsync(u.Code, ct);
                await units.WriteAsync(u.Name, ct);
                await units.WriteAsync(u.Kind.ToString(), ct);
                await WriteNullable(units, u.ParentId, ct);
                await units.WriteAsync(u.Path, NpgsqlTypes.NpgsqlDbType.LTree, ct);
                await units.WriteAsync(u.From, ct);
                await units.WriteAsync(u.FormedFrom.ToArray(), ct);
                await units.WriteAsync(1, ct);
            }
            await units.CompleteAsync(ct);
        }
        await using (var people = await conn.BeginBinaryImportAsync(
            "copy organization.people (id, full_name, birth_year, gender, home_unit_id, household_id, login, joined_on) from stdin (format binary)", ct))
        {
            foreach (var p in _people)
            {
                await people.StartRowAsync(ct);
                await people.WriteAsync(p.Id, ct);
                await people.WriteAsync(p.Name, ct);
                await WriteNullable(people, p.BirthYear, ct);
                await WriteNullable(people, p.Gender?.ToString(), ct);
                await people.WriteAsync(p.Home, ct);
                await WriteNullable(people, p.Household, ct);
                await WriteNullable(people, p.Login, ct);
                await people.WriteAsync(p.JoinedOn, ct);
            }
            await people.CompleteAsync(ct);
        }
        await using (var cmd = new NpgsqlCommand("""
            insert into organization.unit_periods (unit_id, valid_from, name, kind, parent_id, path, status)
            select id, effective_from, name, kind, parent_id, path, status from organization.units u where u.id = any(@units);
            insert into organization.member_periods (person_id, unit_id, valid_from)
            select id, home_unit_id, joined_on from organization.people where id = any(@people);
            insert into organization.memberships (person_id, unit_id) select unnest(@mp), unnest(@mu);
            insert into organization.roles (id, person_id, unit_id, role, term_from) select unnest(@ri), unnest(@rp), unnest(@ru), unnest(@rr), unnest(@rf);
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("units", Units.Select(u => u.Id).ToArray());
            cmd.Parameters.AddWithValue("people", _people.Select(p => p.Id).ToArray());
            cmd.Parameters.AddWithValue("mp", _memberships.Select(m => m.Person).ToArray());
            cmd.Parameters.AddWithValue("mu", _memberships.Select(m => m.Unit).ToArray());
            cmd.Parameters.AddWithValue("ri", _roles.Select(r => r.Id).ToArray());
            cmd.Parameters.AddWithValue("rp", _roles.Select(r => r.Person).ToArray());
            cmd.Parameters.AddWithValue("ru", _roles.Select(r => r.Unit).ToArray());
            cmd.Parameters.AddWithValue("rr", _roles.Select(r => r.Role.ToString()).ToArray());
            cmd.Parameters.AddWithValue("rf", _roles.Select(r => r.From).ToArray());
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, CancellationToken ct) =>
        value is null ? importer.WriteNullAsync(ct) : importer.WriteAsync(value, ct);
}
