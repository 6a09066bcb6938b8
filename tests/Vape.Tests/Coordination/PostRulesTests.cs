using Microsoft.AspNetCore.SignalR.Client;
using Vape.Coordination.Messages;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination;

/// <summary>
/// A channel's writer decides posts against what it last read or wrote of the channel (docs/adr/0305). What changed
/// since, through another way in (GraphQL, another action on the hub), must be seen before a post is accepted: the
/// statement confirms the versions the decision read, and when they moved the post is decided again under the lock.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class PostRulesTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> GroupAsync()
    {
        var created = await _api.Mutate("createChannel", new
        {
            kind = "GROUP", name = "Tổ soạn thảo kế hoạch",
            memberIds = new[] { (await _api.PersonId("province")).ToString(), (await _api.PersonId("commune")).ToString() },
        }, "central");
        created.HasErrors.ShouldBeFalse(created.Body);
        return Guid.Parse(created.Data["createChannel"]!["id"]!.GetValue<string>());
    }

    private async Task<long> Version(Guid channel, string login)
    {
        var response = await _api.Query("query($id: ID!) { channel(id: $id) { version } }", new { id = channel }, login);
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["channel"]!["version"]!.GetValue<long>();
    }

    [Fact]
    public async Task A_member_removed_after_posting_may_not_post_again_and_nothing_is_stored()
    {
        var group = await GroupAsync();
        await using var province = await _api.Connect("province");
        await province.Post(group, "Hà Nội gửi dự thảo lần một.");
        await province.Post(group, "Hà Nội gửi dự thảo lần hai.");

        var removed = await _api.Mutate("removeChannelMember", new { channelId = group, personId = (await _api.PersonId("province")).ToString() }, "central",
            "id");
        removed.HasErrors.ShouldBeFalse(removed.Body);
        var before = await Version(group, "central");

        (await HubCalls.Refused(() => province.Post(group, "Tôi vẫn gửi được chứ?"))).ShouldBe("NOT_ALLOWED");
        (await Version(group, "central")).ShouldBe(before);
    }

    [Fact]
    public async Task A_reply_to_a_message_deleted_since_the_writer_saw_it_is_refused_and_nothing_is_stored()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        await using var central = await _api.Connect("central");
        var doomed = await central.Post(channel, "Họp lúc 14 giờ (sẽ đổi).");
        await central.Post(channel, "Các đồng chí mang theo báo cáo quý.");
        await central.Hub.InvokeAsync<MessageView>("Delete", doomed.Id);
        var before = await Version(channel, "central");

        (await HubCalls.Refused(() => central.Post(channel, "Giờ họp mới: 15 giờ.", threadRootId: doomed.Id))).ShouldBe("INVALID_INPUT");
        (await Version(channel, "central")).ShouldBe(before);
        // A new connection: this one has made its five calls of the second (RATE_LIMITED on a quiet machine).
        await using var again = await _api.Connect("central");
        var next = await again.Post(channel, "Giờ họp mới: 15 giờ.");
        next.Version.ShouldBe(before + 1);
    }
}
