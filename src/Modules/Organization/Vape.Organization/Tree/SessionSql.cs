using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;

namespace Vape.Organization.Tree;

/// <summary>
/// SQL on the Marten session's own connection and transaction, so that the module's tables, the unit's
/// events and the outgoing messages commit together (Wolverine commits the session).
/// </summary>
internal sealed class SessionSql(IDocumentSession session)
{
    private bool _begun;

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = await CommandAsync(sql, parameters, ct);
        try
        {
            return await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e)
        {
            throw Translate(e);
        }
    }

    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = await CommandAsync(sql, parameters, ct);
        try
        {
            var value = await cmd.ExecuteScalarAsync(ct);
            return value is null or DBNull ? default : (T)value;
        }
        catch (PostgresException e)
        {
            throw Translate(e);
        }
    }

    /// <summary>The session's connection inside its transaction, for binary COPY.</summary>
    public async Task<NpgsqlConnection> ConnectionAsync(CancellationToken ct)
    {
        await BeginAsync(ct);
        return session.Connection!;
    }

    private async Task BeginAsync(CancellationToken ct)
    {
        if (_begun) return;
        await session.BeginTransactionAsync(ct);
        // Marten commits on SaveChanges only when it has work queued: make sure it has, or these writes roll back.
        session.QueueSqlCommand("select 1");
        _begun = true;
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken ct)
    {
        await BeginAsync(ct);
        var cmd = session.Connection!.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    /// <summary>The tree's SQL functions raise VP400/VP404; unique keys say "duplicate".</summary>
    private static Exception Translate(PostgresException e) => e.SqlState switch
    {
        "VP400" => VapeException.InvalidInput(e.MessageText),
        "VP404" => VapeException.NotFound(e.MessageText),
        PostgresErrorCodes.UniqueViolation => VapeException.InvalidInput($"Đã có bản ghi trùng ({e.ConstraintName})."),
        _ => e,
    };
}
