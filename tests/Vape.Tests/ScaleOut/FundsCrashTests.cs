using System.Text.Json.Nodes;
using Npgsql;
using Xunit.Abstractions;

namespace Vape.Tests.ScaleOut;

/// <summary>
/// Kill -9 of a host while donations and payments of one fund flow through both hosts (the clients send again what
/// got no answer, each donation with its request id): after the host comes back, each donation is recorded once,
/// no award is paid twice, the fund is not below zero, the books balance and the unit's ledger verifies. 2,000
/// requests (nine donations for one payment); VAPE_FUNDS_INFLIGHT sets another number.
/// </summary>
[Collection(TopologyCollection.Name)]
[Trait("Category", "Topology")]
public sealed class FundsCrashTests(Topology topology, ITestOutputHelper output)
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("VAPE_FUNDS_INFLIGHT"), out var n) && n >= 20 ? n : 2000;

    private static async Task<List<object[]>> Rows(NpgsqlConnection db, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, db);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public async Task After_kill_9_during_donations_and_payments_each_donation_is_recorded_once_and_the_books_balance()
    {
        var payments = Count / 10;
        var donations = Count - payments;
        const long Award = 1_000_000;
        await topology.SeedLoadPeople(payments);
        var client = topology.Client;
        var commune = await client.Token("commune");
        var province = await client.Token("province");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        string Id(JsonNode answer, string field)
        {
            answer["errors"].ShouldBeNull(answer.ToJsonString());
            return answer["data"]![field]!["id"]!.GetValue<string>();
        }
        var ward = Id(await client.UntilAnswered("{ unitByCode(code: \"T01-X001\") { id } }", new { }, commune), "unitByCode");
        var haNoi = Id(await client.UntilAnswered("{ unitByCode(code: \"T01\") { id } }", new { }, commune), "unitByCode");
        var run = Guid.NewGuid().ToString("N")[..6]; // the topology's database outlives a test run
        var fund = Id(await client.UntilAnswered("mutation($i: CreateFundInput!) { createFund(input: $i) { id } }",
            new { i = new { unitId = ward, name = $"Quỹ khuyến học {run}", purpose = "Học bổng" } }, commune), "createFund");
        // The fund holds half of what the payments need before the donations start coming in.
        var seed = await client.UntilAnswered("mutation($i: RecordDonationInput!) { recordDonation(input: $i) { id } }",
            new { i = new { fundId = fund, amount = Award * payments / 2, receivedOn = today, donorName = "Dòng họ Nguyễn", requestId = Guid.NewGuid() } }, commune);
        seed["errors"].ShouldBeNull(seed.ToJsonString());

        var programme = Id(await client.UntilAnswered("mutation($i: CreateProgrammeInput!) { createProgramme(input: $i) { id } }", new
        {
            i = new
            {
                unitId = haNoi, name = $"Học bổng {run}", kind = "SCHOLARSHIP", criteria = "Vượt khó", opensOn = today.AddDays(-1), closesOn = today.AddDays(1),
                budget = Award * payments, fundIds = new[] { fund }
            },
        }, province), "createProgramme");
        var db = await topology.OpenDatabaseAsync();
        await using var _ = db;
        var people = (await Rows(db, "select id from organization.people where login = any(@l) order by login",
            ("l", Enumerable.Range(1, payments).Select(i => $"hv{i:0000}").ToArray()))).Select(r => (Guid)r[0]).ToList();
        people.Count.ShouldBe(payments);
        var awards = new List<string>();
        foreach (var person in people)
        {
            var nomination = Id(await client.UntilAnswered("mutation($i: NominateInput!) { nominate(input: $i) { id } }",
                new { i = new { programmeId = programme, unitId = ward, personId = person, reason = "Học giỏi", publicName = false } }, commune), "nominate");
            var decided = await client.UntilAnswered("mutation($i: DecideNominationInput!) { decideNomination(input: $i) { awardId } }",
                new { i = new { nominationId = nomination, approve = true, amount = Award, fundId = fund, reason = "Đạt" } }, province);
            decided["errors"].ShouldBeNull(decided.ToJsonString());
            awards.Add(decided["data"]!["decideNomination"]!["awardId"]!.GetValue<string>());
        }

        var requestIds = Enumerable.Range(0, donations).Select(_ => Guid.CreateVersion7()).ToArray();
        long donated = 0, paid = 0;
        var refusals = new System.Collections.Concurrent.ConcurrentBag<string>();
        var perSecond = Math.Max(10, Count / 20);
        var gifts = TopologyClient.Flood(donations, 8, perSecond * 9 / 10, async i =>
        {
            var answer = await client.UntilAnswered("mutation($i: RecordDonationInput!) { recordDonation(input: $i) { id } }",
                new { i = new { fundId = fund, amount = 100_000 + i, receivedOn = today, donorName = $"Nhà hảo tâm {i}", requestId = requestIds[i] } }, commune);
            answer["errors"].ShouldBeNull(answer.ToJsonString());
        }, () => Interlocked.Increment(ref donated));
        // Payments spread over about twice the donations' time, so that some are on their way when the host dies.
        var pays = TopologyClient.Flood(payments, 4, Math.Max(2, perSecond / 20), async i =>
        {
            var answer = await client.UntilAnswered("mutation($i: DisburseAwardInput!) { disburseAward(input: $i) { id } }",
                new { i = new { awardId = awards[i], method = "TRANSFER", paidOn = today } }, commune);
            // A payment sent again after the crash may find it was made (ALREADY_DISBURSED); early ones may find the fund short.
            if (answer["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>() is { } code) refusals.Add(code);
        }, () => Interlocked.Increment(ref paid));

        while (Volatile.Read(ref donated) < donations / 5 || Volatile.Read(ref paid) < payments / 10) await Task.Delay(50);
        await topology.Stop(0, "KILL");
        output.WriteLine($"at the kill: {Volatile.Read(ref donated)} donations and {Volatile.Read(ref paid)} payments answered");
        await Task.WhenAll(gifts, pays);
        await topology.Script("start"); // host 1 comes back
        refusals.ShouldAllBe(code => code == "INSUFFICIENT_FUNDS" || code == "ALREADY_DISBURSED");
        output.WriteLine($"refused payments: {string.Join(", ", refusals.GroupBy(c => c).Select(g => $"{g.Key} {g.Count()}"))}");

        var recorded = await Rows(db, "select count(*), count(distinct request_id), coalesce(sum(amount), 0)::bigint from funds.donations where request_id = any(@r)",
            ("r", requestIds));
        ((long)recorded[0][0]).ShouldBe(donations);
        ((long)recorded[0][1]).ShouldBe(donations);
        ((long)recorded[0][2]).ShouldBe(Enumerable.Range(0, donations).Sum(i => 100_000L + i));

        var fundId = Guid.Parse(fund);
        var balances = (await Rows(db, "select account, debits - credits from funds.balances where fund_id = @f", ("f", fundId)))
            .ToDictionary(r => (string)r[0], r => (long)r[1]);
        balances.Values.Sum().ShouldBe(0);
        balances["CASH"].ShouldBeGreaterThanOrEqualTo(0);
        var paidAwards = (long)(await Rows(db, "select count(*) from funds.awards where fund_id = @f and status = 'DISBURSED'", ("f", fundId)))[0][0];
        (await Rows(db, "select reference from funds.entries where fund_id = @f and kind = 'DISBURSEMENT' group by reference having count(*) > 1", ("f", fundId)))
            .ShouldBeEmpty();
        balances["AWARDS_PAID"].ShouldBe(paidAwards * Award);
        balances["CASH"].ShouldBe(Award * payments / 2 + (long)recorded[0][2] - paidAwards * Award);
        output.WriteLine($"paid {paidAwards} of {payments} awards; the fund holds {balances["CASH"]:N0} đồng");

        var ledger = await client.UntilAnswered("query($u: ID!) { unitLedger(unitId: $u) { headSeq verification { valid problems } } }", new { u = ward }, commune);
        ledger["errors"].ShouldBeNull();
        ledger["data"]!["unitLedger"]!["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue(ledger.ToJsonString());
    }
}
