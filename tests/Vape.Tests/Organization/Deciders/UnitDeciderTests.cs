using System.Text;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.People;
using Vape.Organization.Tree;
using Vape.Tests.Support;

namespace Vape.Tests.Organization.Deciders;

/// <summary>
/// Given a unit's events (and those of the units a decision reads), when an action, then the events or the refusal:
/// the tree's rules in memory, without a host (docs/adr/0164). The SQL, the permissions and the wiring are tested by
/// UnitTests, TreeChangeTests and OrderOfChecksTests.
/// </summary>
internal static class UnitSpec
{
    public static readonly Guid Centre = Guid.Parse("01900000-0000-7000-8000-0000000000c0");
    public static readonly Guid HaNoi = Guid.Parse("01900000-0000-7000-8000-0000000000c1");
    public static readonly Guid HaiPhong = Guid.Parse("01900000-0000-7000-8000-0000000000c2");
    public static readonly Guid BaDinh = Guid.Parse("01900000-0000-7000-8000-0000000000c3");
    public static readonly Guid HoanKiem = Guid.Parse("01900000-0000-7000-8000-0000000000c4");
    public static readonly Guid Village = Guid.Parse("01900000-0000-7000-8000-0000000000c5");
    public static readonly Guid NewId = Guid.Parse("01900000-0000-7000-8000-0000000000d1");
    public static readonly Guid Official = Guid.Parse("01900000-0000-7000-8000-0000000000a1");
    public static readonly DateOnly Founded = new(2020, 1, 1);
    public static readonly DateOnly Today = new(2026, 12, 6);

    public static UnitEstablished Established(Guid id, string code, UnitKind kind, Guid? parent, DateOnly? from = null) =>
        new(id, code, code, kind, parent, from ?? Founded, [], null);

    /// <summary>The centre, two provinces, two communes of Hà Nội and a village of Ba Đình, all founded on <see cref="Founded"/>.</summary>
    public static readonly IUnitEvent[] Tree =
    [
        Established(Centre, "TW", UnitKind.Central, null),
        Established(HaNoi, "HN", UnitKind.Province, Centre),
        Established(HaiPhong, "HP", UnitKind.Province, Centre),
        Established(BaDinh, "HN-BD", UnitKind.Commune, HaNoi),
        Established(HoanKiem, "HN-HK", UnitKind.Commune, HaNoi),
        Established(Village, "HN-BD-01", UnitKind.Village, BaDinh),
    ];

    /// <summary>The tree, then `events`, folded as the store keeps it.</summary>
    public static TreeState Given(params IUnitEvent[] events) => TreeState.Of().Apply([.. Tree, .. events]);

    public static Unit Unit(Guid id, params IUnitEvent[] events) => Given(events)[id]!;

    public static Decision<IUnitEvent> When(Func<IReadOnlyList<IUnitEvent>> decide) => Decision<IUnitEvent>.Of(decide);
}

/// <summary>What each event does to the units it touches (<c>TreeState.Apply</c>), as the tables show it.</summary>
public class TreeStateTests
{
    [Fact]
    public void A_unit_established_stands_under_its_parent_at_version_one()
    {
        var village = UnitSpec.Unit(UnitSpec.Village);
        Assert.Equal($"{Unit.Label(UnitSpec.Centre)}.{Unit.Label(UnitSpec.HaNoi)}.{Unit.Label(UnitSpec.BaDinh)}.{Unit.Label(UnitSpec.Village)}", village.Path);
        Assert.Equal((3, 1, UnitStatus.Active, UnitSpec.Founded), (village.Depth, village.Version, village.Status, village.LastChange));
    }

    [Fact]
    public void A_move_takes_the_subtree_along_and_starts_its_periods_again()
    {
        var on = new DateOnly(2025, 7, 1);
        var state = UnitSpec.Given(new UnitReparented(UnitSpec.BaDinh, UnitSpec.HaNoi, UnitSpec.HaiPhong, on, UnitSpec.Official));
        Assert.Equal((UnitSpec.HaiPhong, 2, on), (state[UnitSpec.BaDinh]!.ParentId, state[UnitSpec.BaDinh]!.Version, state[UnitSpec.BaDinh]!.LastChange));
        var village = state[UnitSpec.Village]!;
        Assert.True(village.IsSelfOrDescendantOf(UnitSpec.HaiPhong));
        Assert.False(village.IsSelfOrDescendantOf(UnitSpec.HaNoi));
        Assert.Equal((3, 1, on, UnitSpec.BaDinh), (village.Depth, village.Version, village.LastChange, village.ParentId));
    }

