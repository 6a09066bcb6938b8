using Npgsql;
using Vape.BuildingBlocks.GraphQL;
using Vape.BuildingBlocks.Storage;
using Vape.Funds.Donations;
using Vape.Funds.Programmes;

namespace Vape.Funds;

/// <summary>Reads of donations, outside any transaction.</summary>
internal sealed class DonationStore(NpgsqlDataSource database)
{
    public Task<List<Donation>> OfFundAsync(Guid fundId, Page page, CancellationToken ct) =>
        database.ListAsync($"""
            select {Donation.Columns} from funds.donations d
             where d.fund_id = @f and (@after is null or (d.recorded_at, d.id) < (select recorded_at, id from funds.donations where id = @after))
             order by d.recorded_at desc, d.id desc limit @n
            """, Donation.Read, ct, ("f", fundId), ("after", FundsPaging.After(page)), FundsPaging.Limit(page));
}

/// <summary>Reads of programmes and their nominations, outside any transaction.</summary>
internal sealed class ProgrammeStore(NpgsqlDataSource database)
{
    public async Task<Programme?> FindAsync(Guid id, CancellationToken ct) =>
        (await database.ListAsync($"select {Programme.Columns} from funds.programmes p where p.id = @id", Programme.Read, ct, ("id", id))).SingleOrDefault();

    public Task<List<Nomination>> NominationsAsync(Guid programmeId, Page page, CancellationToken ct) =>
        database.ListAsync($"""
            select {Nomination.Columns} from {Nomination.From}
             where n.programme_id = @p
               and (@after is null or (n.nominated_at, n.id) > (select nominated_at, id from funds.nominations where id = @after))
             order by n.nominated_at, n.id limit @n
            """, Nomination.Read, ct, ("p", programmeId), ("after", FundsPaging.After(page)), FundsPaging.Limit(page));
}
