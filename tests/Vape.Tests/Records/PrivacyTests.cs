using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vape.BuildingBlocks.Storage;
using Vape.Records;
using Vape.Tests.Support;

namespace Vape.Tests.Records;

/// <summary>Who sees a record and how: purpose, access log, consent, export, erasure (crypto-shredding, checked with pg_dump), logs.</summary>
[Collection(VapeCollection.Name)]
public sealed class PrivacyTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_official_looks_with_a_purpose_and_the_learner_reads_who_looked_when_and_why()
    {
        await _api.DeclareOk("learner");
        var learner = await _api.Org.PersonId("learner");

        var look = await _api.Record("commune", learner, "EVALUATION");

        look.HasErrors.ShouldBeFalse(look.Body);
        var log = await app.GraphQL("{ myRecordAccessLog { nodes { officialId officialName unitName purpose shown at } } }", token: await _api.Org.Token("learner"));
        var entry = log.Data["myRecordAccessLog"]!["nodes"]!.AsArray().ShouldHaveSingleItem()!;
        entry["officialId"]!.GetValue<string>().ShouldBe(await _api.Org.PersonId("commune"));
        entry["officialName"]!.GetValue<string>().ShouldBe("Lê Văn Cường");
        entry["unitName"]!.GetValue<string>().ShouldBe("Phường Ba Đình");
        entry["purpose"]!.GetValue<string>().ShouldBe("EVALUATION");
        entry["shown"]!.GetValue<string>().ShouldBe("TOTALS");
    }

    [Fact]
    public async Task A_record_request_without_a_purpose_is_refused_and_not_logged()
    {
        var learner = await _api.Org.PersonId("learner");

        var response = await app.GraphQL($"query($p: ID!) {{ record(personId: $p) {{ version }} }}", new { p = learner }, await _api.Org.Token("commune"));
        var wrong = await _api.Record("commune", learner, "CURIOSITY");

        response.FirstErrorCode.ShouldBe("INVALID_INPUT");
        wrong.FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await AccessLogCount("learner")).ShouldBe(0);
    }

    [Fact]
    public async Task An_official_of_a_sibling_province_cannot_look_and_nothing_is_logged()
    {
        var learner = await _api.Org.PersonId("learner");

        var response = await _api.Record("sibling-province", learner);

        response.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await AccessLogCount("learner")).ShouldBe(0);
    }

    [Fact]
    public async Task Officials_see_only_totals_until_the_learner_consents_to_details_and_withdrawal_takes_effect_at_once()
    {
        await _api.DeclareOk("learner");
        var learner = await _api.Org.PersonId("learner");

        var totalsOnly = (await _api.Record("province", learner)).Data["record"]!;
        (await _api.SetConsent("learner", "DETAILS")).HasErrors.ShouldBeFalse();
        var details = (await _api.Record("province", learner)).Data["record"]!;
        (await _api.SetConsent("learner", "TOTALS")).HasErrors.ShouldBeFalse();
        var withdrawn = (await _api.Record("province", learner)).Data["record"]!;

        totalsOnly["detailsShown"]!.GetValue<bool>().ShouldBeFalse();
        totalsOnly["activities"]!["nodes"]!.AsArray().ShouldBeEmpty();
        totalsOnly["years"]![0]!["hours"]!.GetValue<decimal>().ShouldBe(2.5m);
        details["detailsShown"]!.GetValue<bool>().ShouldBeTrue();
        details["activities"]!["nodes"]![0]!["title"]!.GetValue<string>().ShouldBe("Lớp tin học cơ bản cho người cao tuổi");
        withdrawn["activities"]!["nodes"]!.AsArray().ShouldBeEmpty();
        var log = await app.GraphQL("{ myRecordAccessLog { nodes { shown } } }", token: await _api.Org.Token("learner"));
        log.Data["myRecordAccessLog"]!["nodes"]!.AsArray().Select(n => n!["shown"]!.GetValue<string>()).ShouldBe(["TOTALS", "DETAILS", "TOTALS"]);
    }

    [Fact]
    public async Task The_access_log_pages_with_a_cursor()
    {
        var learner = await _api.Org.PersonId("learner");
        foreach (var purpose in new[] { "VERIFICATION", "EVALUATION", "SUPPORT" }) (await _api.Record("commune", learner, purpose)).HasErrors.ShouldBeFalse();
        var token = await _api.Org.Token("learner");

        var first = await app.GraphQL("{ myRecordAccessLog(first: 2) { nodes { purpose } pageInfo { hasNextPage endCursor } } }", token: token);
        var cursor = first.Data["myRecordAccessLog"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = await app.GraphQL("query($a: String) { myRecordAccessLog(first: 2, after: $a) { nodes { purpose } pageInfo { hasNextPage } } }", new { a = cursor }, token);

        first.Data["myRecordAccessLog"]!["nodes"]!.AsArray().Select(n => n!["purpose"]!.GetValue<string>()).ShouldBe(["SUPPORT", "EVALUATION"]);
        first.Data["myRecordAccessLog"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        second.Data["myRecordAccessLog"]!["nodes"]!.AsArray().Select(n => n!["purpose"]!.GetValue<string>()).ShouldBe(["VERIFICATION"]);
        second.Data["myRecordAccessLog"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_learner_exports_their_record_as_json_and_as_csv_with_a_byte_order_mark()
    {
        await _api.DeclareOk("learner", RecordsApi.Activity(title: "=Học \"kỹ năng số\", phần 1"));
        var token = await _api.Org.Token("learner");

        var json = await Get("/records/me/export.json", token);
        var csv = await Get("/records/me/export.csv", token);
        var anonymous = await Get("/records/me/export.csv", null);

        json.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var exported = System.Text.Json.Nodes.JsonNode.Parse(await json.Content.ReadAsStringAsync())!;
        exported["activities"]![0]!["title"]!.GetValue<string>().ShouldBe("=Học \"kỹ năng số\", phần 1");
        exported["activities"]![0]!["provenance"]!.GetValue<string>().ShouldBe("SELF_DECLARED", "exports use the enums' GraphQL names");
        exported["activities"]![0]!["domain"]!.GetValue<string>().ShouldBe("DIGITAL_SKILLS");
        exported["consent"]!.GetValue<string>().ShouldBe("TOTALS");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        lines[0].ShouldBe("loai,ten,linh_vuc,ngay,so_gio,don_vi_to_chuc,noi_cap,minh_chung,nguon_goc,trang_thai,ly_do_tu_choi");
        lines[1].ShouldStartWith("Hoạt động,\"'=Học \"\"kỹ năng số\"\", phần 1\",Kỹ năng số,2026-03-14,2.5,");
        lines[1].ShouldEndWith(",Tự khai,Chờ xác nhận,");
        anonymous.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Erasure_is_for_the_person_alone()
    {
        await _api.DeclareOk("learner");
        var learner = await _api.Org.PersonId("learner");

        foreach (var other in new[] { "learner2", "commune", "province", "central", "sibling-province" })
            (await _api.Org.Mutate("requestRecordErasure", new { personId = learner }, other)).FirstErrorCode.ShouldBe("NOT_ALLOWED", other);
        (await _api.Org.Mutate("requestRecordErasure", new { personId = learner }, null)).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");

        (await _api.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task After_erasure_a_database_dump_holds_no_trace_of_the_entries_nor_the_key_that_could_open_them()
    {
        const string title = "Khóa học chăm sóc vườn lan hồ điệp tại nhà";
        const string credential = "Chứng nhận hoàn thành khóa sơ cứu ban đầu";
        const string reason = "Thiếu giấy xác nhận của câu lạc bộ dưỡng sinh";
        await _api.DeclareOk("learner", RecordsApi.Activity(title: title, evidenceUrl: "https://minhchung.example/lan-ho-diep"));
        var rejected = await _api.DeclareOk("learner", RecordsApi.Activity(title: "Câu lạc bộ dưỡng sinh", domain: "HEALTH", date: "2026-02-02"));
        (await _api.Org.Mutate("rejectRecordEntry", new { entryId = rejected, reason }, "commune")).HasErrors.ShouldBeFalse();
        (await _api.Org.Mutate("addCredential", new { title = credential, issuer = "Hội Chữ thập đỏ", date = "2025-10-10" }, "learner")).HasErrors.ShouldBeFalse();
        var learner = await _api.Org.PersonId("learner");
        var key = Convert.ToHexString((byte[])(await Scalar("select key from records.person_keys where person_id = @p", Guid.Parse(learner)))!).ToLowerInvariant();
        (await PgDump()).ShouldContain(key, customMessage: "the dump before erasure holds the key, so its absence afterwards means something");

        var erased = await _api.Org.Mutate("requestRecordErasure", new { personId = learner }, "learner", "erasedAt recordVersion");

        erased.HasErrors.ShouldBeFalse(erased.Body);
        var dump = await PgDump();
        foreach (var secret in new[] { title, credential, reason, "minhchung.example", "Hội Chữ thập đỏ", key }) dump.ShouldNotContain(secret);
        var record = await _api.MyRecord("learner");
        record["erasedAt"].ShouldNotBeNull();
        record["activities"]!["nodes"]!.AsArray().ShouldBeEmpty();
        record["credentials"]!.AsArray().ShouldBeEmpty();
        record["years"]!.AsArray().ShouldBeEmpty();
        (await Scalar("select count(*) from events.mt_events where stream_id = @p", ModuleStreams<RecordsModule>.Id(Guid.Parse(learner))))
            .ShouldBe(5L, "the events stay, sealed for ever");
    }

    [Fact]
    public async Task The_records_schema_and_the_event_store_never_hold_a_name()
    {
        await _api.DeclareOk("learner");
        (await _api.SetConsent("learner", "DETAILS")).HasErrors.ShouldBeFalse();
        (await _api.Record("commune", await _api.Org.PersonId("learner"))).HasErrors.ShouldBeFalse();

        var dump = await PgDump("--schema=records");
        var events = string.Join("\n", await Texts("select data::text from events.mt_events where stream_id = @p",
            ModuleStreams<RecordsModule>.Id(await _api.PersonGuid("learner"))));

        dump.ShouldContain("records.entries");
        events.ShouldContain("sealed");
        foreach (var text in new[] { "Hoàng Thị Em", "Lê Văn Cường", "Phường Ba Đình", "Lớp tin học cơ bản" })
        {
            dump.ShouldNotContain(text);
            events.ShouldNotContain(text);
        }
    }

    [Fact]
    public async Task The_log_of_a_run_holds_no_title_reason_evidence_or_name()
    {
        const string title = "Tọa đàm phòng chống lừa đảo qua mạng cho người cao tuổi";
        const string reason = "Chưa có danh sách ký tên tham dự";
        var entry = await _api.DeclareOk("learner", RecordsApi.Activity(title: title, evidenceUrl: "https://minhchung.example/toa-dam"));
        (await _api.Org.Mutate("rejectRecordEntry", new { entryId = entry, reason }, "commune")).HasErrors.ShouldBeFalse();
        (await _api.Declare("learner", RecordsApi.Activity(title: title, hours: 30))).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.SetConsent("learner", "DETAILS")).HasErrors.ShouldBeFalse();
        (await _api.Record("commune", await _api.Org.PersonId("learner"))).HasErrors.ShouldBeFalse();
        await _api.Attend(RecordsApi.Attendance(await _api.PersonGuid("learner"), Guid.Parse(await _api.Org.UnitId("T01-X001")), title: "Lớp ngoại ngữ cô Hạnh"));
        (await _api.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().Count.ShouldBe(2);

        var lines = app.Logs.Lines;

        lines.ShouldNotBeEmpty();
        foreach (var secret in new[] { title, reason, "minhchung.example", "Lớp ngoại ngữ cô Hạnh", "Hoàng Thị Em", "Lê Văn Cường" })
            lines.ShouldNotContain(l => l.Contains(secret), secret);
    }

    private async Task<long> AccessLogCount(string login)
    {
        var response = await app.GraphQL("{ myRecordAccessLog(first: 100) { nodes { id } } }", token: await _api.Org.Token(login));
        return response.Data["myRecordAccessLog"]!["nodes"]!.AsArray().Count;
    }

    private async Task<List<string>> Texts(string sql, Guid person)
    {
        await using var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        cmd.Parameters.AddWithValue("p", person);
        var texts = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) texts.Add(reader.GetString(0));
        return texts;
    }

    private async Task<HttpResponseMessage> Get(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        return await app.Host.Server.CreateClient().SendAsync(request);
    }

    private async Task<object?> Scalar(string sql, Guid person)
    {
        await using var cmd = app.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        cmd.Parameters.AddWithValue("p", person);
        return await cmd.ExecuteScalarAsync();
    }

    private Task<string> PgDump(params string[] options) => DatabaseDump.Of(app, options);
}
