using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The officials' console in Chromium at 360×640 (issue #21): shown by role, the tree from my unit down with a
/// folded search, kinds and counts, a unit's members paged and searched, its history and the tree as of a date, and
/// two officials renaming the same unit at once (scenario 3).
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    /// <summary>A fresh village under Phường Ba Đình (created as the centre), so that no other test's names move.</summary>
    private async Task<(string Id, string Name, int N)> FreshVillage(string effectiveFrom = "2026-01-01")
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var name = $"Tổ dân phố thử {n}";
        var created = await _org.Mutate("createUnit",
            new { parentId = await _org.UnitId("T01-X001"), code = $"T01-X001-T{n}", name, kind = "VILLAGE", effectiveFrom }, "central", "id");
        created.HasErrors.ShouldBeFalse(created.Body);
        return (created.Data["createUnit"]!["id"]!.GetValue<string>(), name, n);
    }

    [Fact]
    public async Task The_console_is_shown_only_to_officials_and_opens_the_tree_from_their_unit_with_folded_search_counts_and_members()
    {
        var learner = await web.SignedIn("learner");
        await Expect(learner.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Lớp học" })).ToBeVisibleAsync();
        await Expect(learner.GetByRole(AriaRole.Link, new() { Name = "Quản lý" })).ToHaveCountAsync(0);
        await learner.GotoAsync("/console");
        await Expect(learner.GetByTestId("not-official")).ToBeVisibleAsync();
        await Expect(learner.GetByRole(AriaRole.Link, new() { Name = "Quản lý" })).ToHaveCountAsync(0);
        await ConsoleChecks.PhoneFriendly(learner, "console-not-official");
        await learner.Context.CloseAsync();

        // 22 members in a fresh village: a first page of 20, then the rest.
        var (villageId, villageName, n) = await FreshVillage();
        for (var i = 1; i <= 22; i++)
        {
            var added = await _org.Mutate("addMember", new { homeUnitId = villageId, fullName = i == 22 ? $"Đặng Thị Hương {n}" : $"Nguyễn Văn Thử {n} {i:00}" }, "commune", "id");
            added.HasErrors.ShouldBeFalse(added.Body);
        }

        var cuong = await web.SignedIn("commune");
        await cuong.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Quản lý" }).ClickAsync();
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Quản lý");
        var roles = cuong.GetByTestId("my-roles");
        await Expect(roles).ToContainTextAsync("Ủy viên thường vụ");
        await ConsoleChecks.PhoneFriendly(cuong, "console-roles");
        await roles.GetByRole(AriaRole.Link, new() { Name = "Phường Ba Đình" }).ClickAsync();
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Phường Ba Đình");
        await Expect(cuong.GetByTestId("figures")).ToContainTextAsync("Thôn, tổ dân phố");
        var tree = cuong.GetByTestId("unit-tree");
        await Expect(tree.GetByRole(AriaRole.Link, new() { Name = villageName })).ToBeVisibleAsync();
        await Expect(tree.GetByRole(AriaRole.Link, new() { Name = "Dòng họ Lê Ba Đình" })).ToBeVisibleAsync();
        await Expect(cuong.GetByTestId("members")).ToContainTextAsync("Hoàng Thị Em");
        await Expect(cuong.GetByTestId("rename")).ToBeVisibleAsync();
        await Expect(cuong.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đang tải" })).ToHaveCountAsync(0);
        await ConsoleChecks.PhoneFriendly(cuong, "console-unit");

        await tree.GetByRole(AriaRole.Link, new() { Name = villageName }).ClickAsync();
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(villageName);
        var members = cuong.GetByTestId("members");
        await Expect(members.Locator("li")).ToHaveCountAsync(20);
        await cuong.GetByRole(AriaRole.Button, new() { Name = "Xem thêm hội viên" }).ClickAsync();
        await Expect(members.Locator("li")).ToHaveCountAsync(22);
        await Expect(cuong.GetByRole(AriaRole.Button, new() { Name = "Xem thêm hội viên" })).ToHaveCountAsync(0);
        await cuong.GetByLabel("Tìm hội viên trong cây").FillAsync($"dang thi huong {n}");
        await cuong.GetByRole(AriaRole.Button, new() { Name = "Tìm hội viên" }).ClickAsync();
        await Expect(cuong.GetByTestId("member-results").Locator("li")).ToHaveCountAsync(1);
        await Expect(cuong.GetByTestId("member-results")).ToContainTextAsync($"Đặng Thị Hương {n}");
        await WebHost.ShouldPassAxe(cuong);
        await cuong.Context.CloseAsync();

        // The province's vice-chair: Hà Nội's tree folds open, and the search finds a commune without diacritics.
        var binh = await web.SignedIn("province");
        await binh.GotoAsync("/console");
        await binh.GetByTestId("my-roles").GetByRole(AriaRole.Link, new() { Name = "Hà Nội" }).ClickAsync();
        await Expect(binh.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hà Nội");
        var haNoi = binh.GetByTestId("unit-tree");
        await haNoi.GetByRole(AriaRole.Button, new() { Name = "Mở Phường Ba Đình" }).ClickAsync();
        await Expect(haNoi.GetByRole(AriaRole.Link, new() { Name = "Tổ dân phố số 1 Ba Đình" })).ToBeVisibleAsync();
        await Expect(haNoi.GetByRole(AriaRole.Button, new() { Name = "Thu gọn Phường Ba Đình" })).ToHaveAttributeAsync("aria-expanded", "true");
        await binh.GetByLabel("Tìm đơn vị trong cây").FillAsync("dong ho le ba dinh");
        await binh.GetByRole(AriaRole.Button, new() { Name = "Tìm đơn vị" }).ClickAsync();
        await Expect(binh.GetByTestId("unit-results").GetByRole(AriaRole.Link, new() { Name = "Dòng họ Lê Ba Đình" })).ToBeVisibleAsync();
        await ConsoleChecks.PhoneFriendly(binh, "console-tree");

        // As of the day before the 2025 reform Hà Nội's unit did not exist yet; the date is in the address.
        await binh.GetByLabel("Xem như vào ngày").FillAsync("2025-06-30");
        await Expect(binh.GetByText("Đơn vị chưa có vào ngày này.")).ToBeVisibleAsync();
        binh.Url.ShouldContain("asOf=2025-06-30");
        await binh.GetByRole(AriaRole.Button, new() { Name = "Hôm nay" }).ClickAsync();
        await Expect(binh.GetByTestId("figures")).ToBeVisibleAsync();
        await binh.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_officials_rename_the_same_unit_at_once_and_the_second_is_told_and_keeps_their_text()
    {
        var (id, name, n) = await FreshVillage();
        var binh = await web.SignedIn("province");
        var cuong = await web.SignedIn("commune");
        await binh.GotoAsync($"/console/units/{id}");
        await cuong.GotoAsync($"/console/units/{id}");
        await Expect(binh.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);

        var first = $"Tổ dân phố Hòa Bình {n}";
        var second = $"Tổ dân phố Thống Nhất {n}";
        await binh.GetByLabel("Tên mới").FillAsync(first);
        await cuong.GetByLabel("Tên mới").FillAsync(second);
        await binh.GetByRole(AriaRole.Button, new() { Name = "Lưu tên mới" }).ClickAsync();
        await Expect(binh.GetByText($"Đã đổi tên thành “{first}”.")).ToBeVisibleAsync();
        await Expect(binh.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(first);

        await cuong.GetByRole(AriaRole.Button, new() { Name = "Lưu tên mới" }).ClickAsync();
        var conflict = cuong.GetByTestId("rename-conflict");
        await Expect(conflict).ToContainTextAsync("Có người vừa thay đổi đơn vị này");
        await Expect(conflict).ToContainTextAsync(first);
        await Expect(cuong.GetByLabel("Tên mới")).ToHaveValueAsync(second);
        (await _org.Unit($"T01-X001-T{n}"))["name"]!.GetValue<string>().ShouldBe(first);
        await ConsoleChecks.PhoneFriendly(cuong, "console-rename-conflict");

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Tải bản mới, giữ chữ của tôi" }).ClickAsync();
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(first);
        await Expect(cuong.GetByLabel("Tên mới")).ToHaveValueAsync(second);
        await cuong.GetByRole(AriaRole.Button, new() { Name = "Lưu tên mới" }).ClickAsync();
        await Expect(cuong.GetByText($"Đã đổi tên thành “{second}”.")).ToBeVisibleAsync();
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(second);
        (await _org.Unit($"T01-X001-T{n}"))["name"]!.GetValue<string>().ShouldBe(second);

        // As of a day before the renames, the name it had then.
        await cuong.GetByLabel("Xem như vào ngày").FillAsync("2026-06-01");
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Expect(cuong.GetByTestId("rename")).ToHaveCountAsync(0);
        await WebHost.ShouldPassAxe(cuong);
        await binh.Context.CloseAsync();
        await cuong.Context.CloseAsync();
    }

    [Fact]
    public async Task An_official_imports_a_member_CSV_with_two_bad_lines_sees_both_flagged_fixes_the_file_and_imports_it()
    {
        var (id, _, n) = await FreshVillage();
        const string header = "ho_ten,nam_sinh,gioi_tinh,ma_don_vi,so_dinh_danh,ma_ho";
        var bad = $"{header}\r\nĐặng Văn Đúng {n},1970,Nam,,,\r\n,1971,Nam,,,\r\nLý Thị Sai {n},năm nay,Nữ,,,\r\nTạ Văn Ổn {n},1985,Nam,,,\r\n";
        var good = $"{header}\r\nĐặng Văn Đúng {n},1970,Nam,,,\r\nBùi Văn Thêm {n},1971,Nam,,,\r\nLý Thị Sai {n},1979,Nữ,,,\r\nTạ Văn Ổn {n},1985,Nam,,,\r\n";

        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync($"/console/units/{id}");
        var form = cuong.GetByTestId("import");
        await form.GetByLabel("Tệp CSV").SetInputFilesAsync(new FilePayload { Name = "hoi-vien.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(bad) });
        await form.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("Chưa nhập gì: 2 dòng cần sửa");
        var flagged = form.Locator("li[data-bad=true]");
        await Expect(flagged).ToHaveCountAsync(2);
        (await flagged.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.line)")).ShouldBe(["3", "4"]);
        await Expect(flagged.Nth(1)).ToContainTextAsync("Năm sinh");
        await Expect(form.Locator("li[data-line='2']")).Not.ToHaveAttributeAsync("data-bad", "true");
        await Expect(cuong.GetByText("Chưa có hội viên.")).ToBeVisibleAsync();
        var members = await web.App.GraphQL("query($u: ID!) { unit(id: $u) { members { nodes { id } } } }", new { u = id }, await _org.Token("commune"));
        members.Data["unit"]!["members"]!["nodes"]!.AsArray().ShouldBeEmpty();
        await ConsoleChecks.PhoneFriendly(cuong, "console-import-problems");

        await form.GetByLabel("Tệp CSV").SetInputFilesAsync(new FilePayload { Name = "hoi-vien.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(good) });
        await form.GetByRole(AriaRole.Button, new() { Name = "Kiểm tra và nhập" }).ClickAsync();
        await Expect(form.GetByText("Đã nhập 4 hội viên.")).ToBeVisibleAsync();
        await Expect(form.Locator("li[data-bad=true]")).ToHaveCountAsync(0);
        await Expect(cuong.GetByTestId("members").Locator("li")).ToHaveCountAsync(4);
        await Expect(cuong.GetByTestId("members")).ToContainTextAsync($"Lý Thị Sai {n}");
        await WebHost.ShouldPassAxe(cuong);
        await cuong.Context.CloseAsync();
    }
}
