using Npgsql;
using NpgsqlTypes;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Vape.Records.Privacy;

namespace Vape.Records.Record;

/// <summary>A self-declared entry waiting for an official's decision: whose it is, the unit it was found through, the entry.</summary>
internal sealed record EntryToVerify(Guid PersonId, Guid UnitId, RecordEntry Entry);

/// <summary>
/// The entries waiting for verification in an official's subtree, oldest first (ADR 0073). Each person whose
/// entries the page shows gets one look in their access log, with the purpose sent, as for `record`.
/// </summary>
internal sealed class VerificationQueue(NpgsqlDataSource database, IOrganizationQueries org, TimeProvider clock)
{
    public async Task<Connection<EntryToVerify>> PageAsync(Guid officialId, Guid? unitId, RecordPurpose purpose, Page page, CancellationToken ct)
    {
        // Who may look comes first (ADR 0072): the unit asked about, or every unit the official reviews.
        var units = await UnitsAsync(officialId, unitId, ct);
        if (!Enum.IsDefined(purpose)) throw VapeException.InvalidInput("Hãy nêu mục đích xem hồ sơ.");
        var (afterAt, afterId) = After(page);

        // A person belongs to the first reviewed unit whose subtree holds them: the unit their look is logged through.
        // Members come from Records' own copy (docs/adr/0167), joined in SQL.
        await using var conn = await database.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var rows = new List<(Guid Person, Guid Unit, RecordEntry Entry)>();
        await using (var cmd = new NpgsqlCommand("""
            with reviewed as (
              select r.id, r.n, u.path from unnest(@units) with ordinality as r(id, n) join records.unit_paths u on u.id = r.id),
            people as (
              select distinct on (m.person_id) m.person_id, r.id as unit_id
                from reviewed r join records.unit_paths u on u.path <@ r.path join records.memberships m on m.unit_id = u.id
               where m.person_id <> @o
               order by m.person_id, r.n)
            select e.id, e.person_id, e.kind, e.domain, e.on_date, e.minutes, e.provenance, e.status, e.details, e.recorded_at, k.key, p.unit_id
              from records.entries e join people p on p.person_id = e.person_id join records.person_keys k on k.person_id = e.person_id
             where e.status = 'Pending'
               and (@after_at::timestamptz is null or (e.recorded_at, e.id) > (@after_at, @after_id))
             order by e.recorded_at, e.id limit @n
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("units", units.ToArray());
            cmd.Parameters.AddWithValue("o", officialId); // nobody decides on their own entries
            cmd.Parameters.Add(new NpgsqlParameter("after_at", NpgsqlDbType.TimestampTz) { Value = (object?)afterAt ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("after_id", NpgsqlDbType.Uuid) { Value = (object?)afterId ?? DBNull.Value });
            cmd.Parameters.AddWithValue("n", page.First + 1);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add((reader.GetGuid(1), reader.GetGuid(11), RecordStore.Entry(reader.GetGuid(0), Enum.Parse<EntryKind>(reader.GetString(2)),
                    reader.IsDBNull(3) ? null : Enum.Parse<LearningDomain>(reader.GetString(3)), reader.GetFieldValue<DateOnly>(4), reader.GetInt32(5),
                    Enum.Parse<Provenance>(reader.GetString(6)), Enum.Parse<EntryStatus>(reader.GetString(7)), (byte[])reader[8], null, null, null,
                    reader.GetFieldValue<DateTimeOffset>(9), (byte[])reader[10])));
        }
        var unitOf = rows.GroupBy(r => r.Person).ToDictionary(g => g.Key, g => g.First().Unit);

        // Only the page shown is a look: one line per person in it, with the entry's details shown (they asked for this check).
        var shown = rows.Take(page.First).Select(r => r.Person).Distinct().ToArray();
        if (shown.Length > 0)
        {
            await RecordLooks.WriteLooksAsync(conn, tx, officialId, shown, [.. shown.Select(p => unitOf[p])], purpose, ConsentLevel.Details, clock.GetUtcNow(), ct);
        }
        await tx.CommitAsync(ct);

        var items = rows.Select(r => new EntryToVerify(r.Person, r.Unit, r.Entry)).ToList();
        return page.ToConnection(items, i => $"{i.Entry.RecordedAt.UtcTicks}|{i.Entry.Id}");
    }

    private async Task<IReadOnlyList<Guid>> UnitsAsync(Guid officialId, Guid? unitId, CancellationToken ct)
    {
        if (unitId is { } unit)
        {
            await RecordAccess.DemandUnitAsync(org, officialId, unit, ct);
            return [unit];
        }
        var units = new List<Guid>();
        foreach (var managed in await org.ManagedUnitsAsync(officialId, ct))
            if (await org.MayAsync(officialId, Permission.ReviewRecords, managed, ct))
                units.Add(managed);
        return units.Count > 0 ? units : throw VapeException.NotAllowed("Chỉ cán bộ phụ trách hồ sơ học tập của một đơn vị mới xem được các mục chờ xác nhận.");
    }

    /// <summary>The key `after` points past in a list ordered by time and id: "ticks|id" (also the access log's cursor).</summary>
    internal static (DateTimeOffset? At, Guid? Id) After(Page page)
    {
        if (page.AfterKey is not { } key) return (null, null);
        var parts = key.Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[0], out var ticks) || ticks < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParse(parts[1], out var id))
            throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
        return (new DateTimeOffset(ticks, TimeSpan.Zero), id);
    }
}
