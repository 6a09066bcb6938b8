using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;
using Vape.Records.Privacy;
using Vape.Records.Record;
using Vape.Records.Statistics;
using Vape.Records.Titles;

namespace Vape.Records.GraphQL;

internal sealed class ProvenanceGraphType : EnumerationGraphType<Provenance>
{
    public ProvenanceGraphType()
    {
        Name = "RecordProvenance";
        Description = "Nguồn gốc: hệ thống ghi (điểm danh lớp học), tự khai, hoặc tự khai đã được cán bộ xác nhận.";
    }
}

internal sealed class EntryStatusGraphType : EnumerationGraphType<EntryStatus>
{
    public EntryStatusGraphType()
    {
        Name = "RecordEntryStatus";
        Description = "Được công nhận, chờ xác nhận, hoặc bị từ chối (kèm lý do).";
    }
}

internal sealed class EntryKindGraphType : EnumerationGraphType<EntryKind>
{
    public EntryKindGraphType() => Name = "RecordEntryKind";
}

internal sealed class ConsentLevelGraphType : EnumerationGraphType<ConsentLevel>
{
    public ConsentLevelGraphType()
    {
        Name = "RecordConsent";
        Description = "Cán bộ được xem: chỉ số tổng (TOTALS, mặc định) hay cả chi tiết từng mục (DETAILS).";
    }
}

internal sealed class TitleKindGraphType : EnumerationGraphType<TitleKind>
{
    public TitleKindGraphType()
    {
        Name = "LearningTitleKind";
        Description = "Công dân học tập, Gia đình học tập, Dòng họ học tập, Cộng đồng học tập, Đơn vị học tập.";
    }
}

internal sealed class TitleStatusGraphType : EnumerationGraphType<TitleStatus>
{
    public TitleStatusGraphType() => Name = "TitleProposalStatus";
}

