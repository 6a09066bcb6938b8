using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>A member's phone and e-mail: a code to the new address, sealed with the person's key, never logged (ADR 0185).</summary>
[Collection(VapeCollection.Name)]
public sealed class ContactTests(VapeApp app) : IAsyncLifetime
{
    private const string Selection = "phone email pendingChange { kind sentTo expiresAt }";
    private readonly OrganizationApi _org = new(app);
    private readonly CitizenApi _citizen = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLResponse> MyContact(string login) => await app.GraphQL($"{{ myContact {{ {Selection} }} }}", token: await _org.Token(login));

    private async Task<GraphQLResponse> Request(string login, string address) =>
        await _org.Mutate("requestContactChange", new { address }, login, "kind sentTo expiresAt");

    private async Task<GraphQLResponse> Confirm(string login, string address, string code) =>
        await _org.Mutate("confirmContactChange", new { address, code }, login, Selection);

    /// <summary>Asks for a change and confirms it with the code the new address received.</summary>
    private async Task Change(string login, string address)
    {
        (await Request(login, address)).HasErrors.ShouldBeFalse();
        var confirmed = await Confirm(login, address, await _citizen.LatestCode(address));
        confirmed.HasErrors.ShouldBeFalse(confirmed.Body);
    }

    private static string WrongCode(string code) => code == "000000" ? "111111" : "000000";

    [Fact]
    public async Task A_member_changes_their_phone_and_email_only_with_the_code_sent_to_the_new_address()
    {
        var started = await Request("learner", "+84 912 000 111");
        started.HasErrors.ShouldBeFalse(started.Body);
        started.Data["requestContactChange"]!["kind"]!.GetValue<string>().ShouldBe("PHONE");
        started.Data["requestContactChange"]!["sentTo"]!.GetValue<string>().ShouldBe("09******11");
        var waiting = (await MyContact("learner")).Data["myContact"]!;
        waiting["phone"].ShouldBeNull("nothing changes before the code");
        waiting["pendingChange"]!["sentTo"]!.GetValue<string>().ShouldBe("09******11");

        var confirmed = await Confirm("learner", "0912000111", await _citizen.LatestCode("0912000111"));

        confirmed.HasErrors.ShouldBeFalse(confirmed.Body);
        confirmed.Data["confirmContactChange"]!["phone"]!.GetValue<string>().ShouldBe("0912000111");
        confirmed.Data["confirmContactChange"]!["pendingChange"].ShouldBeNull();
        await Change("learner", "Em.Hoang@Example.VN");
        var contact = (await MyContact("learner")).Data["myContact"]!;
        contact["phone"]!.GetValue<string>().ShouldBe("0912000111");
        contact["email"]!.GetValue<string>().ShouldBe("em.hoang@example.vn");
        (await MyContact("commune")).Data["myContact"]!["phone"].ShouldBeNull("another member sees their own contact only");

        var removed = await _org.Mutate("removeMyContact", new { kind = "PHONE" }, "learner", Selection);
        removed.Data["removeMyContact"]!["phone"].ShouldBeNull();
        removed.Data["removeMyContact"]!["email"]!.GetValue<string>().ShouldBe("em.hoang@example.vn");

        var again = await _org.Mutate("removeMyContact", new { kind = "PHONE" }, "learner", Selection);
        again.FirstErrorCode.ShouldBe("NOT_FOUND", "nothing left to remove");
        again.FirstErrorMessage.ShouldBe("Bạn chưa có số điện thoại nào trong hồ sơ để xoá.");
        (await MyContact("learner")).Data["myContact"]!["email"]!.GetValue<string>().ShouldBe("em.hoang@example.vn");
    }

    [Fact]
    public async Task A_code_serves_only_its_own_address_and_expires()
    {
        (await Request("learner", "0912000222")).HasErrors.ShouldBeFalse();
        var code = await _citizen.LatestCode("0912000222");

        (await Confirm("learner", "0912000333", code)).FirstErrorCode.ShouldBe("CODE_INVALID");
        (await Confirm("commune", "0912000222", code)).FirstErrorCode.ShouldBe("CODE_INVALID");
        await using (var expire = app.Host.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("update organization.contact_changes set expires_at = now() - interval '1 second'"))
            await expire.ExecuteNonQueryAsync();
        (await Confirm("learner", "0912000222", code)).FirstErrorCode.ShouldBe("CODE_INVALID");

        (await MyContact("learner")).Data["myContact"]!["phone"].ShouldBeNull();
    }

    [Fact]
    public async Task Five_wrong_codes_lock_changes_for_a_while_even_with_the_right_code()
    {
        (await Request("learner", "hoang@example.vn")).HasErrors.ShouldBeFalse();
        var code = await _citizen.LatestCode("hoang@example.vn");
        for (var i = 0; i < 5; i++) (await Confirm("learner", "hoang@example.vn", WrongCode(code))).FirstErrorCode.ShouldBe("CODE_INVALID");

        var locked = await Confirm("learner", "hoang@example.vn", code);

        locked.FirstErrorCode.ShouldBe("CONTACT_LOCKED");
        locked.Body.ShouldContain("giờ Việt Nam");
        (await Request("learner", "khac@example.vn")).FirstErrorCode.ShouldBe("CONTACT_LOCKED");
        (await MyContact("learner")).Data["myContact"]!["email"].ShouldBeNull();
    }