    [Fact]
    public void A_merge_passes_the_children_to_the_successor_and_raises_both_versions()
    {
        var on = new DateOnly(2025, 7, 1);
        var state = UnitSpec.Given(new UnitMergedInto(UnitSpec.BaDinh, UnitSpec.HoanKiem, on, UnitSpec.Official),
            new UnitAbsorbed(UnitSpec.HoanKiem, UnitSpec.BaDinh, on, UnitSpec.Official));
        var merged = state[UnitSpec.BaDinh]!;
        Assert.Equal((UnitStatus.Merged, (Guid?)UnitSpec.HoanKiem, (DateOnly?)on, 2), (merged.Status, merged.SuccessorId, merged.EffectiveTo, merged.Version));
        Assert.Equal(2, state[UnitSpec.HoanKiem]!.Version);
        Assert.Equal(UnitSpec.HoanKiem, state[UnitSpec.Village]!.ParentId);
        Assert.True(state[UnitSpec.Village]!.IsSelfOrDescendantOf(UnitSpec.HoanKiem));
    }

    [Fact]
    public void A_rename_and_a_dissolution_change_the_units_row()
    {
        var on = new DateOnly(2025, 7, 1);
        var state = UnitSpec.Given(new UnitNamed(UnitSpec.Village, "Thôn Mới", on, UnitSpec.Official),
            new UnitDisbanded(UnitSpec.Village, on.AddDays(1), UnitSpec.Official));
        var village = state[UnitSpec.Village]!;
        Assert.Equal(("Thôn Mới", on, UnitStatus.Dissolved, (DateOnly?)on.AddDays(1), 3),
            (village.Name, village.LastChange, village.Status, village.EffectiveTo, village.Version));
    }
}

public class CreateUnitTests
{
    private static Decision<IUnitEvent> When(string code, string name, UnitKind kind = UnitKind.Commune, DateOnly? from = null,
        Guid? parent = null, Unit? sameCode = null, params IUnitEvent[] given) =>
        UnitSpec.When(() => new CreateUnit(parent ?? UnitSpec.HaNoi, code, name, kind, from, UnitSpec.Official)
            .Decide(UnitSpec.Unit(parent ?? UnitSpec.HaNoi, given), sameCode, UnitSpec.NewId, UnitSpec.Today));

    [Fact]
    public void A_unit_is_founded_today_under_its_parent_its_code_in_capitals_its_name_as_written() =>
        When(" hn-cg ", "  Cau Giay\u0301 ").Then(
            new UnitEstablished(UnitSpec.NewId, "HN-CG", "Cau Giaý", UnitKind.Commune, UnitSpec.HaNoi, UnitSpec.Today, [], UnitSpec.Official));

    [Fact]
    public void A_unit_may_be_founded_on_a_past_date_not_before_its_parent()
    {
        When("HN-CG", "Cầu Giấy", from: UnitSpec.Founded).Then(
            new UnitEstablished(UnitSpec.NewId, "HN-CG", "Cầu Giấy", UnitKind.Commune, UnitSpec.HaNoi, UnitSpec.Founded, [], UnitSpec.Official));
        When("HN-CG", "Cầu Giấy", from: UnitSpec.Founded.AddDays(-1)).ThenRefused(ErrorCodes.InvalidInput, "đơn vị cấp trên");
        When("HN-CG", "Cầu Giấy", from: UnitSpec.Today.AddDays(1)).ThenRefused(ErrorCodes.InvalidInput, "tương lai");
    }

    [Fact]
    public void A_name_is_checked_first_then_the_code()
    {
        When("??", "   ").ThenRefused(ErrorCodes.InvalidInput, "Tên đơn vị không được để trống");
        When("??", "Cầu Giấy").ThenRefused(ErrorCodes.InvalidInput, "Mã đơn vị gồm");
        When("HN-CG", new string('x', TreeRules.MaxNameLength + 1)).ThenRefused(ErrorCodes.InvalidInput, "200");
        When("HN-CG", "Cầu\u202EGiấy").ThenRefused(ErrorCodes.InvalidInput, "ký tự ẩn");
        When("HN-CG", "Cầu\u0007Giấy").ThenRefused(ErrorCodes.InvalidInput, "điều khiển");
    }

