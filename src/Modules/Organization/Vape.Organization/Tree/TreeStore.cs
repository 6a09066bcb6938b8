using Npgsql;
using Vape.BuildingBlocks.GraphQL;

namespace Vape.Organization.Tree;

/// <summary>Reads of the tree: every subtree and ancestor question is one indexed ltree query.</summary>
public sealed class TreeStore(NpgsqlDataSource database)
{
    private const string Columns = """
        u.id, u.code, u.name, u.kind, u.parent_id, u.path::text, u.depth, u.status, u.effective_from, u.effective_to,
        u.successor_id, u.formed_from, u.version,
        coalesce((select max(p.valid_from) from organization.unit_periods p where p.unit_id = u.id), u.effective_from)
        """;

    public async Task<Unit?> LoadAsync(Guid id, CancellationToken ct) =>
        (await QueryAsync($"select {Columns} from organization.units u where u.id = @id", ct, ("id", id))).SingleOrDefault();

    public async Task<IReadOnlyDictionary<Guid, Unit>> LoadManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await QueryAsync($"select {Columns} from organization.units u where u.id = any(@ids)", ct, ("ids", ids.ToArray())))
            .ToDictionary(u => u.Id);

    public async Task<Unit?> LoadByCodeAsync(string code, CancellationToken ct) =>
        (await QueryAsync($"select {Columns} from organization.units u where u.code = @code", ct, ("code", code))).SingleOrDefault();

    public async Task<IReadOnlyList<Unit>> LoadByCodesAsync(IReadOnlyCollection<string> codes, CancellationToken ct) =>
        codes.Count == 0 ? [] : await QueryAsync($"select {Columns} from organization.units u where u.code = any(@codes)", ct, ("codes", codes.ToArray()));

    /// <summary>Active children of a unit (or the roots), by code, one page (+1 row to know if there is more).</summary>
    public async Task<Connection<Unit>> ChildrenAsync(Guid? parentId, UnitKind? kind, Page page, CancellationToken ct)
    {
        var rows = await QueryAsync($"""
            select {Columns} from organization.units u
             where u.parent_id is not distinct from @parent and u.status = 'Active'
               and (@kind::text is null or u.kind = @kind) and (@after::text is null or u.code > @after)
             order by u.code limit @limit
            """, ct, ("parent", (object?)parentId ?? DBNull.Value), ("kind", (object?)kind?.ToString() ?? DBNull.Value),
            ("after", (object?)page.AfterKey ?? DBNull.Value), ("limit", page.First + 1));
        return page.ToConnection(rows, u => u.Code);
    }

    /// <summary>Ancestors, root first (the path already names them: one query for any depth).</summary>
    public async Task<IReadOnlyList<Unit>> AncestorsAsync(Unit unit, CancellationToken ct) =>
        await QueryAsync($"select {Columns} from organization.units u where u.path @> @path::ltree and u.id <> @id order by u.depth",
            ct, ("path", unit.Path), ("id", unit.Id));

    /// <summary>
    /// Units whose name matches, folded (diacritics and đ ignored), exact-diacritic matches first. Substring
    /// matches come from the trigram index; only when they are fewer than asked does a second query add
    /// near matches by word similarity (scoring every row is what makes fuzzy search slow).
    /// </summary>
    public async Task<IReadOnlyList<Unit>> SearchAsync(string text, Guid? within, int first, CancellationToken ct)
    {
        var found = new List<Unit>();
        foreach (var match in new[] { SearchMatch.Substring, SearchMatch.Similar })
        {
            found.AddRange(await QueryAsync($"""
                select {Columns} from organization.units u
                 where u.status = 'Active' and {SearchMatch.Where(match, "u.name_folded")} and not (u.id = any(@found))
                   and (@within::uuid is null or u.path <@ (select path from organization.units where id = @within))
                 order by (u.name = @text) desc, (position(lower(@text) in lower(u.name)) > 0) desc,
                          {SearchMatch.Rank(match, "u.name_folded")}, u.depth, u.code
                 limit @first
                """, ct, ("text", text), ("within", (object?)within ?? DBNull.Value), ("first", first - found.Count),
                ("found", found.Select(u => u.Id).ToArray())));
            if (found.Count >= first) break;
        }
        return found;
    }

    /// <summary>The unit's periods, oldest first: its name, parent and status as they were between two dates.</summary>
    public Task<IReadOnlyList<UnitPeriod>> HistoryAsync(Guid unitId, CancellationToken ct) =>
        PeriodsAsync("where unit_id = @id order by valid_from", ct, ("id", unitId));

    /// <summary>The tree as it was: the units under a parent on a date, with the names they had then.</summary>
    public Task<IReadOnlyList<UnitPeriod>> ChildrenAsOfAsync(Guid parentId, DateOnly day, CancellationToken ct) =>
        PeriodsAsync("where parent_id = @id and valid_from <= @day and (valid_to is null or valid_to > @day) order by name, unit_id",
            ct, ("id", parentId), ("day", day));

    /// <summary>
    /// The unit's parents as they were on a date, root first, with the names they had then: a unit moved since shows
    /// the parents it had (one query: the periods' parent links followed up as of the day).
    /// </summary>
    public Task<IReadOnlyList<UnitPeriod>> AncestorsAsOfAsync(Guid unitId, DateOnly day, CancellationToken ct) =>
        PeriodsOfAsync($"""
            with recursive up as (
              select {PeriodColumns}, 0 as hops from organization.unit_periods
               where unit_id = @id and valid_from <= @day and (valid_to is null or valid_to > @day)
              union all
              select p.unit_id, p.valid_from, p.valid_to, p.name, p.kind, p.parent_id, p.status, up.hops + 1
                from up join organization.unit_periods p on p.unit_id = up.parent_id and p.valid_from <= @day and (p.valid_to is null or p.valid_to > @day)
               where up.hops < 32
            )
            select {PeriodColumns} from up where hops > 0 order by hops desc
            """, ct, ("id", unitId), ("day", day));

    private const string PeriodColumns = "unit_id, valid_from, valid_to, name, kind, parent_id, status";

    private Task<IReadOnlyList<UnitPeriod>> PeriodsAsync(string where, CancellationToken ct, params (string, object)[] parameters) =>
        PeriodsOfAsync($"select {PeriodColumns} from organization.unit_periods {where}", ct, parameters);

    private async Task<IReadOnlyList<UnitPeriod>> PeriodsOfAsync(string sql, CancellationToken ct, params (string, object)[] parameters)
    {
        await using var cmd = database.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var periods = new List<UnitPeriod>();
        while (await reader.ReadAsync(ct))
            periods.Add(new UnitPeriod(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                reader.GetString(3), Enum.Parse<UnitKind>(reader.GetString(4)), reader.IsDBNull(5) ? null : reader.GetGuid(5),
                Enum.Parse<UnitStatus>(reader.GetString(6))));
        return periods;
    }

    private async Task<IReadOnlyList<Unit>> QueryAsync(string sql, CancellationToken ct, params (string, object)[] parameters)
    {
        await using var cmd = database.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var units = new List<Unit>();
        while (await reader.ReadAsync(ct))
        {
            units.Add(new Unit(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), Enum.Parse<UnitKind>(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.GetString(5), reader.GetInt32(6),
                Enum.Parse<UnitStatus>(reader.GetString(7)), reader.GetFieldValue<DateOnly>(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateOnly>(9), reader.IsDBNull(10) ? null : reader.GetGuid(10),
                reader.GetFieldValue<string[]>(11), reader.GetInt32(12), reader.GetFieldValue<DateOnly>(13)));
        }
        return units;
    }
}

/// <summary>How a unit was from <see cref="From"/> until <see cref="To"/> (exclusive; null: still so).</summary>
public sealed record UnitPeriod(Guid UnitId, DateOnly From, DateOnly? To, string Name, UnitKind Kind, Guid? ParentId, UnitStatus Status);

/// <summary>The two passes of a folded search: substring first (indexed), near matches only if needed.</summary>
internal static class SearchMatch
{
    public const int Substring = 0;
    public const int Similar = 1;

    /// <summary>Among substring matches the shorter name is the closer one (cheap); near matches rank by word similarity.</summary>
    public static string Rank(int match, string foldedColumn) => match == Substring
        ? $"length({foldedColumn})"
        : $"word_similarity(vape.fold(@text), {foldedColumn}) desc";

    public static string Where(int match, string foldedColumn) => match == Substring
        ? $"{foldedColumn} like '%' || vape.fold(@text) || '%'"
        : $"vape.fold(@text) <% {foldedColumn} and {foldedColumn} not like '%' || vape.fold(@text) || '%'";
}
