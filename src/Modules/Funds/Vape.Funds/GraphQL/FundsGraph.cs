using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Funds.Donations;
using Vape.Funds.Ledger;
using Vape.Funds.Programmes;
using Vape.Funds.Totals;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Wolverine;

namespace Vape.Funds.GraphQL;

internal sealed class DonorVisibilityGraphType : EnumerationGraphType<DonorVisibility>
{
    public DonorVisibilityGraphType() { Name = "DonorVisibility"; Description = "Tên người ủng hộ: công khai, chỉ cán bộ của quỹ thấy, hay ẩn danh."; }
}

internal sealed class DonationKindGraphType : EnumerationGraphType<DonationKind>
{
    public DonationKindGraphType() { Name = "DonationKind"; Description = "Tiền (CASH) hay hiện vật quy ra đồng (GOODS)."; }
}

internal sealed class ProgrammeKindGraphType : EnumerationGraphType<ProgrammeKind>
{
    public ProgrammeKindGraphType() { Name = "ProgrammeKind"; Description = "Học bổng, hỗ trợ \"Học tập không bao giờ kết thúc\", Giải thưởng Nhân tài Đất Việt."; }
}

internal sealed class NominationStatusGraphType : EnumerationGraphType<NominationStatus>
{
    public NominationStatusGraphType() { Name = "NominationStatus"; }
}

internal sealed class DisbursementMethodGraphType : EnumerationGraphType<DisbursementMethod>
{
    public DisbursementMethodGraphType() { Name = "DisbursementMethod"; Description = "Tiền mặt tại lễ trao (có danh sách ký nhận) hay chuyển khoản."; }
}

internal sealed class FundAccountGraphType : ObjectGraphType<KeyValuePair<string, long>>
{
    public FundAccountGraphType()
    {
        Name = "FundAccount";
        Description = "Một tài khoản của quỹ: nợ trừ có (đồng). CASH, GOODS: quỹ đang giữ; DONATIONS…: nguồn; AWARDS_PAID: đã chi.";
        Field<NonNullGraphType<StringGraphType>>("account").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<LongGraphType>>("balance").Resolve(c => c.Source.Value);
    }
}

internal sealed class FundGraphType : ObjectGraphType<Fund>
{
    public FundGraphType()
    {
        Name = "Fund";
        Description = "Quỹ của một đơn vị (quỹ khuyến học, quỹ dòng họ, quỹ Giải thưởng…).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.UnitId);
        Field(x => x.Name);
        Field(x => x.Purpose);
        Field(x => x.Rules);
        Field(x => x.BankBin, nullable: true).Description("Mã BIN ngân hàng (6 chữ số) của tài khoản nhận ủng hộ.");
        Field(x => x.BankAccount, nullable: true);
        Field(x => x.AccountName, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FundAccountGraphType>>>>("accounts")
            .Description("Số dư các tài khoản (công khai).")
            .ResolveAsync(async c => (await c.Service<FundStore>().BalancesAsync(c.Source.Id, c.CancellationToken)).OrderBy(a => a.Key).ToList());
        Field<NonNullGraphType<ConnectionGraphType<DonationGraphType, Donation>>>("donations")
            .Description("Các khoản ủng hộ đã nhận, mới nhất trước; tên người ủng hộ theo lựa chọn của họ.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var page = Page.From(c);
                return page.ToConnection(await c.Service<DonationStore>().OfFundAsync(c.Source.Id, page, c.CancellationToken), d => d.Id.ToString());
            });
    }
}

internal sealed class PledgeGraphType : ObjectGraphType<Pledge>
{
    public PledgeGraphType()
    {
        Name = "Pledge";
        Description = "Lời hứa ủng hộ; chuyển khoản ghi đúng `reference` trong nội dung.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("fundId").Resolve(c => c.Source.FundId);
        Field(x => x.Reference);
        Field<NonNullGraphType<LongGraphType>>("amount").Resolve(c => c.Source.Amount);
        Field(x => x.VietQr, nullable: true).Description("Nội dung mã VietQR (NAPAS, EMVCo) để quét chuyển khoản; null nếu quỹ chưa có tài khoản ngân hàng.");
    }
}

