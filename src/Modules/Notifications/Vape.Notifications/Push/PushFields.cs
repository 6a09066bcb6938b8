using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Vape.BuildingBlocks.Auth;
using Vape.Notifications.Contracts;
using Vape.Notifications.GraphQL;

namespace Vape.Notifications.Push;

/// <summary>Web Push: the server's key, a browser's subscription, and each person's choice per kind (ADR 0123).</summary>
internal static class PushFields
{
    public static void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<StringGraphType>>("webPushPublicKey")
            .Description("Khóa công khai VAPID của máy chủ (base64url), để trình duyệt đăng ký nhận thông báo đẩy (`applicationServerKey`).")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<WebPushKeys>().PublicKeyAsync(c.CancellationToken));

        query.Field<NonNullGraphType<NotificationSettingsGraphType>>("myNotificationSettings")
            .Description("Với mỗi loại thông báo: có gửi thông báo đẩy đến thiết bị của bạn không (hộp thư luôn giữ mọi thông báo).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .ResolveAsync(async c => await Subscriptions(c).SettingsAsync(NotificationFields.Person(c), c.CancellationToken));
    }

    public static void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<WebPushSubscriptionGraphType>>("subscribeWebPush")
            .Description("Đăng ký trình duyệt này nhận thông báo đẩy (`PushSubscription.toJSON()`: endpoint, keys.p256dh, keys.auth).")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<SubscribeWebPushInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var person = NotificationFields.Person(c);
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return await Subscriptions(c).SubscribeAsync(person,
                    new PushEndpoint(input.GetValueOrDefault("endpoint") as string ?? "", input.GetValueOrDefault("p256dh") as string ?? "",
                        input.GetValueOrDefault("auth") as string ?? ""), c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<WebPushUnsubscribedGraphType>>("unsubscribeWebPush")
            .Description("Thôi nhận thông báo đẩy ở trình duyệt có địa chỉ `endpoint`; `removed` là false nếu bạn không đăng ký địa chỉ đó.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<UnsubscribeWebPushInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var endpoint = c.GetArgument<Dictionary<string, object?>>("input").GetValueOrDefault("endpoint") as string ?? "";
                return new WebPushUnsubscribed(endpoint, await Subscriptions(c).UnsubscribeAsync(NotificationFields.Person(c), endpoint, c.CancellationToken));
            });

        mutation.Field<NonNullGraphType<NotificationSettingsGraphType>>("setNotificationPreference")
            .Description("Bật hoặc tắt thông báo đẩy cho một loại thông báo; với `expectedVersion`, chỉ khi chưa ai đổi từ lúc bạn đọc.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<SetNotificationPreferenceInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                return await Subscriptions(c).SetPreferenceAsync(NotificationFields.Person(c), (NotificationKind)input["kind"]!, (bool)input["push"]!,
                    input.GetValueOrDefault("expectedVersion") as int?, c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<NotificationSettingsGraphType>>("setQuietHours")
            .Description("Đặt giờ yên lặng (giờ địa phương của bạn): trong khoảng đó thông báo đẩy chờ đến khi hết giờ; bỏ trống `start` và `end` để tắt. Hộp thư vẫn nhận mọi thông báo ngay.")
            .AuthorizeWithPolicy(VapePolicies.Person)
            .Argument<NonNullGraphType<SetQuietHoursInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var quiet = QuietHours.Parse(input.GetValueOrDefault("start") as string, input.GetValueOrDefault("end") as string,
                    input.GetValueOrDefault("timeZone") as string);
                return await Subscriptions(c).SetQuietHoursAsync(NotificationFields.Person(c), quiet, input.GetValueOrDefault("expectedVersion") as int?,
                    c.CancellationToken);
            });
    }

    private static PushSubscriptions Subscriptions(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<PushSubscriptions>();
}

internal sealed class WebPushSubscriptionGraphType : ObjectGraphType<PushEndpoint>
{
    public WebPushSubscriptionGraphType()
    {
        Name = "WebPushSubscription";
        Description = "Một trình duyệt nhận thông báo đẩy của bạn.";
        Field<NonNullGraphType<StringGraphType>>("endpoint").Resolve(c => c.Source.Endpoint);
    }
}

internal sealed record WebPushUnsubscribed(string Endpoint, bool Removed);

