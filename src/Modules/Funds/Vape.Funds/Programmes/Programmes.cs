using Marten;
using Npgsql;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.Storage;
using Vape.Funds.Ledger;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Wolverine;

namespace Vape.Funds.Programmes;

public enum ProgrammeKind
{
    Scholarship,
    LearningGrant,
    TalentAward,
}

public enum NominationStatus
{
    Nominated,
    Awarded,
    Declined,
}

public enum DisbursementMethod
{
    Cash,
    Transfer,
}

/// <summary>A scholarship round or an award of a unit: criteria, a nomination and decision window, a budget drawn from funds.</summary>
public sealed record Programme(Guid Id, Guid UnitId, string Name, ProgrammeKind Kind, string Criteria, DateOnly OpensOn, DateOnly ClosesOn, long Budget,
    long Awarded, Guid[] FundIds)
{
    internal const string Columns = """
        p.id, p.unit_id, p.name, p.kind, p.criteria, p.opens_on, p.closes_on, p.budget, p.awarded,
        array(select pf.fund_id from funds.programme_funds pf where pf.programme_id = p.id order by pf.fund_id)
        """;

    internal static Programme Read(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetString(2), Enum.Parse<ProgrammeKind>(r.GetString(3)),
        r.GetString(4), r.GetFieldValue<DateOnly>(5), r.GetFieldValue<DateOnly>(6), r.GetInt64(7), r.GetInt64(8), r.GetFieldValue<Guid[]>(9));

    public bool IsOpen(DateOnly today) => OpensOn <= today && today <= ClosesOn;
}

/// <summary>A nomination; <see cref="EvidenceEntryIds"/>: entries of the nominee's learning record, read through Records' audited read (ADR 0246).</summary>
public sealed record Nomination(Guid Id, Guid ProgrammeId, Guid UnitId, Guid PersonId, string Reason, bool PublicName, NominationStatus Status,
    string? DecisionReason, Guid? AwardId, Guid[] EvidenceEntryIds)
{
    internal const string Columns = """
        n.id, n.programme_id, n.unit_id, n.person_id, n.reason, n.public_name, n.status, n.decision_reason, a.id,
        array(select ne.entry_id from funds.nomination_evidence ne where ne.nomination_id = n.id order by ne.entry_id)
        """;

    internal const string From = "funds.nominations n left join funds.awards a on a.nomination_id = n.id";

    internal static Nomination Read(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetGuid(3), r.GetString(4), r.GetBoolean(5),
        Enum.Parse<NominationStatus>(r.GetString(6)), r.Get<string>(7), r.Get<Guid?>(8), r.GetFieldValue<Guid[]>(9));
}

public sealed record Award(Guid Id, Guid ProgrammeId, Guid PersonId, Guid UnitId, Guid FundId, long Amount, DateOnly DecidedOn, bool PublicName,
    bool Disbursed, DisbursementMethod? Method, DateOnly? PaidOn, Guid? EntryId)
{
    internal const string Columns = "a.id, a.programme_id, a.person_id, a.unit_id, a.fund_id, a.amount, a.decided_on, a.public_name, a.status, a.method, a.paid_on, a.entry_id";

    internal static Award Read(NpgsqlDataReader r) => new(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetGuid(3), r.GetGuid(4), r.GetInt64(5),
        r.GetFieldValue<DateOnly>(6), r.GetBoolean(7), r.GetString(8) == "DISBURSED", r.Get<string>(9) is { } m ? Enum.Parse<DisbursementMethod>(m) : null,
        r.Get<DateOnly?>(10), r.Get<Guid?>(11));
}

/// <summary>An official of a unit opens a programme; its funds are funds of the unit's subtree that the official manages.</summary>
public sealed record CreateProgramme(Guid ActorId, Guid UnitId, string Name, ProgrammeKind Kind, string Criteria, DateOnly OpensOn, DateOnly ClosesOn,
    long Budget, Guid[] FundIds);