internal sealed class DonationGraphType : ObjectGraphType<Donation>
{
    public DonationGraphType()
    {
        Name = "Donation";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("fundId").Resolve(c => c.Source.FundId);
        Field<NonNullGraphType<IdGraphType>>("entryId").Resolve(c => c.Source.EntryId);
        Field<NonNullGraphType<LongGraphType>>("amount").Resolve(c => c.Source.Amount);
        Field<NonNullGraphType<DonationKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field(x => x.Goods, nullable: true);
        Field<NonNullGraphType<DonorVisibilityGraphType>>("visibility").Resolve(c => c.Source.Visibility);
        Field<StringGraphType>("donorName")
            .Description("Tên người ủng hộ: công khai; chỉ cán bộ thấy nếu họ chọn vậy; không bao giờ nếu ẩn danh.")
            .ResolveAsync(async c => c.Source.Visibility switch
            {
                DonorVisibility.Public => c.Source.DonorName,
                DonorVisibility.Officials when await FundsAccess.MaySeeFundAsync(c, c.Source.FundId) => c.Source.DonorName,
                _ => null,
            });
        Field<NonNullGraphType<CalendarDateGraphType>>("receivedOn").Resolve(c => c.Source.ReceivedOn);
        Field<NonNullGraphType<StringGraphType>>("receiptNumber").Description("Số biên nhận: số thứ tự trong năm của quỹ / năm.").Resolve(c => c.Source.ReceiptNo);
        Field<StringGraphType>("receiptHtml")
            .Description("Biên nhận in được (HTML); chỉ cán bộ quản lý quỹ.")
            .ResolveAsync(async c =>
            {
                var fund = await c.Service<FundStore>().FindAsync(c.Source.FundId, c.CancellationToken);
                if (fund is null || c.User.PersonId() is not Guid actor
                    || !await c.Service<IOrganizationQueries>().MayAsync(actor, Permission.ManageUnits, fund.UnitId, c.CancellationToken)) return null;
                var unit = (await c.Service<IOrganizationQueries>().UnitsAsync([fund.UnitId], c.CancellationToken)).SingleOrDefault();
                return Receipt.Html(c.Source, fund, unit?.Name ?? "");
            });
    }
}

internal sealed class ProgrammeGraphType : ObjectGraphType<Programme>
{
    public ProgrammeGraphType()
    {
        Name = "Programme";
        Description = "Một đợt học bổng hoặc giải thưởng: tiêu chí, thời hạn đề cử và xét, ngân sách từ các quỹ.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.UnitId);
        Field(x => x.Name);
        Field<NonNullGraphType<ProgrammeKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field(x => x.Criteria);
        Field<NonNullGraphType<CalendarDateGraphType>>("opensOn").Resolve(c => c.Source.OpensOn);
        Field<NonNullGraphType<CalendarDateGraphType>>("closesOn").Resolve(c => c.Source.ClosesOn);
        Field<NonNullGraphType<LongGraphType>>("budget").Resolve(c => c.Source.Budget);
        Field<NonNullGraphType<LongGraphType>>("awarded").Resolve(c => c.Source.Awarded);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("fundIds").Resolve(c => c.Source.FundIds);
        Field<ConnectionGraphType<NominationGraphType, Nomination>>("nominations")
            .Description("Các đề cử theo thứ tự đề cử (chỉ cán bộ của đơn vị chương trình hoặc cấp trên).")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var page = Page.From(c);
                if (c.User.PersonId() is not Guid actor
                    || !await c.Service<IOrganizationQueries>().MayAsync(actor, Permission.ManageUnits, c.Source.UnitId, c.CancellationToken))
                    throw VapeException.NotAllowed("Chỉ cán bộ của đơn vị tổ chức chương trình mới xem các đề cử.");
                return page.ToConnection(await c.Service<ProgrammeStore>().NominationsAsync(c.Source.Id, page, c.CancellationToken), n => n.Id.ToString());
            });
    }
}

