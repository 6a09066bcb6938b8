using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination;

/// <summary>GraphQL: posting and the rest of the mutations, threads, read state and receipts, pages both ways, search.</summary>
[Collection(VapeCollection.Name)]
public sealed class HistoryTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string MessageFields = "id body version cursor edited deleted pinned replyCount threadRootId reactions { emoji count } priority";

    private async Task<JsonNode> Post(Guid channel, string body, string login, string? threadRootId = null, string priority = "NORMAL")
    {
        var response = await _api.Mutate("postMessage", new { channelId = channel, messageId = Guid.CreateVersion7(), body, threadRootId, priority }, login, MessageFields);
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["postMessage"]!;
    }

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    [Fact]
    public async Task Replies_form_a_thread_outside_the_channel_s_main_list_and_a_reply_to_a_reply_joins_the_same_thread()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        var root = await Post(channel, "Kế hoạch tổng kết năm học?", "central");
        var reply = await Post(channel, "Hà Nội đề xuất ngày 20/12.", "province", Id(root));
        var nested = await Post(channel, "Hải Phòng đồng ý.", "sibling-province", Id(reply));
        nested["threadRootId"]!.GetValue<string>().ShouldBe(Id(root));

        var thread = await _api.Query("query($id: ID!) { thread(messageId: $id) { root { id replyCount } replies { nodes { body } } } }", new { id = Id(nested) }, "central");
        thread.Data["thread"]!["root"]!["id"]!.GetValue<string>().ShouldBe(Id(root));
        thread.Data["thread"]!["root"]!["replyCount"]!.GetValue<int>().ShouldBe(2);
        thread.Data["thread"]!["replies"]!["nodes"]!.AsArray().Select(n => n!["body"]!.GetValue<string>()).ShouldBe(["Hà Nội đề xuất ngày 20/12.", "Hải Phòng đồng ý."]);

        var main = await _api.Query("query($id: ID!) { channel(id: $id) { messages { nodes { id } } } }", new { id = channel }, "central");
        main.Data["channel"]!["messages"]!["nodes"]!.AsArray().Select(n => Id(n!)).ShouldBe([Id(root)]);

        // A thread of a channel one is not in does not exist for them; a reply to an unknown message neither.
        var outsider = await _api.Query("query($id: ID!) { thread(messageId: $id) { root { id } } }", new { id = Id(root) }, "commune");
        outsider.HasErrors.ShouldBeFalse(outsider.Body);
        outsider.Data["thread"].ShouldBeNull();
        (await _api.Mutate("postMessage", new { channelId = channel, messageId = Guid.CreateVersion7(), body = "?", threadRootId = Guid.NewGuid() }, "central"))
            .FirstErrorCode.ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task Reactions_and_pins_change_the_message_and_its_version()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        var message = await Post(channel, "Chúc mừng các tỉnh!", "central");
        var reacted = await _api.Mutate("reactToMessage", new { messageId = Id(message), emoji = "🎉" }, "province", MessageFields);
        reacted.Data["reactToMessage"]!["reactions"]![0]!["count"]!.GetValue<int>().ShouldBe(1);
        await _api.Mutate("reactToMessage", new { messageId = Id(message), emoji = "🎉" }, "sibling-province", MessageFields);
        var undone = await _api.Mutate("reactToMessage", new { messageId = Id(message), emoji = "🎉", add = false }, "province", MessageFields);
        undone.Data["reactToMessage"]!["reactions"]![0]!["count"]!.GetValue<int>().ShouldBe(1);
        (await _api.Mutate("reactToMessage", new { messageId = Id(message), emoji = "chữ" }, "province")).FirstErrorCode.ShouldBe("INVALID_INPUT");

        var pinned = await _api.Mutate("pinMessage", new { messageId = Id(message) }, "province", MessageFields);
        pinned.Data["pinMessage"]!["pinned"]!.GetValue<bool>().ShouldBeTrue();
        // posted 1, two reactions 2 and 3, one taken back 4 (the refused one changed nothing), pinned 5.
        pinned.Data["pinMessage"]!["version"]!.GetValue<long>().ShouldBe(5);
        (await _api.Mutate("pinMessage", new { messageId = Id(message) }, "commune")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }

    [Fact]
    public async Task Read_state_counts_unread_and_marking_read_never_goes_back_and_small_channels_get_read_receipts()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        await using var central = await _api.Connect("central");
        var first = await Post(channel, "Một.", "central");
        var second = await Post(channel, "Hai.", "central");
        await Post(channel, "Ba.", "central");

        var read = await _api.Mutate("markChannelRead", new { channelId = channel, upToMessageId = Id(second) }, "province", "count mentions lastReadVersion");
        read.Data["markChannelRead"]!["count"]!.GetValue<int>().ShouldBe(1);
        read.Data["markChannelRead"]!["lastReadVersion"]!.GetValue<long>().ShouldBe(2);
        var receipt = await Member.Next(central.Receipts);
        receipt.PersonId.ShouldBe(await _api.PersonId("province"));
        receipt.LastReadVersion.ShouldBe(2);
        receipt.Version.ShouldBe(3);

        // Back to an earlier message: the position stays.
        var back = await _api.Mutate("markChannelRead", new { channelId = channel, upToMessageId = Id(first) }, "province", "count lastReadVersion");
        back.Data["markChannelRead"]!["lastReadVersion"]!.GetValue<long>().ShouldBe(2);

        var readers = await _api.Query("query($id: ID!) { channel(id: $id) { messages { nodes { body readBy } } } }", new { id = channel }, "central");
        var nodes = readers.Data["channel"]!["messages"]!["nodes"]!.AsArray();
        nodes[1]!["readBy"]!.AsArray().Select(x => x!.GetValue<string>()).ShouldBe([(await _api.PersonId("province")).ToString()]);
        nodes[2]!["readBy"]!.AsArray().ShouldBeEmpty();

        var all = await _api.Mutate("markChannelRead", new { channelId = channel }, "province", "count lastReadVersion");
        all.Data["markChannelRead"]!["count"]!.GetValue<int>().ShouldBe(0);
        all.Data["markChannelRead"]!["lastReadVersion"]!.GetValue<long>().ShouldBe(3);

        var stranger = await _api.Mutate("markChannelRead", new { channelId = channel }, "commune", "count");
        stranger.FirstErrorCode.ShouldBe("NOT_ALLOWED", stranger.Body);
        (await _api.Mutate("markChannelRead", new { channelId = channel, upToMessageId = Guid.NewGuid() }, "province", "count")).FirstErrorCode.ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task Pages_go_both_ways_from_any_message()
    {
        var channel = await _api.ChannelId("province", "T01", "UNIT");
        var ids = new List<string>();
        for (var i = 1; i <= 7; i++) ids.Add(Id(await Post(channel, $"Tin {i}", "province")));
        const string Page = """
            query($id: ID!, $before: String, $after: String) { channel(id: $id) { messages(first: 3, before: $before, after: $after) {
              nodes { id body cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }
            """;
        async Task<JsonNode> Get(string? before = null, string? after = null) =>
            (await _api.Query(Page, new { id = channel, before, after }, "province")).Data["channel"]!["messages"]!;
        static List<string> Bodies(JsonNode page) => [.. page["nodes"]!.AsArray().Select(n => n!["body"]!.GetValue<string>())];

        var latest = await Get();
        Bodies(latest).ShouldBe(["Tin 5", "Tin 6", "Tin 7"]);
        latest["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>().ShouldBeTrue();
        latest["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();

        var older = await Get(before: latest["pageInfo"]!["startCursor"]!.GetValue<string>());
        Bodies(older).ShouldBe(["Tin 2", "Tin 3", "Tin 4"]);
        var oldest = await Get(before: older["pageInfo"]!["startCursor"]!.GetValue<string>());
        Bodies(oldest).ShouldBe(["Tin 1"]);
        oldest["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>().ShouldBeFalse();

        // From a message in the middle (say, found by search), both ways.
        var middle = older["nodes"]![1]!["cursor"]!.GetValue<string>();
        Bodies(await Get(after: middle)).ShouldBe(["Tin 4", "Tin 5", "Tin 6"]);
        Bodies(await Get(before: middle)).ShouldBe(["Tin 1", "Tin 2"]);

        (await _api.Query(Page, new { id = channel, before = middle, after = middle }, "province")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Query(Page, new { id = channel, after = "rác" }, "province")).FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task Search_folds_Vietnamese_ranks_exact_diacritics_first_and_looks_only_in_one_s_channels()
    {
        var centre = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        var haNoiUnit = await _api.ChannelId("province", "T01", "UNIT");
        await Post(centre, "Báo cáo về học tập suốt đời ở Đà Nẵng.", "central");
        await Post(centre, "Ai có số liệu da nang không?", "central");
        await Post(haNoiUnit, "Đà Nẵng: tin riêng của Hà Nội.", "province");
        var deleted = await Post(centre, "Đà Nẵng sẽ bị xóa.", "central");
        await _api.Mutate("deleteMessage", new { messageId = Id(deleted) }, "central");

        const string Search = "query($t: String!) { searchMessages(text: $t) { nodes { body } } }";
        var found = await _api.Query(Search, new { t = "Đà Nẵng" }, "sibling-province");
        found.Data["searchMessages"]!["nodes"]!.AsArray().Select(n => n!["body"]!.GetValue<string>())
            .ShouldBe(["Báo cáo về học tập suốt đời ở Đà Nẵng.", "Ai có số liệu da nang không?"]);
        var folded = await _api.Query(Search, new { t = "da nang" }, "sibling-province");
        folded.Data["searchMessages"]!["nodes"]!.AsArray()[0]!["body"]!.GetValue<string>().ShouldBe("Ai có số liệu da nang không?");
        folded.Data["searchMessages"]!["nodes"]!.AsArray().Count.ShouldBe(2);

        (await _api.Query(Search, new { t = "  " }, "province")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Query(Search, new { t = "%" }, "province")).Data["searchMessages"]!["nodes"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_mutation_refuses_an_anonymous_caller_and_bad_ids()
    {
        (await app.GraphQL("mutation { postMessage(input: { channelId: \"x\", messageId: \"y\", body: \"z\" }) { id } }")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await _api.Mutate("postMessage", new { channelId = "không phải mã", messageId = Guid.CreateVersion7(), body = "z" }, "central")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.Mutate("editMessage", new { messageId = Guid.NewGuid(), body = "z" }, "central")).FirstErrorCode.ShouldBe("NOT_FOUND");
        (await _api.Mutate("deleteMessage", new { messageId = Guid.NewGuid() }, "central")).FirstErrorCode.ShouldBe("NOT_FOUND");
        (await _api.Mutate("acknowledgeMessage", new { messageId = Guid.NewGuid() }, "central")).FirstErrorCode.ShouldBe("NOT_FOUND");
    }
}
