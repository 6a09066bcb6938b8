using Marten;
using Vape.Funds.Ledger;
using Vape.Organization.Contracts;

namespace Vape.Funds.Tree;

/// <summary>
/// A merged unit's funds pass to its successor (docs/adr/0189): for each fund of the merged unit, a fund of the
/// successor with the same name and purpose takes what it holds, by a line in each unit's ledger that says so
/// (the merged unit's fund pays out to <c>TRANSFERRED</c>, the successor's fund takes it in from <c>TRANSFERRED</c>),
/// so both ledgers still balance and verify, and what is held counts under the successor from then on. What was
/// received stays in the merged fund's history, where it was received. A repeated message moves nothing twice.
/// </summary>
public static class FundsFollowMergesHandler
{
    /// <summary>Who recorded a line the platform wrote on its own (the merge was an official's; the event does not name them).</summary>
    internal static readonly Guid Platform = Guid.Empty;

    public static async Task Handle(UnitMerged message, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var sql = new FundsSql(session);
        var funds = await sql.ListAsync($"""
            select {Fund.Columns} from funds.funds f
             where f.unit_id = @u and not exists (select 1 from funds.fund_successors s where s.fund_id = f.id)
             order by f.created_at, f.id
            """, Fund.Read, ct, ("u", message.UnitId));
        var path = await FundRules.PathAsync(organization, message.SuccessorId, ct);
        var today = FundRules.Today(clock);
        // The merged unit's programmes still open go on under the successor (its officials decide them, nominations
        // come from its subtree); closed ones stay where they ran. Moved once: a repeated message finds none left.
        await sql.ExecuteAsync("""
            update funds.programmes set unit_id = @s, unit_path = @path::ltree where unit_id = @u and closes_on >= @today
            """, ct, ("s", message.SuccessorId), ("path", path), ("u", message.UnitId), ("today", today));
        if (funds.Count == 0) return;
        var units = await organization.UnitsAsync([message.UnitId, message.SuccessorId], ct);
        var mergedName = units.SingleOrDefault(u => u.Id == message.UnitId)?.Name ?? "";
        var successorName = units.SingleOrDefault(u => u.Id == message.SuccessorId)?.Name ?? "";
        var now = clock.GetUtcNow();
        var date = message.EffectiveFrom < today ? message.EffectiveFrom : today;
        // Both heads locked in one order (the unit ids'), so two merges into each other's units cannot deadlock.
        foreach (var unit in new[] { message.UnitId, message.SuccessorId }.Order())
            await LedgerWriter.LockAsync(sql, unit, ct);
        foreach (var fund in funds)
        {
            var successor = fund with
            {
                Id = Guid.CreateVersion7(),
                UnitId = message.SuccessorId,
                Name = $"{fund.Name} (từ {mergedName})",
                CreatedAt = LedgerChain.Micro(now)
            };
            await CreateFundHandler.InsertAsync(sql, successor, path, Platform, ct);
            await sql.ExecuteAsync("insert into funds.fund_successors (fund_id, successor_fund_id, moved_at) values (@from, @id, @at)", ct,
                ("from", fund.Id), ("id", successor.Id), ("at", successor.CreatedAt));
            var held = await sql.ListAsync("""
                select account, debits - credits from funds.balances where fund_id = @f and account in ('CASH', 'GOODS') and debits > credits order by account
                """, r => (Account: r.GetString(0), Amount: r.GetInt64(1)), ct, ("f", fund.Id));
            // What the old fund owed goes where its money went (docs/adr/0217): awards decided from it and not yet paid
            // are paid from the successor's fund (the running totals follow by the awards' trigger) and leave the old
            // fund's ceremony lists; every programme that drew on the old fund may draw on the successor's. Pledges not
            // yet received follow too (docs/adr/0246): the donor's VietQR reference reconciles against the successor's fund.
            await sql.ExecuteAsync("""
                update funds.awards set fund_id = @to where fund_id = @from and status = 'AWARDED';
                update funds.ceremony_lines l set moved_to_fund_id = @to from funds.ceremony_lists c, funds.awards a
                 where c.id = l.list_id and c.fund_id = @from and a.id = l.award_id and a.fund_id = @to and l.entry_id is null;
                update funds.pledges set fund_id = @to where fund_id = @from and donation_id is null;
                insert into funds.programme_funds (programme_id, fund_id) select programme_id, @to from funds.programme_funds where fund_id = @from
                    on conflict do nothing;
                """, ct, ("from", fund.Id), ("to", successor.Id));
            foreach (var (account, amount) in held)
            {
                var memo = $"Sáp nhập {mergedName} vào {successorName}";
                await LedgerWriter.AppendAsync(sql, fund.UnitId, Platform, new Movement(fund.Id, date, "MERGED_OUT", Accounts.Transferred, account, amount,
                    $"SN {successor.Id:D}", $"{memo}: chuyển sang quỹ {successor.Name}"), now, ct);
                await LedgerWriter.AppendAsync(sql, successor.UnitId, Platform, new Movement(successor.Id, date, "MERGED_IN", account, Accounts.Transferred, amount,
                    $"SN {fund.Id:D}", $"{memo}: nhận từ quỹ {fund.Name}"), now, ct);
            }
        }
    }
}
