using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Vape.Coordination.Messages;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination;

/// <summary>
/// The channel's writer tells operators how it wrote each set of posts (docs/adr/0306): the second post of an author
/// the writer has just seen is decided against what it kept and appended in one round trip (`known`), one post in the set;
/// a set whose channel moved meanwhile is recorded once, as `moved`.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class PostBatchMetricsTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private readonly List<(string Path, int Posts)> _sets = [];
    private readonly List<double> _durations = [];

    /// <summary>Listens to this host's writer meter (not another test host's) into <see cref="_sets"/> and <see cref="_durations"/>.</summary>
    private MeterListener Listen()
    {
        var factory = app.Host.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PostBatchMetrics.MeterName && instrument.Meter.Scope == factory) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<int>((_, posts, tags, _) => { lock (_sets) _sets.Add(((string)tags[0].Value!, posts)); });
        listener.SetMeasurementEventCallback<double>((_, ms, _, _) => { lock (_durations) _durations.Add(ms); });
        listener.Start();
        return listener;
    }

    [Fact]
    public async Task A_post_after_one_the_writer_has_seen_is_a_known_set_of_one_with_its_statement_time()
    {
        var sets = _sets;
        var durations = _durations;
        using var listener = Listen();

        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        await using var central = await _api.Connect("central");
        await central.Post(channel, "Họp giao ban lúc 8 giờ.");
        await central.Post(channel, "Các đồng chí mang theo báo cáo tháng.");

        lock (sets)
        {
            sets.Count.ShouldBeGreaterThanOrEqualTo(2);
            sets[^1].ShouldBe((PostBatchMetrics.Known, 1));
        }
        lock (durations) durations.Count.ShouldBe(sets.Count);
        lock (durations) durations.ShouldAllBe(ms => ms >= 0);
    }

    [Fact]
    public async Task A_set_whose_channel_moved_is_recorded_once_as_moved_not_as_known_and_under_lock()
    {
        using var listener = Listen();
        var channel = await _api.ChannelId("central", "TW", "CROSS_LEVEL");
        await using var central = await _api.Connect("central");
        await central.Post(channel, "Họp giao ban lúc 8 giờ.");
        // An important post goes through Wolverine, not the channel's writer: the channel moves without the writer knowing.
        var important = await central.Post(channel, "Khẩn: nộp báo cáo trước 17 giờ.", priority: "IMPORTANT");
        lock (_sets) _sets.Clear();
        lock (_durations) _durations.Clear();

        var message = await central.Post(channel, "Các đồng chí mang theo báo cáo tháng.");

        message.PostedVersion.ShouldBe(important.PostedVersion + 1);
        lock (_sets) _sets.ShouldBe([(PostBatchMetrics.Moved, 1)]);
        lock (_durations) _durations.Count.ShouldBe(1);
    }
}
