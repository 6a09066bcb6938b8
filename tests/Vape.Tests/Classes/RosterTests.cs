using Vape.Tests.Support;

namespace Vape.Tests.Classes;

/// <summary>An official enrols a member, removes a learner with a reason, admits a waiting person (issue #21, docs/adr/0287).</summary>
[Collection(VapeCollection.Name)]
public sealed class RosterTests(VapeApp app) : IAsyncLifetime
{
    private readonly ClassesApi _api = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private const string Counts = "enrolledCount waitingCount";

    private Task<GraphQLResponse> EnrolAs(string? login, string classId, string personId) =>
        _api.Org.Mutate("enrolLearner", new { classId, personId }, login, "personId name status position");

    private Task<GraphQLResponse> RemoveAs(string? login, string classId, string personId, string reason) =>
        _api.Org.Mutate("removeLearner", new { classId, personId, reason }, login, Counts);

    private Task<GraphQLResponse> AdmitAs(string? login, string classId, string personId, bool? overCapacity = null) =>
        _api.Org.Mutate("admitWaitingLearner", new { classId, personId, overCapacity }, login, Counts);

    private async Task<(int Enrolled, int Waiting)> CountsOf(string classId)
    {
        var c = await _api.Class(classId, null);
        return (c!["enrolledCount"]!.GetValue<int>(), c["waitingCount"]!.GetValue<int>());
    }

    private async Task<string?> RemovalReason(string classId, string token) =>
        (await app.GraphQL("query($id: ID!) { class(id: $id) { removal { reason removedAt } } }", new { id = classId }, token))
        .Data["class"]!["removal"]?["reason"]?.GetValue<string>();

    [Fact]
    public async Task An_official_enrols_a_member_who_sees_the_class_in_my_classes_and_a_full_class_puts_the_next_on_the_waiting_list()
    {
        var id = ClassesApi.Id(await _api.Schedule("Lớp một chỗ", capacity: 1));
        var (learner, learner2) = (await _api.Org.PersonId("learner"), await _api.Org.PersonId("learner2"));

        var first = (await EnrolAs("commune", id, learner)).Data["enrolLearner"]!;
        first["status"]!.GetValue<string>().ShouldBe("ENROLLED");
        first["name"]!.GetValue<string>().ShouldBe("Hoàng Thị Em");
        var second = (await EnrolAs("province", id, learner2)).Data["enrolLearner"]!;
        second["status"]!.GetValue<string>().ShouldBe("WAITING", "an official of a unit above may too");
        second["position"]!.GetValue<int>().ShouldBe(1);

        var mine = await app.GraphQL("{ myClasses(relation: ENROLLED) { nodes { id } } }", null, await _api.Org.Token("learner"));
        mine.Data["myClasses"]!["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ShouldContain(id);
    }

    [Fact]
    public async Task Enrolling_refuses_a_learner_an_outsider_someone_already_there_and_a_cancelled_class_and_changes_nothing()
    {
        var id = ClassesApi.Id(await _api.Schedule("Lớp có điều kiện", capacity: 5));
        var (learner, learner2, outsider) = (await _api.Org.PersonId("learner"), await _api.Org.PersonId("learner2"), await _api.Org.PersonId("learner-hp"));

        var byLearner = await EnrolAs("learner", id, learner2);
        byLearner.FirstErrorCode.ShouldBe("NOT_ALLOWED");
        byLearner.Body.ShouldContain("Bạn không có quyền quản lý danh sách lớp học này.");
        (await EnrolAs("sibling-province", id, learner2)).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await EnrolAs("commune", id, outsider)).FirstErrorCode.ShouldBe("NOT_IN_UNIT");
        (await CountsOf(id)).ShouldBe((0, 0));

        (await EnrolAs("commune", id, learner)).HasErrors.ShouldBeFalse();
        (await EnrolAs("commune", id, learner)).FirstErrorCode.ShouldBe("ALREADY_ENROLLED");
        (await _api.Org.Mutate("cancelClass", new { classId = id }, "commune")).HasErrors.ShouldBeFalse();
        (await EnrolAs("commune", id, learner2)).FirstErrorCode.ShouldBe("CLASS_CANCELLED");
        (await CountsOf(id)).ShouldBe((1, 0));
    }

