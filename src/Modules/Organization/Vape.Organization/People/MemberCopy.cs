using Npgsql;
using NpgsqlTypes;
namespace Vape.Organization.People;

/// <summary>A member as the bulk write path takes it.</summary>
internal readonly record struct MemberRow(Guid Id, string FullName, int? BirthYear, Gender? Gender, Guid HomeUnitId, Guid? HouseholdId,
    DateOnly JoinedOn, byte[]? CitizenHash = null);

/// <summary>
/// The bulk write path for members (CSV import, scale seed): one binary COPY into `organization.people`, then the members' first periods
/// with one `insert ... select` (the server already has the rows; sending them twice would double the traffic).
/// Rows are streamed, never held; the caller owns the transaction.
/// </summary>
internal static class MemberCopy
{
    public const string Columns = "id, full_name, birth_year, gender, home_unit_id, household_id, joined_on, citizen_id_hash";

    public const string PeriodsSql = """
        insert into organization.member_periods (person_id, unit_id, valid_from)
        select id, home_unit_id, joined_on from organization.people where id = any(@ids)
        """;

    private static readonly string[] GenderNames = Enum.GetNames<Gender>();

    /// <summary>Writes the members and their periods; returns how many.</summary>
    public static async Task<int> WriteAsync(NpgsqlConnection conn, IEnumerable<MemberRow> rows, CancellationToken ct)
    {
        var ids = new List<Guid>();
        await using (var copy = await conn.BeginBinaryImportAsync($"copy organization.people ({Columns}) from stdin (format binary)", ct))
        {
            foreach (var row in rows)
            {
                await WriteRowAsync(copy, row, ct);
                ids.Add(row.Id);
            }
            await copy.CompleteAsync(ct);
        }
        await using var periods = new NpgsqlCommand(PeriodsSql, conn);
        periods.Parameters.AddWithValue("ids", ids.ToArray());
        await periods.ExecuteNonQueryAsync(ct);
        return ids.Count;
    }

    /// <summary>One row, in the order of <see cref="Columns"/>; the benchmark's raw-COPY baseline sends the same bytes.</summary>
    public static async Task WriteRowAsync(NpgsqlBinaryImporter copy, MemberRow row, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(row.Id, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(row.FullName, NpgsqlDbType.Text, ct);
        if (row.BirthYear is int year) await copy.WriteAsync(year, NpgsqlDbType.Integer, ct);
        else await copy.WriteNullAsync(ct);
        if (row.Gender is Gender gender) await copy.WriteAsync(GenderNames[(int)gender], NpgsqlDbType.Text, ct);
        else await copy.WriteNullAsync(ct);
        await copy.WriteAsync(row.HomeUnitId, NpgsqlDbType.Uuid, ct);
        if (row.HouseholdId is Guid household) await copy.WriteAsync(household, NpgsqlDbType.Uuid, ct);
        else await copy.WriteNullAsync(ct);
        await copy.WriteAsync(row.JoinedOn, NpgsqlDbType.Date, ct);
        if (row.CitizenHash is { } hash) await copy.WriteAsync(hash, NpgsqlDbType.Bytea, ct);
        else await copy.WriteNullAsync(ct);
    }
}