internal sealed class RecordEntryGraphType : ObjectGraphType<RecordEntry>
{
    public RecordEntryGraphType()
    {
        Name = "RecordEntry";
        Description = "Một hoạt động học tập hoặc một chứng chỉ, văn bằng trong hồ sơ.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EntryKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field(x => x.Title).Description("Tên hoạt động, hoặc tên chứng chỉ/văn bằng.");
        Field<SharedEnumGraphType<LearningDomain>>("domain").Resolve(c => c.Source.Domain);
        Field<NonNullGraphType<CalendarDateGraphType>>("date").Resolve(c => c.Source.Date);
        Field(x => x.Hours).Description("Số giờ (0 với chứng chỉ).");
        Field(x => x.MinutesWithMedia, nullable: true)
            .Description("Buổi học của lớp trên Vape: số phút có âm thanh và hình ảnh trong số phút có mặt; null với hoạt động khác và buổi học ghi trước khi có số này.");
        Field(x => x.Provider, nullable: true).Description("Đơn vị tổ chức.");
        Field(x => x.Issuer, nullable: true).Description("Nơi cấp (chứng chỉ, văn bằng).");
        Field(x => x.EvidenceUrl, nullable: true).Description("Đường dẫn minh chứng.");
        Field<IdGraphType>("evidenceFileId").Description("Tệp minh chứng đã tải lên.").Resolve(c => c.Source.EvidenceFileId);
        Field<NonNullGraphType<ProvenanceGraphType>>("provenance").Resolve(c => c.Source.Provenance);
        Field<NonNullGraphType<EntryStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field(x => x.RejectionReason, nullable: true);
        Field<IdGraphType>("decidedBy").Description("Cán bộ đã xác nhận hoặc từ chối (mã người).").Resolve(c => c.Source.DecidedBy);
        Field<DateTimeOffsetGraphType>("decidedAt").Resolve(c => c.Source.DecidedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("recordedAt").Resolve(c => c.Source.RecordedAt);
    }
}

internal sealed class EntryToVerifyGraphType : ObjectGraphType<EntryToVerify>
{
    public EntryToVerifyGraphType()
    {
        Name = "EntryToVerify";
        Description = "Một mục tự khai chờ cán bộ xác nhận: của ai, thuộc đơn vị nào trong cây bạn phụ trách, nội dung mục.";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<StringGraphType>("personName").Description("Họ tên hội viên.").Resolve(c => RecordLoaders.Name(c, c.Source.PersonId));
        this.UnitField("unit", s => s.UnitId).Description("Đơn vị bạn phụ trách mà hội viên thuộc về (lần xem được ghi qua đơn vị này).");
        Field<NonNullGraphType<RecordEntryGraphType>>("entry").Resolve(c => c.Source.Entry);
    }
}

internal sealed class DomainTotalGraphType : ObjectGraphType<DomainTotal>
{
    public DomainTotalGraphType()
    {
        Name = "RecordDomainTotal";
        Field<NonNullGraphType<SharedEnumGraphType<LearningDomain>>>("domain").Resolve(c => c.Source.Domain);
        Field(x => x.Hours);
        Field(x => x.Activities);
    }
}

internal sealed class YearTotalGraphType : ObjectGraphType<YearTotal>
{
    public YearTotalGraphType()
    {
        Name = "RecordYear";
        Description = "Tổng của một năm (không tính mục bị từ chối).";
        Field(x => x.Year);
        Field(x => x.Hours);
        Field(x => x.Activities);
        Field(x => x.Credentials);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DomainTotalGraphType>>>>("domains").Resolve(c => c.Source.Domains);
    }
}

internal sealed class RecordTitleGraphType : ObjectGraphType<RecordTitle>
{
    public RecordTitleGraphType()
    {
        Name = "RecordTitle";
        Description = "Danh hiệu được công nhận (của cá nhân, hoặc của gia đình, dòng họ, cộng đồng, đơn vị mà người này là thành viên).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<TitleKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field(x => x.Year);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("Người, hộ gia đình hoặc đơn vị được công nhận.").Resolve(c => c.Source.SubjectId);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("awardedAt").Resolve(c => c.Source.AwardedAt);
    }
}

internal sealed class RejectedTitleGraphType : ObjectGraphType<RejectedTitle>
{
    public RejectedTitleGraphType()
    {
        Name = "RejectedTitle";
        Description = "Đề xuất danh hiệu có tên người này (của cá nhân, hoặc gia đình, dòng họ, cộng đồng, đơn vị của họ) mà cán bộ không công nhận, kèm lý do.";
        Field<NonNullGraphType<IdGraphType>>("proposalId").Resolve(c => c.Source.ProposalId);
        Field<NonNullGraphType<TitleKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field(x => x.Year);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("Người, hộ gia đình hoặc đơn vị được đề xuất.").Resolve(c => c.Source.SubjectId);
        Field(x => x.Reason).Description("Lý do cán bộ nêu khi không công nhận.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("decidedAt").Resolve(c => c.Source.DecidedAt);
    }
}

internal sealed class LearningRecordGraphType : ObjectGraphType<LearningRecord>
{
    public LearningRecordGraphType()
    {
        Name = "LearningRecord";
        Description = "Hồ sơ học tập suốt đời của một người.";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field(x => x.Version).Description("Phiên bản; gửi lại làm `expectedVersion` khi sửa.");
        Field<NonNullGraphType<ConsentLevelGraphType>>("consent").Resolve(c => c.Source.Consent);
        Field(x => x.DetailsShown).Description("false: người học chỉ cho cán bộ xem số tổng; `activities` và `credentials` để trống.");
        Field<DateTimeOffsetGraphType>("erasedAt").Description("Lúc hồ sơ bị xóa theo yêu cầu của người học.").Resolve(c => c.Source.ErasedAt);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<YearTotalGraphType>>>>("years").Description("Số giờ theo năm và lĩnh vực.").Resolve(c => c.Source.Years);
        Field<NonNullGraphType<ConnectionGraphType<RecordEntryGraphType, RecordEntry>>>("activities")
            .Description("Các hoạt động học tập, ngày học gần nhất trước.")
            .PageArguments()
            .Resolve(c => Page.From(c).Slice(c.Source.Activities));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordEntryGraphType>>>>("credentials").Resolve(c => c.Source.Credentials);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RecordTitleGraphType>>>>("titles").Resolve(c => c.Source.Titles);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RejectedTitleGraphType>>>>("rejectedTitles")
            .Description("Đề xuất danh hiệu có tên người này mà cán bộ không công nhận, kèm lý do, năm gần nhất trước (ADR 0309).")
            .Resolve(c => c.Source.RejectedTitles ?? []);
    }
}

internal sealed class RecordLookGraphType : ObjectGraphType<RecordLook>
{
    public RecordLookGraphType()
    {
        Name = "RecordLook";
        Description = "Một lần xem hồ sơ: ai (cán bộ, hoặc ứng dụng học tập xAPI), lúc nào, với tư cách đơn vị nào, để làm gì, được xem gì.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<IdGraphType>("officialId").Description("Cán bộ đã xem; null khi người xem là ứng dụng học tập (`xapiClientId`).").Resolve(c => c.Source.OfficialId);
        Field<StringGraphType>("officialName").Resolve(c => c.Source.OfficialId is Guid official ? (object?)RecordLoaders.Name(c, official) : null);
        Field<IdGraphType>("xapiClientId").Description("Ứng dụng học tập (xAPI) đã đọc câu lệnh hoặc tài liệu về người học; null khi người xem là cán bộ.")
            .Resolve(c => c.Source.XapiClientId);
        Field<StringGraphType>("xapiClientName").Description("Tên ứng dụng học tập đã đọc.").Resolve(c => c.Source.XapiClientName);
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.UnitId);
        Field<StringGraphType>("unitName").Resolve(c => RecordLoaders.UnitName(c, c.Source.UnitId));
        Field<NonNullGraphType<SharedEnumGraphType<RecordPurpose>>>("purpose").Resolve(c => c.Source.Purpose);
        Field<NonNullGraphType<ConsentLevelGraphType>>("shown").Description("Cán bộ đã được xem gì, theo sự đồng ý lúc đó.").Resolve(c => c.Source.Shown);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Resolve(c => c.Source.At);
    }
}

internal sealed class StatisticsCellGraphType : ObjectGraphType<StatisticsCell>
{
    public StatisticsCellGraphType()
    {
        Name = "RecordStatisticsCell";
        Description = "Số người, số hoạt động, số giờ; ẩn (null) khi ít hơn 5 người.";
        Field<SharedEnumGraphType<LearningDomain>>("domain").Description("null ở dòng tổng.").Resolve(c => c.Source.Domain);
        Field<IntGraphType>("people").Resolve(c => c.Source.People);
        Field<IntGraphType>("activities").Resolve(c => c.Source.Activities);
        Field<DecimalGraphType>("hours").Resolve(c => c.Source.Hours);
        Field(x => x.Hidden);
    }
}

internal sealed class RecordStatisticsGraphType : ObjectGraphType<RecordStatistics>
{
    public RecordStatisticsGraphType()
    {
        Name = "RecordStatistics";
        Description = "Thống kê học tập của cả cây đơn vị trong một năm, không có dữ liệu cá nhân.";
        Field<NonNullGraphType<IdGraphType>>("unitId").Resolve(c => c.Source.UnitId);
        Field(x => x.Year);
        Field<NonNullGraphType<StatisticsCellGraphType>>("total").Resolve(c => c.Source.Total);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StatisticsCellGraphType>>>>("domains").Resolve(c => c.Source.Domains);
    }
}

internal sealed class TitleProposalGraphType : ObjectGraphType<TitleProposal>
{
    public TitleProposalGraphType()
    {
        Name = "TitleProposal";
        Description = "Danh hiệu hệ thống đề xuất theo tiêu chí của năm, kèm lý do; cán bộ công nhận hoặc từ chối.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<TitleKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field(x => x.Year);
        Field<NonNullGraphType<IdGraphType>>("subjectId").Description("Người (Công dân học tập), hộ gia đình, hoặc đơn vị.").Resolve(c => c.Source.SubjectId);
        // Batched: a province's proposals (thousands) cost one names query and one units query, not one each.
        Field<StringGraphType>("subjectName").Description("Tên người hoặc đơn vị (hộ gia đình: null).").Resolve(c => c.Source.Kind switch
        {
            TitleKind.LearningCitizen => RecordLoaders.Name(c, c.Source.SubjectId),
            TitleKind.LearningFamily => null,
            _ => RecordLoaders.UnitName(c, c.Source.SubjectId),
        });
        Field(x => x.Reason);
        Field(x => x.MemberCount);
        Field(x => x.QualifiedCount).Description("Số thành viên đạt tiêu chí Công dân học tập.");
        Field<DecimalGraphType>("hours").Resolve(c => c.Source.Hours);
        Field<IntGraphType>("domains").Resolve(c => c.Source.Domains);
        Field<NonNullGraphType<TitleStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field(x => x.DecisionReason, nullable: true);
    }
}

internal sealed class TitleRulesGraphType : ObjectGraphType<TitleRules>
{
    public TitleRulesGraphType()
    {
        Name = "TitleRules";
        Description = "Tiêu chí danh hiệu của một năm.";
        Field(x => x.Year);
        Field(x => x.MinHours);
        Field(x => x.MinDomains);
        Field(x => x.FamilyShare);
        Field(x => x.GroupShare);
        Field(x => x.MinGroupMembers);
        Field(x => x.Configured).Description("false: tiêu chí mặc định (chưa được đặt cho năm này).");
    }
}

internal sealed class EntryChangeGraphType : ObjectGraphType<EntryChange>
{
    public EntryChangeGraphType()
    {
        Name = "RecordEntryChange";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<IntGraphType>>("recordVersion").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<RecordEntryGraphType>>("entry").Resolve(c => c.Source.Entry);
    }
}

internal sealed class ConsentChangeGraphType : ObjectGraphType<ConsentChange>
{
    public ConsentChangeGraphType()
    {
        Name = "RecordConsentChange";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<IntGraphType>>("recordVersion").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ConsentLevelGraphType>>("consent").Resolve(c => c.Source.Consent);
    }
}

internal sealed class ErasureDoneGraphType : ObjectGraphType<ErasureDone>
{
    public ErasureDoneGraphType()
    {
        Name = "RecordErasure";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<IntGraphType>>("recordVersion").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("erasedAt").Resolve(c => c.Source.ErasedAt);
    }
}

/// <summary>Names of people and units for a list, fetched in one round trip each per request (<see cref="BatchLoaders"/>).</summary>
internal static class RecordLoaders
{
    public static global::GraphQL.DataLoader.IDataLoaderResult<string?> Name(IResolveFieldContext c, Guid personId) =>
        c.RequestServices!.GetRequiredService<BatchLoaders>().Get<Guid, string>("records.names", (services, ids, ct) =>
            services.GetRequiredService<IOrganizationQueries>().DisplayNamesAsync(ids, ct)).Load(personId);

    public static global::GraphQL.DataLoader.IDataLoaderResult<string?> UnitName(IResolveFieldContext c, Guid unitId) =>
        c.RequestServices!.GetRequiredService<BatchLoaders>().Get<Guid, string>("records.unitNames", async (services, ids, ct) =>
            (await services.GetRequiredService<IOrganizationQueries>().UnitsAsync(ids, ct)).ToDictionary(u => u.Id, u => u.Name)).Load(unitId);
}
