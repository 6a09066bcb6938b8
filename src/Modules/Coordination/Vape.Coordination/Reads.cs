using Npgsql;
using Vape.BuildingBlocks.Storage;

namespace Vape.Coordination;

/// <summary>Plain queries outside a command's transaction (reads of the GraphQL and hub side), on the module's data source.</summary>
public sealed class Reads(NpgsqlDataSource database)
{
    public Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        database.ListAsync(sql, read, ct, parameters);

    public Task<T?> ScalarAsync<T>(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        database.ScalarAsync<T>(sql, ct, parameters);

    public Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        database.ExecuteAsync(sql, ct, parameters);
}