internal sealed class NominationGraphType : ObjectGraphType<Nomination>
{
    public NominationGraphType()
    {
        Name = "Nomination";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("programmeId").Resolve(c => c.Source.ProgrammeId);
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.UnitId);
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field(x => x.Reason);
        Field(x => x.PublicName).Description("Người được đề cử đồng ý công khai tên nếu được trao.");
        Field<NonNullGraphType<NominationStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field(x => x.DecisionReason, nullable: true);
        Field<IdGraphType>("awardId").Resolve(c => c.Source.AwardId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("evidenceEntryIds")
            .Description("Các mục hồ sơ học tập của người được đề cử mà đơn vị đề cử chọn làm minh chứng.")
            .Resolve(c => c.Source.EvidenceEntryIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NominationEvidenceGraphType>>>>("evidence")
            .Description("Các mục minh chứng, đọc từ hồ sơ học tập với mục đích bắt buộc: chỉ cán bộ phụ trách hồ sơ của người được đề cử (đơn vị đó hoặc cấp trên), "
                + "khi người đó đồng ý cho xem chi tiết; lần xem được ghi vào nhật ký truy cập của người đó.")
            .Argument<NonNullGraphType<SharedEnumGraphType<RecordPurpose>>>("purpose")
            .ResolveAsync(async c => c.Source.EvidenceEntryIds.Length == 0 ? [] : await c.Service<IRecordEvidence>().ReadAsync(FundsAccess.Actor(c),
                c.Source.PersonId, c.Source.EvidenceEntryIds, c.GetArgument<RecordPurpose>("purpose"), c.CancellationToken));
    }
}

internal sealed class NominationEvidenceGraphType : ObjectGraphType<RecordEvidenceEntry>
{
    public NominationEvidenceGraphType()
    {
        Name = "NominationEvidence";
        Description = "Một mục của hồ sơ học tập làm minh chứng cho đề cử: hoạt động (số giờ) hoặc chứng chỉ (nơi cấp), đã được cán bộ xác nhận hay chưa.";
        Field<NonNullGraphType<IdGraphType>>("entryId").Resolve(c => c.Source.EntryId);
        Field(x => x.Credential).Description("Chứng chỉ, văn bằng (không phải hoạt động học tập).");
        Field(x => x.Title);
        Field(x => x.Issuer, nullable: true);
        Field<SharedEnumGraphType<LearningDomain>>("domain").Resolve(c => c.Source.Domain);
        Field<NonNullGraphType<CalendarDateGraphType>>("date").Resolve(c => c.Source.Date);
        Field(x => x.Hours);
        Field(x => x.Verified).Description("Cán bộ đã xác nhận mục này.");
    }
}

internal sealed class AwardGraphType : ObjectGraphType<Award>
{
    public AwardGraphType()
    {
        Name = "Award";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("programmeId").Resolve(c => c.Source.ProgrammeId);
        Field<NonNullGraphType<IdGraphType>>("fundId").Resolve(c => c.Source.FundId);
        Field<NonNullGraphType<LongGraphType>>("amount").Resolve(c => c.Source.Amount);
        Field(x => x.Disbursed);
        Field<DisbursementMethodGraphType>("method").Resolve(c => c.Source.Method);
        Field<CalendarDateGraphType>("paidOn").Resolve(c => c.Source.PaidOn);
        Field<IdGraphType>("entryId").Resolve(c => c.Source.EntryId);
    }
}

internal sealed class LedgerLineGraphType : ObjectGraphType<LedgerLine>
{
    public LedgerLineGraphType()
    {
        Name = "LedgerLine";
        Description = "Một bút toán kép của sổ quỹ: ghi nợ một tài khoản, ghi có một tài khoản, nối với bút toán trước bằng mã băm.";
        Field<NonNullGraphType<LongGraphType>>("seq").Resolve(c => c.Source.Seq);
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("fundId").Resolve(c => c.Source.FundId);
        Field<NonNullGraphType<CalendarDateGraphType>>("date").Resolve(c => c.Source.Date);
        Field(x => x.Kind);
        Field(x => x.Debit);
        Field(x => x.Credit);
        Field<NonNullGraphType<LongGraphType>>("amount").Resolve(c => c.Source.Amount);
        Field(x => x.Reference);
        Field(x => x.Memo);
        Field<IdGraphType>("reverses").Resolve(c => c.Source.Reverses);
        Field(x => x.PrevHash);
        Field(x => x.Hash);
    }
}

internal sealed class FundTotalsGraphType : ObjectGraphType<FundTotals>
{
    public FundTotalsGraphType()
    {
        Name = "FundTotals";
        Description = "Số liệu (đồng): đã nhận (tiền, hiện vật), đã quyết định trao, đã chi, đang giữ.";
        Field<NonNullGraphType<LongGraphType>>("received").Resolve(c => c.Source.Received);
        Field<NonNullGraphType<LongGraphType>>("receivedInKind").Resolve(c => c.Source.ReceivedInKind);
        Field<NonNullGraphType<LongGraphType>>("awarded").Resolve(c => c.Source.Awarded);
        Field<NonNullGraphType<LongGraphType>>("disbursed").Resolve(c => c.Source.Disbursed);
        Field<NonNullGraphType<LongGraphType>>("held").Resolve(c => c.Source.Held);
        Field<NonNullGraphType<LongGraphType>>("heldInKind").Resolve(c => c.Source.HeldInKind);
    }
}

internal sealed class ProgrammeTotalsGraphType : ObjectGraphType<ProgrammeTotals>
{
    public ProgrammeTotalsGraphType()
    {
        Name = "ProgrammeTotals";
        Field<NonNullGraphType<IdGraphType>>("programmeId").Resolve(c => c.Source.ProgrammeId);
        Field(x => x.Name);
        Field(x => x.Year);
        Field<NonNullGraphType<LongGraphType>>("awarded").Resolve(c => c.Source.Awarded);
        Field<NonNullGraphType<LongGraphType>>("disbursed").Resolve(c => c.Source.Disbursed);
        Field(x => x.Awards);
    }
}

internal sealed class YearTotalsGraphType : ObjectGraphType<YearTotals>
{
    public YearTotalsGraphType()
    {
        Name = "YearTotals";
        Field(x => x.Year);
        Field<NonNullGraphType<FundTotalsGraphType>>("totals").Resolve(c => c.Source.Totals);
    }
}

internal sealed class UnitFundsTotalsGraphType : ObjectGraphType<UnitFundsTotals>
{
    public UnitFundsTotalsGraphType()
    {
        Name = "UnitFundsTotals";
        Description = "Số liệu công khai của đơn vị và mọi đơn vị cấp dưới.";
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.UnitId);
        Field<IntGraphType>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<FundTotalsGraphType>>("totals").Resolve(c => c.Source.Totals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProgrammeTotalsGraphType>>>>("byProgramme").Resolve(c => c.Source.ByProgramme);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<YearTotalsGraphType>>>>("byYear").Resolve(c => c.Source.ByYear);
    }
}

internal sealed class PublicAwardGraphType : ObjectGraphType<PublicAward>
{
    public PublicAwardGraphType()
    {
        Name = "PublicAward";
        Description = "Một học bổng, giải thưởng đã trao; tên người nhận chỉ khi họ đồng ý.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("programmeId").Resolve(c => c.Source.ProgrammeId);
        Field(x => x.Programme);
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.UnitId);
        Field<NonNullGraphType<LongGraphType>>("amount").Resolve(c => c.Source.Amount);
        Field<NonNullGraphType<CalendarDateGraphType>>("decidedOn").Resolve(c => c.Source.DecidedOn);
        Field(x => x.Disbursed);
        Field(x => x.RecipientName, nullable: true);
    }
}

