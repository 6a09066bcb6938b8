using Marten;
using Vape.Organization.Contracts;
using Vape.Records.Record;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Vape.Records.Membership;

/// <summary>
/// Keeps <see cref="MembershipCopy"/> current from Organization's events (through the durable outbox, in the same
/// transaction as anything else a handler of the event writes). What changed is asked of Organization again here.
/// </summary>
/// <remarks>Wolverine finds handlers by the `Handler` suffix.</remarks>
public static class FollowOrganizationHandler
{
    /// <summary>
    /// An event that fails is never given up (docs/adr/0247): a few quick tries, then again later, durably, until it
    /// applies. Each handling asks Organization for the state now, so one applied late after later events is still right.
    /// </summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnAnyException()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1))
            .Then.ScheduleRetryIndefinitely(RetryLater);

    /// <summary>The delays between later tries: the last repeats for as long as the fault lasts.</summary>
    internal static readonly TimeSpan[] RetryLater = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1)];

    public static Task Handle(UnitCreated e, MembershipCopy copy, IDocumentSession session, CancellationToken ct) =>
        copy.RefreshUnitsAsync(new RecordSql(session), e.UnitId, ct);

    public static Task Handle(UnitMoved e, MembershipCopy copy, IDocumentSession session, CancellationToken ct) =>
        copy.RefreshUnitsAsync(new RecordSql(session), e.UnitId, ct);

    public static Task Handle(UnitDissolved e, MembershipCopy copy, IDocumentSession session, CancellationToken ct) =>
        copy.RefreshUnitsAsync(new RecordSql(session), e.UnitId, ct);

    public static Task Handle(UnitsImported e, MembershipCopy copy, IDocumentSession session, CancellationToken ct) =>
        copy.RefreshUnitsAsync(new RecordSql(session), e.UnitId, ct);

    /// <summary>The merged unit is no longer active, its children stand under the successor, its members belong to it.</summary>
    public static async Task Handle(UnitMerged e, MembershipCopy copy, IDocumentSession session, CancellationToken ct)
    {
        var sql = new RecordSql(session);
        await copy.RefreshUnitsAsync(sql, e.UnitId, ct);
        await copy.RefreshUnitsAsync(sql, e.SuccessorId, ct);
        await copy.MoveMembersAsync(sql, e.UnitId, e.SuccessorId, ct);
    }

    public static Task Handle(MembershipsChanged e, MembershipCopy copy, IDocumentSession session, CancellationToken ct) =>
        copy.RefreshPeopleAsync(new RecordSql(session), e.PersonIds, ct);

    public static async Task Handle(TreeBulkLoaded e, MembershipCopy copy, CancellationToken ct) => await copy.RebuildAsync(onlyWhenEmpty: false, ct);
}
