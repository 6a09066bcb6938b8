using System.Globalization;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The organisation's changes on a unit's page in Chromium at 360×640 (issue #21): a child unit founded with its
/// effective date, a move under a parent found by folded search, a merge into a sibling and a dissolution, each asked
/// again before it is made, and a version conflict between two officials told with the typed choice kept.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleUnitChangesTests(WebHost web)
{
    private readonly OrganizationApi _org = new(web.App);

    /// <summary>A fresh commune under Hà Nội (created as the centre), so that no other test's units are in its lists.</summary>
    private async Task<(string Id, string Code, string Name)> FreshCommune(int n, string label)
    {
        var code = $"T01-{label}{n}";
        var name = $"Xã thử {(label == "A" ? "gốc" : "chuyển")} {n}";
        var created = await _org.Mutate("createUnit",
            new { parentId = await _org.UnitId("T01"), code, name, kind = "COMMUNE", effectiveFrom = "2026-01-01" }, "central", "id");
        created.HasErrors.ShouldBeFalse(created.Body);
        return (created.Data["createUnit"]!["id"]!.GetValue<string>(), code, name);
    }

    [Fact]
    public async Task An_official_founds_moves_merges_and_dissolves_units_from_the_console_and_a_conflict_keeps_their_choice()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var (communeId, communeCode, communeName) = await FreshCommune(n, "A");
        var (_, otherCode, otherName) = await FreshCommune(n, "B");

        // The province's vice-chair founds two villages under the commune, one from a date.
        var binh = await web.SignedIn("province");
        await binh.GotoAsync($"/console/units/{communeId}");
        await Expect(binh.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(communeName);
        var create = binh.GetByTestId("create-unit");
        await Expect(create.GetByLabel("Loại đơn vị")).ToContainTextAsync("Thôn, tổ dân phố");
        await ConsoleChecks.PhoneFriendly(binh, "console-unit-changes");
        var first = $"Thôn Đông {n}";
        var second = $"Thôn Đoài {n}";
        await Found(create, first, $"{communeCode}-D", "2026-02-01");
        await Found(create, second, $"{communeCode}-E", null);
        var east = await _org.Unit($"{communeCode}-D");
        east["parent"]!["code"]!.GetValue<string>().ShouldBe(communeCode);
        east["kind"]!.GetValue<string>().ShouldBe("VILLAGE");
        var history = await web.App.GraphQL("query($c: String!) { unitByCode(code: $c) { history { from } } }", new { c = $"{communeCode}-D" });
        history.Data["unitByCode"]!["history"]![0]!["from"]!.GetValue<string>().ShouldBe("2026-02-01");

        // Merge the first into the second: asked again, then the first is merged and points to the second.
        await create.GetByRole(AriaRole.Link, new() { Name = $"Mở {second}" }).ClickAsync();
        await Expect(binh.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(second);
        await binh.GotoAsync($"/console/units/{east["id"]!.GetValue<string>()}");
        await Expect(binh.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(first);
        var merge = binh.GetByTestId("merge-unit");
        await merge.GetByRole(AriaRole.Button, new() { Name = "Chọn đơn vị nhận sáp nhập" }).ClickAsync();
        await Expect(merge.GetByLabel("Sáp nhập vào")).ToHaveValueAsync(await _org.UnitId($"{communeCode}-E"));
        await merge.GetByRole(AriaRole.Button, new() { Name = "Sáp nhập…" }).ClickAsync();
        var ask = merge.GetByRole(AriaRole.Alertdialog);
        await Expect(ask).ToContainTextAsync($"Sáp nhập “{first}” vào “{second}”?");
        await ConsoleChecks.PhoneFriendly(binh, "console-merge-confirm");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Thôi" }).ClickAsync();
        (await _org.Unit($"{communeCode}-D"))["status"]!.GetValue<string>().ShouldBe("ACTIVE");
        await merge.GetByRole(AriaRole.Button, new() { Name = "Sáp nhập…" }).ClickAsync();
        await merge.GetByRole(AriaRole.Button, new() { Name = "Đồng ý sáp nhập" }).ClickAsync();
        await Expect(binh.Locator("span.tag", new() { HasText = "Đã sáp nhập" })).ToBeVisibleAsync();
        await Expect(binh.GetByTestId("unit-changes")).ToHaveCountAsync(0);
        var merged = await _org.Unit($"{communeCode}-D");
        merged["status"]!.GetValue<string>().ShouldBe("MERGED");
        merged["successor"]!["code"]!.GetValue<string>().ShouldBe($"{communeCode}-E");
        // Its history says where it went, and the link opens the receiving unit.
        var into = binh.GetByTestId("successor");
        await Expect(into).ToContainTextAsync($"Đã sáp nhập vào {second}");
        await into.GetByRole(AriaRole.Link, new() { Name = second }).ClickAsync();
        await Expect(binh.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(second);

        // Two officials on the second village at once: one moves it under the other commune (found without
        // diacritics), the other, still on the old version, is told of the conflict and keeps the date typed.
        var westId = await _org.UnitId($"{communeCode}-E");
        var other = await web.SignedIn("province");
        await binh.GotoAsync($"/console/units/{westId}");
        await other.GotoAsync($"/console/units/{westId}");
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(second);
        var move = binh.GetByTestId("move-unit");
        await move.GetByLabel("Tìm đơn vị cấp trên mới").FillAsync($"xa thu chuyen {n}");
        await move.GetByRole(AriaRole.Button, new() { Name = "Tìm cấp trên" }).ClickAsync();
        await move.GetByRole(AriaRole.Radio, new() { Name = otherName }).CheckAsync();
        await ConsoleChecks.PhoneFriendly(binh, "console-move");
        await move.GetByRole(AriaRole.Button, new() { Name = $"Chuyển về {otherName}" }).ClickAsync();
        await Expect(move.GetByText($"Đã chuyển về “{otherName}”.")).ToBeVisibleAsync();
        await Expect(binh.GetByRole(AriaRole.Navigation, new() { Name = "Cấp trên" })).ToContainTextAsync(otherName);
        (await _org.Unit($"{communeCode}-E"))["parent"]!["code"]!.GetValue<string>().ShouldBe(otherCode);

        var dissolve = other.GetByTestId("dissolve-unit");
        var today = Today();
        await dissolve.GetByLabel("Có hiệu lực từ ngày").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await dissolve.GetByRole(AriaRole.Button, new() { Name = "Giải thể…" }).ClickAsync();
        await dissolve.GetByRole(AriaRole.Button, new() { Name = "Đồng ý giải thể" }).ClickAsync();
        var conflict = other.GetByTestId("dissolve-conflict");
        await Expect(conflict).ToContainTextAsync("Có người vừa sửa đơn vị này: tải lại");
        (await _org.Unit($"{communeCode}-E"))["status"]!.GetValue<string>().ShouldBe("ACTIVE");
        await ConsoleChecks.PhoneFriendly(other, "console-dissolve-conflict");
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Tải lại đơn vị" }).ClickAsync();
        await Expect(other.GetByRole(AriaRole.Navigation, new() { Name = "Cấp trên" })).ToContainTextAsync(otherName);
        await Expect(dissolve.GetByLabel("Có hiệu lực từ ngày")).ToHaveValueAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await dissolve.GetByRole(AriaRole.Button, new() { Name = "Giải thể…" }).ClickAsync();
        await Expect(dissolve.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync($"Giải thể “{second}”?");
        await dissolve.GetByRole(AriaRole.Button, new() { Name = "Đồng ý giải thể" }).ClickAsync();
        await Expect(other.Locator("span.tag", new() { HasText = "Đã giải thể" })).ToBeVisibleAsync();
        (await _org.Unit($"{communeCode}-E"))["status"]!.GetValue<string>().ShouldBe("DISSOLVED");
        await WebHost.ShouldPassAxe(other);
        await binh.Context.CloseAsync();
        await other.Context.CloseAsync();

        // The commune's standing member manages Ba Đình only: no changes on Hà Nội's unit.
        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync($"/console/units/{communeId}");
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(communeName);
        await Expect(cuong.GetByTestId("unit-changes")).ToHaveCountAsync(0);
        await Expect(cuong.GetByTestId("officials")).ToHaveCountAsync(0);
        await Expect(cuong.GetByTestId("add-member")).ToHaveCountAsync(0);
        await cuong.Context.CloseAsync();
    }

    [Fact]
    public async Task An_official_adds_a_member_gives_them_a_role_for_a_term_and_ends_it()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var (communeId, _, communeName) = await FreshCommune(n, "A");
        var name = $"Phan Văn Cán {n}";

        var binh = await web.SignedIn("province");
        await binh.GotoAsync($"/console/units/{communeId}");
        await Expect(binh.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(communeName);
        var officials = binh.GetByTestId("officials");
        await Expect(officials).ToContainTextAsync("Đơn vị chưa có cán bộ nào.");
        var add = binh.GetByTestId("add-member");
        await add.GetByLabel("Họ và tên").FillAsync(name);
        await add.GetByLabel("Năm sinh").FillAsync("1980");
        await add.GetByLabel("Giới tính").SelectOptionAsync("MALE");
        await add.GetByRole(AriaRole.Button, new() { Name = "Thêm hội viên" }).ClickAsync();
        await Expect(add.GetByText($"Đã thêm {name}.")).ToBeVisibleAsync();
        await Expect(binh.GetByTestId("members")).ToContainTextAsync(name);
        await Expect(binh.GetByTestId("members")).ToContainTextAsync("sinh năm 1980");
        await ConsoleChecks.PhoneFriendly(binh, "console-add-member");

        var assign = binh.GetByTestId("assign-role");
        await Expect(assign.GetByRole(AriaRole.Button, new() { Name = "Chọn người trước" })).ToBeDisabledAsync();
        await assign.GetByLabel("Tìm hội viên để giao chức vụ").FillAsync($"phan van can {n}");
        await assign.GetByRole(AriaRole.Button, new() { Name = "Tìm người" }).ClickAsync();
        await assign.GetByRole(AriaRole.Radio, new() { Name = name }).CheckAsync();
        await assign.GetByLabel("Chức vụ", new() { Exact = true }).SelectOptionAsync("SECRETARY");
        await assign.GetByLabel("Đến hết ngày trước ngày").FillAsync("2031-01-01");
        await assign.GetByRole(AriaRole.Button, new() { Name = $"Giao chức vụ cho {name}" }).ClickAsync();
        await Expect(assign.GetByText($"Đã giao chức vụ Thư ký cho {name}.")).ToBeVisibleAsync();
        await Expect(officials.Locator("li")).ToHaveCountAsync(1);
        await Expect(officials.Locator("li")).ToContainTextAsync($"{name} · Thư ký");
        var given = await web.App.GraphQL("query($u: ID!) { unit(id: $u) { officials { nodes { role to person { fullName } } } } }", new { u = communeId }, await _org.Token("province"));
        var role = given.Data["unit"]!["officials"]!["nodes"]![0]!;
        (role["role"]!.GetValue<string>(), role["to"]!.GetValue<string>(), role["person"]!["fullName"]!.GetValue<string>()).ShouldBe(("SECRETARY", "2031-01-01", name));
        await ConsoleChecks.PhoneFriendly(binh, "console-officials");

        await officials.GetByRole(AriaRole.Button, new() { Name = $"Kết thúc nhiệm kỳ của {name}" }).ClickAsync();
        await Expect(officials.GetByRole(AriaRole.Alertdialog)).ToContainTextAsync($"Kết thúc nhiệm kỳ của {name} từ hôm nay?");
        await officials.GetByRole(AriaRole.Button, new() { Name = "Đồng ý kết thúc" }).ClickAsync();
        await Expect(officials).ToContainTextAsync("Đơn vị chưa có cán bộ nào.");
        var ended = await web.App.GraphQL("query($u: ID!) { unit(id: $u) { officials(includeEnded: true) { nodes { to } } } }", new { u = communeId }, await _org.Token("province"));
        ended.Data["unit"]!["officials"]!["nodes"]![0]!["to"]!.GetValue<string>().ShouldBe(Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await WebHost.ShouldPassAxe(binh);
        await binh.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_officials_edit_the_same_member_and_the_second_is_told_of_the_conflict_and_keeps_their_text()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var (communeId, _, communeName) = await FreshCommune(n, "A");
        var name = $"Lò Thị Sửa {n}";
        var added = await _org.Mutate("addMember", new { homeUnitId = communeId, fullName = name, birthYear = 1975 }, "province", "id");
        added.HasErrors.ShouldBeFalse(added.Body);
        var personId = added.Data["addMember"]!["id"]!.GetValue<string>();

        // Both open the member's form on the version read (1).
        var binh = await web.SignedIn("province");
        var other = await web.SignedIn("province");
        foreach (var page in new[] { binh, other })
        {
            await page.GotoAsync($"/console/units/{communeId}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(communeName);
            await page.GetByTestId("members").GetByRole(AriaRole.Button, new() { Name = $"Sửa thông tin của {name}" }).ClickAsync();
        }

        // The first corrects the name and the birth year.
        var first = binh.GetByTestId("edit-member");
        var corrected = $"Lò Thị Sửa Đúng {n}";
        await first.GetByLabel("Họ và tên").FillAsync(corrected);
        await first.GetByLabel("Năm sinh").FillAsync("1976");
        await first.GetByLabel("Giới tính").SelectOptionAsync("FEMALE");
        await ConsoleChecks.PhoneFriendly(binh, "console-edit-member");
        await first.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã lưu thông tin của {corrected}.");
        await Expect(binh.GetByTestId("members")).ToContainTextAsync("sinh năm 1976");
        var saved = await Member(personId);
        (saved["fullName"]!.GetValue<string>(), saved["birthYear"]!.GetValue<int>(), saved["gender"]!.GetValue<string>(), saved["version"]!.GetValue<int>())
            .ShouldBe((corrected, 1976, "FEMALE", 2));

        // The second, still on version 1, types another name: refused, told who the member is now, text kept.
        var second = other.GetByTestId("edit-member");
        var theirs = $"Lò Thị Sửa Khác {n}";
        await second.GetByLabel("Họ và tên").FillAsync(theirs);
        await second.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        var conflict = other.GetByTestId("edit-member-conflict");
        await Expect(conflict).ToContainTextAsync($"Có người vừa sửa hội viên này: tải lại (bây giờ: “{corrected}”, sinh năm 1976)");
        await Expect(second.GetByLabel("Họ và tên")).ToHaveValueAsync(theirs);
        (await Member(personId))["fullName"]!.GetValue<string>().ShouldBe(corrected);
        await ConsoleChecks.PhoneFriendly(other, "console-edit-member-conflict");

        // Reloading takes the new version and keeps the text; saving again wins, with the first one's year kept as typed.
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Tải bản mới, giữ chữ của tôi" }).ClickAsync();
        await Expect(other.GetByTestId("edit-member-conflict")).ToHaveCountAsync(0);
        await Expect(second.GetByLabel("Họ và tên")).ToHaveValueAsync(theirs);
        await second.GetByRole(AriaRole.Button, new() { Name = "Lưu thay đổi" }).ClickAsync();
        await Expect(second.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã lưu thông tin của {theirs}.");
        var last = await Member(personId);
        (last["fullName"]!.GetValue<string>(), last["version"]!.GetValue<int>()).ShouldBe((theirs, 3));
        await Expect(other.GetByTestId("members")).ToContainTextAsync(theirs);
        await WebHost.ShouldPassAxe(other);
        await binh.Context.CloseAsync();
        await other.Context.CloseAsync();

        // The member read through `member(id)`: Ba Đình's standing member and a learner are refused, and get nothing.
        foreach (var login in new[] { "commune", "learner" })
        {
            var refused = await web.App.GraphQL("query($id: ID!) { member(id: $id) { fullName } }", new { id = personId }, await _org.Token(login));
            refused.FirstErrorCode.ShouldBe("NOT_ALLOWED");
            refused.Data["member"].ShouldBeNull();
        }
        // ...and the commune's official cannot edit them either: refused, nothing changed.
        var edit = await web.App.GraphQL("mutation($i: UpdateMemberInput!) { updateMember(input: $i) { id } }",
            new { i = new { personId, expectedVersion = 3, fullName = "Không được", homeUnitId = communeId } }, await _org.Token("commune"));
        edit.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await Member(personId))["fullName"]!.GetValue<string>().ShouldBe(theirs);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> Member(string id)
    {
        var r = await web.App.GraphQL("query($id: ID!) { member(id: $id) { fullName birthYear gender version } }", new { id }, await _org.Token("province"));
        r.HasErrors.ShouldBeFalse(r.Body);
        return r.Data["member"]!;
    }

    /// <summary>Today in Viet Nam, the server's default effective date.</summary>
    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);

    private static async Task Found(ILocator form, string name, string code, string? effectiveFrom)
    {
        await form.GetByLabel("Tên đơn vị").FillAsync(name);
        await form.GetByLabel("Mã đơn vị").FillAsync(code);
        await form.GetByLabel("Loại đơn vị").SelectOptionAsync("VILLAGE");
        await form.GetByLabel("Có hiệu lực từ ngày").FillAsync(effectiveFrom ?? "");
        await form.GetByRole(AriaRole.Button, new() { Name = "Thành lập" }).ClickAsync();
        await Expect(form.GetByText($"Đã thành lập “{name}”.")).ToBeVisibleAsync();
        await Expect(form.GetByLabel("Tên đơn vị")).ToHaveValueAsync("");
    }
}
