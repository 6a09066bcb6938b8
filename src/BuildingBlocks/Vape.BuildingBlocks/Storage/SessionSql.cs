using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;

namespace Vape.BuildingBlocks.Storage;

/// <summary>
/// A module's own SQL on the Marten session's connection and transaction, so that the module's tables, its events
/// and the outgoing messages (Wolverine's outbox) commit together; Wolverine (or the caller) commits the session.
/// The first statement begins the transaction. A parameter may be a ready <see cref="NpgsqlParameter"/> (typed
/// nulls). Database errors a caller can cause become <see cref="VapeException"/>s (<see cref="Translate"/>).
/// </summary>
public partial class SessionSql(IDocumentSession session)
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
        try
        {
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
            return rows;
        }
        catch (PostgresException e) { throw Translate(e); }
    }

    /// <summary>The session's connection inside its transaction (binary COPY, batches).</summary>
    public async Task<NpgsqlConnection> ConnectionAsync(CancellationToken ct)
    {
        if (!_begun)
        {
            await session.BeginTransactionAsync(ct);
            // Marten commits on SaveChanges only when it has work queued: make sure it has, or these writes roll back.
            session.QueueSqlCommand("select 1");
            _begun = true;
        }
        return session.Connection!;
    }

    /// <summary>
    /// Queues a statement into the session's commit: SaveChanges sends it in the same round trip as Marten's own
    /// writes, after everything executed before. For writes nothing reads before the commit. Parameters are named
    /// (`@name`) as everywhere else; a null goes as a text null: cast it where the column is not text (`@name::uuid`).
    /// </summary>
    public void Queue(string sql, params (string Name, object? Value)[] parameters)
    {
        var (text, names) = Positional.GetOrAdd(sql, ToPositional);
        var values = new object[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var index = Array.FindIndex(parameters, p => p.Name == names[i]);
            if (index < 0) throw new ArgumentException($"A queued statement's parameter `{names[i]}` is not given.");
            values[i] = parameters[index].Value is NpgsqlParameter
                ? throw new ArgumentException($"A queued statement's parameter `{names[i]}` needs a plain value.")
                : parameters[index].Value!;
        }
        session.QueueSqlCommand(Placeholder, text, values);
    }

    private const char Placeholder = '¤';

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Text, string[] Names)> Positional = new();

    /// <summary>`@name` → the placeholder, in order, with the names it stood for (Marten's queued statements take positional values).</summary>
    private static (string Text, string[] Names) ToPositional(string sql)
    {
        if (sql.Contains(Placeholder)) throw new ArgumentException($"A queued statement cannot contain `{Placeholder}`.");
        var names = new List<string>();
        var text = NamedParameter().Replace(sql, m =>
        {
            names.Add(m.Groups[1].Value);
            return Placeholder.ToString();
        });
        return (text, [.. names]);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w@])@(\w+)")]
    private static partial System.Text.RegularExpressions.Regex NamedParameter();

    /// <summary>The statement of <see cref="LockAsync"/>, for a writer on a connection of its own (parameter `key`): the same lock.</summary>
    public const string LockSql = "select pg_advisory_xact_lock(hashtextextended(@key, 0))";

    /// <summary>A transaction-scoped advisory lock on `key`: every writer of that key, on any host, takes turns.</summary>
    public Task LockAsync(string key, CancellationToken ct) => ExecuteAsync(LockSql, ct, ("key", key));

    /// <summary>
    /// The lock of <see cref="LockAsync"/>, then `reads` in the same round trip: each is a statement of its own, so
    /// each sees what committed before the lock was granted. `read` gets the reader positioned at each read's result.
    /// </summary>
    public async Task LockThenReadAsync(string key, IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> reads,
        Func<int, NpgsqlDataReader, Task> read, CancellationToken ct)
    {
        await using var batch = (await ConnectionAsync(ct)).CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(LockSql) { Parameters = { Sql.Parameter("key", key) } });
        foreach (var (sql, parameters) in reads)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (name, value) in parameters) command.Parameters.Add(Sql.Parameter(name, value));
            batch.BatchCommands.Add(command);
        }
        await using var reader = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < reads.Count; i++)
        {
            await reader.NextResultAsync(ct);
            await read(i, reader);
        }
    }

    /// <summary>A unique key says the same thing was written twice; a module adds its own codes.</summary>
    protected virtual Exception Translate(PostgresException e) => e.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => VapeException.InvalidInput("Đã có bản ghi trùng (có thể vừa được thêm cùng lúc)."),
        _ => (Exception?)UnholdableText(e) ?? e,
    };

    /// <summary>
    /// Text PostgreSQL cannot hold (a NUL, also as `\u0000` in JSON): the caller's input, not a fault. The GraphQL edge
    /// refuses it first (InputText); this keeps any path that missed it (the xAPI endpoint, a module's own writer) a 400.
    /// </summary>
    public static VapeException? UnholdableText(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }
            ? VapeException.InvalidInput("Văn bản chứa ký tự không hợp lệ.")
            : null;

    private async Task<NpgsqlCommand> CommandAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken ct)
    {
        var cmd = (await ConnectionAsync(ct)).CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.Add(Sql.Parameter(name, value));
        return cmd;
    }
}
