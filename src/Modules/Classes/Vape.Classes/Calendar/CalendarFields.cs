using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.BuildingBlocks.Errors;
using Vape.BuildingBlocks.GraphQL;
using Vape.Organization.Contracts;

namespace Vape.Classes.Calendar;

internal sealed class CalendarFeedGraphType : ObjectGraphType<CalendarFeed>
{
    public CalendarFeedGraphType()
    {
        Name = "CalendarFeed";
        Description = "Lịch lớp học của bạn (iCalendar) để thêm vào ứng dụng lịch trên điện thoại hoặc máy tính.";
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<StringGraphType>("url")
            .Description("Đường dẫn bí mật của lịch (tính từ địa chỉ của trang), chỉ hiện một lần khi tạo; ai có đường dẫn này đều xem được lịch lớp của bạn. " +
                         "Null ở các lần xem sau: tạo lại để có đường dẫn mới (đường dẫn cũ thôi dùng được).")
            .Resolve(c => c.Source.Url);
    }
}

internal sealed record CreateCalendarFeedInput(bool Confirm);
internal sealed record RevokeCalendarFeedInput(bool Confirm);

/// <summary>The answer to `revokeCalendarFeed`: whether there was a feed to revoke.</summary>
public sealed record RevokedCalendarFeed(bool Revoked);

internal sealed class RevokedCalendarFeedGraphType : ObjectGraphType<RevokedCalendarFeed>
{
    public RevokedCalendarFeedGraphType()
    {
        Name = "RevokedCalendarFeed";
        Description = "Kết quả thu hồi đường dẫn lịch lớp học.";
        Field(x => x.Revoked).Description("false nếu bạn chưa có đường dẫn nào (không có gì thay đổi).");
    }
}

/// <summary>`calendarFeed`, `createCalendarFeed`, `revokeCalendarFeed`: the caller's own feed only (docs/adr/0158).</summary>
internal static class CalendarFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<CalendarFeedGraphType>("calendarFeed")
            .Description("Lịch lớp học (iCalendar) của bạn, nếu đã tạo; null nếu chưa có hoặc đã thu hồi.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .ResolveAsync(async c => await Feeds(c).MineAsync(Me(c), c.CancellationToken));

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CalendarFeedGraphType>>("createCalendarFeed")
            .Description("Tạo đường dẫn lịch lớp học bí mật của bạn (iCalendar, giờ Việt Nam); `confirm: true` xác nhận rằng ai có đường dẫn đều xem được lịch lớp của bạn. " +
                         "Tạo lại thì đường dẫn cũ thôi dùng được.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<CreateCalendarFeedInput>>>("input")
            .ResolveAsync(async c =>
            {
                var me = Me(c);
                Confirmed(c.GetArgument<CreateCalendarFeedInput>("input").Confirm, "tạo đường dẫn lịch");
                var access = await c.RequestServices!.GetRequiredService<IAccessChecks>().AccessKeyAsync(c.User!, c.CancellationToken);
                return await Feeds(c).CreateAsync(me, access, c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<RevokedCalendarFeedGraphType>>("revokeCalendarFeed")
            .Description("Thu hồi đường dẫn lịch lớp học (`confirm: true`): ứng dụng lịch không đọc được nữa.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<InputOf<RevokeCalendarFeedInput>>>("input")
            .ResolveAsync(async c =>
            {
                var me = Me(c);
                Confirmed(c.GetArgument<RevokeCalendarFeedInput>("input").Confirm, "thu hồi đường dẫn lịch");
                return new RevokedCalendarFeed(await Feeds(c).RevokeAsync(me, c.CancellationToken));
            });
    }

    private static void Confirmed(bool confirm, string what)
    {
        if (!confirm) throw VapeException.InvalidInput($"Hãy gửi `confirm: true` để {what}.");
    }

    private static CalendarFeeds Feeds(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<CalendarFeeds>();

    private static Guid Me(IResolveFieldContext c) => c.User.PersonId() ?? throw VapeException.NotAuthenticated();
}