    [Fact]
    public void A_kind_stands_only_under_the_kinds_the_charter_allows()
    {
        When("HN-01", "Thôn 1", UnitKind.Village).ThenRefused(ErrorCodes.InvalidInput, "không thể trực thuộc");
        When("HN-CL", "Chi hội trường", UnitKind.MemberChapter).Then(
            new UnitEstablished(UnitSpec.NewId, "HN-CL", "Chi hội trường", UnitKind.MemberChapter, UnitSpec.HaNoi, UnitSpec.Today, [], UnitSpec.Official));
    }

    [Fact]
    public void A_code_already_used_is_refused_after_the_other_checks() =>
        When("HN-BD", "Ba Đình 2", sameCode: UnitSpec.Unit(UnitSpec.BaDinh)).ThenRefused(ErrorCodes.InvalidInput, "“HN-BD” đã được dùng");

    [Fact]
    public void Nothing_is_founded_under_a_merged_or_dissolved_unit()
    {
        When("HN-X", "X", parent: UnitSpec.BaDinh, kind: UnitKind.Village,
                given: [new UnitMergedInto(UnitSpec.BaDinh, UnitSpec.HoanKiem, UnitSpec.Today, UnitSpec.Official)])
            .ThenRefused(ErrorCodes.InvalidInput, "đã sáp nhập");
        When("HN-X", "X", parent: UnitSpec.Village, kind: UnitKind.LearningClan,
                given: [new UnitDisbanded(UnitSpec.Village, UnitSpec.Today, UnitSpec.Official)])
            .ThenRefused(ErrorCodes.InvalidInput, "đã giải thể");
    }
}

public class RenameUnitTests
{
    private static Decision<IUnitEvent> When(string name, int expectedVersion = 1, DateOnly? from = null, params IUnitEvent[] given) =>
        UnitSpec.When(() => new RenameUnit(UnitSpec.BaDinh, name, expectedVersion, UnitSpec.Official, from)
            .Decide(UnitSpec.Unit(UnitSpec.BaDinh, given), UnitSpec.Today));

    [Fact]
    public void A_unit_is_renamed_from_today() =>
        When(" Phường Ba Đình ").Then(new UnitNamed(UnitSpec.BaDinh, "Phường Ba Đình", UnitSpec.Today, UnitSpec.Official));

    [Fact]
    public void A_rename_may_be_dated_back_but_not_before_the_last_change_nor_the_founding()
    {
        var renamed = new UnitNamed(UnitSpec.BaDinh, "Ba Đình", new DateOnly(2024, 1, 1), UnitSpec.Official);
        When("Phường Ba Đình", 2, new DateOnly(2024, 1, 1), renamed).Then(new UnitNamed(UnitSpec.BaDinh, "Phường Ba Đình", new DateOnly(2024, 1, 1), UnitSpec.Official));
        When("Phường Ba Đình", 2, new DateOnly(2023, 12, 31), renamed).ThenRefused(ErrorCodes.InvalidInput, "trước thay đổi gần nhất");
        When("Phường Ba Đình", 1, UnitSpec.Founded.AddDays(-1)).ThenRefused(ErrorCodes.InvalidInput, "thành lập");
        When("Phường Ba Đình", 1, UnitSpec.Today.AddDays(1)).ThenRefused(ErrorCodes.InvalidInput, "tương lai");
    }

    [Fact]
    public void A_stale_version_is_a_conflict() =>
        When("Phường Ba Đình", 1, given: new UnitNamed(UnitSpec.BaDinh, "Ba Đình", UnitSpec.Founded, UnitSpec.Official)).ThenRefused(ErrorCodes.VersionConflict);

    [Fact]
    public void An_empty_name_comes_before_the_units_status_and_a_merged_unit_keeps_its_name()
    {
        var merged = new UnitMergedInto(UnitSpec.BaDinh, UnitSpec.HoanKiem, UnitSpec.Today, UnitSpec.Official);
        When(" ", 2, given: merged).ThenRefused(ErrorCodes.InvalidInput, "không được để trống");
        When("Ba Đình mới", 2, given: merged).ThenRefused(ErrorCodes.InvalidInput, "đã sáp nhập");
    }
}

public class MoveUnitTests
{
    private static Decision<IUnitEvent> When(Guid unit, Guid parent, int expectedVersion = 1, DateOnly? from = null, DateOnly? recorded = null,
        params IUnitEvent[] given)
    {
        var state = UnitSpec.Given(given);
        return UnitSpec.When(() => new MoveUnit(unit, parent, expectedVersion, UnitSpec.Official, from)
            .Decide(state[unit]!, state[parent]!, recorded ?? UnitSpec.Founded, UnitSpec.Today));
    }

