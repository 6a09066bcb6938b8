using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>An official ends a member's account links, a citizen deletes their account: the tokens stop at once on every host.</summary>
[Collection(VapeCollection.Name)]
public sealed class EndingAccessTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);
    private readonly CitizenApi _citizen = new(app);
    private VapeApp _second = null!;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        // A second host on the same database, as behind a load balancer.
        _second = new VapeApp();
        await _second.InitializeAsync();
    }

    public Task DisposeAsync() => _second.DisposeAsync();

    private async Task<string> LinkedCitizen(string address)
    {
        var issued = await _org.Mutate("issueClaimCode", new { personId = await _org.PersonId("learner") }, "commune", "code");
        var token = await _citizen.SignIn(address);
        (await _org.MutateAs(token, "claimMembership", new { code = issued.Data["issueClaimCode"]!["code"]!.GetValue<string>() })).HasErrors.ShouldBeFalse();
        return token;
    }

    private static async Task<string?> MeOn(VapeApp host, string token)
    {
        var me = await host.GraphQL("{ me { person { fullName } } }", token: token);
        return me.HasErrors ? me.FirstErrorCode : me.Data["me"]!["person"]!["fullName"]!.GetValue<string>();
    }

    [Fact]
    public async Task An_official_ends_the_link_and_the_token_stops_on_the_other_host_at_its_next_request()
    {
        var token = await LinkedCitizen("0912345678");
        (await MeOn(_second, token)).ShouldBe("Hoàng Thị Em");

        var ended = await _org.Mutate("endAccountLinks", new { personId = await _org.PersonId("learner") }, "commune", "id");
        ended.HasErrors.ShouldBeFalse(ended.Body);

        (await MeOn(_second, token)).ShouldBe("NOT_ALLOWED");
        (await MeOn(app, token)).ShouldBe("NOT_ALLOWED");
        (await _citizen.MyAccount(token)).Data["myAccount"]!["person"].ShouldBeNull();
    }

    [Fact]
    public async Task A_citizen_deletes_their_account_and_its_token_is_no_one_on_every_host()
    {
        var token = await LinkedCitizen("xoa@example.vn");
        (await _org.MutateAs(token, "deleteMyAccount", new { confirm = false })).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await MeOn(_second, token)).ShouldBe("Hoàng Thị Em");

        (await _org.MutateAs(token, "deleteMyAccount", new { confirm = true }, "id")).HasErrors.ShouldBeFalse();

        (await MeOn(_second, token)).ShouldBe("NOT_ALLOWED");
        (await _second.GraphQL("{ myAccount { id } }", token: token)).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        // The member record stays with the unit; signing up again gives a new account, not the member.
        (await _citizen.MyAccount(await _citizen.SignIn("xoa@example.vn"))).Data["myAccount"]!["person"].ShouldBeNull();
    }

    [Theory]
    [InlineData("sibling-province", "NOT_ALLOWED")]
    [InlineData("learner2", "NOT_ALLOWED")]
    public async Task Only_an_official_of_the_members_unit_ends_its_links(string login, string expected)
    {
        var token = await LinkedCitizen("0987654321");
        (await _org.Mutate("endAccountLinks", new { personId = await _org.PersonId("learner") }, login, "id")).FirstErrorCode.ShouldBe(expected);
        (await MeOn(_second, token)).ShouldBe("Hoàng Thị Em");
    }
}
