using Vape.BuildingBlocks.Storage;
using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;

namespace Vape.Content.Directives;

/// <summary>What an official of a targeted unit marks: received, read (which includes received).</summary>
public enum AcknowledgementStep
{
    Received,
    Read,
}

/// <summary>
/// An official marks a directive received or read for their unit. Marking it again changes nothing. Reading a
/// directive not yet marked received marks it received too.
/// </summary>
public sealed record AcknowledgeDirective(Guid DirectiveId, Guid UnitId, AcknowledgementStep Step, Guid ActorId)
{
    /// <summary>The events for the unit's row (none when the step is already taken), or a refusal.</summary>
    public IReadOnlyList<IDirectiveTargetEvent> Decide(DirectiveTarget? row, DateTimeOffset now) =>
        DirectiveTargetRules.UpTo(DirectiveTargetRules.Acting(row),
            Step == AcknowledgementStep.Received ? DirectiveUnitStatus.Received : DirectiveUnitStatus.Read, ActorId, now);
}

/// <summary>Published after a unit's row changed: the issuing unit's officials see the roll-up move.</summary>
public sealed record DirectiveProgressed(Guid DirectiveId, Guid UnitId, DirectiveUnitStatus Status, int Version);

public static class AcknowledgeDirectiveHandler
{
    public static async Task<(DirectiveTarget, DirectiveProgressed?)> Handle(AcknowledgeDirective command, IOrganizationQueries organization,
        IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        await DemandMayHandleAsync(organization, command.ActorId, command.UnitId, ct);
        var now = clock.GetUtcNow();
        return await DirectiveTargetWrites.ChangeAsync(command.DirectiveId, command.UnitId, row => command.Decide(row, now), new SessionSql(session), ct);
    }

    /// <summary>Only an official of the unit (or above it) acts for it.</summary>
    internal static async Task DemandMayHandleAsync(IOrganizationQueries organization, Guid actor, Guid unitId, CancellationToken ct)
    {
        if (!await organization.MayAsync(actor, Permission.HandleDirectives, unitId, ct))
            throw VapeException.NotAllowed("Chỉ cán bộ của đơn vị nhận (hoặc cấp trên của nó) mới xác nhận văn bản cho đơn vị đó.");
    }
}
