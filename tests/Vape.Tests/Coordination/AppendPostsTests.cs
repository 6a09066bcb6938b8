using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Coordination.Messages;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination;

/// <summary>
/// `coordination.append_posts` (Sql/0006, docs/adr/0305), the one statement every post is written with, called as the
/// channel's writer calls it. It decides nothing: it appends what C# decided, in order, only if the channel is still
/// at the stream version and the rules version the decisions read and none of the ids is stored; otherwise it writes
/// nothing and says so (no row), and the writer decides again under the lock. The rules themselves are
/// PostDeciderTests; through the hub and GraphQL, MessageTests and PostRulesTests.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class AppendPostsTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private NpgsqlDataSource Database => app.Host.Services.GetRequiredService<NpgsqlDataSource>();

    private async Task<MessagePosted> Posted(string login, string body, Guid? id = null, Guid? root = null, params Guid[] mentions) =>
        new(id ?? Guid.CreateVersion7(), await _api.PersonId(login), root, body, "NORMAL", mentions, false, [], DateTimeOffset.UtcNow);

    private async Task<MessageView[]?> Append(Guid channel, (long Version, long Rules) at, params MessagePosted[] posts)
    {
        await using var cmd = Database.CreateCommand();
        return await ChannelPosts.AppendAsync(cmd, channel, at.Version, at.Rules, posts, CancellationToken.None);
    }

    private async Task<(long Version, long Rules)> Versions(Guid channel)
    {
        await using var cmd = Database.CreateCommand("select version, rules_version from coordination.channels where id = @c");
        cmd.Parameters.AddWithValue("c", channel);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<(long Version, long Events, long Messages)> State(Guid channel)
    {
        await using var cmd = Database.CreateCommand("""
            select version, (select count(*) from coordination.channel_events where channel_id = @c),
                   (select count(*) from coordination.messages where channel_id = @c)
              from coordination.channels where id = @c
            """);
        cmd.Parameters.AddWithValue("c", channel);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private async Task<long> LastRead(Guid channel, string login)
    {
        await using var cmd = Database.CreateCommand("select last_read_version from coordination.channel_members where channel_id = @c and person_id = @p");
        cmd.Parameters.AddWithValue("c", channel);
        cmd.Parameters.AddWithValue("p", await _api.PersonId(login));
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Posts_appended_together_get_the_next_versions_in_order_with_their_stream_rows_threads_mentions_and_each_author_has_read_their_own()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        MessageView first;
        await using (var central = await _api.Connect("central")) first = await central.Post(channel, "Tin đầu tiên, gửi một mình.");
        var province = await _api.PersonId("province");

        var written = await Append(channel, await Versions(channel),
            await Posted("province", "Hà Nội đã nhận công văn.", root: first.Id),
            await Posted("central", "Đề nghị gửi báo cáo trước thứ Sáu.", mentions: province),
            await Posted("province", "Hà Nội sẽ gửi đúng hạn."));

        written.ShouldNotBeNull();
        written.Select(m => m.Version).ShouldBe([2L, 3L, 4L]);
        written.Select(m => m.Body).ShouldBe(["Hà Nội đã nhận công văn.", "Đề nghị gửi báo cáo trước thứ Sáu.", "Hà Nội sẽ gửi đúng hạn."]);
        written.Select(m => m.ThreadRootId).ShouldBe([first.Id, null, null]);
        written[1].Mentions.ShouldBe([province]);
        written.ShouldAllBe(m => m.Priority == "NORMAL" && m.PostedVersion == m.Version && m.ChannelId == channel);
        (await State(channel)).ShouldBe((4L, 4L, 4L));
        (await LastRead(channel, "province")).ShouldBe(4);
        (await LastRead(channel, "central")).ShouldBe(3);
        (await LastRead(channel, "sibling-province")).ShouldBe(0);
        var thread = await _api.Query("query($id: ID!) { thread(messageId: $id) { root { replyCount } } }", new { id = first.Id }, "central");
        thread.Data["thread"]!["root"]!["replyCount"]!.GetValue<int>().ShouldBe(1);

        // Search reads what the statement wrote, folded.
        var found = await _api.Query("query($t: String!) { searchMessages(text: $t) { nodes { body } } }", new { t = "ha noi se gui" }, "central");
        found.Data["searchMessages"]!["nodes"]!.AsArray().Select(n => n!["body"]!.GetValue<string>()).ShouldContain("Hà Nội sẽ gửi đúng hạn.");
    }

    public static TheoryData<string> Moves => ["POSTED", "ROLE", "JOINED", "LEFT", "ARCHIVED", "ID_STORED", "ID_IN_ANOTHER_CHANNEL"];

    [Theory]
    [MemberData(nameof(Moves))]
    public async Task Nothing_is_appended_when_the_channel_moved_since_the_decision_or_an_id_is_stored(string move)
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        var other = await _api.ChannelId("central", "TW", "UNIT");
        var sent = Guid.CreateVersion7();
        await using (var central = await _api.Connect("central")) await central.Post(move == "ID_IN_ANOTHER_CHANNEL" ? other : channel, "Tin đã lưu.", sent);
        var decidedAt = await Versions(channel);
        var province = await _api.PersonId("province");
        var change = move switch
        {
            "POSTED" => "insert into coordination.channel_events (channel_id, version, kind, message_id, actor_id, at) select @c, version + 1, 'EDITED', @m, @p, now() from coordination.channels where id = @c; update coordination.channels set version = version + 1 where id = @c",
            "ROLE" => "update coordination.channel_members set role = 'READER' where channel_id = @c and person_id = @p",
            "JOINED" => "insert into coordination.channel_members (channel_id, person_id, role, source) values (@c, @m, 'MEMBER', 'MANUAL')",
            "LEFT" => "delete from coordination.channel_members where channel_id = @c and person_id = @p",
            "ARCHIVED" => "update coordination.channels set archived_at = now() where id = @c",
            _ => null,
        };
        if (change is not null)
        {
            await using var cmd = Database.CreateCommand(change);
            cmd.Parameters.AddWithValue("c", channel);
            cmd.Parameters.AddWithValue("p", province);
            cmd.Parameters.AddWithValue("m", Guid.CreateVersion7());
            await cmd.ExecuteNonQueryAsync();
        }
        var before = await State(channel);

        var posts = new[] { await Posted("central", "Tin bình thường."), await Posted("province", "Tin thứ hai.", move.StartsWith("ID_", StringComparison.Ordinal) ? sent : null) };
        (await Append(channel, decidedAt, posts)).ShouldBeNull();

        (await State(channel)).ShouldBe(before);
        if (move is not ("POSTED" or "ID_STORED" or "ID_IN_ANOTHER_CHANNEL")) (await Versions(channel)).Rules.ShouldBeGreaterThan(decidedAt.Rules);
        // The same posts at the versions as they are now are appended.
        if (!move.StartsWith("ID_", StringComparison.Ordinal)) (await Append(channel, await Versions(channel), posts)).ShouldNotBeNull();
    }
}
