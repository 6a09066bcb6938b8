using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>A member who lost their device gets back in with a code to the phone or e-mail on file (ADR 0186).</summary>
[Collection(VapeCollection.Name)]
public sealed class RecoveryTests(VapeApp app) : IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);
    private readonly CitizenApi _citizen = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The learner puts the address on file (a code to it, confirmed).</summary>
    private async Task OnFile(string address)
    {
        (await _org.Mutate("requestContactChange", new { address }, "learner")).HasErrors.ShouldBeFalse();
        (await _org.Mutate("confirmContactChange", new { address, code = await _citizen.LatestCode(address) }, "learner")).HasErrors.ShouldBeFalse();
    }

    private async Task<int> Messages(string address) =>
        (await (await _citizen.Post("/dev/mailbox", new { address })).Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength();

    [Fact]
    public async Task A_code_to_the_email_on_file_links_a_new_account_to_the_member()
    {
        const string address = "em.hoang@example.vn";
        await OnFile(address);

        (await _citizen.Post("/auth/local/recovery/code", new { address })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var response = await _citizen.Post("/auth/local/recovery/token", new { address, code = await _citizen.LatestCode(address) });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var me = await app.GraphQL("{ me { person { fullName } } }", token: token);
        me.Data["me"]!["person"]!["fullName"]!.GetValue<string>().ShouldBe("Hoàng Thị Em");
        // The address now signs in as the member, as any linked account does; ending the links ends it.
        var again = await _citizen.SignIn(address);
        (await _citizen.MyAccount(again)).Data["myAccount"]!["person"]!["fullName"]!.GetValue<string>().ShouldBe("Hoàng Thị Em");
    }

    [Fact]
    public async Task An_address_no_member_has_gets_the_same_answers_and_no_code()
    {
        await OnFile("0912000111");
        const string unknown = "0912000222";

        var known = await _citizen.Post("/auth/local/recovery/code", new { address = "0912000111" });
        var stranger = await _citizen.Post("/auth/local/recovery/code", new { address = unknown });

        stranger.StatusCode.ShouldBe(known.StatusCode);
        (await stranger.Content.ReadAsStringAsync()).ShouldBe(await known.Content.ReadAsStringAsync());
        (await Messages(unknown)).ShouldBe(0);
        var code = await _citizen.LatestCode("0912000111");
        var wrong = await _citizen.Post("/auth/local/recovery/token", new { address = "0912000111", code = code == "000000" ? "111111" : "000000" });
        var none = await _citizen.Post("/auth/local/recovery/token", new { address = unknown, code });
        none.StatusCode.ShouldBe(wrong.StatusCode);
        var (noneCode, noneText) = await Problem(none);
        var (wrongCode, wrongText) = await Problem(wrong);
        noneCode.ShouldBe("CODE_INVALID");
        wrongCode.ShouldBe("CODE_INVALID");
        noneText.ShouldBe(wrongText);
    }

    [Fact]
    public async Task Both_kinds_of_address_get_five_codes_an_hour_alike()
    {
        await OnFile("0912000333");
        foreach (var address in new[] { "0912000333", "0912000444" })
        {
            for (var i = 0; i < 5; i++) (await _citizen.Post("/auth/local/recovery/code", new { address })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
            var refused = await _citizen.Post("/auth/local/recovery/code", new { address });
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            (await CitizenApi.ProblemCode(refused)).ShouldBe("RATE_LIMITED");
        }
    }

    [Fact]
    public async Task A_sign_in_code_does_not_recover_and_a_recovery_code_does_not_sign_in()
    {
        const string address = "0912000555";
        await OnFile(address);
        var signInCode = await _citizen.SendCode(address);
        (await CitizenApi.ProblemCode(await _citizen.Post("/auth/local/recovery/token", new { address, code = signInCode }))).ShouldBe("CODE_INVALID");

        (await _citizen.Post("/auth/local/recovery/code", new { address })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var recoveryCode = await _citizen.LatestCode(address);
        if (recoveryCode != signInCode)
            (await CitizenApi.ProblemCode(await _citizen.Post("/auth/local/token", new { address, code = recoveryCode }))).ShouldBe("CODE_INVALID");
        (await _citizen.Post("/auth/local/recovery/token", new { address, code = recoveryCode })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_bad_address_gets_INVALID_INPUT()
    {
        var refused = await _citizen.Post("/auth/local/recovery/code", new { address = "not-an-address" });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CitizenApi.ProblemCode(refused)).ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task An_erased_members_address_recovers_nothing()
    {
        const string address = "xoa.het@example.vn";
        await OnFile(address);
        (await _org.Mutate("requestRecordErasure", new { personId = await _org.PersonId("learner") }, "learner", "erasedAt")).HasErrors.ShouldBeFalse();

        (await _citizen.Post("/auth/local/recovery/code", new { address })).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        (await Messages(address)).ShouldBe(1, "only the confirmation code of the change, nothing after the erasure");
    }

    /// <summary>The problem's code and what it tells the caller (its title and detail).</summary>
    private static async Task<(string? Code, string Text)> Problem(HttpResponseMessage response)
    {
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        string? Text(string name) => json.TryGetProperty(name, out var value) ? value.ToString() : null;
        return (Text("code"), $"{Text("title")}|{Text("detail")}");
    }
}
