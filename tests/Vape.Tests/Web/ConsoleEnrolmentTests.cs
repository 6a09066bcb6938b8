using Microsoft.Playwright;
using Vape.Tests.Classes;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// An official manages a class's roster in Chromium at 360×640 (issue #21, ADR 0287, 0288): enrols a member found by
/// name into a full class (the waiting list says so), admits them ahead of the queue over capacity after the second
/// question, removes an enrolled learner with a reason; the learners' own contexts see their place and the reason; a
/// learner calling the mutation directly is refused and nothing changes.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleEnrolmentTests(WebHost web)
{
    private readonly ClassesApi _api = new(web.App);

    [Fact]
    public async Task An_official_enrols_a_member_into_a_full_class_admits_them_and_removes_a_learner_with_a_reason()
    {
        var classId = ClassesApi.Id(await _api.Schedule($"Lớp sơ cứu {Random.Shared.Next(100_000, 999_999)}", capacity: 1));
        (await _api.Enrol(classId, await _api.Org.Token("learner2"))).HasErrors.ShouldBeFalse();
        var first = (await _api.NewLearners(1))[0];
        (await _api.Enrol(classId, first.Token)).HasErrors.ShouldBeFalse();

        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync($"/console/classes/{classId}");
        var enrol = cuong.GetByTestId("enrol-member");
        await enrol.GetByLabel("Tìm hội viên của đơn vị (và đơn vị cấp dưới)").FillAsync("Hoàng Thị Em");
        await enrol.GetByRole(AriaRole.Button, new() { Name = "Tìm" }).ClickAsync();
        await enrol.GetByRole(AriaRole.Button, new() { Name = "Đăng ký Hoàng Thị Em" }).ClickAsync();
        await Expect(cuong.GetByTestId("roster-notice")).ToHaveTextAsync("Lớp đã đủ chỗ: Hoàng Thị Em vào danh sách chờ, thứ 2.");
        await Expect(cuong.GetByTestId("roster-waiting").Locator("li")).ToHaveCountAsync(2);
        await ConsoleChecks.PhoneFriendly(cuong, "console-enrol-member");

        // A learner calling the mutations directly: refused, nothing changes.
        var learner2 = await _api.Org.Token("learner2");
        var emId = await _api.Org.PersonId("learner");
        (await _api.Org.MutateAs(learner2, "admitWaitingLearner", new { classId, personId = emId, overCapacity = true })).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.Org.MutateAs(learner2, "removeLearner", new { classId, personId = first.PersonId, reason = "Tôi muốn" })).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        var unchanged = (await _api.Class(classId, null))!;
        (unchanged["enrolledCount"]!.GetValue<int>(), unchanged["waitingCount"]!.GetValue<int>()).ShouldBe((1, 2));

        // Ahead of the queue: the class is full, so a second question before going over capacity.
        var waiting = cuong.GetByTestId("roster-waiting");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Cho Hoàng Thị Em vào lớp" }).ClickAsync();
        var ask = cuong.GetByRole(AriaRole.Alertdialog);
        await Expect(ask).ToContainTextAsync("Lớp đã đủ sĩ số. Vẫn nhận Hoàng Thị Em vượt sĩ số?");
        await ConsoleChecks.PhoneFriendly(cuong, "console-admit-over-capacity");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Nhận vượt sĩ số" }).ClickAsync();
        await Expect(cuong.GetByTestId("roster-notice")).ToHaveTextAsync("Hoàng Thị Em đã được vào lớp.");
        await Expect(cuong.GetByTestId("roster-enrolled")).ToContainTextAsync("Hoàng Thị Em");
        await Expect(cuong.GetByTestId("class-counts")).ToHaveTextAsync("Sĩ số 1: 2 đã vào lớp, 1 đang chờ.");

        // Removed with a reason.
        var enrolled = cuong.GetByTestId("roster-enrolled");
        await enrolled.GetByRole(AriaRole.Button, new() { Name = "Đưa Trần Văn Phúc ra khỏi lớp" }).ClickAsync();
        await enrolled.GetByLabel("Lý do (người học sẽ đọc được)").FillAsync("Đăng ký nhầm, đã chuyển sang lớp buổi tối");
        await enrolled.GetByRole(AriaRole.Button, new() { Name = "Đưa ra khỏi lớp", Exact = true }).ClickAsync();
        await Expect(cuong.GetByTestId("roster-notice")).ToHaveTextAsync("Đã đưa Trần Văn Phúc ra khỏi lớp.");
        await Expect(cuong.GetByTestId("roster-enrolled")).Not.ToContainTextAsync("Trần Văn Phúc");
        await Expect(cuong.GetByTestId("class-counts")).ToHaveTextAsync("Sĩ số 1: 1 đã vào lớp, 1 đang chờ.");

        // The learners, each in their own context.
        var em = await web.SignedIn("learner");
        await em.GotoAsync($"/classes/{classId}");
        await Expect(em.GetByText("Bạn đã có chỗ trong lớp này.")).ToBeVisibleAsync();
        await em.Context.CloseAsync();
        var phuc = await web.SignedIn("learner2");
        await phuc.GotoAsync($"/classes/{classId}");
        await Expect(phuc.GetByTestId("class-removal"))
            .ToHaveTextAsync("Cán bộ tổ chức lớp đã đưa bạn ra khỏi lớp này. Lý do: Đăng ký nhầm, đã chuyển sang lớp buổi tối");
        await ConsoleChecks.PhoneFriendly(phuc, "class-removed-reason");
        await phuc.Context.CloseAsync();
        await cuong.Context.CloseAsync();
    }
}
