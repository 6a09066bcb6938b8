using System.Text;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Classes.Catalogue;
using Vape.Classes.Catalogue.Roster;
using Vape.Records.Contracts;
using Wolverine;

namespace Vape.Classes.GraphQL;

internal sealed record ClassFilterInput(bool? Upcoming, LearningDomain? Topic, DateTimeOffset? From, DateTimeOffset? To, string? UnitId, string? Text);
internal sealed record MaterialInput(string? Title, string? Url, string? ResourceId);
internal sealed record RecurrenceInput(RecurrenceFrequency Frequency, int Count);
internal sealed record ScheduleClassInput(string UnitId, string Title, string? Description, LearningDomain Topic, ClassAudience Audience,
    string? AudienceUnitId, int Capacity, string[]? HostIds, string[]? CoHostIds, string? MediaUrl, MaterialInput[]? Materials,
    int? CompletionPercent, bool? Lobby, DateTimeOffset? StartsAt, int? DurationMinutes, RecurrenceInput? Repeat, string? RelayOfSessionId, bool? Recording);
internal sealed record ChangeClassInput(string ClassId, int ExpectedVersion, string? Title, string? Description, LearningDomain? Topic, int? Capacity,
    string[]? HostIds, string[]? CoHostIds, string? MediaUrl, MaterialInput[]? Materials, int? CompletionPercent, bool? Lobby, bool? Recording);
internal sealed record CancelClassInput(string ClassId);
internal sealed record EnrolInClassInput(string ClassId);
internal sealed record LeaveClassInput(string ClassId);
internal sealed record EnrolLearnerInput(string ClassId, string PersonId);
internal sealed record RemoveLearnerInput(string ClassId, string PersonId, string Reason);
internal sealed record AdmitWaitingLearnerInput(string ClassId, string PersonId, bool? OverCapacity);

