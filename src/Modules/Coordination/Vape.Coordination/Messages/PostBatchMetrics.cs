using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Vape.Coordination.Messages;

/// <summary>
/// What a channel's writer does with each set of posts (docs/adr/0306), on the meter `Vape.Coordination`: how many
/// posts a set carries and how long its statement took from the writer's side, by the way it went (`known`: decided
/// against what the writer kept, one round trip; `under_lock`: read, decided and appended under the channel's lock;
/// `moved`: decided against what the writer kept, but the statement came back empty because the channel had moved,
/// then read, decided and appended under the lock, the time of both). Each set once. No person, channel or text is recorded.
/// </summary>
public sealed class PostBatchMetrics
{
    public const string MeterName = "Vape.Coordination";
    public const string Posts = "vape.coordination.post_batch.posts";
    public const string Duration = "vape.coordination.post_batch.duration";
    public const string Known = "known";
    public const string UnderLock = "under_lock";
    public const string Moved = "moved";

    private readonly Histogram<int> _posts;
    private readonly Histogram<double> _duration;

    public PostBatchMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _posts = meter.CreateHistogram<int>(Posts, "{post}", "Posts in one set written by a channel's writer");
        _duration = meter.CreateHistogram<double>(Duration, "ms", "A set's statement (and its reads under the lock) as the writer waited for it");
    }

    /// <summary>A set of `posts` written the given way, since `started` (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    internal void Written(string path, int posts, long started)
    {
        var tag = new KeyValuePair<string, object?>("path", path);
        _posts.Record(posts, tag);
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tag);
    }
}
