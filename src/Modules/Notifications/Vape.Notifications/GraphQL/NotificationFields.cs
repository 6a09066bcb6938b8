using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Notifications.Contracts;
using Vape.Notifications.Inbox;

namespace Vape.Notifications.GraphQL;

/// <summary>The signed-in person's inbox: `myNotifications`, `unreadNotificationCount`, `markNotificationsRead`.</summary>
internal static class NotificationFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionGraphType<NotificationGraphType, Notification>>>("myNotifications")
            .Description("Thông báo của bạn, chưa đọc trước, mới nhất trước; giữ cả thông báo đã đọc, trên mọi thiết bị.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .PageArguments()
            .ResolveAsync(async c => await Inbox(c).PageAsync(Person(c), Page.From(c), c.CancellationToken));

        query.Field<NonNullGraphType<IntGraphType>>("unreadNotificationCount")
            .Description("Số thông báo bạn chưa đọc (con số trên biểu tượng chuông).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .ResolveAsync(async c => await Inbox(c).UnreadCountAsync(Person(c), c.CancellationToken));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<MarkedReadGraphType>>("markNotificationsRead")
            .Description("Đánh dấu đã đọc: các thông báo `ids` của bạn (tối đa 100), hoặc tất cả (`all: true`). Các thiết bị khác của bạn nhận số chưa đọc mới.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<MarkNotificationsReadInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var ids = input.GetValueOrDefault("ids") is IEnumerable<object> list ? list.Select(i => i?.ToString() ?? "").ToList() : null;
                var all = input.GetValueOrDefault("all") as bool? ?? false;
                return await Inbox(c).MarkReadAsync(Person(c), ids, all, c.CancellationToken);
            });
    }

    /// <summary>The signed-in person; every notification field is about the caller's own.</summary>
    internal static Guid Person(IResolveFieldContext c) => c.User.PersonId() ?? throw VapeException.NotAuthenticated();

    private static InboxStore Inbox(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<InboxStore>();
}

internal sealed class NotificationKindGraphType : EnumerationGraphType<NotificationKind>
{
    public NotificationKindGraphType()
    {
        Name = "NotificationKind";
        Description = "Loại thông báo: mục hồ sơ được xác nhận / bị từ chối, lớp học thay đổi / bị hủy, có chỗ trong lớp từ danh sách chờ, văn bản mới / quá hạn, danh hiệu được quyết định, tài nguyên được duyệt.";
    }
}

internal sealed class NotificationGraphType : ObjectGraphType<Notification>
{
    public NotificationGraphType()
    {
        Name = "Notification";
        Description = "Một thông báo trong hộp thư của bạn.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<NotificationKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("body").Resolve(c => c.Source.Body);
        Field<StringGraphType>("link").Description("Đường dẫn trong ứng dụng tới điều được báo (vd. `/classes/…`).").Resolve(c => c.Source.Link);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<DateTimeOffsetGraphType>("readAt").Description("Lúc bạn đánh dấu đã đọc; null nếu chưa đọc.").Resolve(c => c.Source.ReadAt);
    }
}

internal sealed class MarkedReadGraphType : ObjectGraphType<MarkedRead>
{
    public MarkedReadGraphType()
    {
        Name = "MarkNotificationsReadPayload";
        Description = "Kết quả đánh dấu đã đọc.";
        Field<NonNullGraphType<IntGraphType>>("marked").Description("Số thông báo vừa được đánh dấu.").Resolve(c => c.Source.Marked);
        Field<NonNullGraphType<IntGraphType>>("unreadCount").Description("Số thông báo còn chưa đọc.").Resolve(c => c.Source.UnreadCount);
    }
}

internal sealed class MarkNotificationsReadInputGraphType : InputObjectGraphType
{
    public MarkNotificationsReadInputGraphType()
    {
        Name = "MarkNotificationsReadInput";
        Description = "Hoặc `ids`, hoặc `all: true`.";
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("ids").Description("Các thông báo cần đánh dấu (1 đến 100).");
        Field<BooleanGraphType>("all").Description("true: đánh dấu mọi thông báo của bạn.");
    }
}