internal static class ClassesFields
{
    public const int MaxSearchLength = 100;

    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<ClassGraphType, CommunityClass>>>("classes")
            .Description("Lớp học sắp diễn ra mà bạn được xem (lớp công khai, lớp của các đơn vị bạn là hội viên, lớp bạn dẫn), theo giờ học gần nhất; " +
                         "tìm theo chữ không phân biệt dấu, khớp đúng dấu xếp trước.")
            .Argument<InputOf<ClassFilterInput>>("filter")
            .PageArguments()
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<ClassFilterInput?>("filter");
                var text = input?.Text is null ? null : input.Text.Trim().Normalize(NormalizationForm.FormC);
                if (text is { Length: 0 }) text = null;
                if (text is { Length: > MaxSearchLength }) throw VapeException.InvalidInput($"Nội dung tìm kiếm dài tối đa {MaxSearchLength} ký tự.");
                var filter = new ClassFilter(input?.Upcoming ?? true, input?.Topic, input?.From, input?.To,
                    input?.UnitId is null ? null : Ids.Parse(input.UnitId, "filter.unitId"), text);
                var page = await c.RequestServices!.GetRequiredService<CatalogueStore>().BrowseAsync(c.User.PersonId(), filter, Page.From(c), c.CancellationToken);
                return new Connection<CommunityClass>(page.Edges.Select(e => new Edge<CommunityClass>(e.Cursor, e.Node.Class)).ToList(), page.PageInfo);
            });

        query.Field<ClassGraphType>("class")
            .Description("Một lớp học; null nếu không có hoặc bạn không được xem.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var services = c.RequestServices!;
                var found = await services.GetRequiredService<CatalogueStore>().LoadAsync(c.GetId("id"), c.CancellationToken);
                return found is not null && await services.GetRequiredService<ClassAccess>().MaySeeAsync(found, c.User.PersonId(), c.CancellationToken)
                    ? found : null;
            });
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        Mutation<ClassGraphType, ScheduleClassInput, CommunityClass>(mutation, "scheduleClass",
            "Xếp lịch một lớp học (một buổi hoặc một chuỗi) cho đơn vị mà bạn có quyền tổ chức lớp; với `relayOfSessionId`: một phòng tiếp sóng buổi học của đơn vị cấp trên (cùng giờ, phòng, người dẫn và điểm danh riêng).",
            (i, actor) => new ScheduleClass(Ids.Parse(i.UnitId, "unitId"), i.Title, i.Description, i.Topic, i.Audience,
                OptionalId(i.AudienceUnitId, "audienceUnitId"), i.Capacity, IdList(i.HostIds, "hostIds"), IdList(i.CoHostIds, "coHostIds"), i.MediaUrl,
                Materials(i.Materials), i.CompletionPercent, i.Lobby ?? false, i.StartsAt, i.DurationMinutes,
                i.Repeat is null ? null : new Recurrence(i.Repeat.Frequency, i.Repeat.Count), actor, OptionalId(i.RelayOfSessionId, "relayOfSessionId"), i.Recording ?? false));
        Mutation<ClassGraphType, ChangeClassInput, CommunityClass>(mutation, "changeClass",
            "Sửa lớp học (chỉ các trường được gửi). Tăng sĩ số thì người trong danh sách chờ được vào lớp ngay.",
            (i, actor) => new ChangeClass(Ids.Parse(i.ClassId, "classId"), i.ExpectedVersion, i.Title, i.Description, i.Topic, i.Capacity,
                IdList(i.HostIds, "hostIds"), IdList(i.CoHostIds, "coHostIds"), i.MediaUrl, Materials(i.Materials), i.CompletionPercent, i.Lobby, actor, i.Recording));
        Mutation<ClassGraphType, CancelClassInput, CommunityClass>(mutation, "cancelClass",
            "Hủy lớp học: các buổi chưa diễn ra bị hủy, không ai vào được nữa.",
            (i, actor) => new CancelClass(Ids.Parse(i.ClassId, "classId"), actor));
        Mutation<EnrolmentGraphType, EnrolInClassInput, Enrolment>(mutation, "enrolInClass",
            "Đăng ký lớp học; khi lớp đã đủ chỗ, bạn vào danh sách chờ và tự động được vào lớp khi có chỗ.",
            (i, actor) => new EnrolLearner(Ids.Parse(i.ClassId, "classId"), actor));
        Mutation<ClassGraphType, LeaveClassInput, CommunityClass>(mutation, "leaveClass",
            "Rút khỏi lớp học (hoặc danh sách chờ); người chờ đầu tiên được vào thay.",
            (i, actor) => new LeaveClass(Ids.Parse(i.ClassId, "classId"), actor));
        Mutation<ClassEnrolmentGraphType, EnrolLearnerInput, Enrolment>(mutation, "enrolLearner",
            "Cán bộ tổ chức lớp đăng ký cho một hội viên của đơn vị (hoặc đơn vị cấp dưới); lớp đã đủ chỗ thì người đó vào cuối danh sách chờ.",
            (i, actor) => new EnrolMember(Ids.Parse(i.ClassId, "classId"), Ids.Parse(i.PersonId, "personId"), actor));
        Mutation<ClassGraphType, RemoveLearnerInput, CommunityClass>(mutation, "removeLearner",
            "Cán bộ tổ chức lớp đưa một người ra khỏi lớp (hoặc danh sách chờ) với lý do (3–500 ký tự) mà người đó đọc được trên trang lớp học; người chờ đầu tiên được vào thay.",
            (i, actor) => new RemoveFromClass(Ids.Parse(i.ClassId, "classId"), Ids.Parse(i.PersonId, "personId"), i.Reason, actor));
        Mutation<ClassGraphType, AdmitWaitingLearnerInput, CommunityClass>(mutation, "admitWaitingLearner",
            "Cán bộ tổ chức lớp cho một người trong danh sách chờ vào lớp trước lượt; lớp đã đủ sĩ số thì bị từ chối (CLASS_FULL) trừ khi `overCapacity: true`.",
            (i, actor) => new AdmitFromWaitingList(Ids.Parse(i.ClassId, "classId"), Ids.Parse(i.PersonId, "personId"), i.OverCapacity ?? false, actor));
    }

    private static Guid? OptionalId(string? value, string name) => value is null ? null : Ids.Parse(value, name);

    private static IReadOnlyList<Guid>? IdList(string[]? values, string name) => values?.Select(v => Ids.Parse(v, name)).ToList();

    private static IReadOnlyList<Material>? Materials(MaterialInput[]? materials) => materials?.Select(m => new Material(m.Title ?? "", m.Url ?? "", OptionalId(m.ResourceId, "materials.resourceId"))).ToList();

    /// <summary>Every mutation: signed in, one `input` argument, the command sent through Wolverine (transaction, outbox).</summary>
    internal static void Mutation<TGraph, TInput, TResult>(ObjectGraphType mutation, string name, string description,
        Func<TInput, Guid, object> command) where TGraph : IGraphType
    {
        mutation.Field<NonNullGraphType<TGraph>>(name)
            .Description(description)
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<TInput>>>("input")
            .ResolveAsync(async c =>
            {
                var actor = c.User.PersonId() ?? throw VapeException.NotAuthenticated();
                var message = command(c.GetArgument<TInput>("input"), actor);
                return await c.RequestServices!.GetRequiredService<IMessageBus>().InvokeAsync<TResult>(message, c.CancellationToken);
            });
    }
}
