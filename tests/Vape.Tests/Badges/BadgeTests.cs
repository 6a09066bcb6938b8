using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Vape.Records.Badges;
using Vape.Tests.Records;
using Vape.Tests.Support;

namespace Vape.Tests.Badges;

/// <summary>
/// Open Badges 3.0 credentials through the public surface (docs/adr/0191–0193): issued from a verified entry over
/// GraphQL, checked by an independent verifier from npm (jose, the OB context, a local document loader) and by
/// `POST /badges/verify`, refused after any byte of the payload changes, with another unit's key, after revocation;
/// keys rotate without breaking older credentials.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class BadgeTests(VapeApp app) : IAsyncLifetime
{
    private const string Fields = "id source sourceId unitId issuerName name credential issuedAt revokedAt verifyUrl qrCodeSvg";
    private readonly RecordsApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_verified_entry_becomes_a_credential_an_independent_verifier_accepts_and_any_changed_byte_fails()
    {
        var badge = await IssueVerifiedAsync("Chứng chỉ ứng dụng công nghệ thông tin cơ bản");
        var jwt = badge["credential"]!.GetValue<string>();
        var (header, payload) = (Part(jwt, 0), Part(jwt, 1));

        header["alg"]!.GetValue<string>().ShouldBe("EdDSA");
        header["typ"]!.GetValue<string>().ShouldBe("vc+jwt");
        payload["@context"]!.AsArray().Select(c => c!.GetValue<string>())
            .ShouldBe(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]);
        payload["type"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("OpenBadgeCredential");
        var subject = payload["credentialSubject"]!;
        subject["achievement"]!["name"]!.GetValue<string>().ShouldBe("Chứng chỉ ứng dụng công nghệ thông tin cơ bản");
        subject["achievement"]!["criteria"]!["narrative"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        // No person id, no name: a random subject id and a salted hash of the name.
        var person = await _api.Org.PersonId("learner");
        payload.ToJsonString().ShouldNotContain(person);
        subject["identifier"]![0]!["identityHash"]!.GetValue<string>().ShouldStartWith("sha256$");

        var (dids, lists) = await PublishedAsync(jwt);
        var tampered = Tampered(jwt).ToList();
        var verdicts = await BadgeVerifier.RunAsync([jwt, .. tampered], dids, lists);

        verdicts[0]["valid"]!.GetValue<bool>().ShouldBeTrue(verdicts[0].ToJsonString());
        verdicts[0]["achievement"]!.GetValue<string>().ShouldBe("Chứng chỉ ứng dụng công nghệ thông tin cơ bản");
        for (var i = 1; i < verdicts.Count; i++) verdicts[i]["valid"]!.GetValue<bool>().ShouldBeFalse($"byte {i - 1} changed: {verdicts[i].ToJsonString()}");
        (await VerifyAsync(jwt))["code"]!.GetValue<string>().ShouldBe("VALID");
        foreach (var changed in tampered.Where((_, i) => i % 101 == 0))
            (await VerifyAsync(changed))["code"]!.GetValue<string>().ShouldBeOneOf("BAD_SIGNATURE", "MALFORMED");
    }

    [Fact]
    public async Task Issuing_again_returns_the_same_credential_and_the_record_keeps_it_once()
    {
        var entry = await VerifiedEntryAsync("Lớp kỹ năng số");
        var first = await IssueAsync("learner", entry);
        var again = await IssueAsync("learner", entry);

        again.HasErrors.ShouldBeFalse(again.Body);
        again.Data["issueBadge"]!["id"]!.GetValue<string>().ShouldBe(first.Data["issueBadge"]!["id"]!.GetValue<string>());
        var mine = await app.GraphQL($"{{ myBadges {{ {Fields} }} }}", token: await _api.Org.Token("learner"));
        mine.Data["myBadges"]!.AsArray().Count.ShouldBe(1);
        var qr = mine.Data["myBadges"]![0]!;
        qr["qrCodeSvg"]!.GetValue<string>().ShouldStartWith("<svg");
        qr["verifyUrl"]!.GetValue<string>().ShouldEndWith($"/verify?badge={qr["id"]!.GetValue<string>()}");
        // The public copy the QR code's page loads is the credential itself.
        var copy = await app.Host.Server.CreateClient().GetStringAsync($"/badges/{qr["id"]!.GetValue<string>()}/credential");
        copy.ShouldBe(qr["credential"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_credential_signed_with_another_units_key_fails_both_verifiers()
    {
        var jwt = (await IssueVerifiedAsync("Lớp tiếng Anh giao tiếp"))["credential"]!.GetValue<string>();
        var signingInput = jwt[..jwt.LastIndexOf('.')];
        var otherUnit = Guid.Parse(await _api.Org.UnitId("T01-X002"));
        var keys = app.Host.Services.GetRequiredService<BadgeKeys>();
        var (_, signature) = await keys.SignAsync(otherUnit, Encoding.ASCII.GetBytes(signingInput), CancellationToken.None);
        var forged = signingInput + "." + WebEncoders.Base64UrlEncode(signature);

        var (dids, lists) = await PublishedAsync(jwt);
        var verdict = (await BadgeVerifier.RunAsync([forged], dids, lists)).Single();

        verdict["valid"]!.GetValue<bool>().ShouldBeFalse(verdict.ToJsonString());
        (await VerifyAsync(forged))["code"]!.GetValue<string>().ShouldBe("BAD_SIGNATURE");
    }

    [Fact]
    public async Task A_revoked_credential_fails_verification_and_only_the_person_or_the_units_official_may_revoke()
    {
        var badge = await IssueVerifiedAsync("Lớp sơ cấp cứu");
        var (id, jwt) = (badge["id"]!.GetValue<string>(), badge["credential"]!.GetValue<string>());

        var stranger = await _api.Org.Mutate("revokeBadge", new { badgeId = id, reason = "Không đúng" }, "learner2", "id");
        var noReason = await _api.Org.Mutate("revokeBadge", new { badgeId = id, reason = "  " }, "learner", "id");
        var anonymous = await _api.Org.Mutate("revokeBadge", new { badgeId = id, reason = "Không đúng" }, null, "id");
        stranger.FirstErrorCode.ShouldBe("NOT_FOUND");
        noReason.FirstErrorCode.ShouldBe("INVALID_INPUT");
        anonymous.FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await VerifyAsync(jwt))["code"]!.GetValue<string>().ShouldBe("VALID");

        var revoked = await _api.Org.Mutate("revokeBadge", new { badgeId = id, reason = "Cấp nhầm" }, "commune", "id revokedAt");
        revoked.HasErrors.ShouldBeFalse(revoked.Body);
        revoked.Data["revokeBadge"]!["revokedAt"].ShouldNotBeNull();
        (await _api.Org.Mutate("revokeBadge", new { badgeId = id, reason = "Lần nữa" }, "learner", "id")).FirstErrorCode.ShouldBe("INVALID_INPUT");

        var (dids, lists) = await PublishedAsync(jwt);
        var verdict = (await BadgeVerifier.RunAsync([jwt], dids, lists)).Single();
        verdict["valid"]!.GetValue<bool>().ShouldBeFalse();
        verdict["revoked"]!.GetValue<bool>().ShouldBeTrue();
        var check = await VerifyAsync(jwt);
        check["code"]!.GetValue<string>().ShouldBe("REVOKED");
        check["revoked"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task After_a_key_rotation_older_credentials_still_verify_and_newer_ones_name_the_new_key()
    {
        var old = (await IssueVerifiedAsync("Lớp trồng rau sạch"))["credential"]!.GetValue<string>();
        var unitId = Part(old, 0)["kid"]!.GetValue<string>().Split(":units:")[1].Split('#')[0];

        (await _api.Org.Mutate("rotateBadgeKey", new { unitId }, "learner", "keyId")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        var rotated = await _api.Org.Mutate("rotateBadgeKey", new { unitId }, "commune", "keyId");
        rotated.HasErrors.ShouldBeFalse(rotated.Body);
        rotated.Data["rotateBadgeKey"]!["keyId"]!.GetValue<string>().ShouldEndWith("#key-2");
        var newer = (await IssueVerifiedAsync("Lớp nuôi dạy con"))["credential"]!.GetValue<string>();

        Part(newer, 0)["kid"]!.GetValue<string>().ShouldEndWith("#key-2");
        var (dids, lists) = await PublishedAsync(old);
        var verdicts = await BadgeVerifier.RunAsync([old, newer], dids, lists);
        verdicts.ShouldAllBe(v => v["valid"]!.GetValue<bool>());
        (await VerifyAsync(old))["code"]!.GetValue<string>().ShouldBe("VALID");
    }

    [Fact]
    public async Task Only_accepted_entries_of_ones_own_record_become_credentials()
    {
        var pending = await _api.DeclareOk("learner");
        var others = await VerifiedEntryAsync("Lớp của người khác", "learner2");

        (await IssueAsync("learner", pending)).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await IssueAsync("learner", others)).FirstErrorCode.ShouldBe("NOT_FOUND");
        (await _api.Org.Mutate("issueBadge", new { source = "TITLE", sourceId = Guid.NewGuid() }, "learner", "id")).FirstErrorCode.ShouldBe("NOT_FOUND");
        (await _api.Org.Mutate("issueBadge", new { source = "ENTRY", sourceId = "không-phải-id" }, "learner", "id")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        var mine = await app.GraphQL("{ myBadges { id } }", token: await _api.Org.Token("learner"));
        mine.Data["myBadges"]!.AsArray().ShouldBeEmpty();
        (await VerifyAsync("không phải chứng nhận"))["code"]!.GetValue<string>().ShouldBe("MALFORMED");
    }

    private async Task<string> VerifiedEntryAsync(string title, string login = "learner")
    {
        var entry = await _api.DeclareOk(login, RecordsApi.Activity(title: title));
        var verified = await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "commune", "recordVersion");
        verified.HasErrors.ShouldBeFalse(verified.Body);
        return entry;
    }

    private Task<GraphQLResponse> IssueAsync(string login, string entry) =>
        _api.Org.Mutate("issueBadge", new { source = "ENTRY", sourceId = entry }, login, Fields);

    private async Task<JsonNode> IssueVerifiedAsync(string title)
    {
        var issued = await IssueAsync("learner", await VerifiedEntryAsync(title));
        issued.HasErrors.ShouldBeFalse(issued.Body);
        return issued.Data["issueBadge"]!;
    }

    /// <summary>What a verifier fetches: the issuer's DID document (`/units/{id}/did.json`) and the status list the credential names.</summary>
    private async Task<(JsonObject Dids, JsonObject Lists)> PublishedAsync(string jwt)
    {
        var client = app.Host.Server.CreateClient();
        var payload = Part(jwt, 1);
        var did = payload["issuer"]!["id"]!.GetValue<string>();
        var unit = did.Split(":units:")[1];
        var document = JsonNode.Parse(await client.GetStringAsync($"/units/{unit}/did.json"))!;
        document["id"]!.GetValue<string>().ShouldBe(did);
        var listUrl = payload["credentialStatus"]!["statusListCredential"]!.GetValue<string>();
        var list = await client.GetStringAsync(new Uri(listUrl).PathAndQuery);
        return (new JsonObject { [did] = document }, new JsonObject { [listUrl] = list });
    }

    private async Task<JsonNode> VerifyAsync(string jwt)
    {
        var response = await app.Host.Server.CreateClient().PostAsJsonAsync("/badges/verify", new { credential = jwt });
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static JsonNode Part(string jwt, int index) => JsonNode.Parse(WebEncoders.Base64UrlDecode(jwt.Split('.')[index]))!;

    /// <summary>The credential with one byte of its payload changed, for every byte.</summary>
    private static IEnumerable<string> Tampered(string jwt)
    {
        var parts = jwt.Split('.');
        var bytes = WebEncoders.Base64UrlDecode(parts[1]);
        for (var i = 0; i < bytes.Length; i++)
        {
            var changed = (byte[])bytes.Clone();
            changed[i] ^= 0x01;
            yield return $"{parts[0]}.{WebEncoders.Base64UrlEncode(changed)}.{parts[2]}";
        }
    }
}
