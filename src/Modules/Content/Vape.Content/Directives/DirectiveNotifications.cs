using Vape.BuildingBlocks.Storage;
using Microsoft.AspNetCore.SignalR;
using Npgsql;
using Vape.BuildingBlocks.Realtime;
using Vape.Organization.Contracts;
using Vape.Content.Contracts;
using Wolverine;

namespace Vape.Content.Directives;

/// <summary>
/// Tells officials, in real time on `/hubs/notifications` (group `user:{personId}`), about directives. Runs
/// from the durable outbox, so only after the change is committed.
/// </summary>
/// <remarks>Wolverine finds handlers by the `Handler` suffix.</remarks>
public static class DirectiveNotificationsHandler
{
    public const string Issued = "directiveIssued";
    public const string Progressed = "directiveProgressed";
    public const string Overdue = "directiveOverdue";
    public const string Escalated = "directiveEscalated";
    public const string EscalationsRecorded = "directiveEscalationsRecorded";

    /// <summary>Every official of every targeted unit hears of it once per unit.</summary>
    public static async Task Handle(DirectiveIssued message, NpgsqlDataSource database, IOrganizationQueries organization,
        IHubContext<NotificationsHub> hub, IMessageContext bus, CancellationToken ct)
    {
        var directive = await LoadAsync(database, message.DirectiveId, ct);
        if (directive is null) return;
        var units = await database.ListAsync("select unit_id from content.directive_targets where directive_id = @d and active",
            r => r.GetGuid(0), ct, ("d", directive.Id));
        foreach (var (unit, officials) in await OfficialsAsync(organization, units, ct))
        {
            foreach (var official in officials)
                await hub.Clients.Group(HubGroups.User(official)).SendAsync(Issued,
                    new DirectiveNotice(directive.Id, directive.Number, directive.Title, unit, directive.AcknowledgeBy, directive.ReportBy), ct);
            // For the officials' inboxes (the Notifications module), kept once per official and unit however often this runs.
            await bus.PublishAsync(new Contracts.DirectiveReceived(directive.Id, unit, directive.Number, directive.Title, directive.AcknowledgeBy, officials));
        }
    }

    /// <summary>The issuing unit's officials see the roll-up move: which unit, its status, the row's version.</summary>
    public static async Task Handle(DirectiveProgressed message, NpgsqlDataSource database, IOrganizationQueries organization,
        IHubContext<NotificationsHub> hub, CancellationToken ct)
    {
        var directive = await LoadAsync(database, message.DirectiveId, ct);
        if (directive is null) return;
        var officials = (await organization.OfficialsAsync(directive.IssuerUnitId, ct)).Select(o => HubGroups.User(o.PersonId)).Distinct().ToList();
        if (officials.Count > 0)
            await hub.Clients.Groups(officials).SendAsync(Progressed,
                new DirectiveProgress(message.DirectiveId, message.UnitId, message.Status.ToString().ToUpperInvariant(), message.Version), ct);
    }

