using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;

namespace Vape.Classes;

/// <summary>The module's SQL in the Marten session's transaction, with the classroom's (or class's) lock.</summary>
internal sealed class ClassesSql(IDocumentSession session) : SessionSql(session)
{
    /// <summary>Serialises every writer of one classroom (or class) for the rest of the transaction, on any host.</summary>
    public Task LockAsync(Guid id, CancellationToken ct) => LockAsync(LockKey(id), ct);

    /// <summary>The lock of <see cref="LockAsync(Guid, CancellationToken)"/>, then `reads`, in one round trip.</summary>
    public Task LockThenReadAsync(Guid id, IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> reads,
        Func<int, NpgsqlDataReader, Task> read, CancellationToken ct) =>
        LockThenReadAsync(LockKey(id), reads, read, ct);

    private static string LockKey(Guid id) => "classes:" + id;
}

/// <summary>Reads outside any write transaction, on the module's data source.</summary>
public sealed class ClassesReader(NpgsqlDataSource database)
{
    public Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        database.ListAsync(sql, read, ct, parameters);

    public Task<T?> ScalarAsync<T>(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        database.ScalarAsync<T>(sql, ct, parameters);
}

internal static class Errors
{
    public static VapeException ClassNotFound() => VapeException.NotFound("Không tìm thấy lớp học.");
    public static VapeException SessionNotFound() => VapeException.NotFound("Không tìm thấy buổi học.");
}
