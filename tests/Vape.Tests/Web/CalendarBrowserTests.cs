using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// My classes in my phone's calendar (issue #22, ADR 0158): from the home page, a learner agrees, makes the secret
/// address, sees it once with copy and "open in a calendar app", and revokes it; the address answers the calendar
/// while it lives and the plain 404 after.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CalendarBrowserTests(WebHost web)
{
    [Fact]
    public async Task A_learner_makes_the_address_from_home_sees_it_once_and_revokes_it()
    {
        var page = await web.SignedIn("learner");
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm lịch lớp vào điện thoại" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/calendar$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Lịch lớp học trên điện thoại");
        // A feed left by an earlier run of this collection's database is revoked first: the page then starts from none.
        if (await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi đường dẫn" }).CountAsync() > 0)
            await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi đường dẫn" }).ClickAsync();
        await Expect(page.GetByTestId("calendar-state")).ToHaveTextAsync("Bạn chưa tạo đường dẫn lịch.");

        var create = page.GetByRole(AriaRole.Button, new() { Name = "Tạo đường dẫn lịch" });
        await Expect(create).ToBeDisabledAsync(); // not before agreeing that anyone with the address sees the classes
        await page.GetByLabel("Tôi hiểu rằng ai có đường dẫn này đều xem được lịch lớp học của tôi.").CheckAsync();
        await create.ClickAsync();

        var address = page.GetByLabel("Đường dẫn lịch của bạn");
        await Expect(address).ToHaveValueAsync(new Regex("^http://127\\.0\\.0\\.1:\\d+/calendar/[A-Za-z0-9_-]{43}\\.ics$"));
        var url = await address.InputValueAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mở bằng ứng dụng lịch" })).ToHaveAttributeAsync("href", new Regex("^webcal://127\\.0\\.0\\.1:\\d+/calendar/"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đường dẫn chỉ hiện lần này: hãy sao chép hoặc mở bằng ứng dụng lịch ngay.");
        await Expect(page.GetByTestId("calendar-state")).ToContainTextAsync("Đường dẫn lịch của bạn được tạo lúc");
        await ConsoleChecks.PhoneFriendly(page, "calendar-made");

        using var http = new HttpClient();
        var feed = await http.GetAsync(url);
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        (await feed.Content.ReadAsStringAsync()).ShouldStartWith("BEGIN:VCALENDAR\r\n");

        // Shown once: after a reload the page says a feed exists, and no longer shows its address.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("calendar-state")).ToContainTextAsync("Đường dẫn lịch của bạn được tạo lúc");
        await Expect(page.GetByLabel("Đường dẫn lịch của bạn")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Thu hồi đường dẫn" }).ClickAsync();
        await Expect(page.GetByTestId("calendar-state")).ToHaveTextAsync("Bạn chưa tạo đường dẫn lịch.");
        asked.ShouldBe("Thu hồi đường dẫn lịch? Ứng dụng lịch sẽ không đọc được lịch lớp của bạn nữa.");
        (await http.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await page.Context.CloseAsync();
    }
}
