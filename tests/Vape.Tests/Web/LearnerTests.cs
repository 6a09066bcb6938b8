using Microsoft.Playwright;
using Vape.Tests.Classes;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>The learner's side in Chromium at 360×640: sign in, find, enrol, the waiting list (issue #19, scenario 1).</summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class LearnerTests(WebHost web)
{
    private readonly ClassesApi _api = new(web.App);

    [Fact]
    public async Task A_learner_finds_a_class_without_diacritics_and_enrols_a_second_waits_and_moves_up_when_the_first_cancels()
    {
        var code = Random.Shared.Next(100_000, 999_999);
        var title = $"Tin học văn phòng khóa {code}";
        await _api.Schedule(title, capacity: 1);

        var em = await web.SignedIn("learner");
        await Expect(em.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Xin chào, Hoàng Thị Em");
        await WebHost.ShouldPassAxe(em);
        await WebHost.Screenshot(em, "home");

        await em.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Lớp học" }).ClickAsync();
        await em.GetByLabel("Tìm lớp").FillAsync($"tin hoc van phong khoa {code}");
        await em.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        var link = em.GetByRole(AriaRole.Link, new() { Name = title });
        await Expect(link).ToBeVisibleAsync();
        await Expect(em.Locator("ul.cards > li")).ToHaveCountAsync(1);
        await WebHost.ShouldPassAxe(em);
        await WebHost.Screenshot(em, "catalogue");

        await link.ClickAsync();
        await Expect(em.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await em.GetByRole(AriaRole.Button, new() { Name = "Đăng ký học" }).ClickAsync();
        await Expect(em.GetByText("Bạn đã có chỗ trong lớp này.")).ToBeVisibleAsync();
        await WebHost.ShouldPassAxe(em);
        await WebHost.Screenshot(em, "class-enrolled");
        var classUrl = em.Url;

        var phuc = await web.SignedIn("learner2");
        await phuc.GotoAsync(classUrl);
        await phuc.GetByRole(AriaRole.Button, new() { Name = "Vào danh sách chờ" }).ClickAsync();
        await Expect(phuc.GetByText("Bạn đang ở danh sách chờ, vị trí thứ 1.")).ToBeVisibleAsync();
        await WebHost.Screenshot(phuc, "class-waiting");

        await em.GetByRole(AriaRole.Button, new() { Name = "Hủy đăng ký" }).ClickAsync();
        await Expect(em.GetByText("Bạn chưa đăng ký lớp này.")).ToBeVisibleAsync();

        await phuc.ReloadAsync();
        await Expect(phuc.GetByText("Bạn đã có chỗ trong lớp này.")).ToBeVisibleAsync();
        await em.Context.CloseAsync();
        await phuc.Context.CloseAsync();
    }
}
