using Vape.Content.Contracts;
using Vape.Records.Contracts;
using Vape.Tests.Support;
using Wolverine;
using Wolverine.Tracking;

namespace Vape.Tests.Records;

/// <summary>
/// The integration events a learner's notifications (#22) are fed by: an entry verified or rejected, a title decided,
/// a resource reviewed. Each is published once per decision, with ids only, and not for a refused call.
/// </summary>
[Collection(VapeCollection.Name)]
public sealed class DecisionEventsTests(VapeApp app) : IAsyncLifetime
{
    private readonly RecordsApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<T>> Published<T>(Func<Task> act)
    {
        var tracked = await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).DoNotAssertOnExceptionsDetected()
            .ExecuteAndWaitAsync((Func<IMessageContext, Task>)(async _ => await act()));
        return tracked.AllRecordsInOrder().Select(r => r.Message).OfType<T>().Distinct().ToList();
    }

    [Fact]
    public async Task Verifying_and_rejecting_an_entry_and_deciding_a_title_are_published_for_the_learner()
    {
        var learner = await _api.PersonGuid("learner");
        var commune = await _api.PersonGuid("commune");
        var verified = await _api.DeclareOk("learner", RecordsApi.Activity(title: "Câu lạc bộ khoa học", domain: "SCIENCE", hours: 2, date: "2026-05-05"));
        var rejected = await _api.DeclareOk("learner", RecordsApi.Activity(title: "Sơ cứu ban đầu", domain: "HEALTH", hours: 2, date: "2026-05-06"));

        (await Published<RecordEntryDecided>(async () =>
            (await _api.Org.Mutate("verifyRecordEntry", new { entryId = verified }, "sibling-province")).FirstErrorCode.ShouldBe("NOT_ALLOWED"))).ShouldBeEmpty();
        var onVerify = await Published<RecordEntryDecided>(async () =>
            (await _api.Org.Mutate("verifyRecordEntry", new { entryId = verified }, "commune")).HasErrors.ShouldBeFalse());
        onVerify.Single().ShouldBe(onVerify.Single() with { EntryId = Guid.Parse(verified), PersonId = learner, Verified = true, DecidedBy = commune });
        var onReject = await Published<RecordEntryDecided>(async () =>
            (await _api.Org.Mutate("rejectRecordEntry", new { entryId = rejected, reason = "Chưa có minh chứng" }, "commune")).HasErrors.ShouldBeFalse());
        onReject.Single().ShouldBe(onReject.Single() with { EntryId = Guid.Parse(rejected), PersonId = learner, Verified = false, DecidedBy = commune });

        (await _api.Org.Mutate("setTitleRules", new { year = 2026, minHours = 1, minDomains = 1, familyShare = 0.5, groupShare = 0.5, minGroupMembers = 3 }, "central"))
            .HasErrors.ShouldBeFalse();
        var baDinh = await _api.Org.UnitId("T01-X001");
        var proposals = await app.GraphQL("query($u: ID!) { titleProposals(unitId: $u, year: 2026, purpose: EVALUATION, first: 100) { nodes { id subjectId } } }",
            new { u = baDinh }, await _api.Org.Token("province"));
        var proposal = proposals.Data["titleProposals"]!["nodes"]!.AsArray().Single(p => p!["subjectId"]!.GetValue<string>() == learner.ToString())!["id"]!.GetValue<string>();
        var onTitle = await Published<LearningTitleDecided>(async () =>
            (await _api.Org.Mutate("confirmTitle", new { unitId = baDinh, year = 2026, proposalId = proposal }, "province")).HasErrors.ShouldBeFalse());
        var title = onTitle.Single();
        (title.ProposalId, title.Kind, title.Year, title.SubjectId, title.Confirmed).ShouldBe((Guid.Parse(proposal), "LEARNING_CITIZEN", 2026, learner, true));
        title.PersonIds.ShouldBe([learner]);
    }

    [Fact]
    public async Task Reviewing_a_resource_is_published_for_its_submitter_once()
    {
        var submitted = await _api.Org.Mutate("submitResource", new
        {
            title = "Kỹ năng số", description = "Hướng dẫn", domain = "DIGITAL_SKILLS", audience = "ELDERLY", language = "vi", format = "VIDEO",
            licence = "CC_BY", externalUrl = "https://khuyenhoc.vn/tai-nguyen/1",
        }, "learner", "id");
        var id = Guid.Parse(submitted.Data["submitResource"]!["id"]!.GetValue<string>());

        var onApprove = await Published<ResourceReviewed>(async () =>
            (await _api.Org.Mutate("approveResource", new { resourceId = id }, "commune")).HasErrors.ShouldBeFalse());
        onApprove.Single().ShouldBe(onApprove.Single() with
        {
            ResourceId = id,
            SubmittedBy = await _api.PersonGuid("learner"),
            Approved = true,
            ReviewedBy = await _api.PersonGuid("commune")
        });
        // Approving again changes nothing, and tells nobody anything.
        (await Published<ResourceReviewed>(async () =>
            (await _api.Org.Mutate("approveResource", new { resourceId = id }, "commune")).HasErrors.ShouldBeFalse())).ShouldBeEmpty();
    }
}
