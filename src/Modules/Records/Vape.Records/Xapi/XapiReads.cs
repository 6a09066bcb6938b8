using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Records.Contracts;
using Vape.Records.Record;

namespace Vape.Records.Xapi;

/// <summary>
/// A learning provider's read of a member's statements or documents is a look at their record (docs/adr/0132): one line
/// of the member's access log per read, the client as the reader, its unit, the purpose `LearningService`, written
/// before the answer leaves. Statements of unknown actors are nobody's yet and log nothing.
/// </summary>
internal sealed class XapiReads(NpgsqlDataSource database, TimeProvider clock)
{
    public async Task LogAsync(XapiClient client, IEnumerable<Guid> people, CancellationToken ct)
    {
        var ids = people.Distinct().ToArray();
        if (ids.Length == 0) return;
        await database.ExecuteAsync("""
            insert into records.access_log (id, person_id, official_id, xapi_client_id, unit_id, purpose, detail, at)
            select id, person_id, null, @c, @u, @purpose, @detail, @at from unnest(@ids, @people) as t(id, person_id)
            """, ct, ("ids", ids.Select(_ => Guid.CreateVersion7()).ToArray()), ("people", ids), ("c", client.Id), ("u", client.UnitId),
            ("purpose", nameof(RecordPurpose.LearningService)), ("detail", nameof(ConsentLevel.Details)), ("at", clock.GetUtcNow()));
    }

    /// <summary>The member a document's agent is (an account they linked), if any.</summary>
    public async Task<Guid?> PersonAsync(string agentIfi, CancellationToken ct)
    {
        if (Actors.Account(agentIfi) is not var (home, name)) return null;
        return await database.ScalarAsync<Guid?>("select person_id from records.xapi_accounts where home_page = @h and name = @n", ct, ("h", home), ("n", name));
    }

    /// <summary>Logs a read of documents about an agent, when the agent is a member.</summary>
    public async Task LogAgentAsync(XapiClient client, string agentIfi, CancellationToken ct)
    {
        if (agentIfi.Length > 0 && await PersonAsync(agentIfi, ct) is Guid person) await LogAsync(client, [person], ct);
    }
}