    [Fact]
    public void A_unit_moves_under_another_parent_of_a_kind_it_may_stand_under() =>
        When(UnitSpec.BaDinh, UnitSpec.HaiPhong).Then(new UnitReparented(UnitSpec.BaDinh, UnitSpec.HaNoi, UnitSpec.HaiPhong, UnitSpec.Today, UnitSpec.Official));

    [Fact]
    public void The_root_does_not_move() =>
        When(UnitSpec.Centre, UnitSpec.HaNoi).ThenRefused(ErrorCodes.InvalidInput, "Không thể chuyển Trung ương Hội");

    [Fact]
    public void A_unit_never_moves_under_itself_or_its_own_descendant()
    {
        When(UnitSpec.BaDinh, UnitSpec.BaDinh).ThenRefused(ErrorCodes.InvalidInput, "chính nó hoặc đơn vị cấp dưới");
        When(UnitSpec.HaNoi, UnitSpec.Village).ThenRefused(ErrorCodes.InvalidInput, "chính nó hoặc đơn vị cấp dưới");
    }

    [Fact]
    public void Moving_under_the_parent_it_has_or_a_parent_of_the_wrong_kind_is_refused()
    {
        When(UnitSpec.BaDinh, UnitSpec.HaNoi).ThenRefused(ErrorCodes.InvalidInput, "đã trực thuộc");
        When(UnitSpec.Village, UnitSpec.HaiPhong).ThenRefused(ErrorCodes.InvalidInput, "không thể trực thuộc");
    }

    [Fact]
    public void A_stale_version_is_a_conflict_after_the_tree_rules() =>
        When(UnitSpec.BaDinh, UnitSpec.HaiPhong, expectedVersion: 7).ThenRefused(ErrorCodes.VersionConflict);

    [Fact]
    public void A_move_is_dated_not_before_the_new_parent_nor_before_what_is_recorded_below_it()
    {
        var lateParent = UnitSpec.Established(UnitSpec.NewId, "DN", UnitKind.Province, UnitSpec.Centre, new DateOnly(2025, 1, 1));
        When(UnitSpec.BaDinh, UnitSpec.NewId, from: new DateOnly(2024, 6, 1), given: lateParent).ThenRefused(ErrorCodes.InvalidInput, "“DN” thành lập");
        When(UnitSpec.BaDinh, UnitSpec.HaiPhong, from: new DateOnly(2024, 6, 1), recorded: new DateOnly(2024, 6, 2))
            .ThenRefused(ErrorCodes.InvalidInput, "Ngày hiệu lực 01/06/2024 trước một thay đổi đã ghi nhận");
        When(UnitSpec.BaDinh, UnitSpec.HaiPhong, from: new DateOnly(2024, 6, 1), recorded: new DateOnly(2024, 6, 1))
            .Then(new UnitReparented(UnitSpec.BaDinh, UnitSpec.HaNoi, UnitSpec.HaiPhong, new DateOnly(2024, 6, 1), UnitSpec.Official));
    }

    [Fact]
    public void Nothing_moves_under_a_dissolved_unit() =>
        When(UnitSpec.HoanKiem, UnitSpec.HaiPhong, given: new UnitDisbanded(UnitSpec.HaiPhong, UnitSpec.Today, UnitSpec.Official))
            .ThenRefused(ErrorCodes.InvalidInput, "đã giải thể");
}

public class MergeUnitTests
{
    private static Decision<IUnitEvent> When(Guid unit, Guid successor, int expectedVersion = 1, DateOnly? from = null, DateOnly? recorded = null,
        params IUnitEvent[] given)
    {
        var state = UnitSpec.Given(given);
        return UnitSpec.When(() => new MergeUnit(unit, successor, expectedVersion, UnitSpec.Official, from)
            .Decide(state[unit]!, state[successor]!, recorded, UnitSpec.Today));
    }

    [Fact]
    public void A_unit_merged_into_one_of_its_kind_and_the_successor_absorbing_it() =>
        When(UnitSpec.BaDinh, UnitSpec.HoanKiem).Then(
            new UnitMergedInto(UnitSpec.BaDinh, UnitSpec.HoanKiem, UnitSpec.Today, UnitSpec.Official),
            new UnitAbsorbed(UnitSpec.HoanKiem, UnitSpec.BaDinh, UnitSpec.Today, UnitSpec.Official));

