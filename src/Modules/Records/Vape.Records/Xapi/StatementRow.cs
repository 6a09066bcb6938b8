using Npgsql;
using NpgsqlTypes;

namespace Vape.Records.Xapi;

/// <summary>
/// One row of `records.xapi_statements`: the statement's index columns, and its body in the clear or, for a member's
/// statement, sealed with their key (docs/adr/0134; the clear body then `{}`).
/// </summary>
internal static class StatementRow
{
    /// <summary>Inserts the row; with <paramref name="once"/> a row of the same id already there is kept (0 returned).</summary>
    public static async Task<int> InsertAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid id, Guid unit, Guid client, string body, byte[]? sealedBody,
        DateTimeOffset stored, StatementIndex index, bool voiding, Guid? person, bool once, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand($"""
            insert into records.xapi_statements (id, unit_id, client_id, body, sealed, stored, verb, agents, related_agents, activity, related_activities, registration, target, voiding, person_id)
            values (@id, @unit, @client, @body, @sealed, @stored, @verb, @agents, @related_agents, @activity, @related_activities, @registration, @target, @voiding, @person)
            {(once ? "on conflict (id) do nothing" : "")}
            """, conn, tx);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("unit", unit);
        insert.Parameters.AddWithValue("client", client);
        insert.Parameters.Add(new NpgsqlParameter("body", NpgsqlDbType.Jsonb) { Value = sealedBody is null ? body : "{}" });
        insert.Parameters.Add(new NpgsqlParameter("sealed", NpgsqlDbType.Bytea) { Value = (object?)sealedBody ?? DBNull.Value });
        insert.Parameters.AddWithValue("stored", stored);
        insert.Parameters.AddWithValue("verb", index.Verb);
        insert.Parameters.AddWithValue("agents", index.Agents);
        insert.Parameters.AddWithValue("related_agents", index.RelatedAgents);
        insert.Parameters.Add(new NpgsqlParameter("activity", NpgsqlDbType.Text) { Value = (object?)index.Activity ?? DBNull.Value });
        insert.Parameters.AddWithValue("related_activities", index.RelatedActivities);
        insert.Parameters.Add(new NpgsqlParameter("registration", NpgsqlDbType.Uuid) { Value = (object?)index.Registration ?? DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter("target", NpgsqlDbType.Uuid) { Value = (object?)index.Target ?? DBNull.Value });
        insert.Parameters.AddWithValue("voiding", voiding);
        insert.Parameters.Add(new NpgsqlParameter("person", NpgsqlDbType.Uuid) { Value = (object?)person ?? DBNull.Value });
        return await insert.ExecuteNonQueryAsync(ct);
    }
}