public static class CreateProgrammeHandler
{
    public static async Task<Programme> Handle(CreateProgramme command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        await FundRules.DemandManageAsync(organization, command.ActorId, command.UnitId, ct);
        var name = FundRules.Text(command.Name, "tên chương trình", 200);
        var criteria = FundRules.Text(command.Criteria, "tiêu chí xét chọn", 5000);
        var budget = FundRules.Amount(command.Budget, "Ngân sách");
        if (!Enum.IsDefined(command.Kind)) throw VapeException.InvalidInput("Loại chương trình không hợp lệ.");
        if (command.ClosesOn < command.OpensOn) throw VapeException.InvalidInput("Ngày kết thúc phải sau ngày bắt đầu.");
        var fundIds = (command.FundIds ?? []).Distinct().ToArray();
        if (fundIds.Length is 0 or > 50) throw VapeException.InvalidInput("Chương trình lấy ngân sách từ 1 đến 50 quỹ.");
        var (_, path) = await FundRules.ActiveUnitAsync(organization, command.UnitId, ct);
        var sql = new FundsSql(session);
        foreach (var fundId in fundIds)
        {
            var fund = await FundStore.LoadAsync(sql, fundId, ct);
            if (!await organization.IsWithinAsync(fund.UnitId, command.UnitId, ct))
                throw VapeException.InvalidInput("Chương trình chỉ dùng quỹ của đơn vị mình hoặc đơn vị cấp dưới.");
            await FundRules.DemandManageAsync(organization, command.ActorId, fund.UnitId, ct);
        }
        var programme = new Programme(Guid.CreateVersion7(), command.UnitId, name, command.Kind, criteria, command.OpensOn, command.ClosesOn, budget, 0,
            fundIds.Order().ToArray());
        await sql.ExecuteAsync("""
            insert into funds.programmes (id, unit_id, unit_path, name, kind, criteria, opens_on, closes_on, budget, created_by, created_at)
            values (@id, @unit, @path::ltree, @name, @kind, @criteria, @opens, @closes, @budget, @by, @at);
            insert into funds.programme_funds (programme_id, fund_id) select @id, unnest(@funds);
            """, ct, ("id", programme.Id), ("unit", programme.UnitId), ("path", path), ("name", name), ("kind", command.Kind.ToString()), ("criteria", criteria),
            ("opens", command.OpensOn), ("closes", command.ClosesOn), ("budget", budget), ("by", command.ActorId), ("at", clock.GetUtcNow()), ("funds", fundIds));
        return programme;
    }

    internal static async Task<Programme> LoadAsync(FundsSql sql, Guid id, CancellationToken ct, bool forUpdate = false) =>
        (await sql.ListAsync($"select {Programme.Columns} from funds.programmes p where p.id = @id{(forUpdate ? " for update of p" : "")}", Programme.Read, ct,
            ("id", id))).SingleOrDefault() ?? throw VapeException.NotFound("Không tìm thấy chương trình.");
}

/// <summary>
/// An official of a unit within the programme's subtree nominates one of the unit's members, within the window, with
/// entries of the member's learning record as evidence if they choose (read with <see cref="EvidencePurpose"/>, logged).
/// </summary>
public sealed record Nominate(Guid ActorId, Guid ProgrammeId, Guid UnitId, Guid PersonId, string Reason, bool PublicName, Guid[]? EvidenceEntryIds = null,
    RecordPurpose? EvidencePurpose = null);