    [Fact]
    public void Not_into_itself_nor_its_descendant_nor_a_unit_of_another_kind()
    {
        When(UnitSpec.BaDinh, UnitSpec.BaDinh).ThenRefused(ErrorCodes.InvalidInput, "vào chính nó");
        When(UnitSpec.HaNoi, UnitSpec.BaDinh).ThenRefused(ErrorCodes.InvalidInput, "đơn vị cấp dưới của nó");
        When(UnitSpec.BaDinh, UnitSpec.HaiPhong).ThenRefused(ErrorCodes.InvalidInput, "cùng loại");
    }

    [Fact]
    public void Neither_side_may_be_merged_or_dissolved_already()
    {
        var merged = new UnitMergedInto(UnitSpec.HoanKiem, UnitSpec.BaDinh, UnitSpec.Today, UnitSpec.Official);
        When(UnitSpec.BaDinh, UnitSpec.HoanKiem, given: merged).ThenRefused(ErrorCodes.InvalidInput, "“HN-HK” đã sáp nhập");
        When(UnitSpec.HoanKiem, UnitSpec.BaDinh, given: merged).ThenRefused(ErrorCodes.InvalidInput, "“HN-HK” đã sáp nhập");
    }

    [Fact]
    public void A_stale_version_is_a_conflict() =>
        When(UnitSpec.BaDinh, UnitSpec.HoanKiem, expectedVersion: 2).ThenRefused(ErrorCodes.VersionConflict);

    [Fact]
    public void The_date_follows_both_units_last_changes_and_what_is_recorded_below()
    {
        var renamed = new UnitNamed(UnitSpec.HoanKiem, "Hoàn Kiếm", new DateOnly(2025, 1, 1), UnitSpec.Official);
        When(UnitSpec.BaDinh, UnitSpec.HoanKiem, from: new DateOnly(2024, 1, 1), given: renamed).ThenRefused(ErrorCodes.InvalidInput, "“Hoàn Kiếm”");
        When(UnitSpec.BaDinh, UnitSpec.HoanKiem, from: new DateOnly(2024, 1, 1), recorded: new DateOnly(2024, 3, 1))
            .ThenRefused(ErrorCodes.InvalidInput, "trước một thay đổi đã ghi nhận");
        When(UnitSpec.BaDinh, UnitSpec.HoanKiem, from: UnitSpec.Today.AddDays(1)).ThenRefused(ErrorCodes.InvalidInput, "tương lai");
    }
}

public class DissolveUnitTests
{
    private static Decision<IUnitEvent> When(Guid unit, bool busy = false, int expectedVersion = 1, DateOnly? from = null, params IUnitEvent[] given) =>
        UnitSpec.When(() => new DissolveUnit(unit, expectedVersion, UnitSpec.Official, from).Decide(UnitSpec.Unit(unit, given), busy, UnitSpec.Today));

    [Fact]
    public void An_empty_unit_is_dissolved() =>
        When(UnitSpec.Village).Then(new UnitDisbanded(UnitSpec.Village, UnitSpec.Today, UnitSpec.Official));

    [Fact]
    public void A_unit_with_units_or_members_in_it_waits_for_them_to_move() =>
        When(UnitSpec.BaDinh, busy: true).ThenRefused(ErrorCodes.InvalidInput, "còn đơn vị trực thuộc hoặc hội viên");

    [Fact]
    public void The_root_is_never_dissolved() => When(UnitSpec.Centre).ThenRefused(ErrorCodes.InvalidInput, "Trung ương Hội");

    [Fact]
    public void A_dissolved_unit_a_stale_version_or_a_bad_date_are_refused_before_looking_inside()
    {
        var dissolved = new UnitDisbanded(UnitSpec.Village, UnitSpec.Today, UnitSpec.Official);
        When(UnitSpec.Village, busy: true, expectedVersion: 2, given: dissolved).ThenRefused(ErrorCodes.InvalidInput, "đã giải thể");
        When(UnitSpec.BaDinh, busy: true, expectedVersion: 3).ThenRefused(ErrorCodes.VersionConflict);
        When(UnitSpec.BaDinh, busy: true, from: UnitSpec.Today.AddDays(1)).ThenRefused(ErrorCodes.InvalidInput, "tương lai");
    }
}

public class ImportUnitsTests
{
    private static readonly DateOnly On = new(2024, 5, 1);

