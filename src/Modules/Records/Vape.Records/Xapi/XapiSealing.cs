using System.Text;
using Npgsql;
using Vape.Records.Record;

namespace Vape.Records.Xapi;

/// <summary>
/// Statements and documents about a member are sealed with the member's key (docs/adr/0134), as their record is
/// (ADR 0020): erasure deletes the key and wipes what the filters index, so nothing of them can be read again.
/// </summary>
internal static class XapiSealing
{
    /// <summary>The select list that reads a statement's body, sealed or not (alias `s`, with <see cref="KeyJoin"/>): three columns.</summary>
    public const string BodyColumns = "case when s.sealed is null then s.body::text end, s.sealed, k.key";

    public const string KeyJoin = "left join records.person_keys k on k.person_id = s.person_id";

    /// <summary>The body of <see cref="BodyColumns"/> read at <paramref name="at"/>; null when its key is gone (erased).</summary>
    public static string? Body(NpgsqlDataReader r, int at) =>
        r.IsDBNull(at + 1) ? r.GetString(at) : r.IsDBNull(at + 2) ? null : Encoding.UTF8.GetString(PersonKeys.OpenBytes((byte[])r[at + 2], (byte[])r[at + 1]));

    public static byte[] Seal(byte[] key, string json) => PersonKeys.SealBytes(key, Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// In the erasure's transaction: the person's statements lose what the filters index and are marked erased (their
    /// sealed bodies die with the key), their documents and linked accounts go.
    /// </summary>
    public static Task EraseAsync(RecordSql sql, Guid personId, CancellationToken ct) => sql.ExecuteAsync("""
        update records.xapi_statements
           set erased = true, body = '{}', verb = '', agents = '{}', related_agents = '{}', activity = null, related_activities = '{}', registration = null
         where person_id = @p;
        delete from records.xapi_documents where person_id = @p;
        delete from records.xapi_accounts where person_id = @p;
        """, ct, ("p", personId));

    /// <summary>Seals what was written about an account before it was linked to the person (statements already attributed by the caller, documents by agent).</summary>
    public static async Task SealLinkedAsync(NpgsqlDataSource database, Guid personId, IReadOnlyList<Guid> statementIds, string agentIfi, CancellationToken ct)
    {
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var key = await PersonKeys.EnsureAsync(conn, personId, ct);
        var bodies = new List<(Guid Id, string Body)>();
        await using (var read = new NpgsqlCommand("select id, body::text from records.xapi_statements where id = any(@ids) and sealed is null and not erased for update", conn))
        {
            read.Parameters.AddWithValue("ids", statementIds.ToArray());
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) bodies.Add((reader.GetGuid(0), reader.GetString(1)));
        }
        foreach (var (id, body) in bodies)
        {
            await using var seal = new NpgsqlCommand("update records.xapi_statements set body = '{}', sealed = @s where id = @id", conn);
            seal.Parameters.AddWithValue("s", Seal(key, body));
            seal.Parameters.AddWithValue("id", id);
            await seal.ExecuteNonQueryAsync(ct);
        }
        var documents = new List<(string Kind, Guid Unit, string Activity, string Registration, string Id, byte[] Content)>();
        await using (var read = new NpgsqlCommand("""
            select kind, unit_id, activity_id, registration, document_id, content from records.xapi_documents where agent = @a and not sealed for update
            """, conn))
        {
            read.Parameters.AddWithValue("a", agentIfi);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                documents.Add((reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), (byte[])reader[5]));
        }
        foreach (var d in documents)
        {
            await using var seal = new NpgsqlCommand("""
                update records.xapi_documents set content = @c, sealed = true, person_id = @p
                 where kind = @k and unit_id = @u and activity_id = @a and agent = @g and registration = @r and document_id = @d
                """, conn);
            seal.Parameters.AddWithValue("c", PersonKeys.SealBytes(key, d.Content));
            seal.Parameters.AddWithValue("p", personId);
            seal.Parameters.AddWithValue("k", d.Kind);
            seal.Parameters.AddWithValue("u", d.Unit);
            seal.Parameters.AddWithValue("a", d.Activity);
            seal.Parameters.AddWithValue("g", agentIfi);
            seal.Parameters.AddWithValue("r", d.Registration);
            seal.Parameters.AddWithValue("d", d.Id);
            await seal.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
