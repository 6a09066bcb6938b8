using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Coordination.Messages;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination;

/// <summary>
/// A change is pushed by the host that committed it, straight after the commit. When that host dies in between, another
/// host finds the change above the channel's pushed mark and pushes it (docs/adr/0052).
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class PushRecoveryTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private NpgsqlDataSource Database => app.Host.Services.GetRequiredService<NpgsqlDataSource>();

    private async Task<(long Version, long Pushed)> MarksOf(Guid channel) =>
        (await Database.ListAsync("select version, pushed_version from coordination.channels where id = @c",
            r => (r.GetInt64(0), r.GetInt64(1)), CancellationToken.None, ("c", channel))).Single();

    /// <summary>The marks are written about once a second: waits until this one is (a safety limit, not a timing assertion).</summary>
    private async Task<(long Version, long Pushed)> MarkAfterWaiting(Guid channel, long version)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await MarksOf(channel)).Pushed < version && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100);
        return await MarksOf(channel);
    }

    [Fact]
    public async Task A_change_committed_by_a_host_that_died_before_pushing_it_reaches_the_members_from_another_host_once()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        await using var province = await _api.Connect("province");
        await using var central = await _api.Connect("central");
        var pushed = await central.Post(channel, "Tin đã gửi ngay.");
        (await Member.Next(province.Events)).Message.Id.ShouldBe(pushed.Id);

        // What a host that died straight after its commit leaves behind: the post stored, nothing sent, twenty seconds ago.
        var lost = Guid.CreateVersion7();
        await Database.ExecuteAsync("""
            select coordination.append_posts(c.id, c.version, c.rules_version, array[@id], array[@a], array[null::uuid],
                   array['Tin chưa kịp gửi: họp trực tuyến lúc 14 giờ.'], array['NORMAL'], array['[]'::jsonb], array[false],
                   array[now() - interval '20 seconds'], array['[]'::jsonb])
              from coordination.channels c where c.id = @c
            """, CancellationToken.None, ("c", channel), ("id", lost), ("a", await _api.PersonId("central")));

        var recovered = await Member.Next(province.Events);
        recovered.Message.Id.ShouldBe(lost);
        recovered.Message.Body.ShouldBe("Tin chưa kịp gửi: họp trực tuyến lúc 14 giờ.");
        recovered.Version.ShouldBe(pushed.Version + 1);
        (await MarkAfterWaiting(channel, recovered.Version)).ShouldBe((recovered.Version, recovered.Version));

        // Pushed once: the next thing the member hears is the next message.
        var next = await central.Post(channel, "Tin tiếp theo.");
        (await Member.Next(province.Events)).Message.Id.ShouldBe(next.Id);
    }

    [Fact]
    public async Task The_mark_follows_what_was_pushed_live_so_nothing_is_pushed_twice()
    {
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        await using var central = await _api.Connect("central");
        MessageView last = null!;
        for (var i = 1; i <= 3; i++) last = await central.Post(channel, $"Tin số {i}.");

        (await MarkAfterWaiting(channel, last.Version)).ShouldBe((last.Version, last.Version));
    }
}
