using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Vape.BuildingBlocks.Realtime;
using Vape.Organization.People;

namespace Vape.Organization.Accounts;

/// <summary>
/// Closes this host's hub connections of a person who left, or whose account link ended or whose account was
/// deleted, as soon as PostgreSQL tells (the `vape_access_ended` triggers, migration 0006; ADR 0106). Every host
/// listens, so a connection on any host closes. A connection whose token still names the person stays open.
/// </summary>
internal sealed partial class AccessEndedListener(NpgsqlDataSource database, OpenConnections open, AccountLinks links,
    ILogger<AccessEndedListener> log) : BackgroundService
{
    public const string Channel = "vape_access_ended";

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var conn = await database.OpenConnectionAsync(ct);
                conn.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var person)) _ = Task.Run(() => CloseAsync(person), CancellationToken.None);
                };
                await using (var listen = new NpgsqlCommand($"listen {Channel}", conn)) await listen.ExecuteNonQueryAsync(ct);
                // What ended while no one listened (before start, or while this connection was lost) is found by
                // checking every open connection once.
                foreach (var person in open.People) await CloseAsync(person);
                while (!ct.IsCancellationRequested) await conn.WaitAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ListenerLost(log, e.GetType().Name);
                try { await Task.Delay(TimeSpan.FromSeconds(1), ct); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task CloseAsync(Guid person)
    {
        try
        {
            var closed = await open.CloseWhereAsync(person, links.StillThePersonAsync);
            if (closed > 0) ConnectionsClosed(log, closed);
        }
        catch (Exception e)
        {
            CloseFailed(log, e.GetType().Name);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Listening for ended access was interrupted ({Error}); listening again")]
    private static partial void ListenerLost(ILogger logger, string error);

    [LoggerMessage(LogLevel.Information, "Closed {Count} hub connections whose person no longer signs in")]
    private static partial void ConnectionsClosed(ILogger logger, int count);

    [LoggerMessage(LogLevel.Warning, "Closing the hub connections of an ended access failed ({Error})")]
    private static partial void CloseFailed(ILogger logger, string error);
}
