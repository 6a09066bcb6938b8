using Npgsql;

namespace Vape.BuildingBlocks.Storage;

/// <summary>Read-only SQL on a data source, outside any transaction (queries); a parameter may be a ready <see cref="NpgsqlParameter"/>.</summary>
public static class Sql
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

    public static async Task<int> ExecuteAsync(this NpgsqlDataSource database, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            cmd.Parameters.Add(value is NpgsqlParameter p ? p : new NpgsqlParameter(name, value ?? DBNull.Value));
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public static T? Get<T>(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? default : reader.GetFieldValue<T>(ordinal);

    public static NpgsqlParameter Typed<T>(string name, T? value, NpgsqlTypes.NpgsqlDbType type) => new NpgsqlParameter<T>(name, value!) { NpgsqlDbType = type };
}
