using Npgsql;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Tree;

namespace Vape.Organization.People;

public enum Gender
{
    Female,
    Male,
    Other,
}

/// <summary>
/// A member, with as little personal data as the work needs: name, birth year (not date), gender, home unit,
/// household. A citizen identity number is never stored, only its keyed hash (for matching duplicates).
/// </summary>
public sealed record Person(Guid Id, string FullName, int? BirthYear, Gender? Gender, Guid HomeUnitId, Guid? HouseholdId,
    string? Login, DateOnly JoinedOn, int Version);

public sealed class PeopleStore(NpgsqlDataSource database)
{
    private const string Columns = "p.id, p.full_name, p.birth_year, p.gender, p.home_unit_id, p.household_id, p.login, p.joined_on, p.version";

    public async Task<Person?> LoadAsync(Guid id, CancellationToken ct) =>
        (await QueryAsync($"select {Columns} from organization.people p where p.id = @id", ct, ("id", id))).SingleOrDefault();

    public async Task<IReadOnlyDictionary<Guid, Person>> LoadManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        (await QueryAsync($"select {Columns} from organization.people p where p.id = any(@ids)", ct, ("ids", ids.ToArray()))).ToDictionary(p => p.Id);

    /// <summary>People whose folded name matches, within a subtree; exact-diacritic matches first (two passes, as for units).</summary>
    public async Task<IReadOnlyList<Person>> SearchAsync(string text, Guid within, int first, CancellationToken ct)
    {
        var found = new List<Person>();
        foreach (var match in new[] { SearchMatch.Substring, SearchMatch.Similar })
        {
            found.AddRange(await QueryAsync($"""
                select {Columns} from organization.people p
                  join organization.units u on u.id = p.home_unit_id
                 where p.left_on is null and {SearchMatch.Where(match, "p.name_folded")} and not (p.id = any(@found))
                   and u.path <@ (select path from organization.units where id = @within)
                 order by (p.full_name = @text) desc, (position(lower(@text) in lower(p.full_name)) > 0) desc,
                          {SearchMatch.Rank(match, "p.name_folded")}, p.full_name, p.id
                 limit @first
                """, ct, ("text", text), ("within", within), ("first", first - found.Count), ("found", found.Select(x => x.Id).ToArray())));
            if (found.Count >= first) break;
        }
        return found;
    }

    /// <summary>Members whose home is the unit, in Vietnamese alphabetical order (Đ after D), one page.</summary>
    public async Task<Connection<Person>> MembersAsync(Guid unitId, Page page, CancellationToken ct)
    {
        string? afterName = null;
        Guid? afterId = null;
        if (page.AfterKey is { } key)
        {
            if (key.Split('\u001f') is not [var name, var id] || !Guid.TryParse(id, out var parsed))
                throw Vape.BuildingBlocks.Errors.VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
            (afterName, afterId) = (name, parsed);
        }
        var rows = await QueryAsync($"""
            select {Columns} from organization.people p
             where p.home_unit_id = @unit and p.left_on is null
               and (@afterId::uuid is null or (p.full_name collate "vi-x-icu", p.id) > (@afterName::text collate "vi-x-icu", @afterId::uuid))
             order by p.full_name collate "vi-x-icu", p.id limit @limit
            """, ct, ("unit", unitId), ("afterName", (object?)afterName ?? DBNull.Value), ("afterId", (object?)afterId ?? DBNull.Value),
            ("limit", page.First + 1));
        return page.ToConnection(rows, p => p.FullName + "\u001f" + p.Id);
    }

    private async Task<IReadOnlyList<Person>> QueryAsync(string sql, CancellationToken ct, params (string, object)[] parameters)
    {
        await using var cmd = database.CreateCommand(sql);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var people = new List<Person>();
        while (await reader.ReadAsync(ct))
            people.Add(new Person(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2),
                reader.IsDBNull(3) ? null : Enum.Parse<Gender>(reader.GetString(3)), reader.GetGuid(4),
                reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.GetFieldValue<DateOnly>(7), reader.GetInt32(8)));
        return people;
    }
}