    /// <summary>Overdue units' officials are reminded; the officials of each one's parent unit are told which of their units are late.</summary>
    public static async Task Handle(RemindOverdueUnits message, NpgsqlDataSource database, IOrganizationQueries organization,
        IHubContext<NotificationsHub> hub, IMessageContext bus, TimeProvider clock, CancellationToken ct)
    {
        var directive = await LoadAsync(database, message.DirectiveId, ct);
        if (directive is null) return;
        var late = await database.ListAsync($"""
            select t.unit_id, case when nlevel(t.path) > 1 then subpath(t.path, nlevel(t.path) - 2, 1)::text end
              from content.directive_targets t join content.directives d on d.id = t.directive_id
             where t.directive_id = @d and t.active and {Directives.Overdue.MissedSql(message.Kind)}
            """, r => (Unit: r.GetGuid(0), Parent: r.IsDBNull(1) ? (Guid?)null : UnitPaths.FromLabel(r.GetString(1))), ct, ("d", directive.Id));
        var deadline = Directives.Overdue.Of(message.Kind).Of(directive) ?? directive.AcknowledgeBy;
        var kind = message.Kind.ToString().ToUpperInvariant();
        foreach (var (unit, officials) in await OfficialsAsync(organization, late.Select(l => l.Unit).ToList(), ct))
        {
            foreach (var official in officials)
                await hub.Clients.Group(HubGroups.User(official)).SendAsync(Overdue,
                    new OverdueNotice(directive.Id, directive.Number, directive.Title, unit, kind, deadline), ct);
            await bus.PublishAsync(new DirectiveOverdue(directive.Id, unit, directive.Number, directive.Title,
                message.Kind == DeadlineKind.Acknowledge ? DirectiveDeadline.Acknowledge : DirectiveDeadline.Report, deadline, officials));
        }
        // Recorded first, once per unit and deadline (the key): a retry or a second host escalates nobody twice.
        var escalated = await DirectiveEscalations.RecordAsync(database, directive.Id, message.Kind,
            [.. late.Where(l => l.Parent is not null).Select(l => (l.Unit, l.Parent!.Value))], clock.GetUtcNow(), ct);
        var byParent = escalated.GroupBy(l => l.Parent).ToDictionary(g => g.Key, g => g.Select(l => l.Unit).ToList());
        foreach (var (parent, officials) in await OfficialsAsync(organization, byParent.Keys.ToList(), ct))
            foreach (var official in officials)
                await hub.Clients.Group(HubGroups.User(official)).SendAsync(Escalated,
                    new EscalationNotice(directive.Id, directive.Number, directive.Title, parent, byParent[parent], kind, deadline), ct);
        if (escalated.Count > 0) await TellIssuerAsync(directive, escalated.Count, organization, hub, ct);
    }

    /// <summary>The issuing unit's officials (an open roll-up) hear that escalations were recorded: one push per run, however many units.</summary>
    private static async Task TellIssuerAsync(Directive directive, int units, IOrganizationQueries organization, IHubContext<NotificationsHub> hub, CancellationToken ct)
    {
        var officials = (await organization.OfficialsAsync(directive.IssuerUnitId, ct)).Select(o => HubGroups.User(o.PersonId)).Distinct().ToList();
        if (officials.Count > 0)
            await hub.Clients.Groups(officials).SendAsync(EscalationsRecorded, new EscalationsRecorded(directive.Id, units), ct);
    }

    private static async Task<Directive?> LoadAsync(NpgsqlDataSource database, Guid id, CancellationToken ct) =>
        (await database.ListAsync($"select {Directive.Columns} from content.directives d where d.id = @id", r => Directive.Read(r), ct, ("id", id)))
        .SingleOrDefault();

    /// <summary>
    /// Officials of each unit that has any, each person once per unit, in one query of the Organization module
    /// however many units (a directive from the centre reaches ~38,000).
    /// </summary>
    internal static async Task<List<(Guid Unit, Guid[] Officials)>> OfficialsAsync(IOrganizationQueries organization, IReadOnlyList<Guid> units, CancellationToken ct)
    {
        if (units.Count == 0) return [];
        var officials = await organization.OfficialsAsync(units.Distinct().ToArray(), ct);
        return [.. officials.Select(o => (o.Key, o.Value.Select(x => x.PersonId).Distinct().ToArray()))];
    }
}

/// <summary>`directiveIssued`: a directive reached one of your units.</summary>
public sealed record DirectiveNotice(Guid DirectiveId, string Number, string Title, Guid UnitId, DateOnly AcknowledgeBy, DateOnly? ReportBy);

/// <summary>`directiveProgressed`: a unit marked a directive your unit issued; `version` is the unit row's version.</summary>
public sealed record DirectiveProgress(Guid DirectiveId, Guid UnitId, string Status, int Version);

/// <summary>`directiveOverdue`: your unit missed a deadline (`kind`: ACKNOWLEDGE or REPORT).</summary>
public sealed record OverdueNotice(Guid DirectiveId, string Number, string Title, Guid UnitId, string Kind, DateOnly Deadline);

/// <summary>`directiveEscalated`: units below yours missed a deadline.</summary>
public sealed record EscalationNotice(Guid DirectiveId, string Number, string Title, Guid UnitId, IReadOnlyList<Guid> OverdueUnitIds, string Kind, DateOnly Deadline);

/// <summary>`directiveEscalationsRecorded`: overdue units of a directive your unit issued were just reported to their parents.</summary>
public sealed record EscalationsRecorded(Guid DirectiveId, int Units);
