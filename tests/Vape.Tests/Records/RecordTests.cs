using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Vape.Records.Contracts;
using Vape.Tests.Support;
using Wolverine;

namespace Vape.Tests.Records;

/// <summary>The record itself: declaring, verifying and rejecting entries, class attendance exactly once, concurrent appends.</summary>
[Collection(VapeCollection.Name)]
public sealed class RecordTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_learner_declares_an_activity_and_sees_it_pending_in_their_record()
    {
        var response = await _api.Declare("learner", RecordsApi.Activity(evidenceUrl: "https://vape.vn/minh-chung/123"));

        response.HasErrors.ShouldBeFalse(response.Body);
        response.Data["declareActivity"]!["recordVersion"]!.GetValue<int>().ShouldBe(1);
        var record = await _api.MyRecord("learner");
        var entry = record["activities"]!["nodes"]![0]!;
        entry["title"]!.GetValue<string>().ShouldBe("Lớp tin học cơ bản cho người cao tuổi");
        entry["domain"]!.GetValue<string>().ShouldBe("DIGITAL_SKILLS");
        entry["hours"]!.GetValue<decimal>().ShouldBe(2.5m);
        entry["provenance"]!.GetValue<string>().ShouldBe("SELF_DECLARED");
        entry["status"]!.GetValue<string>().ShouldBe("PENDING");
        entry["evidenceUrl"]!.GetValue<string>().ShouldBe("https://vape.vn/minh-chung/123");
        record["version"]!.GetValue<int>().ShouldBe(1);
        record["years"]![0]!["year"]!.GetValue<int>().ShouldBe(2026);
        record["years"]![0]!["hours"]!.GetValue<decimal>().ShouldBe(2.5m);
    }

    [Fact]
    public async Task A_learner_adds_a_credential_with_issuer_and_date()
    {
        var response = await _api.Org.Mutate("addCredential",
            new { title = "Chứng chỉ ứng dụng công nghệ thông tin cơ bản", issuer = "Trường Đại học Bách khoa Hà Nội", date = "2025-12-20", domain = "DIGITAL_SKILLS" },
            "learner", "recordVersion entry { kind title issuer date status }");

        response.HasErrors.ShouldBeFalse(response.Body);
        var credential = (await _api.MyRecord("learner"))["credentials"]![0]!;
        credential["title"]!.GetValue<string>().ShouldBe("Chứng chỉ ứng dụng công nghệ thông tin cơ bản");
        credential["issuer"]!.GetValue<string>().ShouldBe("Trường Đại học Bách khoa Hà Nội");
        credential["kind"]!.GetValue<string>().ShouldBe("CREDENTIAL");
    }

    public static TheoryData<string, object> BadActivities() => new()
    {
        { "negative hours", RecordsApi.Activity(hours: -1) },
        { "zero hours", RecordsApi.Activity(hours: 0) },
        { "more than 24 hours", RecordsApi.Activity(hours: 24.5m) },
        { "a date in the future", RecordsApi.Activity(date: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) },
        { "an empty title", RecordsApi.Activity(title: "   ") },
        { "a title too long", RecordsApi.Activity(title: new string('a', 201)) },
        { "an evidence link that is not http", RecordsApi.Activity(evidenceUrl: "javascript:alert(1)") },
        { "an unknown domain", RecordsApi.Activity(domain: "COOKING") },
        { "a date that is no date", RecordsApi.Activity(date: "2026-02-30") },
    };

    [Theory]
    [MemberData(nameof(BadActivities))]
    public async Task A_bad_declaration_is_refused_with_INVALID_INPUT_and_changes_nothing(string what, object input)
    {
        await _api.DeclareOk("learner");

        var response = await _api.Declare("learner", input);

        response.FirstErrorCode.ShouldBe("INVALID_INPUT", what + ": " + response.Body);
        var record = await _api.MyRecord("learner");
        record["version"]!.GetValue<int>().ShouldBe(1);
        record["activities"]!["nodes"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_day_holds_at_most_24_hours_across_entries()
    {
        await _api.DeclareOk("learner", RecordsApi.Activity(hours: 20, date: "2026-04-01"));

        var refused = await _api.Declare("learner", RecordsApi.Activity(hours: 4.5m, date: "2026-04-01"));
        var otherDay = await _api.Declare("learner", RecordsApi.Activity(hours: 4.5m, date: "2026-04-02"));

        refused.FirstErrorCode.ShouldBe("INVALID_INPUT");
        otherDay.HasErrors.ShouldBeFalse(otherDay.Body);
        (await _api.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_official_of_the_unit_verifies_a_declared_entry_and_the_learner_sees_it_verified()
    {
        var entry = await _api.DeclareOk("learner");

        var verified = await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "commune", "recordVersion entry { provenance status decidedBy }");

        verified.HasErrors.ShouldBeFalse(verified.Body);
        var seen = (await _api.MyRecord("learner"))["activities"]!["nodes"]![0]!;
        seen["provenance"]!.GetValue<string>().ShouldBe("VERIFIED");
        seen["status"]!.GetValue<string>().ShouldBe("ACCEPTED");
        seen["decidedBy"]!.GetValue<string>().ShouldBe(await _api.Org.PersonId("commune"));
    }

    [Fact]
    public async Task Verifying_twice_is_refused()
    {
        var entry = await _api.DeclareOk("learner");
        (await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "commune")).HasErrors.ShouldBeFalse();

        var again = await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "province");
        var reject = await _api.Org.Mutate("rejectRecordEntry", new { entryId = entry, reason = "Không có minh chứng" }, "province");

        again.FirstErrorCode.ShouldBe("INVALID_INPUT");
        reject.FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await _api.MyRecord("learner"))["version"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task No_official_verifies_an_entry_of_their_own()
    {
        var own = await _api.DeclareOk("commune");

        var response = await _api.Org.Mutate("verifyRecordEntry", new { entryId = own }, "commune");

        response.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.MyRecord("commune"))["activities"]!["nodes"]![0]!["status"]!.GetValue<string>().ShouldBe("PENDING");
    }

    [Fact]
    public async Task An_official_outside_the_subtree_cannot_verify()
    {
        var entry = await _api.DeclareOk("learner");

        var sibling = await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "sibling-province");
        var learner2 = await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "learner2");

        sibling.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        learner2.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await _api.MyRecord("learner"))["activities"]!["nodes"]![0]!["status"]!.GetValue<string>().ShouldBe("PENDING");
    }

    [Fact]
    public async Task An_official_rejects_with_a_reason_that_the_learner_reads_and_the_hours_leave_the_totals()
    {
        var entry = await _api.DeclareOk("learner");

        var noReason = await _api.Org.Mutate("rejectRecordEntry", new { entryId = entry, reason = " " }, "commune");
        var rejected = await _api.Org.Mutate("rejectRecordEntry", new { entryId = entry, reason = "Minh chứng không khớp với ngày học" }, "commune",
            "entry { status rejectionReason }");

        noReason.FirstErrorCode.ShouldBe("INVALID_INPUT");
        rejected.HasErrors.ShouldBeFalse(rejected.Body);
        var record = await _api.MyRecord("learner");
        record["activities"]!["nodes"]![0]!["status"]!.GetValue<string>().ShouldBe("REJECTED");
        record["activities"]!["nodes"]![0]!["rejectionReason"]!.GetValue<string>().ShouldBe("Minh chứng không khớp với ngày học");
        record["years"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Verifying_an_unknown_entry_is_NOT_FOUND_and_a_malformed_id_INVALID_INPUT()
    {
        (await _api.Org.Mutate("verifyRecordEntry", new { entryId = Guid.NewGuid() }, "commune")).FirstErrorCode.ShouldBe("NOT_FOUND");
        (await _api.Org.Mutate("verifyRecordEntry", new { entryId = "abc" }, "commune")).FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task An_append_with_a_stale_expected_version_is_a_VERSION_CONFLICT()
    {
        await _api.DeclareOk("learner", RecordsApi.Activity(expectedVersion: 0));

        var stale = await _api.Declare("learner", RecordsApi.Activity(title: "Pháp luật giao thông", domain: "LEGAL_AWARENESS", expectedVersion: 0));

        stale.FirstErrorCode.ShouldBe("VERSION_CONFLICT");
        (await _api.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Of_two_concurrent_appends_at_the_same_version_exactly_one_wins()
    {
        await _api.Org.Token("learner");

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            _api.Declare("learner", RecordsApi.Activity(title: $"Buổi học {i}", date: $"2026-03-1{i}", expectedVersion: 0))));

        results.Count(r => !r.HasErrors).ShouldBe(1);
        results.Where(r => r.HasErrors).ShouldAllBe(r => r.FirstErrorCode == "VERSION_CONFLICT");
        (await _api.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Class_attendance_delivered_twice_adds_the_activity_once()
    {
        var learner = await _api.PersonGuid("learner");
        var unit = Guid.Parse(await _api.Org.UnitId("T01-X001"));
        var message = RecordsApi.Attendance(learner, unit, LearningDomain.LegalAwareness, 120, "Tìm hiểu Luật Giao thông đường bộ");

        await _api.Attend(message);
        await _api.Attend(message);

        var record = await _api.MyRecord("learner");
        var activity = record["activities"]!["nodes"]!.AsArray().ShouldHaveSingleItem()!;
        activity["title"]!.GetValue<string>().ShouldBe("Tìm hiểu Luật Giao thông đường bộ");
        activity["provenance"]!.GetValue<string>().ShouldBe("SYSTEM");
        activity["status"]!.GetValue<string>().ShouldBe("ACCEPTED");
        activity["hours"]!.GetValue<decimal>().ShouldBe(2m);
        record["version"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Class_attendance_delivered_twice_at_the_same_moment_adds_the_activity_once()
    {
        var learner = await _api.PersonGuid("learner");
        var unit = Guid.Parse(await _api.Org.UnitId("T01-X001"));
        var message = RecordsApi.Attendance(learner, unit);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            using var scope = app.Host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message);
        })));

        (await _api.MyRecord("learner"))["activities"]!["nodes"]!.AsArray().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_system_entry_needs_no_verification()
    {
        var learner = await _api.PersonGuid("learner");
        var message = RecordsApi.Attendance(learner, Guid.Parse(await _api.Org.UnitId("T01-X001")));
        await _api.Attend(message);
        var entry = (await _api.MyRecord("learner"))["activities"]!["nodes"]![0]!["id"]!.GetValue<string>();

        (await _api.Org.Mutate("verifyRecordEntry", new { entryId = entry }, "commune")).FirstErrorCode.ShouldBe("INVALID_INPUT");
    }
}
