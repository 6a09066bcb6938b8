using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vape.BuildingBlocks.Errors;

namespace Vape.Records.Jobs;

/// <summary>
/// Every host runs the jobs it can take (docs/adr/0279): a queued one, or one whose host died (its lease ran out). While
/// it runs, the lease is renewed; a host that is stopped lets the job go at once, and another host goes on from its progress.
/// </summary>
internal sealed partial class RecordsJobRunner(IServiceScopeFactory scopes, RecordsJobs jobs, RecordsJobSignal signal, IOptions<RecordsJobOptions> options,
    ILogger<RecordsJobRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await jobs.ClaimAsync(stoppingToken) is { } job) await RunAsync(job, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database away for a moment: look again at the next tick.
                LogLookFailed(logger, e.GetType().Name);
            }
            try { await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task RunAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = KeepLeaseAsync(job, lost);
        string? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var work = scope.ServiceProvider;
            await (job.Kind switch
            {
                RecordsJobKind.RebuildRecordsCopy => work.GetRequiredService<RebuildCopyJob>().RunAsync(job, lost.Token),
                RecordsJobKind.BackfillOwnStatements => work.GetRequiredService<BackfillJob>().RunAsync(job, lost.Token),
                _ => throw new InvalidOperationException($"no work for {job.Kind}"),
            });
        }
        catch (Exception) when (lost.IsCancellationRequested)
        {
            await lost.CancelAsync();
            await heartbeat;
            // Stopping: another host goes on at once. Lease lost: the host that took the job writes its end.
            if (stoppingToken.IsCancellationRequested) await jobs.ReleaseAsync(job, CancellationToken.None);
            LogLetGo(logger, job.Id, job.Kind);
            return;
        }
        catch (Exception e)
        {
            failure = e is VapeException v ? v.Code : VapeException.IsTransient(e) ? ErrorCodes.Unavailable : ErrorCodes.Internal;
            LogFailed(logger, job.Id, job.Kind, e.GetType().Name);
        }
        await lost.CancelAsync();
        await heartbeat;
        await jobs.FinishAsync(job, failure, CancellationToken.None);
    }

    /// <summary>Renews the lease a few times per lease; when the job is no longer this attempt's, cancels the work.</summary>
    private async Task KeepLeaseAsync(ClaimedJob job, CancellationTokenSource lost)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.LeaseSeconds) / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(lost.Token))
            {
                try
                {
                    if (!await jobs.RenewAsync(job, lost.Token)) { await lost.CancelAsync(); return; }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRenewFailed(logger, job.Id, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for a Records job failed ({ExceptionType}); the next look tries again")]
    private static partial void LogLookFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Records job {JobId} ({Kind}) let go: this host stops or another took it")]
    private static partial void LogLetGo(ILogger logger, Guid jobId, RecordsJobKind kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Records job {JobId} ({Kind}) failed ({ExceptionType})")]
    private static partial void LogFailed(ILogger logger, Guid jobId, RecordsJobKind kind, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the lease of Records job {JobId} failed ({ExceptionType}); tried again shortly")]
    private static partial void LogRenewFailed(ILogger logger, Guid jobId, string exceptionType);
}
