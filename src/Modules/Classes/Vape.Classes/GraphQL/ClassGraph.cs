using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.GraphQL;
using Vape.Classes.Catalogue;
using Vape.Organization.Contracts;
using Vape.Records.Contracts;

namespace Vape.Classes.GraphQL;

internal sealed class ClassAudienceGraphType : EnumerationGraphType<ClassAudience>
{
    public ClassAudienceGraphType()
    {
        Name = "ClassAudience";
        Description = "PUBLIC: mọi người; MEMBERS: hội viên của đơn vị `audienceUnit` và các đơn vị trực thuộc.";
    }
}

internal sealed class ClassStatusGraphType : EnumerationGraphType<ClassStatus>
{
    public ClassStatusGraphType() => Name = "ClassStatus";
}

internal sealed class ClassSessionStatusGraphType : EnumerationGraphType<SessionStatus>
{
    public ClassSessionStatusGraphType() => Name = "ClassSessionStatus";
}

internal sealed class EnrolmentStatusGraphType : EnumerationGraphType<EnrolmentStatus>
{
    public EnrolmentStatusGraphType() => Name = "EnrolmentStatus";
}

internal sealed class RecurrenceFrequencyGraphType : EnumerationGraphType<RecurrenceFrequency>
{
    public RecurrenceFrequencyGraphType() => Name = "RecurrenceFrequency";
}

internal sealed record ClassHost(Guid PersonId, string Role);

internal sealed class ClassHostGraphType : ObjectGraphType<ClassHost>
{
    public ClassHostGraphType()
    {
        Name = "ClassHost";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<NonNullGraphType<ClassroomRoleGraphType>>("role").Description("HOST hoặc CO_HOST.").Resolve(c => c.Source.Role);
        Field<StringGraphType>("name").Resolve(c => ClassLoaders.Name(c, c.Source.PersonId));
    }
}

internal sealed class MaterialGraphType : ObjectGraphType<Material>
{
    public MaterialGraphType()
    {
        Name = "ClassMaterial";
        Field(x => x.Title);
        Field(x => x.Url);
        Field<IdGraphType>("resourceId").Description("Tài nguyên thư viện (đã duyệt) mà tài liệu này trỏ tới; null với một liên kết.").Resolve(c => c.Source.ResourceId);
        Field<StringGraphType>("format").Description("Dạng của tài nguyên thư viện: DOCUMENT, AUDIO, VIDEO, LINK, EPUB.").Resolve(c => c.Source.Format);
    }
}

