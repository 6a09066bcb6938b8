using Npgsql;
using NpgsqlTypes;

namespace Vape.Records.Record;

/// <summary>
/// A set of person ids (the members of a subtree, from the Organization module) streamed by binary COPY into a
/// temporary table on the connection, so that a statement joins them (`person_id in (select id from
/// pg_temp.records_people)`) instead of receiving them as a `uuid[]` parameter: at province scale (~30,000
/// members) `= any(@people)` makes PostgreSQL probe the index once per element and was 5× slower (ADR 24).
/// The table lives in the caller's transaction (`on commit drop`): it is gone when the transaction ends, however
/// it ends, so a pooled connection never carries it to another request.
/// </summary>
internal static class PeopleTable
{
    public const string Name = "pg_temp.records_people";

    /// <summary>Writes the distinct ids; the connection must be in a transaction.</summary>
    public static async Task WriteAsync(NpgsqlConnection conn, IEnumerable<Guid> people, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand("create temp table records_people (id uuid primary key) on commit drop", conn))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await conn.BeginBinaryImportAsync("copy pg_temp.records_people (id) from stdin (format binary)", ct))
        {
            foreach (var id in people.Distinct())
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
            }
            await copy.CompleteAsync(ct);
        }
        // The planner must know how many there are (a hash join for thousands, an index probe for a few).
        await using var analyze = new NpgsqlCommand("analyze pg_temp.records_people", conn);
        await analyze.ExecuteNonQueryAsync(ct);
    }
}