internal sealed class LedgerVerificationGraphType : ObjectGraphType<LedgerVerification>
{
    public LedgerVerificationGraphType()
    {
        Name = "LedgerVerification";
        Field(x => x.Valid);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("problems").Resolve(c => c.Source.Problems);
        Field<NonNullGraphType<LongGraphType>>("entries").Resolve(c => c.Source.Entries);
    }
}

internal sealed class UnitLedgerGraphType : ObjectGraphType<LedgerHead>
{
    public UnitLedgerGraphType()
    {
        Name = "UnitLedger";
        Description = "Sổ quỹ của một đơn vị, ai cũng xem và kiểm tra được. Tải về: /funds/units/{unitId}/ledger.json (hoặc .csv).";
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.UnitId);
        Field<NonNullGraphType<LongGraphType>>("headSeq").Resolve(c => c.Source.HeadSeq);
        Field(x => x.HeadHash);
        Field(x => x.Signature).Description("Chữ ký ECDSA P-256 (SHA-256, DER, base64) của `signedMessage` bằng khóa của đơn vị.");
        Field(x => x.SignedMessage);
        Field(x => x.PublicKey).Description("Khóa công khai của đơn vị (PEM).");
        Field<NonNullGraphType<ConnectionGraphType<LedgerLineGraphType, LedgerLine>>>("entries")
            .Description("Các dòng của sổ theo thứ tự; cả sổ một lần: tệp tải về.")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var page = Page.From(c);
                var after = page.AfterKey is not { } key ? 0
                    : long.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq) ? seq
                    : throw VapeException.InvalidInput("Con trỏ phân trang (`after`) không hợp lệ.");
                var lines = await c.Service<LedgerExports>().EntriesAsync(c.Source.UnitId, after, page.First + 1, c.CancellationToken);
                return page.ToConnection(lines, l => l.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
            });
        Field<NonNullGraphType<LedgerVerificationGraphType>>("verification")
            .Cost(100) // the whole ledger read, hashed and its signature checked (ADR 0162)
            .Description("Kiểm tra cả sổ: chuỗi mã băm, bút toán kép và chữ ký, ngay trên máy chủ (như lệnh tools/Vape.Funds.Verify).")
            .ResolveAsync(async c => await c.Service<LedgerExports>().ExportAsync(c.Source.UnitId, c.CancellationToken) is { } export
                ? LedgerChain.Verify(export, export.PublicKey)
                : throw VapeException.NotFound("Không tìm thấy đơn vị."));
    }
}

