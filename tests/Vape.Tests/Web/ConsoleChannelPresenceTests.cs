using Microsoft.Playwright;
using Vape.Tests.Coordination;
using static Microsoft.Playwright.Assertions;

namespace Vape.Tests.Web;

/// <summary>
/// Presence in the channel list (issue #21, "channel list with … typing and presence"): Bình (province) keeps her list
/// of channels open; Cường (commune) shares the cross-level channel and a direct one with her. Connected through the
/// other host (the tests' in-process host, which shares only the database), he is counted when her list is read, so
/// presence is not one process's memory; opening his channels on her host, he appears in her list without a reload
/// (a count on the cross-level channel, the dot on the direct one), and closing it, he is gone.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ConsoleChannelPresenceTests(WebHost web)
{
    private const string CrossLevel = "Hà Nội và các đơn vị trực thuộc";
    private readonly CoordinationApi _api = new(web.App);

    /// <summary>The members of the channel other than Bình who are connected now, as the API says (the list's starting point).</summary>
    private async Task<int> OthersOnline(string channelId, Guid binh)
    {
        var members = await _api.Query("query($id: ID!) { channel(id: $id) { members { personId presence } } }", new { id = channelId }, "province");
        members.HasErrors.ShouldBeFalse(members.Body);
        return members.Data["channel"]!["members"]!.AsArray()
            .Count(m => m!["personId"]!.GetValue<string>() != binh.ToString() && m["presence"]!.GetValue<string>() != "OFFLINE");
    }

    private static async Task ShouldShowOnline(ILocator row, int count)
    {
        if (count == 0) await Expect(row.GetByTestId("online")).ToHaveCountAsync(0);
        else await Expect(row.GetByTestId("online")).ToHaveTextAsync($"{count} đang trực tuyến");
    }

    [Fact]
    public async Task The_list_counts_who_is_online_on_any_host_and_moves_as_a_colleague_opens_and_closes_the_app()
    {
        var binhId = await _api.PersonId("province");
        var cuongId = await _api.PersonId("commune");
        var cross = (await _api.Channels("province")).AsArray().Single(c => c!["name"]!.GetValue<string>() == CrossLevel)!["id"]!.GetValue<string>();
        var direct = await _api.Mutate("createChannel", new { kind = "DIRECT", memberIds = new[] { cuongId } }, "province");
        direct.HasErrors.ShouldBeFalse(direct.Body);
        var directId = direct.Data["createChannel"]!["id"]!.GetValue<string>();
        var members = await _api.Query("query($id: ID!) { channel(id: $id) { members { personId presence } } }", new { id = cross }, "province");
        members.Data["channel"]!["members"]!.AsArray().Single(m => m!["personId"]!.GetValue<string>() == cuongId.ToString())!["presence"]!
            .GetValue<string>().ShouldBe("OFFLINE", "Cường is connected nowhere before the test");
        var others = await OthersOnline(cross, binhId);

        // Cường connected through the other host: her host never saw his connection, and her list counts him.
        var binh = await web.SignedIn("province");
        ILocator Row(string id) => binh.GetByTestId("channel").Filter(new() { Has = binh.Locator($"a[href='/console/channels/{id}']") });
        var (crossRow, directRow) = (Row(cross), Row(directId));
        await using (var elsewhere = await _api.Connect("commune"))
        {
            await binh.GotoAsync("/console/channels");
            await Expect(binh.GetByTestId("hub-status")).ToHaveTextAsync("Tin mới hiện ngay khi có.");
            await ShouldShowOnline(crossRow, others + 1);
            await Expect(directRow.GetByTestId("online")).ToHaveTextAsync("Đang trực tuyến");
        }
        await binh.ReloadAsync();
        await Expect(binh.GetByTestId("hub-status")).ToHaveTextAsync("Tin mới hiện ngay khi có.");
        await ShouldShowOnline(crossRow, others);
        await Expect(directRow.GetByTestId("online")).ToHaveCountAsync(0);
        await binh.EvaluateAsync("() => { window.__sameDocument = true; }");

        // He opens his channels: her list shows him without a reload; he closes the app: he is gone from her list.
        var cuong = await web.SignedIn("commune");
        await cuong.GotoAsync("/console/channels");
        await ShouldShowOnline(crossRow, others + 1);
        await Expect(directRow.GetByTestId("online")).ToHaveTextAsync("Đang trực tuyến");
        await ConsoleChecks.PhoneFriendly(binh, "channels-presence");
        await cuong.Context.CloseAsync();
        await ShouldShowOnline(crossRow, others);
        await Expect(directRow.GetByTestId("online")).ToHaveCountAsync(0);
        (await binh.EvaluateAsync<bool>("() => window.__sameDocument === true")).ShouldBeTrue("the list moved without a reload");
        await binh.Context.CloseAsync();
    }
}