public static class NominateHandler
{
    public static async Task<Nomination> Handle(Nominate command, IOrganizationQueries organization, IRecordEvidence records, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        // Who may do it at all comes before what was sent (ADR 0070).
        await FundRules.DemandManageAsync(organization, command.ActorId, command.UnitId, ct);
        var reason = FundRules.Text(command.Reason, "lý do đề cử", 2000);
        var sql = new FundsSql(session);
        var programme = await CreateProgrammeHandler.LoadAsync(sql, command.ProgrammeId, ct);
        if (!await organization.IsWithinAsync(command.UnitId, programme.UnitId, ct))
            throw VapeException.NotAllowed("Chỉ đơn vị trong phạm vi của chương trình mới được đề cử.");
        if (!programme.IsOpen(FundRules.Today(clock)))
            throw new VapeException(FundRules.OutsideWindow, $"Chương trình chỉ nhận đề cử từ {programme.OpensOn:dd/MM/yyyy} đến {programme.ClosesOn:dd/MM/yyyy}.");
        if (!await organization.IsMemberWithinAsync(command.PersonId, command.UnitId, ct))
            throw VapeException.InvalidInput("Người được đề cử phải là hội viên của đơn vị đề cử.");
        var evidence = (command.EvidenceEntryIds ?? []).Distinct().ToArray();
        if (evidence.Length > 0)
        {
            if (await sql.ScalarAsync<bool>("select exists (select 1 from funds.nominations where programme_id = @p and person_id = @person)", ct,
                    ("p", programme.Id), ("person", command.PersonId)))
                throw new VapeException(FundRules.AlreadyNominated, "Người này đã được đề cử vào chương trình.");
            // The Records module checks the official, the purpose, the consent and each entry, and logs the look (ADR 0246).
            await records.ReadAsync(command.ActorId, command.PersonId, evidence, command.EvidencePurpose, ct);
        }
        var nomination = new Nomination(Guid.CreateVersion7(), programme.Id, command.UnitId, command.PersonId, reason, command.PublicName,
            NominationStatus.Nominated, null, null, [.. evidence.Order()]);
        var added = await sql.ExecuteAsync("""
            insert into funds.nominations (id, programme_id, unit_id, person_id, reason, public_name, nominated_by, nominated_at, status)
            values (@id, @p, @u, @person, @reason, @public, @by, @at, 'Nominated') on conflict (programme_id, person_id) do nothing
            """, ct, ("id", nomination.Id), ("p", programme.Id), ("u", command.UnitId), ("person", command.PersonId), ("reason", reason),
            ("public", command.PublicName), ("by", command.ActorId), ("at", clock.GetUtcNow()));
        if (added == 0) throw new VapeException(FundRules.AlreadyNominated, "Người này đã được đề cử vào chương trình.");
        if (evidence.Length > 0)
            await sql.ExecuteAsync("insert into funds.nomination_evidence (nomination_id, entry_id) select @n, unnest(@entries)", ct,
                ("n", nomination.Id), ("entries", evidence));
        return nomination;
    }
}

/// <summary>
/// An official of the programme's unit decides a nomination: an award of an amount from one of the programme's funds,
/// within the window and the budget, or a decline; the reason is kept. An award goes to the recipient's learning
/// record through the outbox, in the same transaction.
/// </summary>
public sealed record DecideNomination(Guid ActorId, Guid NominationId, bool Approve, long? Amount, Guid? FundId, string Reason);

