using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.BuildingBlocks.Auth;
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

    private TreeStore Tree => app.Host.Services.GetRequiredService<TreeStore>();

    private ILoginDirectory Logins => app.Host.Services.GetRequiredService<ILoginDirectory>();

    [Fact]
    public async Task Renaming_publishes_UnitRenamed_through_a_durable_local_queue_after_the_commit()
    {
        var haNoi = (await Tree.SearchAsync("Hà Nội", null, 1, default)).Single();
        var official = (await Logins.FindAsync("province", default))!.PersonId;

        var tracked = await app.Host.InvokeMessageAndWaitAsync(new RenameUnit(haNoi.Id, "Thủ đô Hà Nội", haNoi.Version, official));

        var published = tracked.Sent.SingleEnvelope<UnitRenamed>();
        published.Message.ShouldBeOfType<UnitRenamed>().Name.ShouldBe("Thủ đô Hà Nội");
        published.Destination!.Scheme.ShouldBe("local");
        tracked.Executed.SingleMessage<UnitRenamed>().UnitId.ShouldBe(haNoi.Id);
        (await Tree.LoadAsync(haNoi.Id, default))!.Name.ShouldBe("Thủ đô Hà Nội");
    }

    [Fact]
    public async Task A_refused_rename_publishes_nothing()
    {
        var haNoi = (await Tree.SearchAsync("Hà Nội", null, 1, default)).Single();
        var sibling = (await Logins.FindAsync("sibling-province", default))!.PersonId;

        var tracked = await app.Host.TrackActivity().DoNotAssertOnExceptionsDetected().ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async context =>
        {
            var refused = await Should.ThrowAsync<VapeException>(() => context.InvokeAsync(new RenameUnit(haNoi.Id, "Không được", haNoi.Version, sibling)));
            refused.Code.ShouldBe("NOT_ALLOWED");
        }));

        tracked.Sent.MessagesOf<UnitRenamed>().ShouldBeEmpty();
        (await Tree.LoadAsync(haNoi.Id, default))!.Name.ShouldBe("Hà Nội");
    }

    [Fact]
    public async Task A_merge_tells_other_modules_which_unit_succeeds_which()
    {
        var hoanKiem = (await Tree.SearchAsync("Phường Hoàn Kiếm", null, 1, default)).Single();
        var baDinh = (await Tree.SearchAsync("Phường Ba Đình", null, 1, default)).Single();
        var official = (await Logins.FindAsync("province", default))!.PersonId;

        var tracked = await app.Host.InvokeMessageAndWaitAsync(new MergeUnit(hoanKiem.Id, baDinh.Id, hoanKiem.Version, official));

        // One event; each module's handler gets its own envelope of it (ADR 0175).
        var merged = tracked.Sent.MessagesOf<UnitMerged>().Distinct().Single();
        merged.UnitId.ShouldBe(hoanKiem.Id);
        merged.SuccessorId.ShouldBe(baDinh.Id);
        (await Tree.LoadAsync(hoanKiem.Id, default))!.SuccessorId.ShouldBe(baDinh.Id);
    }
}
