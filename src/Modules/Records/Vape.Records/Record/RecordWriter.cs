using Marten;
using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Files;
using Vape.BuildingBlocks.Storage;

namespace Vape.Records.Record;

/// <summary>
/// A self-declared activity written on the modules' own connection, without a Marten session or Wolverine
/// (docs/adr/0160): the record's hottest write. Two round trips, as a bare insert's transaction: `records.open_record`
/// (the transaction's `begin` goes with it: the record's row held, its version, the key, the day's minutes); then one
/// batch with the event through Marten's own append function at the record's version (same `mt_events` row, type names
/// and serializer as Marten's unit of work writes, so Marten reads it back as any other), the version's row, the
/// projection's row and the `commit`. The statements are prepared (docs/adr/0054). Other writes of the record keep
/// <see cref="RecordStream.AppendAsync"/> in a Marten session; both hold the same row while they write.
/// </summary>
public sealed class RecordWriter
{
    private const string AppendSql = """
        select events.mt_quick_append_events(@s, null, '*DEFAULT*', @ids, @types, @dotnet, @bodies, @bdatas, @ats, @expected)
        """;

    private readonly NpgsqlDataSource _database;
    private readonly IDocumentStore _store;
    private readonly IFileStore _files;
    private readonly TimeProvider _clock;
    private readonly (string Type, string DotNet) _activity;

    public RecordWriter(NpgsqlDataSource database, IDocumentStore store, IFileStore files, TimeProvider clock)
    {
        _database = database;
        _store = store;
        _files = files;
        _clock = clock;
        // The names Marten itself writes for the event (its alias, and the type it deserializes).
        var mapping = ((Marten.Events.EventGraph)((StoreOptions)store.Options).Events).EventMappingFor(typeof(ActivityRecorded));
        _activity = (mapping.EventTypeName, mapping.DotNetTypeName);
    }

    /// <summary>A learner's declaration, decided (<see cref="DeclareActivityHandler.DeclareAsync"/>) and written.</summary>
    public Task<EntryChange> DeclareAsync(DeclareActivity command, CancellationToken ct) =>
        DeclareActivityHandler.DeclareAsync(command, this, _files, _clock, ct);

    /// <summary>
    /// Appends the activity to the person's record and projects it, in one transaction; the record's new version.
    /// `decide` is the decider's (<see cref="DeclareActivity.Decide"/>), given the record as it was opened: its day's
    /// minutes and the person's key; a refusal it throws writes nothing.
    /// </summary>
    internal async Task<int> AppendActivityAsync(Guid personId, int? expectedVersion, ActivityDetails details, Func<OpenRecord, ActivityRecorded> decide,
        CancellationToken ct)
    {
        await using var connection = await _database.OpenConnectionAsync(ct);
        try
        {
            OpenRecord record;
            await using (var open = new NpgsqlBatch(connection))
            {
                open.BatchCommands.Add(new NpgsqlBatchCommand("begin"));
                open.BatchCommands.Add(Command(RecordStream.OpenSql, RecordStream.OpenParameters(personId, withKey: true, details.Date)));
                await using var reader = await open.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                record = RecordStream.ReadOpen(personId, reader);
            }
            var e = decide(record);
            if (expectedVersion is int expected && expected != record.Version)
                throw VapeException.VersionConflict("Hồ sơ học tập đã thay đổi; hãy tải lại rồi thử lại.");
            var version = record.Version + 1;
            await using (var write = new NpgsqlBatch(connection))
            {
                // The event store checks the version once more (a writer that bypassed the record's row would fail here).
                write.BatchCommands.Add(Command(AppendSql,
                    ("s", Streams.Id(personId)), ("ids", new[] { Guid.CreateVersion7() }), ("types", new[] { _activity.Type }),
                    ("dotnet", new[] { _activity.DotNet }),
                    ("bodies", new NpgsqlParameter<string[]>("bodies", [_store.Options.Serializer().ToJson(e)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb }),
                    ("bdatas", new NpgsqlParameter<byte[]?[]>("bdatas", [null]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea }), ("ats", new[] { e.At }), ("expected", (long)record.Version)));
                write.BatchCommands.Add(Command(RecordStream.VersionSql, ("v", version), ("p", personId)));
                write.BatchCommands.Add(Command(RecordProjection.ActivitySql, RecordProjection.ActivityParameters(personId, e, details)));
                write.BatchCommands.Add(new NpgsqlBatchCommand("commit"));
                await write.ExecuteNonQueryAsync(ct);
            }
            return version;
        }
        catch (Exception failed)
        {
            await RollBackAsync(connection);
            if (RecordSql.Refusal(failed) is { } refused) throw refused;
            throw;
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.Add(Sql.Parameter(name, value));
        return command;
    }

    /// <summary>Ends a transaction a failed statement left open (nothing is written), unless the connection broke.</summary>
    private static async Task RollBackAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open) return;
        try
        {
            await using var rollback = new NpgsqlCommand("rollback", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is gone: the server rolled the transaction back.
        }
    }
}