internal sealed class ClassSessionGraphType : ObjectGraphType<ClassSession>
{
    public ClassSessionGraphType()
    {
        Name = "ClassSession";
        Description = "Một buổi học; khi học trực tuyến, là một phòng học (`/hubs/classroom`).";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(x => x.Number).Description("Buổi thứ mấy trong chuỗi (từ 1).");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("startsAt").Resolve(c => c.Source.StartsAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("endsAt").Resolve(c => c.Source.EndsAt);
        Field<NonNullGraphType<ClassSessionStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<DateTimeOffsetGraphType>("endedAt").Resolve(c => c.Source.EndedAt);
        Field<IdGraphType>("relayOfSessionId").Description("Buổi gốc mà buổi này tiếp sóng (lớp cấp trên).").Resolve(c => c.Source.ParentSessionId);
    }
}

internal sealed class EnrolmentGraphType : ObjectGraphType<Enrolment>
{
    public EnrolmentGraphType()
    {
        Name = "Enrolment";
        Field<NonNullGraphType<IdGraphType>>("classId").Resolve(c => c.Source.ClassId);
        Field<NonNullGraphType<EnrolmentStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<IntGraphType>("position").Description("Vị trí trong danh sách chờ (1 = người tiếp theo được vào lớp).").Resolve(c => c.Source.Position);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("since").Resolve(c => c.Source.Since);
    }
}

internal sealed class ClassEnrolmentGraphType : ObjectGraphType<Enrolment>
{
    public ClassEnrolmentGraphType()
    {
        Name = "ClassEnrolment";
        Description = "Một người học trong danh sách lớp (đã vào lớp hoặc đang chờ), cho người dẫn lớp và cán bộ tổ chức lớp.";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(c => c.Source.PersonId);
        Field<StringGraphType>("name").Description("Họ và tên (null nếu không còn là hội viên).").Resolve(c => ClassLoaders.Name(c, c.Source.PersonId));
        Field<NonNullGraphType<EnrolmentStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field<IntGraphType>("position").Description("Vị trí trong danh sách chờ (1 = người tiếp theo được vào lớp).").Resolve(c => c.Source.Position);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("since").Resolve(c => c.Source.Since);
    }
}

internal sealed class ClassRemovalGraphType : ObjectGraphType<Catalogue.Roster.ClassRemoval>
{
    public ClassRemovalGraphType()
    {
        Name = "ClassRemoval";
        Description = "Bạn đã được cán bộ tổ chức lớp đưa ra khỏi lớp này (hoặc danh sách chờ).";
        Field(x => x.Reason).Description("Lý do cán bộ ghi.");
        Field(x => x.RemovedAt);
    }
}

internal sealed class ClassGraphType : ObjectGraphType<CommunityClass>
{
    public ClassGraphType()
    {
        Name = "Class";
        Description = "Một lớp học cộng đồng của một đơn vị.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field(x => x.Title);
        Field(x => x.Description);
        Field<NonNullGraphType<SharedEnumGraphType<LearningDomain>>>("topic").Resolve(c => c.Source.Topic);
        Field<NonNullGraphType<ClassAudienceGraphType>>("audience").Resolve(c => c.Source.Audience);
        this.UnitField("unit", s => s.UnitId).Description("Đơn vị tổ chức.");
        this.UnitField("audienceUnit", s => s.AudienceUnitId);
        Field(x => x.Capacity).Description("Sĩ số tối đa.");
        Field<NonNullGraphType<IntGraphType>>("enrolledCount").Resolve(c => ClassLoaders.Counts(c, c.Source.Id).Then(x => x.Enrolled));
        Field<NonNullGraphType<IntGraphType>>("waitingCount").Resolve(c => ClassLoaders.Counts(c, c.Source.Id).Then(x => x.Waiting));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClassHostGraphType>>>>("hosts")
            .Resolve(c => c.Source.HostIds.Select(id => new ClassHost(id, "HOST")).Concat(c.Source.CoHostIds.Select(id => new ClassHost(id, "CO_HOST"))));
        Field(x => x.MediaUrl, nullable: true).Description("Phòng hình ảnh/âm thanh (Vape không truyền hình ảnh).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MaterialGraphType>>>>("materials").Resolve(c => c.Source.Materials);
        Field(x => x.CompletionPercent).Description("Có mặt ít nhất bao nhiêu phần trăm thời lượng buổi học thì được tính hoàn thành.");
        Field(x => x.Lobby).Description("Người học chờ ở phòng chờ cho đến khi người dẫn lớp cho vào.");
        Field(x => x.Recording).Description("Buổi học được ghi hình (hình, tiếng và màn hình chia sẻ của người dẫn lớp); sau buổi học, bản ghi thành tài nguyên thư viện của lớp.");
        Media.RecordingFields.AddTo(this);
        Field<NonNullGraphType<ClassStatusGraphType>>("status").Resolve(c => c.Source.Status);
        Field(x => x.Version).Description("Gửi lại làm `expectedVersion` khi sửa.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ClassSessionGraphType>>>>("sessions")
            .Description("Các buổi học, theo thứ tự.")
            .Resolve(c => ClassLoaders.Sessions(c, c.Source.Id));
        Field<ConnectionGraphType<ClassEnrolmentGraphType, Enrolment>>("enrolments")
            .Description("Danh sách lớp theo thứ tự đăng ký: người đã vào lớp và người chờ (`status` lọc một trong hai), với vị trí chờ. Chỉ người dẫn lớp và cán bộ có quyền tổ chức lớp của đơn vị; người khác: null và lỗi NOT_ALLOWED cho riêng trường này.")
            .Argument<EnrolmentStatusGraphType>("status")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var page = Page.From(c);
                var me = c.User.PersonId() ?? throw BuildingBlocks.Errors.VapeException.NotAuthenticated();
                if (!c.Source.IsHost(me) && !await c.RequestServices!.GetRequiredService<ClassAccess>().MayManageAsync(c.Source, me, c.CancellationToken))
                    throw BuildingBlocks.Errors.VapeException.NotAllowed("Chỉ người dẫn lớp và cán bộ tổ chức lớp xem được danh sách lớp.");
                return await c.RequestServices!.GetRequiredService<CatalogueStore>()
                    .RosterAsync(c.Source.Id, c.GetArgument<EnrolmentStatus?>("status"), page, c.CancellationToken);
            });
        Field<EnrolmentGraphType>("enrolment")
            .Description("Chỗ của bạn trong lớp (null nếu chưa đăng ký hoặc chưa đăng nhập).")
            .ResolveAsync(async c => c.User.PersonId() is Guid me
                ? await c.RequestServices!.GetRequiredService<CatalogueStore>().EnrolmentAsync(c.Source.Id, me, c.CancellationToken)
                : null);
        Field<ClassRemovalGraphType>("removal")
            .Description("Nếu bạn đã bị đưa ra khỏi lớp này và chưa đăng ký lại: lý do và lúc đó (null nếu không, hoặc chưa đăng nhập).")
            .ResolveAsync(async c => c.User.PersonId() is Guid me
                ? await c.RequestServices!.GetRequiredService<CatalogueStore>().RemovalAsync(c.Source.Id, me, c.CancellationToken)
                : null);
    }
}

internal static class ClassLoaders
{
    public static global::GraphQL.DataLoader.IDataLoaderResult<string?> Name(IResolveFieldContext c, Guid id) =>
        c.RequestServices!.GetRequiredService<BatchLoaders>().Get<Guid, string>("classes.names", (services, ids, ct) =>
            services.GetRequiredService<IOrganizationQueries>().DisplayNamesAsync(ids, ct)).Load(id);

