using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;

namespace Vape.Classes;

/// <summary>
/// SQL on the Marten session's own connection and transaction, so that the module's tables, the classroom
/// events and the outgoing messages commit together.
/// </summary>
internal sealed class ClassesSql(IDocumentSession session)
{
    private bool _begun;

    public IDocumentSession Session => session;

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = await CommandAsync(sql, parameters, ct);
        return await cmd.ExecuteNonQueryAsync(ct);
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

    /// <summary>Serialises every writer of one classroom (or class) for the rest of the transaction, on any host.</summary>
    public Task LockAsync(Guid id, CancellationToken ct) =>
        ExecuteAsync("select pg_advisory_xact_lock(hashtextextended(@key, 0))", ct, ("key", "classes:" + id));

    /// <summary>
    /// Takes the lock of <see cref="LockAsync"/>, then runs `reads` in the same round trip: each is a statement of
    /// its own, so each sees what committed before the lock was granted. `read` gets the reader at each result.
    /// </summary>
    public async Task LockThenReadAsync(Guid id, IReadOnlyList<(string Sql, object[] Values)> reads, Func<int, NpgsqlDataReader, Task> read, CancellationToken ct)
    {
        await BeginAsync(ct);
        await using var batch = session.Connection!.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("select pg_advisory_xact_lock(hashtextextended($1, 0))") { Parameters = { new() { Value = "classes:" + id } } });
        foreach (var (sql, values) in reads)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < reads.Count; i++)
        {
            await reader.NextResultAsync(ct);
            await read(i, reader);
        }
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
}

/// <summary>Reads outside any write transaction, on the module's data source.</summary>
public sealed class ClassesReader(NpgsqlDataSource database)
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
}

internal static class Errors
{
    public static VapeException ClassNotFound() => VapeException.NotFound("Không tìm thấy lớp học.");
    public static VapeException SessionNotFound() => VapeException.NotFound("Không tìm thấy buổi học.");
}
