using Vape.Classes.Contracts;
using Vape.Tests.Classes;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Notifications;

/// <summary>A place freed in a full class: the learner who moves up from the waiting list is told, once; nobody else is.</summary>
[Collection(VapeCollection.Name)]
public sealed class PlaceFreedTests(VapeApp app) : IAsyncLifetime
{
    private readonly ClassesApi _classes = new(app);

    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<System.Text.Json.Nodes.JsonArray> Inbox(string token)
    {
        var response = await app.GraphQL("{ myNotifications { nodes { kind title link } } }", token: token);
        response.HasErrors.ShouldBeFalse(response.Body);
        return response.Data["myNotifications"]!["nodes"]!.AsArray();
    }

    [Fact]
    public async Task The_learner_moved_up_from_the_waiting_list_is_told_and_the_others_are_not()
    {
        var id = ClassesApi.Id(await _classes.Schedule("Lớp một chỗ", capacity: 1));
        var (learner, learner2) = (await _classes.Org.Token("learner"), await _classes.Org.Token("learner2"));
        var third = (await _classes.NewLearners(1))[0].Token;
        (await _classes.Enrol(id, learner)).HasErrors.ShouldBeFalse();
        (await _classes.Enrol(id, learner2)).HasErrors.ShouldBeFalse();
        (await _classes.Enrol(id, third)).HasErrors.ShouldBeFalse();

        var left = await app.Host.ExecuteAndWaitAsync(async () => (await _classes.Leave(id, learner)).HasErrors.ShouldBeFalse());

        left.Executed.SingleMessage<ClassPlaceFreed>().LearnerIds.ShouldBe([Guid.Parse(await _classes.Org.PersonId("learner2"))]);
        var notification = (await Inbox(learner2)).ShouldHaveSingleItem()!;
        notification["kind"]!.GetValue<string>().ShouldBe("CLASS_PLACE_FREED");
        notification["title"]!.GetValue<string>().ShouldBe("Lớp «Lớp một chỗ»: bạn đã có chỗ");
        notification["link"]!.GetValue<string>().ShouldBe($"/classes/{id}");
        (await Inbox(third)).ShouldBeEmpty();
        (await Inbox(learner)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_larger_capacity_moves_the_waiting_learner_up_and_a_redelivery_adds_nothing()
    {
        var c = await _classes.Schedule("Lớp hai chỗ", capacity: 1);
        var id = ClassesApi.Id(c);
        var (learner, learner2) = (await _classes.Org.Token("learner"), await _classes.Org.Token("learner2"));
        (await _classes.Enrol(id, learner)).HasErrors.ShouldBeFalse();
        (await _classes.Enrol(id, learner2)).HasErrors.ShouldBeFalse();

        var changed = await app.Host.ExecuteAndWaitAsync(async () =>
            (await _classes.Org.Mutate("changeClass", new { classId = id, expectedVersion = c["version"]!.GetValue<int>(), capacity = 2 }, "commune")).HasErrors.ShouldBeFalse());
        var freed = changed.Executed.SingleMessage<ClassPlaceFreed>();
        await app.Host.InvokeMessageAndWaitAsync(freed);

        (await Inbox(learner2)).ShouldHaveSingleItem()!["kind"]!.GetValue<string>().ShouldBe("CLASS_PLACE_FREED");
        (await Inbox(learner)).ShouldBeEmpty();
    }
}
