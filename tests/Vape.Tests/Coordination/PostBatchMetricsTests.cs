using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Vape.Coordination.Messages;
using Vape.Tests.Support;

namespace Vape.Tests.Coordination;

/// <summary>
/// The channel's writer tells operators how it wrote each set of posts (docs/adr/0306): the second post of an author
/// the writer has just seen is decided against what it kept and appended in one round trip (`known`), one post in the set.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class PostBatchMetricsTests(VapeApp app) : IAsyncLifetime
{
    private readonly CoordinationApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_post_after_one_the_writer_has_seen_is_a_known_set_of_one_with_its_statement_time()
    {
        var factory = app.Host.Services.GetRequiredService<IMeterFactory>();
        var sets = new List<(string Path, int Posts)>();
        var durations = new List<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == PostBatchMetrics.MeterName && instrument.Meter.Scope == factory) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<int>((_, posts, tags, _) => { lock (sets) sets.Add(((string)tags[0].Value!, posts)); });
        listener.SetMeasurementEventCallback<double>((_, ms, _, _) => { lock (durations) durations.Add(ms); });
        listener.Start();

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
}
