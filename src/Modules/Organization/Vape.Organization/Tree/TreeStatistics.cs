using Npgsql;

namespace Vape.Organization.Tree;

public sealed record KindCount(UnitKind Kind, long Count);

/// <summary>A subtree's figures on a date: units by kind below it, and members whose home is in it.</summary>
public sealed record UnitStatistics(Guid UnitId, DateOnly AsOf, long Members, long Units, IReadOnlyList<KindCount> UnitsByKind);

/// <summary>
/// Statistics rolled up a subtree from the tree as it was on the date (the periods), so that they stay
/// right after moves and merges: two indexed ltree aggregates.
/// </summary>
internal sealed class TreeStatistics(NpgsqlDataSource database)
{
    public const string UnitsByKindSql = """
        with root as (select path from organization.unit_periods
                       where unit_id = @unit and valid_from <= @day and (valid_to is null or valid_to > @day))
        select p.kind, count(*) from organization.unit_periods p, root
         where p.path <@ root.path and p.unit_id <> @unit and p.valid_from <= @day and (p.valid_to is null or p.valid_to > @day)
         group by p.kind
        """;

    public const string MembersSql = """
        with root as (select path from organization.unit_periods
                       where unit_id = @unit and valid_from <= @day and (valid_to is null or valid_to > @day))
        select count(*) from organization.member_periods m
          join organization.unit_periods p on p.unit_id = m.unit_id and p.valid_from <= @day and (p.valid_to is null or p.valid_to > @day)
          cross join root
         where p.path <@ root.path and m.valid_from <= @day and (m.valid_to is null or m.valid_to > @day)
        """;

    /// <summary>Null when the unit did not exist on that date.</summary>
    public async Task<UnitStatistics?> ForAsync(Guid unitId, DateOnly day, CancellationToken ct)
    {
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(Command("select exists (select 1 from organization.unit_periods where unit_id = @unit and valid_from <= @day and (valid_to is null or valid_to > @day))"));
        batch.BatchCommands.Add(Command(UnitsByKindSql));
        batch.BatchCommands.Add(Command(MembersSql));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (!reader.GetBoolean(0)) return null;
        await reader.NextResultAsync(ct);
        var kinds = new List<KindCount>();
        while (await reader.ReadAsync(ct)) kinds.Add(new KindCount(Enum.Parse<UnitKind>(reader.GetString(0)), reader.GetInt64(1)));
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var members = reader.GetInt64(0);
        return new UnitStatistics(unitId, day, members, kinds.Sum(k => k.Count), kinds.OrderBy(k => k.Kind).ToList());

        NpgsqlBatchCommand Command(string sql) => new(sql)
        {
            Parameters = { new NpgsqlParameter("unit", unitId), new NpgsqlParameter("day", day) },
        };
    }
}
