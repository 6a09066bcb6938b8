namespace Vape.Records.Jobs;

/// <summary>Wakes this host's runner when a job was started here; other hosts find it at their next look.</summary>
public sealed class RecordsJobSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    internal void Wake()
    {
        if (_wake.CurrentCount == 0)
            try { _wake.Release(); } catch (SemaphoreFullException) { }
    }

    internal Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
