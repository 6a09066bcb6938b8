using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;

namespace Vape.Funds.Ledger;

/// <summary>
/// The only correction the ledger knows: a new line that moves the amount back, with the reason. A line is reversed
/// at most once and a reversal is never reversed; a reversed disbursement leaves its award to be paid again.
/// </summary>
public sealed record ReverseEntry(Guid ActorId, Guid EntryId, string Reason);

public static class ReverseEntryHandler
{
    public static async Task<LedgerLine> Handle(ReverseEntry command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var sql = new FundsSql(session);
        var found = (await sql.ListAsync("select unit_id, fund_id from funds.entries where id = @id", r => (Unit: r.GetGuid(0), Fund: r.GetGuid(1)), ct,
            ("id", command.EntryId))).SingleOrDefault();
        if (found.Unit == Guid.Empty) throw VapeException.NotFound("Không tìm thấy bút toán.");
        await FundRules.DemandManageAsync(organization, command.ActorId, found.Unit, ct);
        var reason = FundRules.Text(command.Reason, "lý do điều chỉnh", 500);
        await LedgerWriter.LockAsync(sql, found.Unit, ct);
        var entry = (await sql.ListAsync("""
            select e.kind, e.debit, e.credit, e.amount, e.reference, e.programme_id, e.reverses is not null,
                   exists (select 1 from funds.entries r where r.reverses = e.id)
              from funds.entries e where e.id = @id
            """, r => (Kind: r.GetString(0), Debit: r.GetString(1), Credit: r.GetString(2), Amount: r.GetInt64(3), Reference: r.GetString(4),
                Programme: r.IsDBNull(5) ? (Guid?)null : r.GetGuid(5), IsReversal: r.GetBoolean(6), Reversed: r.GetBoolean(7)), ct, ("id", command.EntryId)))[0];
        if (entry.IsReversal || entry.Reversed) throw new VapeException(FundRules.AlreadyReversed, "Bút toán này đã được điều chỉnh, hoặc chính nó là bút toán điều chỉnh.");
        // A merge's lines come in pairs across two ledgers (docs/adr/0189): reversing one alone would count the money twice.
        if (entry.Kind is "MERGED_OUT" or "MERGED_IN")
            throw VapeException.InvalidInput("Bút toán chuyển quỹ khi sáp nhập đơn vị không điều chỉnh riêng được.");
        var line = await LedgerWriter.AppendAsync(sql, found.Unit, command.ActorId, new Movement(found.Fund, FundRules.Today(clock), "REVERSAL",
            entry.Credit, entry.Debit, entry.Amount, entry.Reference, reason, command.EntryId, entry.Programme), clock.GetUtcNow(), ct);
        await sql.ExecuteAsync("""
            update funds.awards set status = 'AWARDED', method = null, paid_on = null, entry_id = null where entry_id = @e;
            update funds.ceremony_lines set entry_id = null where entry_id = @e;
            """, ct, ("e", command.EntryId));
        return line;
    }
}
