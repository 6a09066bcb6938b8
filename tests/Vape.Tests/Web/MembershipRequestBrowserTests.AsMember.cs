using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

public sealed partial class MembershipRequestBrowserTests
{
    [Fact]
    public async Task The_official_approves_a_request_as_a_member_the_ward_already_holds_and_the_citizen_is_that_member()
    {
        // The ward holds the member (from its paper lists); the citizen asks under the name they go by.
        var member = $"Phan Thị Hoa {Random.Shared.Next(100_000, 999_999)}";
        var added = await _org.Mutate("addMember", new { homeUnitId = await _org.UnitId("T01-X001"), fullName = member, birthYear = 1960 }, "commune", "id");
        added.HasErrors.ShouldBeFalse(added.Body);
        var memberId = added.Data["addMember"]!["id"]!.GetValue<string>();
        var asked = Name();
        var citizen = await SignUp();
        await Ask(citizen, asked);

        var official = await OfficialAtTheWard();
        await official.GetByRole(AriaRole.Button, new() { Name = $"Duyệt là hội viên đã có: {asked}" }).ClickAsync();
        await official.GetByLabel("Tìm hội viên của đơn vị theo tên").FillAsync(member);
        await official.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        var choose = official.GetByRole(AriaRole.Button, new() { Name = $"Chính là người này: Duyệt {asked} là hội viên {member}" });
        await Expect(choose).ToBeVisibleAsync();
        await WebHost.ShouldPassAxe(official);
        await WebHost.Screenshot(official, "join-as-member");
        await choose.ClickAsync();
        await Expect(official.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Đã nhận {asked} là hội viên {member} của đơn vị." })).ToBeVisibleAsync();
        await Expect(official.GetByRole(AriaRole.Button, new() { Name = $"Duyệt là hội viên mới: {asked}" })).ToHaveCountAsync(0);
        await official.Context.CloseAsync();

        // The citizen's account is now that member, not a new one.
        await citizen.ReloadAsync();
        await Expect(citizen.GetByText($"Bạn đã là hội viên: {member}.")).ToBeVisibleAsync();
        var token = await citizen.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('vape.session')).token");
        var me = await web.App.GraphQL("{ me { person { id fullName } } }", token: token);
        me.HasErrors.ShouldBeFalse(me.Body);
        me.Data["me"]!["person"]!["id"]!.GetValue<string>().ShouldBe(memberId);
        await citizen.Context.CloseAsync();
    }
}
