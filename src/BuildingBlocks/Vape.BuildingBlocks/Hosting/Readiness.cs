using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Vape.BuildingBlocks.Hosting;

/// <summary>Set when the host has started: Marten has applied the schema and every module loaded its start-up data.</summary>
internal sealed class StartupState
{
    private volatile bool _ready;
    private volatile bool _stopping;
    public bool Ready => _ready && !_stopping;
    public bool Stopping => _stopping;
    internal void MarkReady() => _ready = true;
    internal void MarkStopping() => _stopping = true;
}

/// <summary>Ready = start-up finished and PostgreSQL answers now.</summary>
internal sealed class PostgresReadyCheck(StartupState state, IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (state.Stopping) return HealthCheckResult.Unhealthy("stopping: draining connections");
        if (!state.Ready) return HealthCheckResult.Unhealthy("starting: schema or start-up data not applied yet");
        // After PostgreSQL restarted, the pool's idle connections from before fail once each: the first failure drops
        // them, and the question is asked again on a new connection. Only a second failure means PostgreSQL is away
        // (a load balancer must not take a working host out of rotation for a stale pooled connection).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = store.QuerySession();
                var connection = session.Connection!;
                try
                {
                    await using var cmd = connection.CreateCommand();
                    cmd.CommandText = "select 1";
                    await cmd.ExecuteScalarAsync(ct);
                    return HealthCheckResult.Healthy("PostgreSQL reachable, schema applied");
                }
                catch (Npgsql.NpgsqlException) when (attempt == 1)
                {
                    Npgsql.NpgsqlConnection.ClearPool(connection);
                }
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                if (attempt > 1) return HealthCheckResult.Unhealthy("PostgreSQL unreachable");
            }
        }
    }
}
