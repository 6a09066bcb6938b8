using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Vape.BuildingBlocks.Hosting;

/// <summary>Set when the host has started: Marten has applied the schema and every module loaded its start-up data.</summary>
public sealed class StartupState
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
        try
        {
            await using var session = store.QuerySession();
            await using var cmd = session.Connection!.CreateCommand();
            cmd.CommandText = "select 1";
            await cmd.ExecuteScalarAsync(ct);
            return HealthCheckResult.Healthy("PostgreSQL reachable, schema applied");
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL unreachable");
        }
    }
}