public static class DecideNominationHandler
{
    public static async Task<Nomination> Handle(DecideNomination command, IOrganizationQueries organization, IDocumentSession session, IMessageContext bus,
        TimeProvider clock, CancellationToken ct)
    {
        var sql = new FundsSql(session);
        var nomination = (await sql.ListAsync($"select {Nomination.Columns} from {Nomination.From} where n.id = @id for update of n", Nomination.Read, ct,
            ("id", command.NominationId))).SingleOrDefault() ?? throw VapeException.NotFound("Không tìm thấy đề cử.");
        var programme = await CreateProgrammeHandler.LoadAsync(sql, nomination.ProgrammeId, ct);
        await FundRules.DemandManageAsync(organization, command.ActorId, programme.UnitId, ct);
        var reason = FundRules.Text(command.Reason, "lý do quyết định", 2000);
        if (nomination.Status != NominationStatus.Nominated) throw new VapeException(FundRules.AlreadyDecided, "Đề cử này đã được quyết định.");
        var today = FundRules.Today(clock);
        if (!programme.IsOpen(today))
            throw new VapeException(FundRules.OutsideWindow, $"Chương trình chỉ xét từ {programme.OpensOn:dd/MM/yyyy} đến {programme.ClosesOn:dd/MM/yyyy}.");
        var now = clock.GetUtcNow();
        if (!command.Approve)
        {
            await sql.ExecuteAsync("update funds.nominations set status = 'Declined', decision_reason = @r, decided_by = @by, decided_at = @at where id = @id",
                ct, ("r", reason), ("by", command.ActorId), ("at", now), ("id", nomination.Id));
            return nomination with { Status = NominationStatus.Declined, DecisionReason = reason };
        }
        var amount = FundRules.Amount(command.Amount ?? 0, "Mức thưởng");
        if (command.FundId is not Guid fundId || !programme.FundIds.Contains(fundId))
            throw VapeException.InvalidInput("Hãy chọn một quỹ của chương trình để chi giải thưởng.");
        var budgetLeft = await sql.ScalarAsync<long?>("""
            update funds.programmes set awarded = awarded + @a where id = @p and awarded + @a <= budget returning budget - awarded
            """, ct, ("a", amount), ("p", programme.Id));
        if (budgetLeft is null)
        {
            var left = await sql.ScalarAsync<long>("select budget - awarded from funds.programmes where id = @p", ct, ("p", programme.Id));
            throw new VapeException(FundRules.BudgetExceeded, $"Ngân sách chương trình chỉ còn {LedgerWriter.Money(left)}, không đủ {LedgerWriter.Money(amount)}.");
        }
        var awardId = Guid.CreateVersion7();
        await sql.ExecuteAsync("""
            update funds.nominations set status = 'Awarded', decision_reason = @r, decided_by = @by, decided_at = @at where id = @id;
            insert into funds.awards (id, programme_id, nomination_id, person_id, unit_id, fund_id, amount, decided_on, public_name, status)
            values (@award, @p, @id, @person, @unit, @fund, @amount, @on, @public, 'AWARDED');
            """, ct, ("r", reason), ("by", command.ActorId), ("at", now), ("id", nomination.Id), ("award", awardId), ("p", programme.Id),
            ("person", nomination.PersonId), ("unit", nomination.UnitId), ("fund", fundId), ("amount", amount), ("on", today), ("public", nomination.PublicName));
        var issuer = (await organization.UnitsAsync([programme.UnitId], ct)).SingleOrDefault()?.Name ?? "Hội Khuyến học";
        await bus.PublishAsync(new RecordFundsAward(awardId, nomination.PersonId, nomination.UnitId, programme.Name, issuer, today, command.ActorId));
        return nomination with { Status = NominationStatus.Awarded, DecisionReason = reason, AwardId = awardId };
    }
}

/// <summary>
/// An official of the paying fund's unit records that an award was paid (cash at a ceremony, or a transfer): a
/// ledger line from the fund's cash, refused when the fund does not hold the amount or the award was already paid.
/// </summary>
public sealed record DisburseAward(Guid ActorId, Guid AwardId, DisbursementMethod Method, DateOnly PaidOn, string? Reference, Guid? CeremonyListId = null);

