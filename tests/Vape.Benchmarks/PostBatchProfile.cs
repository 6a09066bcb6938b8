using System.Diagnostics.Metrics;
using Vape.Coordination.Messages;

namespace Vape.Benchmarks;

/// <summary>
/// Listens to the channel writers' meter (<see cref="PostBatchMetrics"/>) while a benchmark runs: per way (`known`,
/// `under_lock`), how many sets, posts per set and the statement's mean milliseconds as the writer waited for it.
/// </summary>
public sealed class PostBatchProfile : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, (long Sets, long Posts, double Ms)> _byPath = [];
    private readonly Lock _gate = new();

    public PostBatchProfile()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == PostBatchMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((instrument, posts, tags, _) => Add(tags, sets: 1, posts, 0));
        _listener.SetMeasurementEventCallback<double>((instrument, ms, tags, _) => Add(tags, sets: 0, 0, ms));
        _listener.Start();
    }

    private void Add(ReadOnlySpan<KeyValuePair<string, object?>> tags, long sets, long posts, double ms)
    {
        var path = tags.Length > 0 ? tags[0].Value as string ?? "" : "";
        lock (_gate)
        {
            var (s, p, m) = _byPath.GetValueOrDefault(path);
            _byPath[path] = (s + sets, p + posts, m + ms);
        }
    }

    public override string ToString()
    {
        lock (_gate)
            return string.Join("; ", _byPath.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => FormattableString.Invariant(
                $"{x.Key}: {x.Value.Sets} sets, {(double)x.Value.Posts / Math.Max(1, x.Value.Sets):0.0} posts each, statement {x.Value.Ms / Math.Max(1, x.Value.Sets):0.0} ms")));
    }

    public void Dispose() => _listener.Dispose();
}
