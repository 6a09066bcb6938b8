namespace Vape.Tests.Support;

/// <summary>
/// A fixture's cleanup as steps that each run whatever the others did: a fixture whose start failed half way (no
/// browser, no host) still kills its Janus nodes and removes its network namespace, and nothing it never started
/// throws in place of the start's own failure. What the steps threw is thrown together at the end.
/// </summary>
public static class Cleanup
{
    public static async Task RunAll(params Func<Task>[] steps)
    {
        List<Exception> failed = [];
        foreach (var step in steps)
        {
            try { await step(); }
            catch (Exception e) { failed.Add(e); }
        }
        if (failed.Count == 1) throw failed[0];
        if (failed.Count > 1) throw new AggregateException("The fixture's cleanup failed in several steps", failed);
    }
}
