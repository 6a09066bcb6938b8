using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Vape.Coordination.Contracts;
using Vape.Tests.Coordination;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Notifications;

/// <summary>
/// Coordination's sources (docs/adr/0209), posted through the real coordination hub (JSON and MessagePack): a mention
/// notifies the member mentioned, once, and nobody else; an important or urgent post notifies the channel's members
/// but its author; only an urgent one in an announcement channel is a priority notification.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class CoordinationSourcesTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);
    private readonly List<HubConnection> _hubs = [];

    public Task InitializeAsync() => app.ResetAsync();

    public async Task DisposeAsync()
    {
        foreach (var hub in _hubs) await hub.DisposeAsync();
    }

    private async Task<List<JsonNode>> Inbox(string login, string kind)
    {
        var response = await app.GraphQL("{ myNotifications(first: 100) { nodes { id kind title body link } } }", token: await _api.Token(login));
        response.HasErrors.ShouldBeFalse(response.Body);
        return [.. response.Data["myNotifications"]!["nodes"]!.AsArray().Where(n => n!["kind"]!.GetValue<string>() == kind).Select(n => n!)];
    }

    private async Task<ChannelReader<JsonElement>> Listen(string login)
    {
        var heard = Channel.CreateUnbounded<JsonElement>();
        var hub = app.Hub("/hubs/notifications", await _api.Token(login));
        hub.On<JsonElement>("notificationReceived", m => heard.Writer.TryWrite(m));
        await hub.StartAsync();
        _hubs.Add(hub);
        return heard.Reader;
    }

    private async Task<string> ChannelName(Guid channel) =>
        (await _api.Query("query($id: ID!) { channel(id: $id) { name } }", new { id = channel }, "central")).Data["channel"]!["name"]!.GetValue<string>();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_mention_notifies_the_member_mentioned_once_and_not_the_author_or_the_others(bool messagePack)
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        await using var central = await _api.Connect("central", messagePack);
        var live = await Listen("province");
        var (province, self) = (await _api.PersonId("province"), await _api.PersonId("central"));

        var tracked = await app.Host.ExecuteAndWaitAsync(async () =>
            await central.Post(channel, "@Bình xem giúp báo cáo quý.", mentions: [province, self]));
        var posted = tracked.Sent.SingleMessage<MembersMentioned>();
        posted.PersonIds.ShouldBe([province], "the author mentioning themselves is not told");

        var mention = (await Inbox("province", "MENTIONED")).ShouldHaveSingleItem();
        mention["title"]!.GetValue<string>().ShouldBe($"Bạn được nhắc đến trong kênh «{await ChannelName(channel)}»");
        mention["link"]!.GetValue<string>().ShouldBe($"/console/channels/{channel}");
        mention.ToJsonString().ShouldNotContain("báo cáo quý", Case.Insensitive, "the post stays in the channel");
        (await Member.Next(live)).GetProperty("kind").GetString().ShouldBe("MENTIONED");
        (await Inbox("central", "MENTIONED")).ShouldBeEmpty();
        (await Inbox("sibling-province", "MENTIONED")).ShouldBeEmpty();

        // The event again (the outbox after a crash), and the same post sent again by its client: still once.
        await app.Host.InvokeMessageAndWaitAsync(posted);
        await app.Host.ExecuteAndWaitAsync(async () =>
            await central.Post(channel, "@Bình xem giúp báo cáo quý.", messageId: posted.MessageId, mentions: [province, self]));
        (await Inbox("province", "MENTIONED")).Count.ShouldBe(1);
        // A plain post, and a mention of a non-member (refused, as before), tell nobody.
        await app.Host.ExecuteAndWaitAsync(async () => await central.Post(channel, "Tin thường."));
        var commune = await _api.PersonId("commune");
        (await HubCalls.Refused(() => central.Post(channel, "@Cường", mentions: [commune]))).ShouldBe("INVALID_INPUT");
        (await Inbox("commune", "MENTIONED")).ShouldBeEmpty();
        (await Inbox("province", "MENTIONED")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_post_to_acknowledge_notifies_every_member_but_its_author_and_is_priority_only_when_urgent_in_an_announcement_channel()
    {
        var cross = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        var announcement = await _api.ChannelId("central", "TW", "ANNOUNCEMENT");
        await using var central = await _api.Connect("central");

        var important = await app.Host.ExecuteAndWaitAsync(async () => await central.Post(announcement, "Lưu ý lịch họp.", priority: "IMPORTANT"));
        var urgentCross = await app.Host.ExecuteAndWaitAsync(async () => await central.Post(cross, "KHẨN: báo cáo mưa lũ.", priority: "URGENT"));
        var urgentAnnouncement = await app.Host.ExecuteAndWaitAsync(async () => await central.Post(announcement, "KHẨN: sơ tán.", priority: "URGENT"));

        var sent = urgentAnnouncement.Sent.SingleMessage<PriorityPostPosted>();
        (sent.Urgent, sent.Announcement).ShouldBe((true, true));
        sent.PersonIds.ShouldNotContain(await _api.PersonId("central"));
        (important.Sent.SingleMessage<PriorityPostPosted>().Urgent, urgentCross.Sent.SingleMessage<PriorityPostPosted>().Announcement).ShouldBe((false, false));
        foreach (var login in new[] { "province", "sibling-province" })
        {
            var posts = await Inbox(login, "PRIORITY_POST");
            posts.Count.ShouldBe(3, login);
            posts.Select(p => p["title"]!.GetValue<string>()).ShouldBe([
                $"Tin khẩn trong kênh «{await ChannelName(announcement)}»",
                $"Tin khẩn trong kênh «{await ChannelName(cross)}»",
                $"Tin quan trọng trong kênh «{await ChannelName(announcement)}»",
            ], login);
        }
        (await Inbox("central", "PRIORITY_POST")).ShouldBeEmpty();
        // Which of them may break quiet hours: WebPushTests.A_priority_post_is_pushed_through_quiet_hours_only_when_urgent_in_an_announcement_channel.
    }
}
