using GraphQL.Types;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;
using Vape.Organization.Contracts;
using Vape.Records.Badges;

namespace Vape.Records.Xapi;

/// <summary>
/// An official of the centre tells the LRS what records held before Vape emitted its own statements (docs/adr/0220,
/// 0239): every accepted class attendance, entry an official verified (or Funds award) and title of a record not
/// erased. The statement ids are the events' (version-5 UUIDs): what is there already is left, so a second run adds nothing.
/// </summary>
public sealed record BackfillOwnStatements(Guid ActorId, bool Confirm);

internal sealed record BackfillOwnStatementsInput(bool Confirm);

/// <summary>What a back-fill did: the events it looked at and the statements it added.</summary>
public sealed record OwnStatementsBackfill(int Events, int Added);

public static class BackfillOwnStatementsHandler
{
    public static async Task<OwnStatementsBackfill> Handle(BackfillOwnStatements command, NpgsqlDataSource database, IOrganizationQueries org,
        IOptions<BadgeOptions> options, TimeProvider clock, ILogger<OwnStatementsBackfill> log, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070): those who manage the root of the tree.
        var roots = (await org.UnitsAsync(await org.ManagedUnitsAsync(command.ActorId, ct), ct)).Where(u => u.ParentId is null);
        var allowed = false;
        foreach (var root in roots) allowed |= await org.MayAsync(command.ActorId, Permission.ManageUnits, root.Id, ct);
        if (!allowed) throw VapeException.NotAllowed("Chỉ lãnh đạo Trung ương Hội mới được ghi bù các câu xAPI của Vape cho hồ sơ học tập.");
        if (!command.Confirm) throw VapeException.InvalidInput("Hãy xác nhận (`confirm: true`) để ghi bù các câu xAPI của Vape.");

        // The same events the live path tells: attendance (`attendance_id`), an official's decision (`decided_by`, also a Funds award), a title.
        var events = await database.ListAsync("""
            select e.person_id, case when e.attendance_id is not null then 'Attended' else 'Verified' end, e.id
              from records.entries e join records.learners l on l.person_id = e.person_id and l.erased_at is null
             where e.status = 'Accepted' and (e.attendance_id is not null or e.decided_by is not null)
            union all
            select t.person_id, 'TitleAwarded', t.id
              from records.titles t join records.learners l on l.person_id = t.person_id and l.erased_at is null
            """, r => new EmitOwnStatement(r.GetGuid(0), Enum.Parse<OwnStatementKind>(r.GetString(1)), r.GetGuid(2)), ct);
        var emitter = new XapiOwnStatements(database, XapiOwnStatements.OriginOf(options.Value), clock, log);
        var added = 0;
        foreach (var e in events)
            if (await emitter.EmitAsync(e, ct)) added++;
        log.LogInformation("Vape's own statements back-filled by {ActorId}: {Events} events, {Added} statements added", command.ActorId, events.Count, added);
        return new OwnStatementsBackfill(events.Count, added);
    }
}

internal sealed class OwnStatementsBackfillGraphType : ObjectGraphType<OwnStatementsBackfill>
{
    public OwnStatementsBackfillGraphType()
    {
        Name = "OwnStatementsBackfill";
        Description = "Kết quả ghi bù các câu xAPI của Vape (điểm danh, mục đã xác nhận, danh hiệu có trước khi Vape tự ghi).";
        Field<NonNullGraphType<IntGraphType>>("events").Description("Số sự kiện của hồ sơ đã xét.").Resolve(c => c.Source.Events);
        Field<NonNullGraphType<IntGraphType>>("added").Description("Số câu mới ghi vào kho xAPI (lần chạy lại: 0).").Resolve(c => c.Source.Added);
    }
}
