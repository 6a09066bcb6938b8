using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Files;
using Vape.Coordination.Messages;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination;

/// <summary>
/// `coordination.post_messages` (docs/adr/0059), the one statement a channel's writer uses for plain posts that arrive
/// together, called as the writer calls it. Which posts arrive together depends on timing; these call it directly.
/// It must write what `post_message` writes, and refuse the whole set, changing nothing, whenever any one post would
/// be refused or is a resend (the writer then posts each alone, and each gets its own answer).
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class PostsTogetherTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private NpgsqlDataSource Database => app.Host.Services.GetRequiredService<NpgsqlDataSource>();

    private async Task<PostStatement> Plain(Guid channel, string login, string body, Guid? id = null) =>
        await PostStatement.PrepareAsync(new PostMessage(channel, id ?? Guid.CreateVersion7(), body, null, null, null, false, await _api.PersonId(login)),
            app.Host.Services.GetRequiredService<IFileStore>(), TimeProvider.System, CancellationToken.None);

    private async Task<MessageView[]> Together(params PostStatement[] posts)
    {
        await using var connection = await Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var cmd = new NpgsqlCommand(null, connection, transaction);
        var written = await PostStatement.RunTogetherAsync(cmd, posts, CancellationToken.None);
        await transaction.CommitAsync();
        return written;
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
    public async Task Plain_posts_written_together_get_the_next_versions_in_order_with_their_stream_rows_and_each_author_has_read_their_own()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        await using (var central = await _api.Connect("central")) await central.Post(channel, "Tin đầu tiên, gửi một mình.");

        var written = await Together(
            await Plain(channel, "province", "Hà Nội đã nhận công văn."),
            await Plain(channel, "central", "Đề nghị gửi báo cáo trước thứ Sáu."),
            await Plain(channel, "province", "Hà Nội sẽ gửi đúng hạn."));

        written.Select(m => m.Version).ShouldBe([2L, 3L, 4L]);
        written.Select(m => m.Body).ShouldBe(["Hà Nội đã nhận công văn.", "Đề nghị gửi báo cáo trước thứ Sáu.", "Hà Nội sẽ gửi đúng hạn."]);
        written.Select(m => m.AuthorId).ShouldBe([await _api.PersonId("province"), await _api.PersonId("central"), await _api.PersonId("province")]);
        written.ShouldAllBe(m => m.Priority == "NORMAL" && m.PostedVersion == m.Version && m.ChannelId == channel);
        (await State(channel)).ShouldBe((4L, 4L, 4L));
        (await LastRead(channel, "province")).ShouldBe(4);
        (await LastRead(channel, "central")).ShouldBe(3);
        (await LastRead(channel, "sibling-province")).ShouldBe(0);

        // Search reads what the statement wrote, folded.
        var found = await _api.Query("query($t: String!) { searchMessages(text: $t) { nodes { body } } }", new { t = "ha noi se gui" }, "central");
        found.Data["searchMessages"]!["nodes"]!.AsArray().Select(n => n!["body"]!.GetValue<string>()).ShouldContain("Hà Nội sẽ gửi đúng hạn.");
    }

    public static TheoryData<string> Refusals => ["NOT_MEMBER", "READER", "RESEND", "SAME_ID_TWICE", "ARCHIVED"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_set_with_any_post_that_would_be_refused_or_is_a_resend_is_refused_whole_and_changes_nothing(string refusal)
    {
        var channel = await _api.ChannelId("central", "TW", refusal == "READER" ? "ANNOUNCEMENT" : "CROSS_LEVEL");
        var sent = Guid.CreateVersion7();
        await using (var central = await _api.Connect("central")) await central.Post(channel, "Tin đã lưu.", sent);
        if (refusal == "ARCHIVED")
        {
            await using var archive = Database.CreateCommand("update coordination.channels set archived_at = now() where id = @c");
            archive.Parameters.AddWithValue("c", channel);
            await archive.ExecuteNonQueryAsync();
        }
        var before = await State(channel);
        var again = Guid.CreateVersion7();
        PostStatement odd = refusal switch
        {
            "NOT_MEMBER" => await Plain(channel, "commune", "Tôi không ở kênh này."),
            "READER" => await Plain(channel, "province", "Kênh thông báo chỉ cấp trên viết."),
            "RESEND" => await Plain(channel, "central", "Tin đã lưu.", sent),
            "SAME_ID_TWICE" => await Plain(channel, "central", "Gửi hai lần trong một lượt.", again),
            _ => await Plain(channel, "central", "Kênh đã lưu trữ."),
        };
        var posts = new[] { await Plain(channel, "central", "Tin bình thường."), odd, await Plain(channel, "central", "Gửi hai lần trong một lượt.", again) };

        var refused = await Should.ThrowAsync<PostgresException>(() => Together(refusal == "SAME_ID_TWICE" ? posts : [posts[0], odd]));
        refused.SqlState.ShouldBe(refusal == "SAME_ID_TWICE" ? PostgresErrorCodes.UniqueViolation : "VC409");
        (await State(channel)).ShouldBe(before);
    }
}
