using Vape.BuildingBlocks.Storage;

namespace Vape.Tests.Platform;

/// <summary>
/// The one writer per stream that channels and classrooms share (docs/adr/0056, 0061), with writes that the test
/// holds open: what arrives meanwhile is written together, a failed batch is written again item by item, and each
/// caller gets its own answer.
/// </summary>
public sealed class BatchingWriterTests
{
    private sealed class Log
    {
        public readonly List<string> Writes = [];
        public TaskCompletionSource Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static BatchingWriter<string, string> Writer(Log log, Func<IReadOnlyList<string>, bool>? togetherFails = null) => new(
        async item =>
        {
            lock (log.Writes) log.Writes.Add($"alone {item}");
            await log.Gate.Task;
            return item == "refused" ? throw new InvalidOperationException("REFUSED") : item.ToUpperInvariant();
        },
        async items =>
        {
            lock (log.Writes) log.Writes.Add($"together {string.Join(",", items)}");
            await log.Gate.Task;
            if (togetherFails?.Invoke(items) == true) throw new InvalidOperationException("the batch failed");
            return items.Select(i => i.ToUpperInvariant()).ToList();
        },
        maxBatch: 3);

    [Fact]
    public async Task A_write_to_a_quiet_stream_is_alone_and_what_arrives_meanwhile_is_written_together_in_batches_of_at_most_the_maximum()
    {
        var log = new Log();
        var writer = Writer(log);
        var stream = Guid.NewGuid();
        var first = writer.WriteAsync(stream, "a");
        var rest = new[] { "b", "c", "d", "e" }.Select(i => writer.WriteAsync(stream, i)).ToList();
        var other = writer.WriteAsync(Guid.NewGuid(), "x");
        log.Gate.SetResult();
        (await first).ShouldBe("A");
        (await Task.WhenAll(rest)).ShouldBe(["B", "C", "D", "E"]);
        (await other).ShouldBe("X");
        log.Writes.ShouldBe(["alone a", "together b,c,d", "alone e", "alone x"], ignoreOrder: true);
        log.Writes.IndexOf("together b,c,d").ShouldBeLessThan(log.Writes.IndexOf("alone e"));
    }

    [Fact]
    public async Task A_failed_batch_is_written_again_item_by_item_and_only_the_refused_caller_fails()
    {
        var log = new Log();
        var writer = Writer(log, items => items.Contains("refused"));
        var stream = Guid.NewGuid();
        var first = writer.WriteAsync(stream, "a");
        var b = writer.WriteAsync(stream, "b");
        var refused = writer.WriteAsync(stream, "refused");
        var c = writer.WriteAsync(stream, "c");
        log.Gate.SetResult();
        (await first).ShouldBe("A");
        (await b).ShouldBe("B");
        (await c).ShouldBe("C");
        (await Should.ThrowAsync<InvalidOperationException>(() => refused)).Message.ShouldBe("REFUSED");
        log.Writes.ShouldBe(["alone a", "together b,refused,c", "alone b", "alone refused", "alone c"]);

        // The stream is not stuck behind the failure.
        (await writer.WriteAsync(stream, "d")).ShouldBe("D");
    }
}
