using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;

namespace Vape.Content;

/// <summary>
/// SQL on the Marten session's own connection and transaction, so that the module's tables and the outgoing
/// messages (Wolverine's outbox) commit together.
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

    public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = await CommandAsync(sql, parameters, ct);
        try
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
            return rows;
        }
        catch (PostgresException e)
        {
            throw Translate(e);
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
        foreach (var (name, value) in parameters)
            cmd.Parameters.Add(value is NpgsqlParameter p ? p : new NpgsqlParameter(name, value ?? DBNull.Value));
        return cmd;
    }

    private static Exception Translate(PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => VapeException.InvalidInput($"Đã có bản ghi trùng ({e.ConstraintName})."),
        _ => e,
    };
}

/// <summary>Read-only SQL outside any transaction, for queries.</summary>
internal static class Sql
{
    public static async Task<List<T>> ListAsync<T>(this NpgsqlDataSource database, string sql, Func<NpgsqlDataReader, T> read,
        CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            cmd.Parameters.Add(value is NpgsqlParameter p ? p : new NpgsqlParameter(name, value ?? DBNull.Value));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    public static async Task<T?> ScalarAsync<T>(this NpgsqlDataSource database, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            cmd.Parameters.Add(value is NpgsqlParameter p ? p : new NpgsqlParameter(name, value ?? DBNull.Value));
        var result = await cmd.ExecuteScalarAsync(ct);
        return result is null or DBNull ? default : (T)result;
    }

    public static T? Get<T>(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? default : reader.GetFieldValue<T>(ordinal);

    public static NpgsqlParameter Typed<T>(string name, T? value, NpgsqlTypes.NpgsqlDbType type) => new NpgsqlParameter<T>(name, value!) { NpgsqlDbType = type };
}
