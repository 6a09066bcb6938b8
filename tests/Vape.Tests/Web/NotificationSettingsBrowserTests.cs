using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vape.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// The notification settings screen and Web Push in the app (issue #22, ADRs 0123, 0182): the switches and quiet
/// hours change the server's settings, a change made elsewhere in between is refused with "tải lại", subscribing
/// where the browser has no push service says so in Vietnamese, and the service worker shows a push delivered to it.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class NotificationSettingsBrowserTests(WebHost web)
{
    private const string Learner = "learner2";
    private readonly OrganizationApi _org = new(web.App);

    private const string SettingsSelection = "version preferences { kind push } quietHours { start end timeZone }";

    private async Task<JsonNode> ServerSettings() =>
        (await web.App.GraphQL($"{{ myNotificationSettings {{ {SettingsSelection} }} }}", token: await _org.Token(Learner))).Data["myNotificationSettings"]!;

    private static bool Push(JsonNode settings, string kind) =>
        settings["preferences"]!.AsArray().Single(p => p!["kind"]!.GetValue<string>() == kind)!["push"]!.GetValue<bool>();

    /// <summary>Another device of the person changes a setting (with no expected version): the server's version moves on.</summary>
    private async Task ChangeElsewhere(string kind, bool push)
    {
        var r = await _org.Mutate("setNotificationPreference", new { kind, push }, Learner, SettingsSelection);
        r.Json!["errors"].ShouldBeNull(r.Body);
    }

    private static ILocator Switch(IPage page, string name) => page.GetByRole(AriaRole.Switch, new() { Name = name });

    [Fact]
    public async Task The_screen_changes_the_servers_settings_and_a_change_made_elsewhere_asks_to_reload()
    {
        // Start from push on for class changes and no quiet hours (other runs may have left anything).
        await ChangeElsewhere("CLASS_CHANGED", true);
        (await _org.Mutate("setQuietHours", new { }, Learner, SettingsSelection)).Json!["errors"].ShouldBeNull();

        var page = await web.SignedIn(Learner);
        await page.GotoAsync("/notifications");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Cài đặt thông báo" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/settings/notifications$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cài đặt thông báo");
        // The header's way here too, marked as the current page.
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Cài đặt thông báo" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByText("hộp thư vẫn luôn giữ mọi thông báo")).ToBeVisibleAsync();
        var classChanged = Switch(page, "Lớp học của bạn thay đổi");
        await Expect(classChanged).ToBeCheckedAsync();
        await Expect(page.GetByTestId("quiet-state")).ToHaveTextAsync("Đang tắt.");
        await ConsoleChecks.PhoneFriendly(page, "notification-settings");

        // A switch off: the server's setting is off, the inbox part unchanged.
        var before = (await ServerSettings())["version"]!.GetValue<int>();
        await classChanged.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Đã lưu." })).ToBeVisibleAsync();
        await Expect(classChanged).Not.ToBeCheckedAsync();
        var after = await ServerSettings();
        Push(after, "CLASS_CHANGED").ShouldBeFalse();
        Push(after, "ENTRY_VERIFIED").ShouldBeTrue();
        after["version"]!.GetValue<int>().ShouldBe(before + 1);

        // Quiet hours 22:00–06:00 in the zone shown.
        await page.GetByLabel("Bắt đầu").FillAsync("22:00");
        await page.GetByLabel("Kết thúc").FillAsync("06:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu giờ yên lặng" }).ClickAsync();
        await Expect(page.GetByTestId("quiet-state")).ToHaveTextAsync("Đang bật: từ 22:00 đến 06:00 (Asia/Ho_Chi_Minh).");
        var quiet = (await ServerSettings())["quietHours"]!;
        (quiet["start"]!.GetValue<string>(), quiet["end"]!.GetValue<string>(), quiet["timeZone"]!.GetValue<string>()).ShouldBe(("22:00", "06:00", "Asia/Ho_Chi_Minh"));

        // Another device changes something: this screen's next change is refused and says "đã đổi ở nơi khác: tải lại".
        await ChangeElsewhere("ENTRY_REJECTED", false);
        var elsewhere = await ServerSettings();
        await classChanged.ClickAsync();
        var conflict = page.GetByTestId("conflict");
        await Expect(conflict).ToContainTextAsync("Cài đặt đã đổi ở nơi khác");
        await Expect(conflict).ToContainTextAsync("tải lại");
        var unchanged = await ServerSettings();
        unchanged.ToJsonString().ShouldBe(elsewhere.ToJsonString(), "a refused change changes nothing");
        await WebHost.ShouldPassAxe(page);

        // Reloading shows the other device's change, and a change then goes through.
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Tải lại" }).ClickAsync();
        await Expect(conflict).ToHaveCountAsync(0);
        await Expect(Switch(page, "Mục hồ sơ học tập bị từ chối")).Not.ToBeCheckedAsync();
        await Expect(classChanged).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tắt giờ yên lặng" }).ClickAsync();
        await Expect(page.GetByTestId("quiet-state")).ToHaveTextAsync("Đang tắt.");
        (await ServerSettings())["quietHours"].ShouldBeNull();

        await ChangeElsewhere("ENTRY_REJECTED", true);
        await ChangeElsewhere("CLASS_CHANGED", true);
    }

    [Fact]
    public async Task Subscribing_where_the_browser_has_no_push_service_says_so_and_the_inbox_still_works()
    {
        var page = await web.SignedIn(Learner);
        await page.Context.GrantPermissionsAsync(["notifications"], new() { Origin = web.BaseUrl });
        await page.GotoAsync("/settings/notifications");
        await Expect(page.GetByTestId("device-push")).ToHaveTextAsync("Thiết bị này chưa nhận thông báo đẩy.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhận thông báo đẩy trên thiết bị này" }).ClickAsync();
        await Expect(page.GetByTestId("push-problem")).ToHaveTextAsync(
            "Không đăng ký được thông báo đẩy: trình duyệt không liên lạc được với dịch vụ đẩy. Bạn vẫn xem mọi thông báo trong hộp thư.");
        await Expect(page.GetByTestId("device-push")).ToHaveTextAsync("Thiết bị này chưa nhận thông báo đẩy.");
        await WebHost.ShouldPassAxe(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Về hộp thư thông báo" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/notifications$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thông báo");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_push_delivered_to_the_service_worker_shows_the_notification_with_its_link()
    {
        var page = await web.SignedIn(Learner);
        await page.Context.GrantPermissionsAsync(["notifications"], new() { Origin = web.BaseUrl });
        await page.EvaluateAsync("() => navigator.serviceWorker.ready.then(() => true)");

        var cdp = await page.Context.NewCDPSessionAsync(page);
        var registration = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            if (e is not { } json) return;
            foreach (var r in json.GetProperty("registrations").EnumerateArray())
                if (r.GetProperty("scopeURL").GetString() == web.BaseUrl + "/" && !r.GetProperty("isDeleted").GetBoolean())
                    registration.TrySetResult(r.GetProperty("registrationId").GetString()!);
        };
        await cdp.SendAsync("ServiceWorker.enable");
        var id = await registration.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // The payload as DeliverNotification sends it (camelCase JSON), here in clear: CDP hands it to the worker's `push`.
        var n = Random.Shared.Next(100_000, 999_999);
        var payload = JsonSerializer.Serialize(new
        {
            id = $"0195f000-0000-7000-8000-000000{n}",
            kind = "ENTRY_VERIFIED",
            title = $"Hồ sơ học tập: một mục đã được xác nhận {n}",
            body = "Lớp tiếng Anh giao tiếp đã được xác nhận.",
            link = "/record",
        });
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new() { ["origin"] = web.BaseUrl, ["registrationId"] = id, ["data"] = payload });

        JsonElement shown = default;
        for (var tries = 0; tries < 100; tries++)
        {
            shown = await page.EvaluateAsync<JsonElement>("""
                async () => (await (await navigator.serviceWorker.ready).getNotifications())
                  .map(x => ({ title: x.title, body: x.body, link: x.data && x.data.link, tag: x.tag }))
                """);
            if (shown.EnumerateArray().Any(x => x.GetProperty("title").GetString()!.EndsWith(n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))) break;
            await Task.Delay(200);
        }
        var mine = shown.EnumerateArray().Single(x => x.GetProperty("title").GetString() == $"Hồ sơ học tập: một mục đã được xác nhận {n}");
        mine.GetProperty("body").GetString().ShouldBe("Lớp tiếng Anh giao tiếp đã được xác nhận.");
        mine.GetProperty("link").GetString().ShouldBe("/record");
        mine.GetProperty("tag").GetString().ShouldBe($"0195f000-0000-7000-8000-000000{n}");

        // A link to another site in a payload never becomes the notification's target.
        var hostile = JsonSerializer.Serialize(new { id = $"x{n}", kind = "ENTRY_VERIFIED", title = $"Khác {n}", body = "", link = "//example.org/" });
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new() { ["origin"] = web.BaseUrl, ["registrationId"] = id, ["data"] = hostile });
        string? link = null;
        for (var tries = 0; tries < 100 && link is null; tries++)
        {
            link = await page.EvaluateAsync<string?>($$"""
                async () => { const x = (await (await navigator.serviceWorker.ready).getNotifications()).find(x => x.title === "Khác {{n}}"); return x ? x.data.link : null; }
                """);
            if (link is null) await Task.Delay(200);
        }
        link.ShouldBe("/notifications");
    }
}
