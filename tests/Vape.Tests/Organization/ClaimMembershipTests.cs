using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>A signed-up citizen claims the member record their commune holds, with the claim code it hands out (ADR 0121).</summary>
[Collection(VapeCollection.Name)]
public sealed class ClaimMembershipTests(VapeApp app) : IAsyncLifetime
{
    private const string Claim = "claimMembership";
    private readonly OrganizationApi _org = new(app);
    private readonly CitizenApi _citizen = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> IssueCode(string personId, string official = "commune")
    {
        var issued = await _org.Mutate("issueClaimCode", new { personId }, official, "code expiresAt person { fullName }");
        issued.HasErrors.ShouldBeFalse(issued.Body);
        return issued.Data["issueClaimCode"]!["code"]!.GetValue<string>();
    }

    private async Task<string> NewMember(string citizenId)
    {
        var added = await _org.Mutate("addMember", new { homeUnitId = await _org.UnitId("T01-X001"), fullName = "Đặng Thị Hoa", birthYear = 1999, citizenId },
            "commune", "id");
        added.HasErrors.ShouldBeFalse(added.Body);
        return added.Data["addMember"]!["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task A_citizen_claims_the_member_record_with_the_communes_code_and_is_that_member()
    {
        var learner = await _org.PersonId("learner");
        var code = await IssueCode(learner);
        var token = await _citizen.SignIn("0912345678");

        var claimed = await _org.MutateAs(token, Claim, new { code = code.ToLowerInvariant().Replace("-", " ") }, "person { id fullName }");
        claimed.HasErrors.ShouldBeFalse(claimed.Body);
        claimed.Data[Claim]!["person"]!["fullName"]!.GetValue<string>().ShouldBe("Hoàng Thị Em");

        var me = await app.GraphQL("{ me { person { id homeUnit { code } } } }", token: token);
        me.Data["me"]!["person"]!["id"]!.GetValue<string>().ShouldBe(learner);
        var record = await app.GraphQL("{ myRecord { personId } }", token: token);
        record.Data["myRecord"]!["personId"]!.GetValue<string>().ShouldBe(learner);
    }

    [Fact]
    public async Task A_citizen_id_given_with_the_code_must_be_the_members()
    {
        var member = await NewMember("001099012345");
        var code = await IssueCode(member);
        var token = await _citizen.SignIn("hoa@example.vn");

        (await _org.MutateAs(token, Claim, new { code, citizenId = "001099099999" })).FirstErrorCode.ShouldBe("CLAIM_FAILED");
        var claimed = await _org.MutateAs(token, Claim, new { code, citizenId = "001099012345" }, "person { id }");
        claimed.Data[Claim]!["person"]!["id"]!.GetValue<string>().ShouldBe(member);
        app.Logs.Holding("001099012345").ShouldBeEmpty();
        app.Logs.Holding(code).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_failed_claim_answers_the_same_so_that_no_one_learns_whether_a_person_exists()
    {
        var member = await NewMember("001099012345");
        var used = await IssueCode(await _org.PersonId("learner2"));
        await _org.MutateAs(await _citizen.SignIn("0911111111"), Claim, new { code = used });
        var replaced = await IssueCode(member);
        var current = await IssueCode(member);
        var left = await IssueCode(await _org.PersonId("learner"));
        await using (var sql = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "update organization.people set left_on = current_date where id = @id"))
        {
            sql.Parameters.AddWithValue("id", Guid.Parse(await _org.PersonId("learner")));
            await sql.ExecuteNonQueryAsync();
        }

        var token = await _citizen.SignIn("0922222222");
        var answers = new List<(string? Code, string? Message)>();
        foreach (var input in new object[]
                 {
                     new { code = "ABCDE-FGHJK" },                        // no such code
                     new { code = used },                                  // already used by someone else
                     new { code = replaced },                              // replaced by a newer one
                     new { code = current, citizenId = "001099000000" },  // the member exists, the citizen id is not theirs
                 })
        {
            var refused = await _org.MutateAs(token, Claim, input);
            answers.Add((refused.FirstErrorCode, refused.FirstErrorMessage));
        }
        answers.Distinct().Count().ShouldBe(1, string.Join("\n", answers));
        answers[0].Code.ShouldBe("CLAIM_FAILED");

        var token2 = await _citizen.SignIn("0933333333");
        var gone = await _org.MutateAs(token2, Claim, new { code = left });   // the member left
        (gone.FirstErrorCode, gone.FirstErrorMessage).ShouldBe(answers[0]);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_claim_for_a_while_even_with_the_right_code()
    {
        var code = await IssueCode(await _org.PersonId("learner"));
        var token = await _citizen.SignIn("0912345678");
        for (var i = 1; i <= 4; i++)
            (await _org.MutateAs(token, Claim, new { code = $"WRONG-CODE{i}" })).FirstErrorCode.ShouldBe("CLAIM_FAILED");
        (await _org.MutateAs(token, Claim, new { code = "WRONG-CODE5" })).FirstErrorCode.ShouldBe("CLAIM_LOCKED");

        (await _org.MutateAs(token, Claim, new { code })).FirstErrorCode.ShouldBe("CLAIM_LOCKED");
        var account = await _citizen.MyAccount(token);
        account.Data["myAccount"]!["claimsLockedUntil"].ShouldNotBeNull();
        account.Data["myAccount"]!["person"].ShouldBeNull();
    }

    [Theory]
    [InlineData("sibling-province", "NOT_ALLOWED")]
    [InlineData("learner2", "NOT_ALLOWED")]
    [InlineData(null, "NOT_AUTHENTICATED")]
    public async Task Only_an_official_of_the_members_unit_hands_out_a_claim_code(string? login, string expected)
    {
        var refused = await _org.Mutate("issueClaimCode", new { personId = await _org.PersonId("learner") }, login, "code");
        refused.FirstErrorCode.ShouldBe(expected);
        refused.Json?["data"]?["issueClaimCode"].ShouldBeNull();
    }

    [Fact]
    public async Task A_claim_needs_a_sign_in_and_an_account_not_yet_linked()
    {
        (await _org.MutateAs(null, Claim, new { code = "ABCDE-FGHJK" })).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        var code = await IssueCode(await _org.PersonId("learner2"));
        // A demo login names its person in the token: linked already.
        (await _org.MutateAs(await _org.Token("learner"), Claim, new { code })).FirstErrorCode.ShouldBe("INVALID_INPUT");
        var token = await _citizen.SignIn("0955555555");
        (await _org.MutateAs(token, Claim, new { code })).HasErrors.ShouldBeFalse();
        (await _org.MutateAs(token, Claim, new { code = await IssueCode(await _org.PersonId("learner")) })).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _org.MutateAs(await _citizen.SignIn("0944444444"), Claim, new { code, citizenId = "12" })).FirstErrorCode.ShouldBe("INVALID_INPUT");
    }
}
