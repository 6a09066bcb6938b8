using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;

namespace Vape.Notifications.Push;

/// <summary>`Vape:WebPush:*`, bound and validated when the host starts (ADR 0114, 0123).</summary>
public sealed class WebPushOptions
{
    public const string Section = "Vape:WebPush";

    public static readonly string[] DefaultOrigins =
        ["https://fcm.googleapis.com", "https://updates.push.services.mozilla.com", "https://web.push.apple.com", "https://*.notify.windows.com"];

    /// <summary>The VAPID `sub`: how a push service reaches the operator.</summary>
    [Required(ErrorMessage = Section + ":Subject must not be empty.")]
    [RegularExpression(@"^(mailto:\S+@\S+|https://\S+)$", ErrorMessage = Section + ":Subject must be a mailto: or https: address.")]
    public string Subject { get; set; } = "mailto:thongbao@khuyenhoc.vn";

    /// <summary>Push services a subscription may name; none configured: the four big ones. (Bound arrays add to a default, so the default is applied after.)</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public string[] Origins => AllowedOrigins is { Length: > 0 } configured ? configured : DefaultOrigins;

    public static void AddTo(IServiceCollection services) =>
        services.AddOptions<WebPushOptions>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
}
