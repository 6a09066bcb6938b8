using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using UglyToad.PdfPig;
using Vape.Records.Histories;
using Vape.Tests.Support;
using Vape.Tests.Xapi;
using Wolverine.Tracking;

namespace Vape.Tests.Records;

/// <summary>
/// The certified learning history (docs/adr/0238): an A4 PDF in Vietnamese of the verified part of the record, signed
/// by the home unit, with a QR code and a link to its online check; each download and each look in the access log.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class LearningHistoryTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);
    private readonly XapiApi _xapi = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_learner_prints_their_verified_history_and_its_qr_link_opens_a_check_that_fails_after_any_change()
    {
        var person = await _api.PersonGuid("learner");
        var name = (await _api.Organization.DisplayNamesAsync([person], default))[person];
        await _api.Attend(RecordsApi.Attendance(person, Guid.Parse(await _api.Org.UnitId("T01-X001")), title: "Kỹ năng số cho mọi người", minutes: 90));
        var verified = await _api.DeclareOk("learner", RecordsApi.Activity(title: "Tìm hiểu Luật Đất đai 2024", domain: "LEGAL_AWARENESS", hours: 1.5m));
        await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            (await _api.Org.Mutate("verifyRecordEntry", new { entryId = verified }, "commune", "entry { status }")).HasErrors.ShouldBeFalse()));
        await _api.DeclareOk("learner", RecordsApi.Activity(title: "Một hoạt động chưa được xác nhận"));

        var response = await Get(HistoryEndpoints.PdfPath, await _api.Org.Token("learner"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        (Math.Round(page.Width), Math.Round(page.Height)).ShouldBe((595d, 842d), "A4");
        var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        text.ShouldContain("QUÁ TRÌNH HỌC TẬP ĐƯỢC CHỨNG NHẬN");
        text.ShouldContain(name);
        text.ShouldContain("Kỹ năng số cho mọi người");
        text.ShouldContain("Tìm hiểu Luật Đất đai 2024");
        text.ShouldContain("Tổng số giờ học: 3");
        text.ShouldNotContain("chưa được xác nhận", customMessage: "a self-declared entry no official verified is not certified");

        // The QR code and the link over it name the same verification address; the image is the QR code of that address.
        var link = document.GetPages().SelectMany(p => p.GetHyperlinks()).Select(h => h.Uri).Distinct().ShouldHaveSingleItem();
        link.ShouldStartWith("http://localhost/verify?history=");
        text.ShouldContain(link);
        var image = document.GetPages().SelectMany(p => p.GetImages()).ShouldHaveSingleItem();
        using var qr = new QRCoder.QRCodeGenerator().CreateQrCode(link, QRCoder.QRCodeGenerator.ECCLevel.M);
        image.WidthInSamples.ShouldBe(qr.ModuleMatrix.Count * 8);
        var historyId = link["http://localhost/verify?history=".Length..];

        // What the page loads: valid, the holder, the two verified entries, the signed statement.
        var look = await Json(await Get($"/histories/{historyId}", null));
        look["valid"]!.GetValue<bool>().ShouldBeTrue(look.ToJsonString());
        look["code"]!.GetValue<string>().ShouldBe("VALID");
        look["holderName"]!.GetValue<string>().ShouldBe(name);
        look["entries"]!.AsArray().Select(e => e!["title"]!.GetValue<string>()).ShouldBe(["Tìm hiểu Luật Đất đai 2024", "Kỹ năng số cho mọi người"], ignoreOrder: true);
        look["entries"]!.AsArray().Single(e => e!["title"]!.GetValue<string>() == "Tìm hiểu Luật Đất đai 2024")!["verifiedBy"]!.GetValue<string>().ShouldStartWith("Cán bộ");
        var statement = look["statement"]!.GetValue<string>();
        (await Verify(statement))["code"]!.GetValue<string>().ShouldBe("VALID");

        // Any change of the signed part fails: the name, an hour, a letter anywhere.
        var parts = statement.Split('.');
        var payload = JsonNode.Parse(WebEncoders.Base64UrlDecode(parts[1]))!;
        Action<JsonNode>[] changes =
        [
            p => p["credentialSubject"]!["name"] = name + "a",
            p => p["credentialSubject"]!["entries"]![0]!["hours"] = 15,
            p => p["credentialSubject"]!["entries"]![1]!["title"] = "Kỹ nang số",
        ];
        foreach (var change in changes)
        {
            var changed = payload.DeepClone();
            change(changed);
            var forged = $"{parts[0]}.{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(changed.ToJsonString()))}.{parts[2]}";
            var verdict = await Verify(forged);
            verdict["valid"]!.GetValue<bool>().ShouldBeFalse();
            verdict["code"]!.GetValue<string>().ShouldBe("BAD_SIGNATURE");
            verdict["message"]!.GetValue<string>().ShouldContain("Chữ ký không khớp");
        }
        for (var i = 0; i < statement.Length; i += 97)
            (await Verify(statement[..i] + (statement[i] == 'A' ? 'B' : 'A') + statement[(i + 1)..]))["valid"]!.GetValue<bool>().ShouldBeFalse($"character {i} changed");
        (await Verify("không phải chứng nhận"))["code"]!.GetValue<string>().ShouldBe("MALFORMED");

        // The download and the look are lines of the learner's access log.
        var log = await _xapi.AccessLog("learner");
        log.Select(l => l!["purpose"]!.GetValue<string>()).ShouldBe(["HISTORY_VERIFICATION", "CERTIFIED_HISTORY"]);
        log.ShouldAllBe(l => l!["unitName"]!.GetValue<string>() != null && l["officialId"] == null);
    }

    [Fact]
    public async Task Only_the_signed_in_person_gets_their_own_history_and_an_official_cannot_give_its_purposes()
    {
        await _api.Attend(RecordsApi.Attendance(await _api.PersonGuid("learner"), Guid.Parse(await _api.Org.UnitId("T01-X001")), title: "Kỹ năng số cho mọi người"));

        (await Get(HistoryEndpoints.PdfPath, null)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        // Another person downloads only their own: nothing of the learner's.
        var other = await Get(HistoryEndpoints.PdfPath, await _api.Org.Token("learner2"));
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var document = PdfDocument.Open(await other.Content.ReadAsByteArrayAsync()))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            text.ShouldNotContain("Kỹ năng số cho mọi người");
            text.ShouldContain("Chưa có mục nào được xác nhận.");
        }
        (await _xapi.AccessLog("learner")).ShouldBeEmpty();
        var unknown = await Get($"/histories/{Guid.NewGuid()}", null);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json(unknown))["code"]!.GetValue<string>().ShouldBe("NOT_FOUND");

        foreach (var purpose in new[] { "CERTIFIED_HISTORY", "HISTORY_VERIFICATION" })
            (await _api.Record("commune", await _api.Org.PersonId("learner"), purpose)).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _xapi.AccessLog("learner")).ShouldBeEmpty();
    }

    [Fact]
    public async Task After_erasure_the_history_is_gone_and_its_statement_no_longer_verifies()
    {
        await _api.Attend(RecordsApi.Attendance(await _api.PersonGuid("learner"), Guid.Parse(await _api.Org.UnitId("T01-X001"))));
        using var document = PdfDocument.Open(await (await Get(HistoryEndpoints.PdfPath, await _api.Org.Token("learner"))).Content.ReadAsByteArrayAsync());
        var historyId = document.GetPage(1).GetHyperlinks().First().Uri.Split("history=")[1];
        var statement = (await Json(await Get($"/histories/{historyId}", null)))["statement"]!.GetValue<string>();

        (await _api.Org.Mutate("requestRecordErasure", new { personId = await _api.Org.PersonId("learner") }, "learner", "erasedAt")).HasErrors.ShouldBeFalse();

        (await Get($"/histories/{historyId}", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Verify(statement))["code"]!.GetValue<string>().ShouldBe("UNKNOWN_HISTORY");
    }

    private async Task<HttpResponseMessage> Get(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await app.Host.Server.CreateClient().SendAsync(request);
    }

    private async Task<JsonNode> Verify(string statement)
    {
        var response = await app.Host.Server.CreateClient().PostAsync("/histories/verify", new StringContent(statement, Encoding.UTF8, "text/plain"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await Json(response);
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
