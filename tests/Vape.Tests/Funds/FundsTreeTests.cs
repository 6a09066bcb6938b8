using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Funds;

/// <summary>Funds follow their unit through the tree: a moved unit's funds count in its new parent's roll-up, no longer in the old one's.</summary>
[Collection(VapeCollection.Name)]
public sealed class FundsTreeTests(VapeApp app) : IAsyncLifetime
{
    private readonly FundsApi _api = new(app);

    public Task InitializeAsync() { FundsApi.Current = app; return app.ResetAsync(); }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_moved_units_funds_roll_up_under_its_new_parent()
    {
        var fund = await _api.FundOk("commune", "T01-X001-04", "Quỹ khuyến học dòng họ");
        FundsApi.Ok(await _api.Donate("commune", fund, 5_000_000));
        (await Received("T01-X001")).ShouldBe(5_000_000);
        (await Received("T01-X002")).ShouldBe(0);

        var clan = await _api.Org.Unit("T01-X001-04");
        await app.Host.ExecuteAndWaitAsync(async () => FundsApi.Ok(await _api.Org.Mutate("moveUnit",
            new { unitId = clan["id"]!.GetValue<string>(), newParentId = await _api.Org.UnitId("T01-X002"), expectedVersion = clan["version"]!.GetValue<int>() },
            "province", "version")));

        (await Received("T01-X001")).ShouldBe(0);
        (await Received("T01-X002")).ShouldBe(5_000_000);
        (await Received("T01")).ShouldBe(5_000_000);
        (await Received("T01-X001-04")).ShouldBe(5_000_000);
        (await _api.Ledger("T01-X001-04"))["verification"]!["valid"]!.GetValue<bool>().ShouldBeTrue();
    }

    private async Task<long> Received(string unitCode) => (await _api.Totals(unitCode))["totals"]!["received"]!.GetValue<long>();
}
