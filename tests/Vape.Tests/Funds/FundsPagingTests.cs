using Vape.Tests.Support;

namespace Vape.Tests.Funds;

/// <summary>The module's growing lists are connections (ADR 0070): pages follow each other without repeats or gaps.</summary>
[Collection(VapeCollection.Name)]
public sealed class FundsPagingTests(VapeApp app) : IAsyncLifetime
{
    private readonly FundsApi _api = new(app);

    public Task InitializeAsync() { FundsApi.Current = app; return app.ResetAsync(); }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Donations_funds_and_ledger_lines_page_through_everything_once_in_order()
    {
        var first = await _api.FundOk("commune", "T01-X001");
        var second = await _api.FundOk("commune", "T01-X001", "Quỹ khuyến học dòng họ");
        for (var i = 1; i <= 7; i++) FundsApi.Ok(await _api.Donate("commune", first, 100_000 * i));

        // Donations, newest first, two at a time.
        var amounts = new List<long>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = FundsApi.Ok(await app.GraphQL("""
                query($id: ID!, $a: String) { fund(id: $id) { donations(first: 2, after: $a) { nodes { amount } pageInfo { hasNextPage endCursor } } } }
                """, new { id = first, a = after })).Data["fund"]!["donations"]!;
            amounts.AddRange(page["nodes"]!.AsArray().Select(n => n!["amount"]!.GetValue<long>()));
            pages++;
            if (!page["pageInfo"]!["hasNextPage"]!.GetValue<bool>()) break;
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
        pages.ShouldBe(4);
        amounts.ShouldBe(Enumerable.Range(1, 7).Reverse().Select(i => 100_000L * i));

        // Funds in the order they were opened.
        var unit = await _api.Org.UnitId("T01-X001");
        var funds = FundsApi.Ok(await app.GraphQL("query($u: ID!) { funds(unitId: $u, first: 1) { nodes { id } pageInfo { hasNextPage endCursor } } }", new { u = unit }))
            .Data["funds"]!;
        funds["nodes"]![0]!["id"]!.GetValue<string>().ShouldBe(first);
        funds["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        var rest = FundsApi.Ok(await app.GraphQL("query($u: ID!, $a: String) { funds(unitId: $u, first: 5, after: $a) { nodes { id } pageInfo { hasNextPage } } }",
            new { u = unit, a = funds["pageInfo"]!["endCursor"]!.GetValue<string>() })).Data["funds"]!;
        rest["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ShouldBe([second]);
        rest["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();

        // The ledger three lines at a time is the ledger at once, and verifies.
        var paged = await _api.Ledger("T01-X001", pageSize: 3);
        var whole = await _api.Ledger("T01-X001", pageSize: 100);
        paged["entries"]!.AsArray().Count.ShouldBe(7);
        paged["entries"]!.AsArray().Select(l => l!["seq"]!.GetValue<long>()).ShouldBe(Enumerable.Range(1, 7).Select(i => (long)i));
        paged["entries"]!.ToJsonString().ShouldBe(whole["entries"]!.ToJsonString());
        paged["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task A_forged_cursor_or_page_size_is_refused_with_its_code()
    {
        var fund = await _api.FundOk("commune", "T01-X001");
        var unit = await _api.Org.UnitId("T01-X001");
        foreach (var (query, variables) in new (string, object)[]
        {
            ("query($id: ID!) { fund(id: $id) { donations(after: \"Yzpub3QtYW4taWQ=\") { nodes { amount } } } }", new { id = fund }),
            ("query($u: ID!) { funds(unitId: $u, after: \"%%%\") { nodes { id } } }", new { u = unit }),
            ("query($u: ID!) { unitLedger(unitId: $u) { entries(after: \"YzoxMng=\") { nodes { seq } } } }", new { u = unit }),
            ("query($u: ID!) { fundsAwards(unitId: $u, first: 101) { nodes { id } } }", new { u = unit }),
            ("query($u: ID!) { funds(unitId: $u, first: 0) { nodes { id } } }", new { u = unit }),
        })
        {
            var response = await app.GraphQL(query, variables);
            response.FirstErrorCode.ShouldBe("INVALID_INPUT", response.Body);
            // Vietnamese, as every message a person may read: the cursor's "không hợp lệ", the page size's "phải từ 1 đến 100".
            response.FirstErrorMessage!.ShouldMatch("không hợp lệ|phải từ 1 đến", response.Body);
        }
    }
}
