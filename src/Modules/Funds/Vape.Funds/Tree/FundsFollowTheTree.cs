using Marten;
using Vape.Funds.Ledger;
using Vape.Organization.Contracts;

namespace Vape.Funds.Tree;

/// <summary>
/// A moved unit's funds and programmes (and those of the units below it) take the unit's new path, so the public
/// roll-ups follow the tree (ADR 0188: the path lives in `funds.funds`, the running totals follow it). The path is
/// asked of the Organization module when the message is handled, so a late or repeated message writes the current
/// tree. Merges: FundsFollowMergesHandler.
/// </summary>
public static class FundsFollowTheTreeHandler
{
    public static async Task Handle(UnitMoved message, IOrganizationQueries organization, IDocumentSession session, CancellationToken ct)
    {
        var path = await FundRules.PathAsync(organization, message.UnitId, ct);
        var sql = new FundsSql(session);
        foreach (var table in (string[])["funds.funds", "funds.programmes"])
            await sql.ExecuteAsync($"""
                update {table} t
                   set unit_path = case when index(t.unit_path, @label::ltree) + 1 < nlevel(t.unit_path)
                                   then @path::ltree || subpath(t.unit_path, index(t.unit_path, @label::ltree) + 1)
                                   else @path::ltree end
                 where t.unit_path ~ @query::lquery
                """, ct, ("label", FundRules.Label(message.UnitId)), ("path", path), ("query", "*." + FundRules.Label(message.UnitId) + ".*"));
    }
}
