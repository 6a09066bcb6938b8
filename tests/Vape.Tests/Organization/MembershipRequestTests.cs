using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>A citizen asks a unit to take them in; the unit's official approves (as a member it holds, or a new one) or rejects.</summary>
[Collection(VapeCollection.Name)]
public sealed class MembershipRequestTests(VapeApp app) : IAsyncLifetime
{
    private const string Selection = "id status fullName unit { code } person { id fullName homeUnit { code } }";
    private readonly OrganizationApi _org = new(app);
    private readonly CitizenApi _citizen = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Token, string RequestId)> Request(string address, string unitCode = "T01-X001", string fullName = "Đặng Văn Khoa")
    {
        var token = await _citizen.SignIn(address);
        var asked = await _org.MutateAs(token, "requestMembership", new { unitId = await _org.UnitId(unitCode), fullName, birthYear = 2001 }, Selection);
        asked.HasErrors.ShouldBeFalse(asked.Body);
        asked.Data["requestMembership"]!["status"]!.GetValue<string>().ShouldBe("WAITING");
        return (token, asked.Data["requestMembership"]!["id"]!.GetValue<string>());
    }

    private async Task<string[]> Waiting(string login = "commune")
    {
        var list = await app.GraphQL("query($u: ID!) { membershipRequests(unitId: $u) { nodes { id fullName } } }",
            new { u = await _org.UnitId("T01-X001") }, await _org.Token(login));
        list.HasErrors.ShouldBeFalse(list.Body);
        return list.Data["membershipRequests"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToArray();
    }

    [Fact]
    public async Task A_self_registered_citizen_becomes_a_new_member_when_the_unit_approves()
    {
        var (token, request) = await Request("khoa@example.vn");
        (await Waiting()).ShouldBe([request]);
        (await app.GraphQL("{ me { person { id } } }", token: token)).FirstErrorCode.ShouldBe("NOT_ALLOWED");

        var approved = await _org.Mutate("decideMembershipRequest", new { requestId = request, approve = true }, "commune", Selection);
        approved.HasErrors.ShouldBeFalse(approved.Body);
        approved.Data["decideMembershipRequest"]!["status"]!.GetValue<string>().ShouldBe("APPROVED");

        var me = await app.GraphQL("{ me { person { fullName homeUnit { code } } } }", token: token);
        me.Data["me"]!["person"]!["fullName"]!.GetValue<string>().ShouldBe("Đặng Văn Khoa");
        me.Data["me"]!["person"]!["homeUnit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001");
        (await Waiting()).ShouldBeEmpty();
        (await _org.Mutate("decideMembershipRequest", new { requestId = request, approve = true }, "commune")).FirstErrorCode.ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task The_official_approves_a_request_as_a_member_the_unit_already_holds()
    {
        var (token, request) = await Request("0912345678", fullName: "Hoàng Thị Em");
        var learner = await _org.PersonId("learner");
        var approved = await _org.Mutate("decideMembershipRequest", new { requestId = request, approve = true, personId = learner }, "commune", Selection);
        approved.Data["decideMembershipRequest"]!["person"]!["id"]!.GetValue<string>().ShouldBe(learner);
        (await app.GraphQL("{ me { person { id } } }", token: token)).Data["me"]!["person"]!["id"]!.GetValue<string>().ShouldBe(learner);
    }

    [Fact]
    public async Task A_rejected_request_links_no_one()
    {
        var (token, request) = await Request("0987654321");
        var rejected = await _org.Mutate("decideMembershipRequest",
            new { requestId = request, approve = false, reason = "  Không tìm thấy bạn trong danh sách của xã.  " }, "commune", Selection);
        rejected.Data["decideMembershipRequest"]!["status"]!.GetValue<string>().ShouldBe("REJECTED");
        var mine = await app.GraphQL("{ myMembershipRequest { status reason decidedAt } myAccount { person { id } } }", token: token);
        mine.Data["myMembershipRequest"]!["status"]!.GetValue<string>().ShouldBe("REJECTED");
        mine.Data["myMembershipRequest"]!["reason"]!.GetValue<string>().ShouldBe("Không tìm thấy bạn trong danh sách của xã.");
        mine.Data["myMembershipRequest"]!["decidedAt"].ShouldNotBeNull();
        (await app.GraphQL("{ me { person { id } } }", token: token)).FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }

    [Theory]
    [InlineData(false, "", "Hãy cho người xin gia nhập biết lý do từ chối.")]
    [InlineData(false, "   ", "Hãy cho người xin gia nhập biết lý do từ chối.")]
    [InlineData(false, null, "Hãy cho người xin gia nhập biết lý do từ chối.")]
    [InlineData(false, "x501", "Lý do dài tối đa 500 ký tự.")]
    [InlineData(true, "Một lý do", "Chỉ ghi lý do khi từ chối.")]
    public async Task A_refusal_needs_a_reason_and_a_bad_one_changes_nothing(bool approve, string? reason, string message)
    {
        var (token, request) = await Request("0955555555");
        var given = reason == "x501" ? new string('x', 501) : reason;
        var bad = await _org.Mutate("decideMembershipRequest", new { requestId = request, approve, reason = given }, "commune");
        bad.FirstErrorCode.ShouldBe("INVALID_INPUT");
        bad.FirstErrorMessage.ShouldBe(message);
        (await Waiting()).ShouldBe([request]);
        (await app.GraphQL("{ myMembershipRequest { status reason } }", token: token)).Data["myMembershipRequest"]!["status"]!
            .GetValue<string>().ShouldBe("WAITING");
    }

    [Fact]
    public async Task A_citizen_withdraws_their_open_request_and_no_one_else_can()
    {
        var (token, request) = await Request("0966666666");
        var other = await _citizen.SignIn("0977777777");
        (await _org.MutateAs(other, "withdrawMembershipRequest", new { requestId = request })).FirstErrorCode.ShouldBe("NOT_FOUND");
        // An official's token has no citizen account at all.
        (await _org.Mutate("withdrawMembershipRequest", new { requestId = request }, "commune")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await _org.MutateAs(token, "withdrawMembershipRequest", new { requestId = "not-an-id" })).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Waiting()).ShouldBe([request]);

        var withdrawn = await _org.MutateAs(token, "withdrawMembershipRequest", new { requestId = request }, Selection);
        withdrawn.HasErrors.ShouldBeFalse(withdrawn.Body);
        withdrawn.Data["withdrawMembershipRequest"]!["status"]!.GetValue<string>().ShouldBe("WITHDRAWN");
        (await Waiting()).ShouldBeEmpty();
        (await app.GraphQL("{ myMembershipRequest { status } }", token: token)).Data["myMembershipRequest"]!["status"]!
            .GetValue<string>().ShouldBe("WITHDRAWN");
        // Withdrawn is final: neither withdrawn again nor decided.
        (await _org.MutateAs(token, "withdrawMembershipRequest", new { requestId = request })).FirstErrorCode.ShouldBe("NOT_FOUND");
        (await _org.Mutate("decideMembershipRequest", new { requestId = request, approve = true }, "commune")).FirstErrorCode.ShouldBe("NOT_FOUND");
    }

    [Theory]
    [InlineData("sibling-province", "NOT_ALLOWED")]
    [InlineData("learner", "NOT_ALLOWED")]
    public async Task Only_the_units_officials_see_and_decide_its_requests(string login, string expected)
    {
        var (_, request) = await Request("0933333333");
        var list = await app.GraphQL("query($u: ID!) { membershipRequests(unitId: $u) { nodes { id } } }",
            new { u = await _org.UnitId("T01-X001") }, await _org.Token(login));
        list.FirstErrorCode.ShouldBe(expected);
        (await _org.Mutate("decideMembershipRequest", new { requestId = request, approve = true }, login)).FirstErrorCode.ShouldBe(expected);
        (await Waiting()).ShouldBe([request]);
        // An official may not link a request to a member outside the units they manage.
        (await _org.Mutate("decideMembershipRequest", new { requestId = request, approve = true, personId = await _org.PersonId("learner-hp") }, "commune"))
            .FirstErrorCode.ShouldBe("NOT_ALLOWED");
    }

    [Theory]
    [InlineData("", 2001, "INVALID_INPUT")]
    [InlineData("Tên", 1800, "INVALID_INPUT")]
    public async Task A_bad_request_gets_a_code_and_changes_nothing(string fullName, int birthYear, string expected)
    {
        var token = await _citizen.SignIn("0944444444");
        (await _org.MutateAs(token, "requestMembership", new { unitId = await _org.UnitId("T01-X001"), fullName, birthYear })).FirstErrorCode.ShouldBe(expected);
        (await _org.MutateAs(token, "requestMembership", new { unitId = Guid.NewGuid(), fullName = "Ai đó", birthYear })).FirstErrorCode
            .ShouldBe(birthYear == 1800 ? "INVALID_INPUT" : "NOT_FOUND");
        (await _org.MutateAs(await _org.Token("learner"), "requestMembership", new { unitId = await _org.UnitId("T01-X001"), fullName = "Ai đó" }))
            .FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Waiting()).ShouldBeEmpty();
    }
}
