using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>Enrolment, the waiting list and its moving up, under concurrent requests.</summary>
[Collection(VapeCollection.Name)]
public sealed class EnrolmentTests(VapeApp app) : IAsyncLifetime
{
    private readonly ClassesApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Status, int? Position)> Mine(string classId, string token)
    {
        var c = await _api.Class(classId, token);
        var e = c!["enrolment"];
        return e is null ? ("NONE", null) : (e["status"]!.GetValue<string>(), e["position"]?.GetValue<int>());
    }

    [Fact]
    public async Task A_full_class_puts_learners_on_the_waiting_list_and_moves_the_first_up_when_a_place_frees()
    {
        var id = ClassesApi.Id(await _api.Schedule("Lớp một chỗ", capacity: 1));
        var (learner, learner2) = (await _api.Org.Token("learner"), await _api.Org.Token("learner2"));
        var third = (await _api.NewLearners(1))[0].Token;

        (await _api.Enrol(id, learner)).Data["enrolInClass"]!["status"]!.GetValue<string>().ShouldBe("ENROLLED");
        var waiting = (await _api.Enrol(id, learner2)).Data["enrolInClass"]!;
        waiting["status"]!.GetValue<string>().ShouldBe("WAITING");
        waiting["position"]!.GetValue<int>().ShouldBe(1);
        (await _api.Enrol(id, third)).Data["enrolInClass"]!["position"]!.GetValue<int>().ShouldBe(2);
        (await _api.Enrol(id, learner2)).Data["enrolInClass"]!["position"]!.GetValue<int>().ShouldBe(1, "enrolling twice changes nothing");

        var after = (await _api.Leave(id, learner)).Data["leaveClass"]!;
        after["enrolledCount"]!.GetValue<int>().ShouldBe(1);
        after["waitingCount"]!.GetValue<int>().ShouldBe(1);
        (await Mine(id, learner2)).ShouldBe(("ENROLLED", null));
        (await Mine(id, third)).ShouldBe(("WAITING", 1));
        (await Mine(id, learner)).ShouldBe(("NONE", null));
        (await _api.Leave(id, learner)).FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task A_larger_capacity_moves_waiting_learners_up_and_a_smaller_one_than_the_enrolled_is_refused()
    {
        var c = await _api.Schedule("Lớp mở rộng", capacity: 1);
        var id = ClassesApi.Id(c);
        var learners = await _api.NewLearners(3);
        foreach (var (_, token) in learners) await _api.Enrol(id, token);
        (await _api.Org.Mutate("changeClass", new { classId = id, expectedVersion = 1, capacity = 0 }, "commune", "capacity"))
            .FirstErrorCode.ShouldBe("INVALID_INPUT");
        var changed = await _api.Org.Mutate("changeClass", new { classId = id, expectedVersion = 1, capacity = 2 }, "commune", "capacity enrolledCount waitingCount");
        changed.Data["changeClass"]!["enrolledCount"]!.GetValue<int>().ShouldBe(2);
        changed.Data["changeClass"]!["waitingCount"]!.GetValue<int>().ShouldBe(1);
        (await Mine(id, learners[1].Token)).ShouldBe(("ENROLLED", null));
        (await Mine(id, learners[2].Token)).ShouldBe(("WAITING", 1));
        (await _api.Org.Mutate("changeClass", new { classId = id, expectedVersion = 2, capacity = 1 }, "commune", "capacity"))
            .FirstErrorCode.ShouldBe("INVALID_INPUT");
    }

    [Fact]
    public async Task Concurrent_enrolments_never_over_book_a_class()
    {
        var id = ClassesApi.Id(await _api.Schedule("Lớp đông người", capacity: 5));
        var learners = await _api.NewLearners(16);
        var results = await Task.WhenAll(learners.Select(l => Task.Run(() => _api.Enrol(id, l.Token))));
        results.ShouldAllBe(r => !r.HasErrors);
        var statuses = results.Select(r => r.Data["enrolInClass"]!["status"]!.GetValue<string>()).ToList();
        statuses.Count(s => s == "ENROLLED").ShouldBe(5);
        statuses.Count(s => s == "WAITING").ShouldBe(11);
        results.Where(r => r.Data["enrolInClass"]!["status"]!.GetValue<string>() == "WAITING")
            .Select(r => r.Data["enrolInClass"]!["position"]!.GetValue<int>()).Order().ShouldBe(Enumerable.Range(1, 11));

        // Leaving and enrolling at once: still never more than five.
        var enrolled = learners.Where((_, i) => statuses[i] == "ENROLLED").Take(3).ToList();
        var late = await _api.NewLearners(3);
        await Task.WhenAll(enrolled.Select(l => Task.Run(() => _api.Leave(id, l.Token))).Concat(late.Select(l => Task.Run(() => _api.Enrol(id, l.Token)))));
        var c = await _api.Class(id, null);
        c!["enrolledCount"]!.GetValue<int>().ShouldBe(5);
        c["waitingCount"]!.GetValue<int>().ShouldBe(11);
    }

    [Fact]
    public async Task The_roster_lists_the_enrolled_and_the_waiting_in_order_a_page_at_a_time_for_the_class_officials_only()
    {
        var id = ClassesApi.Id(await _api.Schedule("Lớp có danh sách", capacity: 1));
        var learners = await _api.NewLearners(3);
        foreach (var (_, token) in learners) (await _api.Enrol(id, token)).HasErrors.ShouldBeFalse();
        const string query = "query($id: ID!, $s: EnrolmentStatus, $after: String) { class(id: $id) { enrolments(status: $s, first: 1, after: $after) { nodes { personId name status position } pageInfo { hasNextPage endCursor } } } }";
        var official = await _api.Org.Token("commune");

        // Everyone, one a page, in the order they came: the first enrolled, then the waiting ones by place.
        var seen = new List<(Guid, string, int?)>();
        string? after = null;
        do
        {
            var page = await app.GraphQL(query, new { id, s = (string?)null, after }, official);
            page.HasErrors.ShouldBeFalse(page.Body);
            var e = page.Data["class"]!["enrolments"]!;
            seen.AddRange(e["nodes"]!.AsArray().Select(n => (Guid.Parse(n!["personId"]!.GetValue<string>()), n["status"]!.GetValue<string>(), n["position"]?.GetValue<int>())));
            after = e["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? e["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        seen.ShouldBe([(learners[0].PersonId, "ENROLLED", null), (learners[1].PersonId, "WAITING", 1), (learners[2].PersonId, "WAITING", 2)]);

        // The waiting list alone keeps the places; a name comes with each.
        var waiting = await app.GraphQL(query.Replace("first: 1", "first: 10", StringComparison.Ordinal), new { id, s = "WAITING", after = (string?)null }, official);
        var nodes = waiting.Data["class"]!["enrolments"]!["nodes"]!.AsArray();
        nodes.Select(n => n!["position"]!.GetValue<int>()).ShouldBe([1, 2]);
        nodes.ShouldAllBe(n => n!["name"]!.GetValue<string>().StartsWith("Học viên Số", StringComparison.Ordinal));

        // A forged cursor is refused; a learner of the class, and an official elsewhere, get no roster.
        (await app.GraphQL(query, new { id, s = (string?)null, after = Convert.ToBase64String("c:x"u8.ToArray()) }, official)).FirstErrorCode.ShouldBe("INVALID_INPUT");
        foreach (var token in new[] { learners[0].Token, await _api.Org.Token("sibling-province") })
        {
            var refused = await app.GraphQL(query, new { id, s = (string?)null, after = (string?)null }, token);
            refused.FirstErrorCode.ShouldBe("NOT_ALLOWED");
            refused.Data["class"]!["enrolments"].ShouldBeNull();
        }
    }
}
