using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;

namespace Vape.Coordination;

/// <summary>
/// SQL on the Marten session's own connection and transaction, so that the module's tables and the outgoing
/// messages (pushes, reminders) commit together; Wolverine commits the session.
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
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw VapeException.InvalidInput("Đã có bản ghi trùng.");
        }
    }

    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = await CommandAsync(sql, parameters, ct);
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default : (T)value;
    }

    public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = await CommandAsync(sql, parameters, ct);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken ct)
    {
        if (!_begun)
        {
            await session.BeginTransactionAsync(ct);
            // Marten commits on SaveChanges only when it has work queued: make sure it has, or these writes roll back.
            session.QueueSqlCommand("select 1");
            _begun = true;
        }
        var cmd = session.Connection!.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }
}

/// <summary>Plain queries outside a command's transaction (reads of the GraphQL and hub side).</summary>
public sealed class Reads(NpgsqlDataSource database)
{
    public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = database.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = database.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var result = await cmd.ExecuteScalarAsync(ct);
        return result is null or DBNull ? default : (T)result;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = database.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