    [Fact]
    public async Task A_member_is_sent_at_most_five_codes_an_hour()
    {
        for (var i = 0; i < 5; i++) (await Request("learner", $"091200044{i}")).HasErrors.ShouldBeFalse();

        (await Request("learner", "0912000449")).FirstErrorCode.ShouldBe("RATE_LIMITED");
        var mailbox = await (await _citizen.Post("/dev/mailbox", new { address = "0912000449" })).Content.ReadFromJsonAsync<JsonElement>();
        mailbox.GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0212345678")]
    [InlineData("a@b")]
    [InlineData("<script>@example.vn")]
    public async Task A_bad_address_gets_INVALID_INPUT_and_changes_nothing(string address)
    {
        (await Request("learner", address)).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await Confirm("learner", address, "123456")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await MyContact("learner")).Data["myContact"]!["pendingChange"].ShouldBeNull();
    }

    [Fact]
    public async Task Only_a_member_has_a_contact_and_no_one_else_reads_it()
    {
        await Change("learner", "0912000555");
        var citizen = await _citizen.SignIn("0912000666");

        (await app.GraphQL("{ myContact { phone } }")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await app.GraphQL("{ myContact { phone } }", token: citizen)).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _org.MutateAs(citizen, "requestContactChange", new { address = "0912000777" })).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        // An official reads members as `Person`: no field of it holds a phone or an e-mail (ADR 0185).
        var person = await app.GraphQL("{ __type(name: \"Person\") { fields { name } } }");
        var fields = person.Data["__type"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList();
        fields.ShouldContain("fullName");
        fields.ShouldNotContain(f => f.Contains("phone", StringComparison.OrdinalIgnoreCase) || f.Contains("mail", StringComparison.OrdinalIgnoreCase) || f.Contains("contact", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_dump_of_the_database_holds_neither_value_before_or_after_erasure_and_erasure_forgets_them()
    {
        const string phone = "0912000888";
        const string email = "ai.biet.so.nay@example.vn";
        await Change("learner", phone);
        await Change("learner", email);
        (await Request("learner", "0912000999")).HasErrors.ShouldBeFalse("a change left waiting is in the dump too");
        var before = await DatabaseDump.Of(app);
        before.ShouldContain("person_contacts", customMessage: "the dump holds the table");
        foreach (var secret in new[] { phone, email, "0912000999", "912000888" }) before.ShouldNotContain(secret);

        var learner = await _org.PersonId("learner");
        (await _org.Mutate("requestRecordErasure", new { personId = learner }, "learner", "erasedAt")).HasErrors.ShouldBeFalse();

        var after = await DatabaseDump.Of(app);
        foreach (var secret in new[] { phone, email, "0912000999" }) after.ShouldNotContain(secret);
        var contact = (await MyContact("learner")).Data["myContact"]!;
        contact["phone"].ShouldBeNull();
        contact["email"].ShouldBeNull();
        contact["pendingChange"].ShouldBeNull();
        await using var count = app.Host.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand("select (select count(*) from organization.person_contacts) + (select count(*) from organization.contact_changes)");
        (await count.ExecuteScalarAsync()).ShouldBe(0L);
    }

    [Fact]
    public async Task Neither_value_nor_code_is_ever_logged()
    {
        const string phone = "0912000123";
        const string email = "khong.ai.thay@example.vn";
        await Change("learner", phone);
        (await Request("learner", email)).HasErrors.ShouldBeFalse();
        var code = await _citizen.LatestCode(email);
        (await Confirm("learner", email, WrongCode(code))).FirstErrorCode.ShouldBe("CODE_INVALID");
        (await Confirm("learner", email, code)).HasErrors.ShouldBeFalse();
        (await Request("learner", "not-an-address-0912000124")).FirstErrorCode.ShouldBe("INVALID_INPUT");

        var lines = app.Logs.Lines;
        lines.ShouldNotBeEmpty();
        foreach (var secret in new[] { phone, "912000123", email, "khong.ai.thay", code, "0912000124" })
            app.Logs.Holding(secret).ShouldBeEmpty(secret);
    }

    [Fact]
    public async Task The_development_mailbox_keeps_no_plain_address()
    {
        await Change("learner", "0912000321");

        (await _citizen.LatestCode("0912000321")).Length.ShouldBe(6);
        await using var columns = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "select string_agg(column_name, ',' order by column_name) from information_schema.columns where table_schema = 'organization' and table_name = 'dev_mailbox'");
        (await columns.ExecuteScalarAsync()).ShouldBe("address_hash,id,message,sent_at");
    }
}