public static class DisburseAwardHandler
{
    public static async Task<Award> Handle(DisburseAward command, IOrganizationQueries organization, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var sql = new FundsSql(session);
        var award = await FindAsync(sql, command.AwardId, ct);
        if (award is null)
        {
            // An id of nothing is NOT_FOUND for everyone; a nomination not (or not yet) awarded is NOT_AWARDED, told
            // only to those who manage the nominating unit's funds (ADR 0072: who may act before the target's state).
            var nominated = await sql.ScalarAsync<Guid?>("select unit_id from funds.nominations where id = @id", ct, ("id", command.AwardId))
                ?? throw VapeException.NotFound("Không tìm thấy giải thưởng, học bổng này.");
            await FundRules.DemandManageAsync(organization, command.ActorId, nominated, ct);
            throw new VapeException(FundRules.NotAwarded, "Đề cử này chưa được quyết định trao (hoặc đã bị từ chối), nên chưa thể chi.");
        }
        var fund = await FundStore.LoadAsync(sql, award.FundId, ct);
        await FundRules.DemandManageAsync(organization, command.ActorId, fund.UnitId, ct);
        var paidOn = FundRules.Past(command.PaidOn, clock, "Ngày chi");
        var reference = FundRules.Text(command.Reference, "số chứng từ", 100, required: false);
        if (!Enum.IsDefined(command.Method)) throw VapeException.InvalidInput("Hình thức chi không hợp lệ.");
        await LedgerWriter.LockAsync(sql, fund.UnitId, ct);
        award = (await FindAsync(sql, award.Id, ct))!;
        if (award.Disbursed) throw new VapeException(FundRules.AlreadyDisbursed, "Giải thưởng, học bổng này đã được chi.");
        var programme = await CreateProgrammeHandler.LoadAsync(sql, award.ProgrammeId, ct);
        (string No, string Hash)? list = command.CeremonyListId is Guid listId ? await OnListAsync(sql, listId, award, command.Method, ct) : null;
        var memo = $"{programme.Name}{(reference.Length > 0 ? " — " + reference : "")}{(list is { } l ? $" — DS {l.No} SHA-256 {l.Hash}" : "")}";
        var line = await LedgerWriter.AppendAsync(sql, fund.UnitId, command.ActorId, new Movement(fund.Id, paidOn, "DISBURSEMENT", Accounts.Awards, Accounts.Cash,
            award.Amount, $"GT {award.Id:D}", memo, ProgrammeId: programme.Id), clock.GetUtcNow(), ct);
        if (command.CeremonyListId is Guid paidFrom)
            await sql.ExecuteAsync("update funds.ceremony_lines set entry_id = @e where list_id = @l and award_id = @a", ct,
                ("e", line.Id), ("l", paidFrom), ("a", award.Id));
        await sql.ExecuteAsync("update funds.awards set status = 'DISBURSED', method = @m, paid_on = @on, entry_id = @e where id = @id", ct,
            ("m", command.Method.ToString()), ("on", paidOn), ("e", line.Id), ("id", award.Id));
        return award with { Disbursed = true, Method = command.Method, PaidOn = paidOn, EntryId = line.Id };
    }

    internal static async Task<Award?> FindAsync(FundsSql sql, Guid id, CancellationToken ct) =>
        (await sql.ListAsync($"select {Award.Columns} from funds.awards a where a.id = @id", Award.Read, ct, ("id", id))).SingleOrDefault();

    public const string NotOnList = "NOT_ON_LIST";

    /// <summary>A payment at a ceremony is of a line of its list (docs/adr/0190): the list's number and hash go into the ledger line.</summary>
    private static async Task<(string No, string Hash)> OnListAsync(FundsSql sql, Guid listId, Award award, DisbursementMethod method, CancellationToken ct)
    {
        if (method != DisbursementMethod.Cash) throw VapeException.InvalidInput("Danh sách ký nhận chỉ dùng khi chi tiền mặt tại lễ trao.");
        var list = (await sql.ListAsync("""
            select c.number, c.year, c.hash, exists (select 1 from funds.ceremony_lines l
                                                    where l.list_id = c.id and l.award_id = @a and l.moved_to_fund_id is null)
              from funds.ceremony_lists c where c.id = @l
            """, r => (No: $"{r.GetInt32(0):D5}/{r.GetInt32(1)}", Hash: Convert.ToHexStringLower((byte[])r[2]), OnIt: r.GetBoolean(3)), ct,
            ("l", listId), ("a", award.Id))).SingleOrDefault();
        if (list.No is null) throw VapeException.NotFound("Không tìm thấy danh sách ký nhận.");
        if (!list.OnIt) throw new VapeException(NotOnList, $"Người nhận này không có trong danh sách ký nhận số {list.No}.");
        return (list.No, list.Hash);
    }
}