    public static global::GraphQL.DataLoader.IDataLoaderResult<IReadOnlyList<ClassSession>> Sessions(IResolveFieldContext c, Guid classId) =>
        c.RequestServices!.GetRequiredService<BatchLoaders>().Get<Guid, IReadOnlyList<ClassSession>>("classes.sessions", (services, ids, ct) =>
            services.GetRequiredService<CatalogueStore>().SessionsAsync(ids, ct)).Load(classId).Then(s => s ?? []);

    public static global::GraphQL.DataLoader.IDataLoaderResult<(int Enrolled, int Waiting)> Counts(IResolveFieldContext c, Guid classId) =>
        c.RequestServices!.GetRequiredService<BatchLoaders>().Get<Guid, (int Enrolled, int Waiting)>("classes.counts", (services, ids, ct) =>
            services.GetRequiredService<CatalogueStore>().CountsAsync(ids, ct)).Load(classId);
}

internal static class LoaderResults
{
    /// <summary>A batched result, transformed when it arrives.</summary>
    public static global::GraphQL.DataLoader.IDataLoaderResult<TOut> Then<TIn, TOut>(this global::GraphQL.DataLoader.IDataLoaderResult<TIn> inner, Func<TIn, TOut> map) =>
        new Mapped<TIn, TOut>(inner, map);

    private sealed class Mapped<TIn, TOut>(global::GraphQL.DataLoader.IDataLoaderResult<TIn> inner, Func<TIn, TOut> map)
        : global::GraphQL.DataLoader.IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> global::GraphQL.DataLoader.IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}
