using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Vape.Coordination.Messages;
using Vape.Tests.Coordination;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// What Slack and Zalo users expect of a channel, in the console (issue #21): two officials of Hà Nội's cross-level
/// channel on two phones. Bình (province, a moderator) reacts, edits, pins and types; Cường (commune, a member) sees
/// each live and reacts back; Cường has no way to edit or delete Bình's message and the hub refuses him if he forces
/// it; Bình deletes Cường's message as a moderator after seeing it read; a folded word finds a message.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleChannelActionsTests(WebHost web)
{
    private const string CrossLevel = "Hà Nội và các đơn vị trực thuộc";
    private readonly CoordinationApi _api = new(web.App);

    private async Task<IPage> InChannel(string login, string channelId)
    {
        var page = await web.SignedIn(login);
        await page.GotoAsync($"/console/channels/{channelId}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(CrossLevel);
        await Expect(page.GetByTestId("hub-status")).ToHaveTextAsync("Tin mới hiện ngay khi có.");
        return page;
    }

    private static async Task Post(IPage page, string text)
    {
        await page.GetByLabel("Tin nhắn", new() { Exact = true }).FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(page.GetByLabel("Tin nhắn", new() { Exact = true })).ToHaveValueAsync("");
    }

    private static ILocator Reaction(ILocator message, string emoji) =>
        message.GetByTestId("reactions").GetByRole(AriaRole.Button, new() { Name = emoji });

    [Fact]
    public async Task Da_ghim_lists_a_pinned_message_older_than_the_pages_read_and_an_outsider_reads_none()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var cross = (await _api.Channels("commune")).AsArray().Single(c => c!["name"]!.GetValue<string>() == CrossLevel)!["id"]!.GetValue<string>();
        var old = $"Quy chế họp {n}: đọc trước khi họp.";
        var pinnedId = Guid.CreateVersion7();
        (await _api.Mutate("postMessage", new { channelId = cross, messageId = pinnedId, body = old }, "province")).HasErrors.ShouldBeFalse();
        (await _api.Mutate("pinMessage", new { messageId = pinnedId, pinned = true }, "province")).HasErrors.ShouldBeFalse();
        // More than a page (30) after it: the screen's first read does not hold it.
        for (var i = 0; i < 31; i++)
            (await _api.Mutate("postMessage", new { channelId = cross, messageId = Guid.CreateVersion7(), body = $"Tin {n}-{i}" }, "province")).HasErrors.ShouldBeFalse();

        var cuong = await InChannel("commune", cross);
        await Expect(cuong.GetByTestId("messages").GetByText(old)).ToHaveCountAsync(0);
        await cuong.GetByTestId("pinned").Locator("summary").ClickAsync();
        await Expect(cuong.GetByTestId("pinned").GetByRole(AriaRole.Link, new() { Name = old })).ToBeVisibleAsync();
        await ConsoleChecks.PhoneFriendly(cuong, "channel-pinned-old");
        await cuong.Context.CloseAsync();

        // Hải Phòng's official is no member: the channel (and so its pins) is not theirs to read.
        var outsider = await _api.Query("query($id: ID!) { channel(id: $id) { pinnedMessages { id body } } }", new { id = cross }, "sibling-province");
        outsider.Data["channel"].ShouldBeNull();
        outsider.Body.ShouldNotContain(old);
    }

    [Fact]
    public async Task One_official_reacts_edits_pins_and_types_and_the_other_sees_each_live_but_cannot_edit_it()
    {
        var n = Random.Shared.Next(100_000, 999_999);
        var cross = (await _api.Channels("commune")).AsArray().Single(c => c!["name"]!.GetValue<string>() == CrossLevel)!["id"]!.GetValue<string>();
        var binh = await InChannel("province", cross);
        var cuong = await InChannel("commune", cross);
        await cuong.EvaluateAsync("() => { window.__sameDocument = true; }");
        await Expect(cuong.GetByTestId("presence")).ToContainTextAsync("Đang trực tuyến:");
        await Expect(cuong.GetByTestId("presence")).ToContainTextAsync("Trần Thị Bình");

        // Bình writes: Cường sees that she is typing, then her message.
        var first = $"Cuộc họp {n}: giao ban sáng thứ Hai lúc 8 giờ.";
        await binh.GetByLabel("Tin nhắn", new() { Exact = true }).FillAsync(first);
        await Expect(cuong.GetByTestId("typing")).ToHaveTextAsync("Trần Thị Bình đang nhập…");
        await ConsoleChecks.PhoneFriendly(cuong, "channel-typing");
        await binh.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        var hers = binh.GetByTestId("message").Filter(new() { HasText = $"họp {n}" });
        var seen = cuong.GetByTestId("message").Filter(new() { HasText = $"họp {n}" });
        await Expect(seen.GetByTestId("body")).ToHaveTextAsync(first);
        await Expect(cuong.GetByTestId("typing")).ToHaveTextAsync("");

        // Reactions: hers counted on his phone, his on hers; each one's own is pressed; a second tap takes it back.
        await Reaction(hers, "👍").ClickAsync();
        await Expect(Reaction(hers, "👍")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(Reaction(seen, "👍")).ToHaveTextAsync("👍 1");
        await Expect(Reaction(seen, "👍")).ToHaveAttributeAsync("aria-pressed", "false");
        await Reaction(seen, "👍").ClickAsync();
        await Reaction(seen, "🙏").ClickAsync();
        await Expect(Reaction(hers, "👍")).ToHaveTextAsync("👍 2");
        await Expect(Reaction(hers, "🙏")).ToHaveTextAsync("🙏 1");
        await Expect(Reaction(seen, "🙏")).ToHaveAttributeAsync("aria-pressed", "true");
        await Reaction(seen, "🙏").ClickAsync();
        await Expect(Reaction(hers, "🙏")).ToHaveTextAsync("🙏");
        await ConsoleChecks.PhoneFriendly(binh, "channel-reactions");

        // Cường has no way to edit or delete her message (he is a member, not a moderator); he may pin.
        await Expect(seen.GetByRole(AriaRole.Button, new() { Name = "Sửa", Exact = true })).ToHaveCountAsync(0);
        await Expect(seen.GetByRole(AriaRole.Button, new() { Name = "Xóa", Exact = true })).ToHaveCountAsync(0);
        await Expect(seen.GetByRole(AriaRole.Button, new() { Name = "Ghim", Exact = true })).ToBeVisibleAsync();

        // She edits it: his phone shows the new text, marked edited.
        var edited = $"Cuộc họp {n}: giao ban chuyển sang chiều thứ Hai, 14 giờ.";
        await hers.GetByRole(AriaRole.Button, new() { Name = "Sửa", Exact = true }).ClickAsync();
        // The editor takes the text's place (a textarea's value is not the message's text).
        var editor = binh.GetByTestId("editor");
        await editor.GetByLabel("Sửa tin nhắn").FillAsync(edited);
        await ConsoleChecks.PhoneFriendly(binh, "channel-editing");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Expect(seen.GetByTestId("body")).ToHaveTextAsync(edited + " (đã sửa)");

        // Forced through the hub, his edit and his delete are refused with the hub's sentences, and nothing changes.
        var messageId = Guid.Parse((await _api.Query("query($t: String!) { searchMessages(text: $t) { nodes { id } } }", new { t = $"họp {n}:" }, "commune"))
            .Data["searchMessages"]!["nodes"]![0]!["id"]!.GetValue<string>());
        await using (var forced = await _api.Connect("commune"))
        {
            var edit = await Should.ThrowAsync<HubException>(() => forced.Hub.InvokeAsync<MessageView>("Edit", messageId, "Sửa trộm"));
            edit.Message.ShouldContain("NOT_ALLOWED: Chỉ người viết được sửa tin nhắn.");
            var delete = await Should.ThrowAsync<HubException>(() => forced.Hub.InvokeAsync<MessageView>("Delete", messageId));
            delete.Message.ShouldContain("NOT_ALLOWED: Chỉ người viết hoặc người điều hành kênh được xóa tin nhắn.");
        }
        await Expect(hers.GetByTestId("body")).ToHaveTextAsync(edited + " (đã sửa)");
        await Expect(seen.GetByTestId("body")).ToHaveTextAsync(edited + " (đã sửa)");

        // She pins it: his phone marks it and lists it under "Đã ghim"; she may unpin it.
        await hers.GetByRole(AriaRole.Button, new() { Name = "Ghim", Exact = true }).ClickAsync();
        await Expect(hers.GetByRole(AriaRole.Button, new() { Name = "Bỏ ghim", Exact = true })).ToBeVisibleAsync();
        await Expect(seen.GetByTestId("pinned-mark")).ToHaveTextAsync("Đã ghim");
        await cuong.GetByTestId("pinned").Locator("summary").ClickAsync();
        await Expect(cuong.GetByTestId("pinned")).ToContainTextAsync(edited);
        await ConsoleChecks.PhoneFriendly(cuong, "channel-pinned");

        // Cường's own message: she reads it ("Đã xem: 1" on his phone) and, as a moderator, deletes it.
        var wrong = $"Tin nhầm kênh {n}";
        await Post(cuong, wrong);
        var his = cuong.GetByTestId("message").Filter(new() { HasText = wrong });
        await Expect(his.GetByRole(AriaRole.Button, new() { Name = "Sửa", Exact = true })).ToBeVisibleAsync();
        await Expect(his.GetByTestId("read-by")).ToHaveTextAsync("Đã xem: 1");
        var hisOnHers = binh.GetByTestId("message").Filter(new() { HasText = wrong });
        await Expect(hisOnHers.GetByRole(AriaRole.Button, new() { Name = "Sửa", Exact = true })).ToHaveCountAsync(0);
        await hisOnHers.GetByRole(AriaRole.Button, new() { Name = "Xóa", Exact = true }).ClickAsync();
        await binh.GetByRole(AriaRole.Button, new() { Name = "Xóa tin" }).ClickAsync();
        await Expect(cuong.GetByTestId("message").Filter(new() { HasText = wrong })).ToHaveCountAsync(0);
        await Expect(binh.GetByTestId("message").Filter(new() { HasText = wrong })).ToHaveCountAsync(0);

        // Attachments: a refused file is explained and nothing is posted; a PDF goes with the post, and she sees it.
        var report = $"Báo cáo tháng {n} đính kèm";
        await cuong.GetByLabel("Tin nhắn", new() { Exact = true }).FillAsync(report);
        await cuong.GetByLabel("Đính kèm tệp").SetInputFilesAsync(new FilePayload { Name = "chuong-trinh.exe", MimeType = "application/octet-stream", Buffer = "MZ ghi chú"u8.ToArray() });
        await cuong.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(cuong.GetByTestId("composer").GetByTestId("refusal")).ToContainTextAsync("Không nhận loại tệp này.");
        await Expect(cuong.GetByLabel("Tin nhắn", new() { Exact = true })).ToHaveValueAsync(report);
        await ConsoleChecks.PhoneFriendly(cuong, "channel-file-refused");
        var pdf = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% bao cao {n}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        await cuong.GetByLabel("Đính kèm tệp").SetInputFilesAsync(new FilePayload { Name = $"bao-cao-{n}.pdf", MimeType = "application/pdf", Buffer = pdf });
        await cuong.GetByRole(AriaRole.Button, new() { Name = "Gửi" }).ClickAsync();
        await Expect(cuong.GetByLabel("Tin nhắn", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(binh.GetByTestId("message").Filter(new() { HasText = report })).ToHaveCountAsync(1);
        await Expect(binh.GetByTestId("message").Filter(new() { HasText = report }).GetByTestId("attachments")).ToContainTextAsync($"bao-cao-{n}.pdf");

        // Search in the channel, folded: "hop" finds "họp"; a query over 100 characters is refused with the server's sentence.
        await cuong.GetByText("Tìm trong kênh").ClickAsync();
        await cuong.GetByLabel("Từ cần tìm").FillAsync($"hop {n}");
        await cuong.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Expect(cuong.GetByTestId("search-results")).ToContainTextAsync(edited);
        await ConsoleChecks.PhoneFriendly(cuong, "channel-search");
        await cuong.GetByLabel("Từ cần tìm").FillAsync(new string('a', 101));
        await cuong.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Expect(cuong.GetByTestId("refusal")).ToContainTextAsync("Nội dung tìm kiếm dài tối đa 100 ký tự.");
        (await cuong.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("everything moved without a reload");

        await binh.Context.CloseAsync();
        await cuong.Context.CloseAsync();
    }
}
