using System.Collections.Immutable;

namespace Vape.Records.Record;

/// <summary>The reads an adapter makes for a record's decision (<see cref="RecordState"/>), under the record's lock.</summary>
internal static class RecordReads
{
    /// <summary>The entry with this id as `records.entries` has it (an empty map when there is none).</summary>
    public static async Task<ImmutableDictionary<Guid, RecordedEntry>> EntryAsync(RecordSql sql, Guid entryId, CancellationToken ct) =>
        (await sql.ListAsync("select id, kind, provenance, status from records.entries where id = @e",
            r => (Id: r.GetGuid(0), Entry: new RecordedEntry(Enum.Parse<EntryKind>(r.GetString(1)), Enum.Parse<Provenance>(r.GetString(2)),
                Enum.Parse<EntryStatus>(r.GetString(3)))), ct, ("e", entryId)))
        .ToImmutableDictionary(e => e.Id, e => e.Entry);
}