    [Fact]
    public async Task A_removed_learner_reads_the_reason_on_the_class_page_and_the_first_waiting_takes_the_place()
    {
        var id = ClassesApi.Id(await _api.Schedule("Lớp đông", capacity: 1));
        var (learner, learner2) = (await _api.Org.PersonId("learner"), await _api.Org.PersonId("learner2"));
        await EnrolAs("commune", id, learner);
        await EnrolAs("commune", id, learner2);
        var learnerToken = await _api.Org.Token("learner");

        (await RemoveAs("learner2", id, learner, "Không đủ điều kiện")).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await RemoveAs("commune", id, learner, " ")).FirstErrorCode.ShouldBe("INVALID_INPUT");
        (await CountsOf(id)).ShouldBe((1, 1));
        (await RemovalReason(id, learnerToken)).ShouldBeNull();

        var removed = (await RemoveAs("commune", id, learner, "Đăng ký nhầm lớp, đã chuyển sang lớp buổi tối")).Data["removeLearner"]!;
        (removed["enrolledCount"]!.GetValue<int>(), removed["waitingCount"]!.GetValue<int>()).ShouldBe((1, 0));
        (await RemovalReason(id, learnerToken)).ShouldBe("Đăng ký nhầm lớp, đã chuyển sang lớp buổi tối");
        (await RemovalReason(id, await _api.Org.Token("learner2"))).ShouldBeNull("only the removed person reads it");
        (await _api.Class(id, await _api.Org.Token("learner2")))!["enrolment"]!["status"]!.GetValue<string>().ShouldBe("ENROLLED");
        (await RemoveAs("commune", id, learner, "Lần nữa")).FirstErrorCode.ShouldBe("NOT_ENROLLED");

        (await _api.Enrol(id, learnerToken)).HasErrors.ShouldBeFalse();
        (await RemovalReason(id, learnerToken)).ShouldBeNull("enrolled again, the removal is over");
    }

    [Fact]
    public async Task An_official_admits_a_waiting_person_ahead_of_the_queue_over_capacity_only_when_saying_so()
    {
        var id = ClassesApi.Id(await _api.Schedule("Lớp chờ", capacity: 1));
        var people = await _api.NewLearners(3);
        foreach (var (person, _) in people) await EnrolAs("commune", id, person.ToString());
        var third = people[2].PersonId.ToString();

        (await AdmitAs("learner", id, third, true)).FirstErrorCode.ShouldBe("NOT_ALLOWED");
        (await AdmitAs("commune", id, people[0].PersonId.ToString())).FirstErrorCode.ShouldBe("NOT_WAITING");
        var full = await AdmitAs("commune", id, third);
        full.FirstErrorCode.ShouldBe("CLASS_FULL");
        full.Body.ShouldContain("Lớp đã đủ sĩ số");
        (await CountsOf(id)).ShouldBe((1, 2));

        var admitted = (await AdmitAs("commune", id, third, overCapacity: true)).Data["admitWaitingLearner"]!;
        (admitted["enrolledCount"]!.GetValue<int>(), admitted["waitingCount"]!.GetValue<int>()).ShouldBe((2, 1));
        (await _api.Class(id, people[2].Token))!["enrolment"]!["status"]!.GetValue<string>().ShouldBe("ENROLLED");
        (await _api.Class(id, people[1].Token))!["enrolment"]!["position"]!.GetValue<int>().ShouldBe(1);

        (await _api.Org.Mutate("changeClass", new { classId = id, expectedVersion = 1, capacity = 4 }, "commune", "capacity")).HasErrors.ShouldBeFalse();
        (await CountsOf(id)).ShouldBe((3, 0));
    }
}