internal sealed class UnmatchedLineGraphType : ObjectGraphType<UnmatchedLine>
{
    public UnmatchedLineGraphType()
    {
        Name = "UnmatchedStatementLine";
        Description = "Một dòng sao kê không khớp lời hứa ủng hộ nào, kèm lý do, để cán bộ xem.";
        Field(x => x.Line);
        Field(x => x.Text);
        Field(x => x.Reason);
    }
}

internal sealed class ReconciliationGraphType : ObjectGraphType<Reconciliation>
{
    public ReconciliationGraphType()
    {
        Name = "Reconciliation";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DonationGraphType>>>>("matched").Resolve(c => c.Source.Matched);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UnmatchedLineGraphType>>>>("unmatched").Resolve(c => c.Source.Unmatched);
    }
}

internal static class FundsAccess
{
    public static Guid Actor(IResolveFieldContext context) => context.User.PersonId() ?? throw VapeException.NotAuthenticated();

    public static T Service<T>(this IResolveFieldContext context) where T : notnull => context.RequestServices!.GetRequiredService<T>();

    public static async Task<bool> MaySeeFundAsync(IResolveFieldContext context, Guid fundId) =>
        await context.Service<FundStore>().FindAsync(fundId, context.CancellationToken) is { } fund
        && await FundRules.MaySeeAsync(context.Service<IOrganizationQueries>(), context.User.PersonId(), fund.UnitId, context.CancellationToken);

    /// <summary>Every mutation: signed in, one `input` argument, the command sent through Wolverine (transaction, outbox).</summary>
    public static void Mutation<TGraph, TInput, TResult>(ObjectGraphType mutation, string name, string description, Func<TInput, Guid, object> command)
        where TGraph : IGraphType
    {
        mutation.Field<NonNullGraphType<TGraph>>(name)
            .Description(description)
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<TInput>>>("input")
            .ResolveAsync(async c =>
            {
                var message = command(c.GetArgument<TInput>("input"), Actor(c));
                return await c.Service<IMessageBus>().InvokeAsync<TResult>(message, c.CancellationToken);
            });
    }

    public static Guid? OptionalId(string? value, string name) => value is null ? null : Ids.Parse(value, name);
}

internal sealed record CreateFundInput(string UnitId, string Name, string Purpose, string? Rules, string? BankBin, string? BankAccount, string? AccountName);
internal sealed record PledgeDonationInput(string FundId, long Amount, string? DonorName, DonorVisibility? Visibility);
internal sealed record RecordDonationInput(string FundId, long Amount, DateOnly ReceivedOn, DonationKind? Kind, string? Goods, string? DonorName,
    DonorVisibility? Visibility, string? PledgeId, string? RequestId);
internal sealed record CreateProgrammeInput(string UnitId, string Name, ProgrammeKind Kind, string Criteria, DateOnly OpensOn, DateOnly ClosesOn, long Budget,
    string[] FundIds);
