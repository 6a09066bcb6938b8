using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.Organization.Contracts;
using Vape.Records.Record;

namespace Vape.Records.Titles;

/// <summary>
/// The criteria of a year: a Learning Citizen has at least `MinHours` hours in at least `MinDomains` domains;
/// a family (household) qualifies when `FamilyShare` of its members are Learning Citizens; a clan, community
/// or unit when `GroupShare` of its members are and it has at least `MinGroupMembers` members.
/// </summary>
public sealed record TitleRules(int Year, decimal MinHours, int MinDomains, decimal FamilyShare, decimal GroupShare, int MinGroupMembers, bool Configured)
{
    public const int MinFamilyMembers = 2;

    public static TitleRules Default(int year) => new(year, 40m, 2, 0.5m, 0.5m, 3, false);
}

/// <summary>An official of the centre sets the criteria of a year (they apply to proposals computed from then on).</summary>
public sealed record SetTitleRules(Guid ActorId, int Year, decimal MinHours, int MinDomains, decimal FamilyShare, decimal GroupShare, int MinGroupMembers);

public static class SetTitleRulesHandler
{
    public static async Task<TitleRules> Handle(SetTitleRules command, IDocumentSession session, IOrganizationQueries org, TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        // The rules are national: only an official of the root of the tree sets them.
        var managed = await org.UnitsAsync(await org.ManagedUnitsAsync(command.ActorId, ct), ct);
        if (!managed.Any(u => u.ParentId is null)) throw VapeException.NotAllowed("Chỉ cán bộ Trung ương Hội mới được đặt tiêu chí danh hiệu.");
        var thisYear = RecordRules.Today(clock).Year;
        if (command.Year < 2000 || command.Year > thisYear + 1) throw VapeException.InvalidInput($"Năm phải từ 2000 đến {thisYear + 1}.");
        if (command.MinHours is < 0 or > 8784) throw VapeException.InvalidInput("Số giờ tối thiểu phải từ 0 đến 8784.");
        if (command.MinDomains is < 1 or > 9) throw VapeException.InvalidInput("Số lĩnh vực tối thiểu phải từ 1 đến 9.");
        if (command.FamilyShare is <= 0 or > 1 || command.GroupShare is <= 0 or > 1)
            throw VapeException.InvalidInput("Tỉ lệ thành viên đạt danh hiệu phải lớn hơn 0 và không quá 1.");
        if (command.MinGroupMembers is < 1 or > 100_000) throw VapeException.InvalidInput("Số thành viên tối thiểu phải từ 1 đến 100000.");

        var sql = new RecordSql(session);
        await sql.ExecuteAsync("""
            insert into records.title_rules (year, min_hours, min_domains, family_share, group_share, min_group_members, set_by, set_at)
            values (@y, @h, @d, @f, @g, @m, @by, @at)
            on conflict (year) do update set min_hours = excluded.min_hours, min_domains = excluded.min_domains, family_share = excluded.family_share,
              group_share = excluded.group_share, min_group_members = excluded.min_group_members, set_by = excluded.set_by, set_at = excluded.set_at
            """, ct, ("y", command.Year), ("h", command.MinHours), ("d", command.MinDomains), ("f", command.FamilyShare), ("g", command.GroupShare),
            ("m", command.MinGroupMembers), ("by", command.ActorId), ("at", clock.GetUtcNow()));
        return new TitleRules(command.Year, command.MinHours, command.MinDomains, command.FamilyShare, command.GroupShare, command.MinGroupMembers, true);
    }
}

internal static class TitleRulesStore
{
    public static async Task<TitleRules> LoadAsync(NpgsqlDataSource database, int year, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand(
            "select min_hours, min_domains, family_share, group_share, min_group_members from records.title_rules where year = @y");
        cmd.Parameters.AddWithValue("y", year);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new TitleRules(year, reader.GetDecimal(0), reader.GetInt32(1), reader.GetDecimal(2), reader.GetDecimal(3), reader.GetInt32(4), true)
            : TitleRules.Default(year);
    }
}
