using Marten;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Organization.People;
using Vape.Organization.Tree;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Organization;

/// <summary>What a command causes, through Wolverine's tracked sessions: the integration event leaves by a durable queue.</summary>
[Collection(VapeCollection.Name)]
public sealed class MessagingTests(VapeApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Renaming_publishes_UnitRenamed_through_a_durable_local_queue_after_the_commit()
    {
        await using var session = app.Store.QuerySession();
        var haNoi = await session.Query<Unit>().SingleAsync(u => u.Name == "Hà Nội");
        var official = await session.Query<Person>().SingleAsync(p => p.Login == "province");

        var tracked = await app.Host.InvokeMessageAndWaitAsync(new RenameUnit(haNoi.Id, "Thủ đô Hà Nội", haNoi.Version, official.Id));

        var published = tracked.Sent.SingleEnvelope<UnitRenamed>();
        published.Message.ShouldBeOfType<UnitRenamed>().Name.ShouldBe("Thủ đô Hà Nội");
        published.Destination!.Scheme.ShouldBe("local");
        tracked.Executed.SingleMessage<UnitRenamed>().UnitId.ShouldBe(haNoi.Id);
        await using var after = app.Store.QuerySession();
        (await after.LoadAsync<Unit>(haNoi.Id))!.Name.ShouldBe("Thủ đô Hà Nội");
    }

    [Fact]
    public async Task A_refused_rename_publishes_nothing()
    {
        await using var session = app.Store.QuerySession();
        var haNoi = await session.Query<Unit>().SingleAsync(u => u.Name == "Hà Nội");
        var sibling = await session.Query<Person>().SingleAsync(p => p.Login == "sibling-province");

        var tracked = await app.Host.TrackActivity().DoNotAssertOnExceptionsDetected().ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async context =>
        {
            var refused = await Should.ThrowAsync<VapeException>(() => context.InvokeAsync(new RenameUnit(haNoi.Id, "Không được", haNoi.Version, sibling.Id)));
            refused.Code.ShouldBe("NOT_ALLOWED");
        }));

        tracked.Sent.MessagesOf<UnitRenamed>().ShouldBeEmpty();
        await using var after = app.Store.QuerySession();
        (await after.LoadAsync<Unit>(haNoi.Id))!.Name.ShouldBe("Hà Nội");
    }
}