    private static (IReadOnlyList<UnitEstablished> Events, IReadOnlyList<ImportProblem> Problems) Import(string csv, Guid? into = null, params IUnitEvent[] given)
    {
        var state = UnitSpec.Given(given);
        var command = new ImportUnits(into ?? UnitSpec.BaDinh, Encoding.UTF8.GetBytes(csv), UnitSpec.Official);
        var root = state[command.UnitId]!;
        var lines = command.Check(root);
        var known = state.Units.Values.Where(u => ImportUnits.Codes(lines).Contains(u.Code)).ToList();
        var ids = 0;
        return command.Decide(root, lines, known, UnitSpec.Today, () => Guid.Parse($"01900000-0000-7000-8000-0000000001{++ids:d2}"));
    }

    private static Guid Id(int n) => Guid.Parse($"01900000-0000-7000-8000-0000000001{n:d2}");

    [Fact]
    public void Each_line_is_a_unit_under_the_unit_imported_into_a_unit_of_its_subtree_or_an_earlier_line()
    {
        var (events, problems) = Import($"{ImportUnits.Header}\nhn-bd-02,Thôn 2,VILLAGE,,2024-05-01\nHN-BD-DH,Dòng họ Nguyễn,LEARNING_CLAN,HN-BD-02,\nHN-BD-DH2,Dòng họ Lê,LEARNING_CLAN,HN-BD-01,2024-05-01\n");
        Assert.Empty(problems);
        Decision<IUnitEvent>.Of(() => events).Then(
            new UnitEstablished(Id(1), "HN-BD-02", "Thôn 2", UnitKind.Village, UnitSpec.BaDinh, On, [], UnitSpec.Official),
            new UnitEstablished(Id(2), "HN-BD-DH", "Dòng họ Nguyễn", UnitKind.LearningClan, Id(1), UnitSpec.Today, [], UnitSpec.Official),
            new UnitEstablished(Id(3), "HN-BD-DH2", "Dòng họ Lê", UnitKind.LearningClan, UnitSpec.Village, On, [], UnitSpec.Official));
    }

    [Fact]
    public void A_bad_line_imports_nothing_and_every_bad_line_is_told_with_its_number()
    {
        var (events, problems) = Import(string.Join('\n', ImportUnits.Header,
            "HN-BD-02,Thôn 2,VILLAGE,,",
            "HN-HK,Trùng mã,VILLAGE,,",
            "HN-BD-02,Trùng dòng trên,VILLAGE,,",
            "HN-BD-03,Thôn 3,HAMLET,,",
            "HN-BD-04,Thôn 4,VILLAGE,HN-HK,",
            "HN-BD-05,Thôn 5,PROVINCE,,",
            "HN-BD-06,Thôn 6,VILLAGE,,01/05/2024",
            "HN-BD-07,Thôn 7,VILLAGE,,2019-12-31",
            "HN-BD-08,Thôn 8,VILLAGE",
            "HN-BD-09, ,VILLAGE,,"));
        Assert.Empty(events);
        (int Line, string Says)[] expected =
        [
            (3, "“HN-HK” đã được dùng"), (4, "“HN-BD-02” đã được dùng"), (5, "“HAMLET” không hợp lệ"), (6, "Không có đơn vị cấp trên mã “HN-HK”"),
            (7, "không thể trực thuộc"), (8, "yyyy-MM-dd"), (9, "trước ngày đơn vị cấp trên"), (10, "Cần đúng 5 cột"), (11, "không được để trống"),
        ];
        Assert.Equal(expected.Select(e => e.Line), problems.Select(p => p.Line));
        foreach (var (e, p) in expected.Zip(problems)) Assert.Contains(e.Says, p.Message);
    }

    [Fact]
    public void A_file_without_the_header_or_into_a_merged_unit_is_refused_whole()
    {
        Decision.One(() => Import("ma,ten\nA,B")).ThenRefused(ErrorCodes.InvalidInput, ImportUnits.Header);
        Decision.One(() => Import($"{ImportUnits.Header}\n", given: new UnitMergedInto(UnitSpec.BaDinh, UnitSpec.HoanKiem, UnitSpec.Today, UnitSpec.Official)))
            .ThenRefused(ErrorCodes.InvalidInput, "đã sáp nhập");
    }

    [Fact]
    public void A_file_of_no_lines_imports_nothing()
    {
        var (events, problems) = Import(ImportUnits.Header);
        Assert.Empty(events);
        Assert.Empty(problems);
    }
}
