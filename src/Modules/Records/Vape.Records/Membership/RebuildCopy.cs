using GraphQL.Types;
using Microsoft.Extensions.Logging;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;

namespace Vape.Records.Membership;

/// <summary>
/// An official of the centre refills Records' copy of the tree and memberships from Organization (after a restore, a
/// bulk load by hand, or a doubt). Readers keep the old copy until the new one commits.
/// </summary>
public sealed record RebuildRecordsCopy(Guid ActorId, bool Confirm);

internal sealed record RebuildRecordsCopyInput(bool Confirm);

public static class RebuildRecordsCopyHandler
{
    public static async Task<RecordsCopy> Handle(RebuildRecordsCopy command, MembershipCopy copy, IOrganizationQueries org,
        ILogger<MembershipCopy> log, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070): those who manage the root of the tree.
        var roots = (await org.UnitsAsync(await org.ManagedUnitsAsync(command.ActorId, ct), ct)).Where(u => u.ParentId is null);
        var allowed = false;
        foreach (var root in roots) allowed |= await org.MayAsync(command.ActorId, Permission.ManageUnits, root.Id, ct);
        if (!allowed) throw VapeException.NotAllowed("Chỉ lãnh đạo Trung ương Hội mới được dựng lại bản sao cây đơn vị và hội viên của hồ sơ học tập.");
        if (!command.Confirm) throw VapeException.InvalidInput("Hãy xác nhận (`confirm: true`) để dựng lại bản sao.");
        var rebuilt = (await copy.RebuildAsync(onlyWhenEmpty: false, ct))!;
        log.LogInformation("Records' copy of the tree rebuilt by {ActorId}: {Units} units, {Memberships} memberships", command.ActorId, rebuilt.Units, rebuilt.Memberships);
        return rebuilt;
    }
}

internal sealed class RecordsCopyGraphType : ObjectGraphType<RecordsCopy>
{
    public RecordsCopyGraphType()
    {
        Name = "RecordsCopy";
        Description = "Bản sao cây đơn vị và hội viên của hồ sơ học tập sau khi dựng lại.";
        Field<NonNullGraphType<IntGraphType>>("units").Description("Số đơn vị (mọi trạng thái).").Resolve(c => c.Source.Units);
        Field<NonNullGraphType<IntGraphType>>("memberships").Description("Số lượt sinh hoạt hiện nay (nơi sinh hoạt chính và đơn vị khác).")
            .Resolve(c => c.Source.Memberships);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("rebuiltAt").Description("Lúc dựng lại.").Resolve(c => c.Source.RebuiltAt);
    }
}
