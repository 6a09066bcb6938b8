using System.Security.Claims;
using Npgsql;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;
using Vape.Organization.People;
using Vape.Organization.Tree;
using Wolverine;

namespace Vape.Organization.Accounts;

internal enum MembershipRequestStatus { Waiting, Approved, Rejected, Withdrawn }

internal sealed record MembershipRequest(Guid Id, Guid UnitId, string FullName, int? BirthYear, DateTimeOffset RequestedAt,
    MembershipRequestStatus Status, Guid? PersonId, string? Reason = null, DateTimeOffset? DecidedAt = null);

/// <summary>
/// A citizen with no link asks a unit they choose; the unit's official approves it, either as a member the unit
/// already holds (the official decides who that is) or as a new member, or rejects it with a reason the citizen
/// reads (ADR 0121). The citizen may withdraw their open request.
/// </summary>
internal sealed class MembershipRequests(NpgsqlDataSource database, AccountStore accounts, OrganizationQueries access, PeopleStore people,
    TreeStore tree, TimeProvider clock)
{
    public const int MaxNameLength = 200;
    public const int MaxReasonLength = 500;
    private const string Columns = "id, unit_id, full_name, birth_year, requested_at, outcome, person_id, reason, decided_at";

    public async Task<MembershipRequest> RequestAsync(ClaimsPrincipal user, Guid unitId, string? fullName, int? birthYear, CancellationToken ct)
    {
        if (user.PersonId() is not null) throw VapeException.InvalidInput("Tài khoản này đã gắn với một hội viên.");
        var name = (fullName ?? "").Trim();
        if (name.Length is 0 or > MaxNameLength) throw VapeException.InvalidInput($"Họ và tên dài từ 1 đến {MaxNameLength} ký tự.");
        if (birthYear is < 1900 || birthYear > clock.GetUtcNow().Year) throw VapeException.InvalidInput("Năm sinh không hợp lệ.");
        var unit = await tree.LoadAsync(unitId, ct);
        if (unit is null || unit.Status != UnitStatus.Active) throw VapeException.NotFound("Không tìm thấy đơn vị.");
        var account = await accounts.OfAsync(user, ct);
        if (account.PersonId is not null) throw VapeException.InvalidInput("Tài khoản này đã gắn với một hội viên.");
        // A new request replaces the account's open one.
        await using var cmd = database.CreateCommand($"""
            delete from organization.membership_requests where account_id = @a and decided_at is null;
            insert into organization.membership_requests (id, account_id, unit_id, full_name, birth_year, requested_at)
            values (@id, @a, @u, @n, @y, @now) returning {Columns}
            """);
        cmd.Parameters.AddWithValue("id", Guid.CreateVersion7());
        cmd.Parameters.AddWithValue("a", account.Id);
        cmd.Parameters.AddWithValue("u", unitId);
        cmd.Parameters.AddWithValue("n", name);
        cmd.Parameters.Add(new NpgsqlParameter("y", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)birthYear ?? DBNull.Value });
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        return (await ReadAsync(cmd, ct)).Single();
    }

    public async Task<MembershipRequest?> MineAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var account = await accounts.OfAsync(user, ct);
        await using var cmd = database.CreateCommand(
            $"select {Columns} from organization.membership_requests where account_id = @a order by requested_at desc limit 1");
        cmd.Parameters.AddWithValue("a", account.Id);
        return (await ReadAsync(cmd, ct)).SingleOrDefault();
    }

    public async Task<Connection<MembershipRequest>> WaitingAsync(Guid actor, Guid unitId, Page page, CancellationToken ct)
    {
        await access.DemandAsync(actor, Permission.ManageMembers, unitId, ct);
        await using var cmd = database.CreateCommand($"""
            select {Columns} from organization.membership_requests
             where unit_id = @u and decided_at is null and (@after::uuid is null or id > @after::uuid)
             order by id limit @n
            """);
        cmd.Parameters.AddWithValue("u", unitId);
        object after = page.AfterKey is not { } key ? DBNull.Value
            : Guid.TryParse(key, out var id) ? id : throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
        cmd.Parameters.Add(new NpgsqlParameter("after", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = after });
        cmd.Parameters.AddWithValue("n", page.First + 1);
        return page.ToConnection(await ReadAsync(cmd, ct), r => r.Id.ToString());
    }

    /// <summary>Approve as an existing member (`personId`), approve as a new member (no `personId`), or reject.</summary>
    public async Task<MembershipRequest> DecideAsync(Guid actor, Guid requestId, bool approve, Guid? personId, string? reason, IMessageBus bus, CancellationToken ct)
    {
        MembershipRequest request;
        Guid account;
        await using (var read = database.CreateCommand(
            $"select {Columns}, account_id from organization.membership_requests where id = @id and decided_at is null"))
        {
            read.Parameters.AddWithValue("id", requestId);
            await using var reader = await read.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) throw VapeException.NotFound("Không tìm thấy yêu cầu đang chờ duyệt.");
            request = Read(reader);
            account = reader.GetGuid(9);
        }
        await access.DemandAsync(actor, Permission.ManageMembers, request.UnitId, ct);
        // Who may decide comes first (ADR 0070): only then is the reason checked.
        var why = (reason ?? "").Trim();
        if (!approve && why.Length == 0) throw VapeException.InvalidInput("Hãy cho người xin gia nhập biết lý do từ chối.");
        if (why.Length > MaxReasonLength) throw VapeException.InvalidInput($"Lý do dài tối đa {MaxReasonLength} ký tự.");
        if (approve && why.Length > 0) throw VapeException.InvalidInput("Chỉ ghi lý do khi từ chối.");
        Guid? linked = null;
        if (approve && personId is Guid existing)
        {
            var person = await people.LoadAsync(existing, ct) ?? throw VapeException.NotFound("Không tìm thấy hội viên.");
            await access.DemandAsync(actor, Permission.ManageMembers, person.HomeUnitId, ct);
            linked = person.Id;
        }
        else if (approve)
        {
            var added = await bus.InvokeAsync<Person>(new AddMember(request.UnitId, request.FullName, request.BirthYear, null, null, null, [], actor), ct);
            linked = added.Id;
        }
        await using var decide = database.CreateCommand($"""
            update organization.membership_requests set decided_at = @now, decided_by = @by, outcome = @o, person_id = @p, reason = @r
             where id = @id and decided_at is null returning {Columns};
            update organization.accounts set person_id = @p, linked_at = @now where id = @a and @p::uuid is not null and person_id is null
            """);
        decide.Parameters.AddWithValue("id", requestId);
        decide.Parameters.AddWithValue("a", account);
        decide.Parameters.AddWithValue("now", clock.GetUtcNow());
        decide.Parameters.AddWithValue("by", actor);
        decide.Parameters.AddWithValue("o", (approve ? MembershipRequestStatus.Approved : MembershipRequestStatus.Rejected).ToString());
        decide.Parameters.Add(new NpgsqlParameter("p", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)linked ?? DBNull.Value });
        decide.Parameters.Add(new NpgsqlParameter("r", NpgsqlTypes.NpgsqlDbType.Text) { Value = approve ? DBNull.Value : why });
        return (await ReadAsync(decide, ct)).SingleOrDefault() ?? throw VapeException.NotFound("Không tìm thấy yêu cầu đang chờ duyệt.");
    }

    /// <summary>The account's own open request is withdrawn (kept, as WITHDRAWN); NOT_FOUND when it has none open by that id.</summary>
    public async Task<MembershipRequest> WithdrawAsync(ClaimsPrincipal user, Guid requestId, CancellationToken ct)
    {
        var account = await accounts.OfAsync(user, ct);
        await using var cmd = database.CreateCommand($"""
            update organization.membership_requests set decided_at = @now, outcome = @o
             where id = @id and account_id = @a and decided_at is null returning {Columns}
            """);
        cmd.Parameters.AddWithValue("id", requestId);
        cmd.Parameters.AddWithValue("a", account.Id);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        cmd.Parameters.AddWithValue("o", MembershipRequestStatus.Withdrawn.ToString());
        return (await ReadAsync(cmd, ct)).SingleOrDefault() ?? throw VapeException.NotFound("Không tìm thấy yêu cầu đang chờ duyệt của bạn.");
    }

    private static async Task<List<MembershipRequest>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<MembershipRequest>();
        while (await reader.ReadAsync(ct)) rows.Add(Read(reader));
        return rows;
    }

    private static MembershipRequest Read(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetString(2),
        r.IsDBNull(3) ? null : r.GetInt32(3), r.GetFieldValue<DateTimeOffset>(4),
        r.IsDBNull(5) ? MembershipRequestStatus.Waiting : Enum.Parse<MembershipRequestStatus>(r.GetString(5)), r.IsDBNull(6) ? null : r.GetGuid(6),
        r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8));
}
