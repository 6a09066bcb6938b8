using Npgsql;

namespace Vape.BuildingBlocks.Storage;

/// <summary>Read-only SQL on a data source, outside any transaction (queries); a parameter may be a ready <see cref="NpgsqlParameter"/>.</summary>
public static class Sql
{
    public static async Task<List<T>> ListAsync<T>(this NpgsqlDataSource database, string sql, Func<NpgsqlDataReader, T> read,
        CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(database, sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(read(reader));
        return rows;
    }

    public static async Task<T?> ScalarAsync<T>(this NpgsqlDataSource database, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(database, sql, parameters);
        var result = await cmd.ExecuteScalarAsync(ct);
        return result is null or DBNull ? default : (T)result;
    }

    public static async Task<int> ExecuteAsync(this NpgsqlDataSource database, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(database, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A named parameter; a ready <see cref="NpgsqlParameter"/> (typed null, see <see cref="Typed"/>) as it is.</summary>
    public static NpgsqlParameter Parameter(string name, object? value) => value as NpgsqlParameter ?? new NpgsqlParameter(name, value ?? DBNull.Value);

    private static NpgsqlCommand Command(NpgsqlDataSource database, string sql, (string Name, object? Value)[] parameters)
    {
        var cmd = database.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.Add(Parameter(name, value));
        return cmd;
    }

    public static T? Get<T>(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? default : reader.GetFieldValue<T>(ordinal);

    public static NpgsqlParameter Typed<T>(string name, T? value, NpgsqlTypes.NpgsqlDbType type) => new NpgsqlParameter<T>(name, value!) { NpgsqlDbType = type };
}