internal sealed class WebPushUnsubscribedGraphType : ObjectGraphType<WebPushUnsubscribed>
{
    public WebPushUnsubscribedGraphType()
    {
        Name = "WebPushUnsubscribed";
        Description = "Kết quả thôi nhận thông báo đẩy ở một trình duyệt.";
        Field<NonNullGraphType<StringGraphType>>("endpoint").Resolve(c => c.Source.Endpoint);
        Field<NonNullGraphType<BooleanGraphType>>("removed").Description("false nếu bạn không đăng ký địa chỉ này.").Resolve(c => c.Source.Removed);
    }
}

internal sealed class NotificationSettingsGraphType : ObjectGraphType<NotificationSettings>
{
    public NotificationSettingsGraphType()
    {
        Name = "NotificationSettings";
        Description = "Lựa chọn thông báo của bạn.";
        Field<NonNullGraphType<IntGraphType>>("version").Description("Phiên bản, để gửi kèm khi đổi (`expectedVersion`); 0 khi chưa đổi lần nào.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationPreferenceGraphType>>>>("preferences")
            .Description("Mỗi loại thông báo một mục.").Resolve(c => c.Source.Preferences);
        Field<QuietHoursGraphType>("quietHours").Description("Giờ yên lặng; null nếu không đặt.").Resolve(c => c.Source.QuietHours);
    }
}

internal sealed class QuietHoursGraphType : ObjectGraphType<QuietHours>
{
    public QuietHoursGraphType()
    {
        Name = "QuietHours";
        Description = "Khoảng giờ không nhận thông báo đẩy (qua nửa đêm nếu `end` sớm hơn `start`); thông báo ưu tiên vẫn được gửi.";
        Field<NonNullGraphType<StringGraphType>>("start").Description("Giờ bắt đầu, `HH:mm`.").Resolve(c => c.Source.StartText);
        Field<NonNullGraphType<StringGraphType>>("end").Description("Giờ kết thúc, `HH:mm`.").Resolve(c => c.Source.EndText);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("Múi giờ IANA (mặc định Asia/Ho_Chi_Minh).").Resolve(c => c.Source.TimeZone);
    }
}

internal sealed class NotificationPreferenceGraphType : ObjectGraphType<NotificationPreference>
{
    public NotificationPreferenceGraphType()
    {
        Name = "NotificationPreference";
        Description = "Lựa chọn của bạn cho một loại thông báo.";
        Field<NonNullGraphType<NotificationKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<BooleanGraphType>>("push").Description("Có gửi thông báo đẩy không (mặc định: có).").Resolve(c => c.Source.Push);
    }
}

internal sealed class SubscribeWebPushInputGraphType : InputObjectGraphType
{
    public SubscribeWebPushInputGraphType()
    {
        Name = "SubscribeWebPushInput";
        Description = "Đăng ký của trình duyệt, như `PushSubscription.toJSON()` cho.";
        Field<NonNullGraphType<StringGraphType>>("endpoint").Description("Địa chỉ của dịch vụ đẩy.");
        Field<NonNullGraphType<StringGraphType>>("p256dh").Description("Khóa công khai P-256 của trình duyệt (base64url).");
        Field<NonNullGraphType<StringGraphType>>("auth").Description("Bí mật xác thực 16 byte (base64url).");
    }
}

internal sealed class UnsubscribeWebPushInputGraphType : InputObjectGraphType
{
    public UnsubscribeWebPushInputGraphType()
    {
        Name = "UnsubscribeWebPushInput";
        Field<NonNullGraphType<StringGraphType>>("endpoint");
    }
}

internal sealed class SetNotificationPreferenceInputGraphType : InputObjectGraphType
{
    public SetNotificationPreferenceInputGraphType()
    {
        Name = "SetNotificationPreferenceInput";
        Field<NonNullGraphType<NotificationKindGraphType>>("kind");
        Field<NonNullGraphType<BooleanGraphType>>("push");
        Field<IntGraphType>("expectedVersion").Description("`version` của lựa chọn bạn đã đọc.");
    }
}

internal sealed class SetQuietHoursInputGraphType : InputObjectGraphType
{
    public SetQuietHoursInputGraphType()
    {
        Name = "SetQuietHoursInput";
        Description = "Giờ yên lặng: cả `start` và `end` (`HH:mm`), hoặc không cái nào (tắt).";
        Field<StringGraphType>("start").Description("Giờ bắt đầu, `HH:mm` (vd. 22:00).");
        Field<StringGraphType>("end").Description("Giờ kết thúc, `HH:mm` (vd. 06:00).");
        Field<StringGraphType>("timeZone").Description("Múi giờ IANA; mặc định Asia/Ho_Chi_Minh.");
        Field<IntGraphType>("expectedVersion").Description("`version` của lựa chọn bạn đã đọc.");
    }
}
