using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// Coordination channels in the console (issue #21, scenario 4): two officials in two browser contexts talk in Hà
/// Nội's cross-level channel through `/hubs/coordination`. A mention and an important post raise the other's badges
/// without a reload; the member who has not acknowledged is listed until they acknowledge; a reply in a thread and
/// posts made while one of them is offline arrive once, in order. Readers' and archived channels take no posts.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleChannelTests(WebHost web)
{
    private const string CrossLevel = "Hà Nội và các đơn vị trực thuộc";
    private readonly OrganizationApi _org = new(web.App);

    private async Task<JsonArray> ChannelsOf(string login) =>
        (await web.App.GraphQL("{ channels(first: 100) { nodes { id name archived myRole } } }", token: await _org.Token(login)))
        .Data["channels"]!["nodes"]!.AsArray();

    [Fact]
    public async Task A_priority_post_lists_who_has_not_acknowledged_until_they_do_and_the_channel_moves_live_on_both_phones()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var cross = (await ChannelsOf("commune")).Single(c => c!["name"]!.GetValue<string>() == CrossLevel)!["id"]!.GetValue<string>();
        (await _org.Mutate("markChannelRead", new { channelId = cross }, "commune")).HasErrors.ShouldBeFalse();

        // The commune's official (Cường) keeps the channel list open.
        var cuong = await web.SignedIn("commune");
        await cuong.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Quản lý" }).ClickAsync();
        await cuong.GetByRole(AriaRole.Link, new() { Name = "Kênh trao đổi" }).ClickAsync();
        await Expect(cuong.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kênh trao đổi");
        var card = cuong.GetByTestId("channel").Filter(new() { Has = cuong.GetByRole(AriaRole.Link, new() { Name = CrossLevel, Exact = true }) });
        await Expect(card.GetByTestId("unread")).ToHaveCountAsync(0);
        await Expect(cuong.GetByTestId("hub-status")).ToHaveTextAsync("Tin mới hiện ngay khi có.");
        await ConsoleChecks.PhoneFriendly(cuong, "channels-list");
        await cuong.EvaluateAsync("() => { window.__sameDocument = true; }");

        // The province's vice-chair (Bình) posts an important message mentioning him, chosen from the autocomplete.
        var binh = await web.SignedIn("province");
        await binh.GotoAsync("/console");
        await binh.GetByRole(AriaRole.Link, new() { Name = "Kênh trao đổi" }).ClickAsync();
        await binh.GetByRole(AriaRole.Link, new() { Name = CrossLevel, Exact = true }).ClickAsync();
        await Expect(binh.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(CrossLevel);
        await Expect(binh.GetByTestId("hub-status")).ToHaveTextAsync("Tin mới hiện ngay khi có.");
        await binh.GetByLabel("Tin nhắn", new() { Exact = true }).FillAsync("Nhờ @cuo");
        await binh.GetByTestId("suggestions").GetByRole(AriaRole.Button, new() { Name = "@Lê Văn Cường" }).ClickAsync();
        await Expect(binh.GetByLabel("Tin nhắn", new() { Exact = true })).ToHaveValueAsync("Nhờ @Lê Văn Cường ");
        var text = $"Nhờ @Lê Văn Cường báo cáo số hội viên trước thứ Sáu ({n}).";
        await binh.GetByLabel("Tin nhắn", new() { Exact = true }).FillAsync(text);
        await binh.GetByLabel("Mức độ").SelectOptionAsync("IMPORTANT");
        await binh.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        var posted = binh.GetByTestId("message").Filter(new() { HasText = n.ToString(CultureInfo.InvariantCulture) });
        await Expect(posted.GetByTestId("body")).ToHaveTextAsync(text);
        await Expect(posted).ToContainTextAsync("Quan trọng");
        await Expect(posted.GetByTestId("unacknowledged")).ToContainTextAsync("Lê Văn Cường");
        await Expect(binh.GetByLabel("Tin nhắn", new() { Exact = true })).ToHaveValueAsync("");
        await ConsoleChecks.PhoneFriendly(binh, "channel-important-posted");

        // Cường's list counts it, as unread and as a mention, without a reload.
        await Expect(card.GetByTestId("unread")).ToHaveTextAsync("1 chưa đọc");
        await Expect(card.GetByTestId("mentions")).ToHaveTextAsync("1 nhắc bạn");
        (await cuong.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the badges moved without a reload");
        await ConsoleChecks.PhoneFriendly(cuong, "channels-badges");

        // He opens it and acknowledges; Bình's page drops him from the list, live.
        await card.GetByRole(AriaRole.Link, new() { Name = CrossLevel, Exact = true }).ClickAsync();
        var seen = cuong.GetByTestId("message").Filter(new() { HasText = n.ToString(CultureInfo.InvariantCulture) });
        await Expect(seen).ToContainTextAsync("Nhắc đến bạn");
        await Expect(seen.GetByTestId("unacknowledged")).ToContainTextAsync("Lê Văn Cường");
        await ConsoleChecks.PhoneFriendly(cuong, "channel-mentioned");
        await seen.GetByRole(AriaRole.Button, new() { Name = "Xác nhận đã đọc" }).ClickAsync();
        await Expect(seen).ToContainTextAsync("Bạn đã xác nhận.");
        await Expect(posted.GetByTestId("unacknowledged")).ToHaveCountAsync(0);
        await Expect(posted.GetByTestId("acks")).ToContainTextAsync("Mọi người đã xác nhận.");
        await Expect(posted.GetByTestId("acks")).ToContainTextAsync("Đã xác nhận: 1/1");
        await ConsoleChecks.PhoneFriendly(binh, "channel-acknowledged");

        // A reply in the thread: Bình sees its count on the message, then the reply in the thread.
        await seen.GetByRole(AriaRole.Link, new() { Name = "Trả lời", Exact = true }).ClickAsync();
        await Expect(cuong.GetByTestId("thread")).ToBeVisibleAsync();
        await cuong.GetByLabel("Trả lời trong luồng").FillAsync($"Đã nhận, thứ Năm sẽ gửi ({n}).");
        await cuong.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(cuong.GetByTestId("replies")).ToContainTextAsync($"Đã nhận, thứ Năm sẽ gửi ({n}).");
        await ConsoleChecks.PhoneFriendly(cuong, "channel-thread");
        await Expect(posted.GetByRole(AriaRole.Link, new() { Name = "Trả lời (1)" })).ToBeVisibleAsync();
        await posted.GetByRole(AriaRole.Link, new() { Name = "Trả lời (1)" }).ClickAsync();
        await Expect(binh.GetByTestId("replies")).ToContainTextAsync($"Đã nhận, thứ Năm sẽ gửi ({n}).");
        await binh.GetByRole(AriaRole.Link, new() { Name = "Đóng luồng, về kênh" }).ClickAsync();

        // Cường goes offline; Bình posts three lines; back online, Cường has exactly those three, once, in order.
        await cuong.GetByRole(AriaRole.Link, new() { Name = "Đóng luồng, về kênh" }).ClickAsync();
        await Expect(cuong.GetByTestId("messages")).ToBeVisibleAsync();
        await cuong.Context.SetOfflineAsync(true);
        await Expect(cuong.GetByTestId("hub-status")).ToContainTextAsync("Mất kết nối");
        string[] lines = [$"Dòng một {n}", $"Dòng hai {n}", $"Dòng ba {n}"];
        foreach (var line in lines)
        {
            await binh.GetByLabel("Tin nhắn", new() { Exact = true }).FillAsync(line);
            await binh.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
            await Expect(binh.GetByTestId("messages")).ToContainTextAsync(line);
        }
        await cuong.Context.SetOfflineAsync(false);
        await Expect(cuong.GetByTestId("hub-status")).ToHaveTextAsync("Tin mới hiện ngay khi có.");
        var caught = cuong.GetByTestId("messages").GetByTestId("body").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"Dòng .* {n}") });
        await Expect(caught).ToHaveTextAsync(lines);
        await WebHost.Screenshot(cuong, "channel-caught-up");

        // Hà Nội's announcement channel: Cường reads it, and has no way to post.
        await cuong.GetByRole(AriaRole.Link, new() { Name = "Tất cả kênh" }).ClickAsync();
        var announcements = cuong.GetByTestId("channel").Filter(new() { Has = cuong.GetByRole(AriaRole.Link, new() { Name = "Thông báo của Hà Nội", Exact = true }) });
        await Expect(announcements).ToContainTextAsync("Chỉ đọc");
        await announcements.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(cuong.GetByTestId("read-only")).ToContainTextAsync("Bạn là người đọc của kênh thông báo này");
        await Expect(cuong.GetByTestId("composer")).ToHaveCountAsync(0);
        await ConsoleChecks.PhoneFriendly(cuong, "channel-reader");
        await binh.Context.CloseAsync();
        await cuong.Context.CloseAsync();
    }

    [Fact]
    public async Task A_dissolved_units_channel_is_shown_archived_and_takes_no_posts()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var name = $"Tổ dân phố kênh {n}";
        var created = await _org.Mutate("createUnit",
            new { parentId = await _org.UnitId("T01-X001"), code = $"T01-X001-K{n}", name, kind = "VILLAGE", effectiveFrom = "2026-01-01" }, "central", "id version");
        created.HasErrors.ShouldBeFalse(created.Body);
        var unitId = created.Data["createUnit"]!["id"]!.GetValue<string>();
        var role = await _org.Mutate("assignRole", new { personId = await _org.PersonId("commune"), unitId, role = "STAFF" }, "province", "id");
        role.HasErrors.ShouldBeFalse(role.Body);
        (await ChannelsOf("commune")).ShouldContain(c => c!["name"]!.GetValue<string>() == name);
        var version = (await _org.Unit($"T01-X001-K{n}"))["version"]!.GetValue<int>();
        var dissolved = await _org.Mutate("dissolveUnit", new { unitId, expectedVersion = version }, "central");
        dissolved.HasErrors.ShouldBeFalse(dissolved.Body);

        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync("/console/channels");
        var card = cuong.GetByTestId("channel").Filter(new() { Has = cuong.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });
        // The archiving follows the dissolution through the organization's event: read the list again until it shows.
        for (var tries = 0; !(await card.TextContentAsync() ?? "").Contains("Đã lưu trữ") && tries < 30; tries++)
        {
            await Task.Delay(1_000);
            await cuong.ReloadAsync();
            await Expect(card).ToBeVisibleAsync();
        }
        await Expect(card).ToContainTextAsync("Đã lưu trữ");
        await ConsoleChecks.PhoneFriendly(cuong, "channels-archived");
        await card.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(cuong.GetByTestId("read-only")).ToContainTextAsync("Kênh đã lưu trữ");
        await Expect(cuong.GetByTestId("composer")).ToHaveCountAsync(0);
        await ConsoleChecks.PhoneFriendly(cuong, "channel-archived");
        await cuong.Context.CloseAsync();
    }

    [Fact]
    public async Task A_sibling_province_sees_none_of_Ha_Nois_channels()
    {
        // Scenario 6 for channels: Hải Phòng's vice-chair lists only channels of their own.
        var dung = await web.Phone();
        await ConsoleChecks.SignInWithoutTheButton(dung, "sibling-province");
        await dung.GotoAsync("/console/channels");
        await Expect(dung.GetByTestId("channel").First).ToBeVisibleAsync();
        await Expect(dung.GetByTestId("channels")).ToContainTextAsync("Hội Khuyến học Việt Nam");
        await Expect(dung.GetByTestId("channels")).Not.ToContainTextAsync("Hà Nội");
        var haNois = (await ChannelsOf("commune")).Select(c => c!["id"]!.GetValue<string>()).ToList();
        await dung.GotoAsync($"/console/channels/{haNois[0]}");
        await Expect(dung.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await ConsoleChecks.PhoneFriendly(dung, "channel-not-mine");
        await dung.Context.CloseAsync();
    }
}
