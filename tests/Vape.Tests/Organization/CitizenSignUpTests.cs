using System.Net;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>Sign-up at the local issuer with a one-time code to a phone or an e-mail address (ADR 0120).</summary>
[Collection(VapeCollection.Name)]
public sealed class CitizenSignUpTests(VapeApp app) : IAsyncLifetime
{
    private readonly CitizenApi _citizen = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_citizen_signs_up_with_a_code_and_is_no_member_until_linked()
    {
        var token = await _citizen.SignIn("0912 345 678");

        var account = await _citizen.MyAccount(token);
        account.HasErrors.ShouldBeFalse(account.Body);
        account.Data["myAccount"]!["person"].ShouldBeNull();
        (await app.GraphQL("{ me { person { id } } }", token: token)).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await app.GraphQL("{ myAccount { id } }")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task The_same_address_in_another_form_signs_in_to_the_same_account()
    {
        var first = await _citizen.MyAccount(await _citizen.SignIn("+84 912 345 678"));
        var again = await _citizen.MyAccount(await _citizen.SignIn("0912.345.678"));
        again.Data["myAccount"]!["id"]!.GetValue<string>().ShouldBe(first.Data["myAccount"]!["id"]!.GetValue<string>());

        var mail = await _citizen.MyAccount(await _citizen.SignIn("Em.Hoang@Example.VN"));
        mail.Data["myAccount"]!["id"]!.GetValue<string>().ShouldNotBe(first.Data["myAccount"]!["id"]!.GetValue<string>());
        (await _citizen.MyAccount(await _citizen.SignIn("em.hoang@example.vn"))).Data["myAccount"]!["id"]!.GetValue<string>()
            .ShouldBe(mail.Data["myAccount"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_five_wrong_codes_end_the_code()
    {
        const string address = "learner@example.vn";
        var code = await _citizen.SendCode(address);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            var refused = await _citizen.Post("/auth/local/token", new { address, code = wrong });
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await CitizenApi.ProblemCode(refused)).ShouldBe("CODE_INVALID");
        }
        var late = await _citizen.Post("/auth/local/token", new { address, code });
        (await CitizenApi.ProblemCode(late)).ShouldBe("CODE_INVALID");

        // A code serves once.
        var fresh = await _citizen.SendCode(address);
        (await _citizen.Post("/auth/local/token", new { address, code = fresh })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CitizenApi.ProblemCode(await _citizen.Post("/auth/local/token", new { address, code = fresh }))).ShouldBe("CODE_INVALID");
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("0212345678")]
    [InlineData("not-an-address")]
    [InlineData("a@b")]
    [InlineData("<script>@example.vn")]
    public async Task A_bad_address_gets_INVALID_INPUT_and_no_code(string address)
    {
        var refused = await _citizen.Post("/auth/local/code", new { address });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CitizenApi.ProblemCode(refused)).ShouldBe("INVALID_INPUT");
        (await _citizen.Post("/auth/local/token", new { address, code = "123456" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_address_gets_at_most_five_codes_an_hour()
    {
        for (var i = 0; i < 5; i++) await _citizen.SendCode("0987654321");
        var refused = await _citizen.Post("/auth/local/code", new { address = "0987654321" });
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await CitizenApi.ProblemCode(refused)).ShouldBe("RATE_LIMITED");
    }

    [Fact]
    public async Task Neither_the_address_nor_the_code_is_ever_logged()
    {
        const string address = "ai.do.khong.biet@example.vn";
        var code = await _citizen.SendCode(address);
        await _citizen.Post("/auth/local/token", new { address, code = "999999" == code ? "888888" : "999999" });
        await _citizen.Post("/auth/local/token", new { address, code });

        app.Logs.Holding("ai.do.khong.biet").ShouldBeEmpty();
        app.Logs.Holding(code).ShouldBeEmpty();
    }
}