internal sealed record NominateInput(string ProgrammeId, string UnitId, string PersonId, string Reason, bool? PublicName, string[]? EvidenceEntryIds,
    RecordPurpose? EvidencePurpose);
internal sealed record DecideNominationInput(string NominationId, bool Approve, long? Amount, string? FundId, string Reason);
internal sealed record DisburseAwardInput(string AwardId, DisbursementMethod Method, DateOnly PaidOn, string? Reference, string? CeremonyListId);
internal sealed record ReverseLedgerEntryInput(string EntryId, string Reason);
internal sealed record ReconcileStatementInput(string FundId, string CsvBase64);

internal static class FundsFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<FundGraphType>("fund").Description("Một quỹ (công khai).").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<FundStore>().FindAsync(c.GetId("id"), c.CancellationToken));
        query.Field<NonNullGraphType<ConnectionGraphType<FundGraphType, Fund>>>("funds").Description("Các quỹ của một đơn vị (công khai), theo thứ tự lập.")
            .Argument<NonNullGraphType<IdGraphType>>("unitId").PageArguments()
            .ResolveAsync(async c =>
            {
                var page = Page.From(c);
                return page.ToConnection(await c.Service<FundStore>().OfUnitAsync(c.GetId("unitId"), page, c.CancellationToken), f => f.Id.ToString());
            });
        query.Field<ProgrammeGraphType>("programme").Description("Một chương trình học bổng, giải thưởng (công khai).").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.Service<ProgrammeStore>().FindAsync(c.GetId("id"), c.CancellationToken));
        query.Field<NonNullGraphType<UnitFundsTotalsGraphType>>("fundsTotals")
            .Cost(50) // sums over the subtree's funds (ADR 0162)
            .Description("Số liệu công khai (không cần đăng nhập) của đơn vị và các đơn vị cấp dưới: đã nhận, đã trao, đã chi, đang giữ; theo chương trình và năm.")
            .Argument<NonNullGraphType<IdGraphType>>("unitId").Argument<IntGraphType>("year")
            .ResolveAsync(async c => await c.Service<FundsTotalsStore>().TotalsAsync(c.GetId("unitId"), c.GetArgument<int?>("year"), c.CancellationToken));
        query.Field<NonNullGraphType<ConnectionGraphType<PublicAwardGraphType, PublicAward>>>("fundsAwards")
            .Cost(10) // the awards of the subtree's funds (ADR 0162)
            .Description("Học bổng, giải thưởng đã trao từ các quỹ của đơn vị và cấp dưới, mới nhất trước; tên người nhận chỉ khi họ đồng ý.")
            .Argument<NonNullGraphType<IdGraphType>>("unitId").Argument<IntGraphType>("year").PageArguments()
            .ResolveAsync(async c =>
            {
                var page = Page.From(c);
                return page.ToConnection(await c.Service<FundsTotalsStore>().AwardsAsync(c.GetId("unitId"), c.GetArgument<int?>("year"), page, c.CancellationToken),
                    a => a.Id.ToString());
            });
        query.Field<UnitLedgerGraphType>("unitLedger")
            .Description("Sổ quỹ của đơn vị với chuỗi mã băm và chữ ký (công khai).")
            .Argument<NonNullGraphType<IdGraphType>>("unitId")
            .ResolveAsync(async c => await c.Service<LedgerExports>().HeadAsync(c.GetId("unitId"), c.CancellationToken));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        FundsAccess.Mutation<FundGraphType, CreateFundInput, Fund>(mutation, "createFund", "Lập quỹ của một đơn vị bạn phụ trách.",
            (i, actor) => new CreateFund(actor, Ids.Parse(i.UnitId, "unitId"), i.Name, i.Purpose, i.Rules, i.BankBin, i.BankAccount, i.AccountName));
        FundsAccess.Mutation<PledgeGraphType, PledgeDonationInput, Pledge>(mutation, "pledgeDonation",
            "Hứa ủng hộ một quỹ; nhận mã tham chiếu và mã VietQR để chuyển khoản.",
            (i, actor) => new PledgeDonation(actor, Ids.Parse(i.FundId, "fundId"), i.Amount, i.DonorName, i.Visibility ?? DonorVisibility.Public));
        FundsAccess.Mutation<DonationGraphType, RecordDonationInput, Donation>(mutation, "recordDonation",
            "Ghi nhận khoản ủng hộ đã nhận (tiền hoặc hiện vật quy ra đồng), cấp biên nhận đánh số theo quỹ và năm. Gửi lại cùng `requestId` không ghi hai lần.",
            (i, actor) => new RecordDonation(actor, Ids.Parse(i.FundId, "fundId"), i.Amount, i.ReceivedOn, i.Kind ?? DonationKind.Cash, i.Goods, i.DonorName,
                i.Visibility ?? DonorVisibility.Public, FundsAccess.OptionalId(i.PledgeId, "pledgeId"), FundsAccess.OptionalId(i.RequestId, "requestId")));
        FundsAccess.Mutation<ProgrammeGraphType, CreateProgrammeInput, Programme>(mutation, "createProgramme",
            "Mở một đợt học bổng hoặc giải thưởng của đơn vị, ngân sách lấy từ các quỹ của đơn vị hoặc cấp dưới.",
            (i, actor) => new CreateProgramme(actor, Ids.Parse(i.UnitId, "unitId"), i.Name, i.Kind, i.Criteria, i.OpensOn, i.ClosesOn, i.Budget,
                (i.FundIds ?? []).Select(f => Ids.Parse(f, "fundIds")).ToArray()));
        FundsAccess.Mutation<NominationGraphType, NominateInput, Nomination>(mutation, "nominate",
            "Đơn vị cấp dưới đề cử một hội viên của mình vào chương trình, trong thời hạn; có thể kèm các mục hồ sơ học tập của người đó làm minh chứng " +
            "(`evidenceEntryIds`, với mục đích `evidencePurpose`: lần xem được ghi vào nhật ký truy cập của người đó).",
            (i, actor) => new Nominate(actor, Ids.Parse(i.ProgrammeId, "programmeId"), Ids.Parse(i.UnitId, "unitId"), Ids.Parse(i.PersonId, "personId"), i.Reason,
                i.PublicName ?? false, (i.EvidenceEntryIds ?? []).Select(e => Ids.Parse(e, "evidenceEntryIds")).ToArray(), i.EvidencePurpose));
        FundsAccess.Mutation<NominationGraphType, DecideNominationInput, Nomination>(mutation, "decideNomination",
            "Đơn vị tổ chức chương trình xét một đề cử: trao (mức, quỹ chi) hoặc không, kèm lý do. Học bổng được ghi vào hồ sơ học tập của người nhận.",
            (i, actor) => new DecideNomination(actor, Ids.Parse(i.NominationId, "nominationId"), i.Approve, i.Amount, FundsAccess.OptionalId(i.FundId, "fundId"), i.Reason));
        FundsAccess.Mutation<AwardGraphType, DisburseAwardInput, Award>(mutation, "disburseAward",
            "Ghi nhận đã chi một học bổng, giải thưởng từ quỹ (tiền mặt tại lễ trao, theo danh sách ký nhận `ceremonyListId`, hoặc chuyển khoản).",
            (i, actor) => new DisburseAward(actor, Ids.Parse(i.AwardId, "awardId"), i.Method, i.PaidOn, i.Reference,
                FundsAccess.OptionalId(i.CeremonyListId, "ceremonyListId")));
        FundsAccess.Mutation<LedgerLineGraphType, ReverseLedgerEntryInput, LedgerLine>(mutation, "reverseLedgerEntry",
            "Điều chỉnh một bút toán bằng một bút toán đảo, kèm lý do (sổ quỹ không bao giờ bị sửa hay xóa).",
            (i, actor) => new ReverseEntry(actor, Ids.Parse(i.EntryId, "entryId"), i.Reason));
        FundsAccess.Mutation<ReconciliationGraphType, ReconcileStatementInput, Reconciliation>(mutation, "reconcileStatement",
            "Đối chiếu sao kê ngân hàng (CSV `ngay,so_tien,noi_dung`, base64): dòng có mã tham chiếu và đúng số tiền của lời hứa được ghi nhận; các dòng khác được liệt kê.",
            (i, actor) => new ReconcileStatement(actor, Ids.Parse(i.FundId, "fundId"), i.CsvBase64));
    }
}
