using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.BuildingBlocks.Storage;
using Vape.Organization.Contracts;

namespace Vape.Funds.Totals;

/// <summary>What a unit's subtree received, awarded, paid and holds (whole đồng), in all or in one year.</summary>
public sealed record FundTotals(long Received, long ReceivedInKind, long Awarded, long Disbursed, long Held, long HeldInKind);

public sealed record ProgrammeTotals(Guid ProgrammeId, string Name, int Year, long Awarded, long Disbursed, int Awards);

public sealed record YearTotals(int Year, FundTotals Totals);

internal sealed record UnitFundsTotals(Guid UnitId, int? Year, FundTotals Totals, IReadOnlyList<ProgrammeTotals> ByProgramme, IReadOnlyList<YearTotals> ByYear);

/// <summary>An award as the public sees it: the recipient's name only where they agreed to it.</summary>
public sealed record PublicAward(Guid Id, Guid ProgrammeId, string Programme, Guid UnitId, long Amount, DateOnly DecidedOn, bool Disbursed, string? RecipientName);

/// <summary>
/// The public figures of a unit and everything below it (no sign-in): sums of the running totals of the subtree's
/// funds (what their ledger lines and awards add up to, per year; docs/adr/0188). A fund's place in the tree is its unit's path when it was opened.
/// </summary>
internal sealed class FundsTotalsStore(NpgsqlDataSource database, IOrganizationQueries organization)
{
    /// <summary>
    /// The subtree's figures by year, from the running totals of its funds (docs/adr/0188): one row per fund and year,
    /// moved in the same transaction as each ledger line, so the query reads the funds of the subtree, not their lines.
    /// </summary>
    internal const string ByYearSql = """
        select t.year, sum(t.received)::bigint, sum(t.received_in_kind)::bigint, sum(t.disbursed)::bigint, sum(t.held)::bigint, sum(t.held_in_kind)::bigint
          from funds.year_totals t join funds.funds f on f.id = t.fund_id
         where f.unit_path <@ @path::ltree and (@year::int is null or t.year = @year::int)
         group by 1 order by 1
        """;

    /// <summary>The subtree's awards by programme and year of the decision, from the running totals of its funds (ADR 0188).</summary>
    internal const string ByProgrammeSql = """
        select p.id, p.name, t.year, sum(t.awarded)::bigint, sum(t.disbursed)::bigint, sum(t.awards)::int
          from funds.programme_totals t join funds.funds f on f.id = t.fund_id join funds.programmes p on p.id = t.programme_id
         where f.unit_path <@ @path::ltree and (@year::int is null or t.year = @year::int)
         group by p.id, p.name, t.year having sum(t.awards) > 0 order by 3, p.name
        """;

    public async Task<UnitFundsTotals> TotalsAsync(Guid unitId, int? year, CancellationToken ct)
    {
        if (year is < 2000 or > 9999) throw VapeException.InvalidInput("Năm không hợp lệ.");
        var path = await PathAsync(unitId, ct);
        var byYear = await database.ListAsync(ByYearSql,
            r => (Year: r.GetInt32(0), Received: r.GetInt64(1), InKind: r.GetInt64(2), Disbursed: r.GetInt64(3), Held: r.GetInt64(4), Goods: r.GetInt64(5)), ct,
            ("path", path), ("year", Sql.Typed("year", year, NpgsqlTypes.NpgsqlDbType.Integer)));
        var programmes = await database.ListAsync(ByProgrammeSql,
            r => new ProgrammeTotals(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3), r.GetInt64(4), r.GetInt32(5)), ct,
            ("path", path), ("year", Sql.Typed("year", year, NpgsqlTypes.NpgsqlDbType.Integer)));
        var years = byYear.Select(y => y.Year).Union(programmes.Select(p => p.Year)).Order().Select(y =>
        {
            var l = byYear.FirstOrDefault(x => x.Year == y);
            return new YearTotals(y, new FundTotals(l.Received, l.InKind, programmes.Where(p => p.Year == y).Sum(p => p.Awarded), l.Disbursed, l.Held, l.Goods));
        }).ToList();
        // Held is a running figure: in one year it is that year's change; over all years, what the funds hold today.
        var total = new FundTotals(years.Sum(y => y.Totals.Received), years.Sum(y => y.Totals.ReceivedInKind), years.Sum(y => y.Totals.Awarded),
            years.Sum(y => y.Totals.Disbursed), years.Sum(y => y.Totals.Held), years.Sum(y => y.Totals.HeldInKind));
        return new UnitFundsTotals(unitId, year, total, programmes, years);
    }

    public async Task<List<PublicAward>> AwardsAsync(Guid unitId, int? year, Page page, CancellationToken ct)
    {
        var path = await PathAsync(unitId, ct);
        var rows = await database.ListAsync("""
            select a.id, a.programme_id, p.name, a.unit_id, a.amount, a.decided_on, a.status = 'DISBURSED', a.public_name, a.person_id
              from funds.awards a join funds.funds f on f.id = a.fund_id join funds.programmes p on p.id = a.programme_id
             where f.unit_path <@ @path::ltree and (@year::int is null or extract(year from a.decided_on) = @year::int)
               and (@after is null or (a.decided_on, a.id) < (select decided_on, id from funds.awards where id = @after))
             order by a.decided_on desc, a.id desc limit @n
            """, r => (Award: new PublicAward(r.GetGuid(0), r.GetGuid(1), r.GetString(2), r.GetGuid(3), r.GetInt64(4), r.GetFieldValue<DateOnly>(5), r.GetBoolean(6), null),
                Public: r.GetBoolean(7), Person: r.GetGuid(8)), ct,
            ("path", path), ("year", Sql.Typed("year", year, NpgsqlTypes.NpgsqlDbType.Integer)),
            ("after", FundsPaging.After(page)), FundsPaging.Limit(page));
        var names = await organization.DisplayNamesAsync(rows.Where(r => r.Public).Select(r => r.Person).Distinct().ToList(), ct);
        return rows.Select(r => r.Public && names.TryGetValue(r.Person, out var name) ? r.Award with { RecipientName = name } : r.Award).ToList();
    }

    private async Task<string> PathAsync(Guid unitId, CancellationToken ct)
    {
        if ((await organization.UnitsAsync([unitId], ct)).Count == 0) throw VapeException.NotFound("Không tìm thấy đơn vị.");
        return await FundRules.PathAsync(organization, unitId, ct);
    }
}

internal sealed class FundsQueries(FundsTotalsStore totals) : Vape.Funds.Contracts.IFundsQueries
{
    public async Task<Vape.Funds.Contracts.FundsFigures> FiguresAsync(Guid unitId, CancellationToken ct)
    {
        var t = (await totals.TotalsAsync(unitId, null, ct)).Totals;
        return new Vape.Funds.Contracts.FundsFigures(unitId, t.Received, t.Awarded, t.Disbursed, t.Held);
    }
}
