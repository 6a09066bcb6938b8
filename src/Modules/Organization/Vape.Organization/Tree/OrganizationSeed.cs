using System.Text;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.Configuration;
using Vape.Organization.People;

namespace Vape.Organization.Tree;

/// <summary>
/// Start-up data, loaded once into an empty database: the central association and the 34 provincial units of
/// the 2025 reform (always), and, when `Vape:DemoData` is on, a few communes and units below them, members and
/// the demo logins of the README.
/// </summary>
internal sealed class OrganizationSeed(IConfiguration configuration) : IInitialData
{
    public static readonly DateOnly ReformDate = new(2025, 7, 1);

    public async Task Populate(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<Unit>().AnyAsync(ct)) return;

        var central = NewUnit(null, "TW", "Hội Khuyến học Việt Nam", UnitKind.Central, new DateOnly(1996, 2, 20));
        session.Store(central);
        var provinces = new Dictionary<string, Unit>();
        var number = 0;
        foreach (var row in ReadProvinces())
        {
            number++;
            var province = NewUnit(central, $"T{number:00}", row.Name, UnitKind.Province, ReformDate);
            province.FormedFrom = row.FormedFrom;
            provinces[row.Name] = province;
            session.Store(province);
        }

        if (configuration.GetValue("Vape:DemoData", false))
            AddDemo(session, central, provinces["Hà Nội"], provinces["Hải Phòng"]);
        await session.SaveChangesAsync(ct);
    }

    private static void AddDemo(IDocumentSession session, Unit central, Unit haNoi, Unit haiPhong)
    {
        var baDinh = NewUnit(haNoi, "T01-X001", "Phường Ba Đình", UnitKind.Commune, ReformDate);
        var hoanKiem = NewUnit(haNoi, "T01-X002", "Phường Hoàn Kiếm", UnitKind.Commune, ReformDate);
        var socSon = NewUnit(haNoi, "T01-X003", "Xã Sóc Sơn", UnitKind.Commune, ReformDate);
        var leChan = NewUnit(haiPhong, "T18-X001", "Phường Lê Chân", UnitKind.Commune, ReformDate);
        var units = new[]
        {
            baDinh, hoanKiem, socSon, leChan,
            NewUnit(baDinh, "T01-X001-01", "Tổ dân phố số 1 Ba Đình", UnitKind.Village, ReformDate),
            NewUnit(baDinh, "T01-X001-02", "Trung tâm học tập cộng đồng phường Ba Đình", UnitKind.CommunityLearningCentre, ReformDate),
            NewUnit(socSon, "T01-X003-01", "Thôn Đông Xuân", UnitKind.Village, ReformDate),
            NewUnit(socSon, "T01-X003-02", "Dòng họ Nguyễn Đình", UnitKind.LearningClan, ReformDate),
            NewUnit(socSon, "T01-X003-03", "Ban khuyến học xã Sóc Sơn", UnitKind.PromotionBoard, ReformDate),
            NewUnit(leChan, "T18-X001-01", "Chi hội khuyến học Trường THCS Lê Chân", UnitKind.MemberChapter, ReformDate),
        };
        session.Store(units);

        Person Official(string login, string name, Unit unit, OfficialRole role)
        {
            var person = new Person { Id = Guid.CreateVersion7(), FullName = name, HomeUnitId = unit.Id, Login = login };
            session.Store(person);
            session.Store(new RoleAssignment { Id = Guid.CreateVersion7(), PersonId = person.Id, UnitId = unit.Id, Role = role, From = ReformDate });
            return person;
        }
        Official("central", "Nguyễn Văn An", central, OfficialRole.Chair);
        Official("province", "Trần Thị Bình", haNoi, OfficialRole.ViceChair);
        Official("commune", "Lê Văn Cường", baDinh, OfficialRole.StandingMember);
        Official("sibling-province", "Phạm Thị Dung", haiPhong, OfficialRole.ViceChair);
        session.Store(new Person { Id = Guid.CreateVersion7(), FullName = "Hoàng Thị Em", HomeUnitId = baDinh.Id, Login = "learner" });
    }

    private static Unit NewUnit(Unit? parent, string code, string name, UnitKind kind, DateOnly from)
    {
        var id = Guid.CreateVersion7();
        return new Unit
        {
            Id = id, Code = code, Name = name, Kind = kind, ParentId = parent?.Id,
            Path = Unit.PathOf(parent, id), Depth = (parent?.Depth ?? -1) + 1, EffectiveFrom = from,
        };
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
