using Marten;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Vape.Records.Record;

namespace Vape.Records.Titles;

/// <summary>An official of the unit (or above) confirms a proposed title; it is written to the record of every member it covers.</summary>
public sealed record ConfirmTitle(Guid ActorId, Guid UnitId, int Year, Guid ProposalId)
{
    /// <summary>
    /// The title, the same event for the record of every member it covers (<see cref="TitleProposal.Members"/>), or a
    /// refusal (<see cref="DecideTitle.Open"/>).
    /// </summary>
    internal IReadOnlyList<IRecordEvent> Decide(TitleProposal? proposal, DateTimeOffset at)
    {
        var open = DecideTitle.Open(proposal, ActorId);
        return [new TitleAwarded(open.Id, open.Kind, open.Year, open.SubjectId, at)];
    }
}

/// <summary>An official of the unit (or above) rejects a proposed title, saying why.</summary>
public sealed record RejectTitle(Guid ActorId, Guid UnitId, int Year, Guid ProposalId, string Reason)
{
    /// <summary>The reason (nothing is written to any record), or a refusal: the proposal as for <see cref="DecideTitle.Open"/>, then a reason.</summary>
    internal string Decide(TitleProposal? proposal)
    {
        DecideTitle.Open(proposal, ActorId);
        return RecordRules.Text(Reason, "lý do từ chối", RecordRules.MaxReason);
    }
}

public static class ConfirmTitleHandler
{
    /// <summary>The title on every member's record, the decision for the notifications, and each member's statement for the LRS (docs/adr/0220).</summary>
    public static async Task<(TitleProposal, LearningTitleDecided, Wolverine.OutgoingMessages)> Handle(ConfirmTitle command, IDocumentSession session, IOrganizationQueries org, TitleEvaluator titles,
        TimeProvider clock, CancellationToken ct)
    {
        var proposal = await DecideTitle.OpenAsync(org, titles, command.ActorId, command.UnitId, command.Year, command.ProposalId, ct);
        var sql = new RecordSql(session);
        var at = clock.GetUtcNow();
        var awarded = command.Decide(proposal, at).Single();
        await DecideTitle.WriteAsync(sql, proposal!, TitleStatus.Confirmed, null, command.ActorId, at, ct);
        var statements = new Wolverine.OutgoingMessages();
        foreach (var person in proposal!.Members)
        {
            var record = await RecordStream.OpenAsync(sql, person, ct);
            await RecordStream.AppendAsync(sql, record, null, awarded, null, ct);
            statements.Add(new Xapi.EmitOwnStatement(person, Xapi.OwnStatementKind.TitleAwarded, ((TitleAwarded)awarded).TitleId));
        }
        return (proposal with { Status = TitleStatus.Confirmed }, DecideTitle.Decided(proposal, true, command.ActorId, at), statements);
    }
}

public static class RejectTitleHandler
{
    public static async Task<(TitleProposal, LearningTitleDecided)> Handle(RejectTitle command, IDocumentSession session, IOrganizationQueries org, TitleEvaluator titles,
        TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        var proposal = await DecideTitle.OpenAsync(org, titles, command.ActorId, command.UnitId, command.Year, command.ProposalId, ct);
        var reason = command.Decide(proposal);
        var at = clock.GetUtcNow();
        await DecideTitle.WriteAsync(new RecordSql(session), proposal!, TitleStatus.Rejected, reason, command.ActorId, at, ct);
        return (proposal! with { Status = TitleStatus.Rejected, DecisionReason = reason }, DecideTitle.Decided(proposal, false, command.ActorId, at));
    }
}

internal static class DecideTitle
{
    /// <summary>The integration event for the people the title covers (#22's notifications).</summary>
    public static LearningTitleDecided Decided(TitleProposal proposal, bool confirmed, Guid actor, DateTimeOffset at) =>
        new(proposal.Id, Vape.BuildingBlocks.GraphQL.EnumNames.GraphQLName(proposal.Kind.ToString()), proposal.Year, proposal.SubjectId,
            proposal.Members, confirmed, actor, at);

    /// <summary>Who may decide for the unit first (ADR 0070), then the unit's proposals for the year: the one asked for, if any.</summary>
    public static async Task<TitleProposal?> OpenAsync(IOrganizationQueries org, TitleEvaluator titles, Guid actor, Guid unitId, int year, Guid proposalId,
        CancellationToken ct)
    {
        await RecordAccess.DemandUnitAsync(org, actor, unitId, ct);
        return (await titles.ProposalsAsync(unitId, year, ct)).FirstOrDefault(p => p.Id == proposalId);
    }

    /// <summary>A proposal an official may still decide on: proposed for the unit and year, not decided yet, not a title for themselves.</summary>
    public static TitleProposal Open(TitleProposal? proposal, Guid actor)
    {
        if (proposal is null) throw VapeException.NotFound("Không có đề xuất danh hiệu này cho đơn vị và năm đã chọn.");
        if (proposal.Status != TitleStatus.Proposed) throw VapeException.InvalidInput("Đề xuất này đã được quyết định trước đó.");
        if (proposal.Kind == TitleKind.LearningCitizen && proposal.SubjectId == actor)
            throw VapeException.NotAllowed("Không ai được tự công nhận danh hiệu cho chính mình.");
        return proposal;
    }

    /// <summary>The decision, and the people the proposal named, who read a rejection on their own record (docs/adr/0309).</summary>
    public static async Task WriteAsync(RecordSql sql, TitleProposal proposal, TitleStatus status, string? reason, Guid actor, DateTimeOffset at, CancellationToken ct)
    {
        // The unique key (kind, year, subject) settles two officials deciding at once: the second gets VERSION_CONFLICT.
        await sql.ExecuteAsync("""
            insert into records.title_decisions (id, kind, year, subject_id, status, reason, decided_by, decided_at)
            values (@id, @kind, @year, @subject, @status, @reason, @by, @at);
            insert into records.title_decision_people (person_id, decision_id) select unnest(@people), @id;
            """, ct, ("id", proposal.Id), ("kind", proposal.Kind.ToString()), ("year", proposal.Year), ("subject", proposal.SubjectId),
            ("status", status.ToString()), ("reason", reason), ("by", actor), ("at", at), ("people", proposal.Members.ToArray()));
    }
}
