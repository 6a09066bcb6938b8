using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;

namespace Vape.Records.Record;

/// <summary>
/// SQL on the Marten session's connection and transaction, so that the projection rows, the person's events
/// and outgoing messages commit together (Wolverine commits the session).
/// </summary>
internal sealed class RecordSql(IDocumentSession session)
{
    private bool _begun;

    public IDocumentSession Session => session;

    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = await CommandAsync(sql, parameters, ct);
        try { return await cmd.ExecuteNonQueryAsync(ct); }
        catch (PostgresException e) { throw Translate(e); }
    }

    public async Task<T?> ScalarAsync<T>(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = await CommandAsync(sql, parameters, ct);
        try
        {
            var value = await cmd.ExecuteScalarAsync(ct);
            return value is null or DBNull ? default : (T)value;
        }
        catch (PostgresException e) { throw Translate(e); }
    }

    public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = await CommandAsync(sql, parameters, ct);
        var rows = new List<T>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
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

    private static Exception Translate(PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => VapeException.VersionConflict("Bản ghi vừa được thay đổi cùng lúc; hãy thử lại."),
        _ => e,
    };
}
