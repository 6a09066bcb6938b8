using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Vape.Records.Contracts;
using Vape.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Tracking;

namespace Vape.Tests.Notifications;

/// <summary>A Vape host whose accepted push service is the stand-in on 127.0.0.1.</summary>
public sealed class PushApp : VapeApp, IAsyncLifetime
{
    private static readonly int Port = Ports.Free();

    public PushApp() : base("vape_tests_push", "Development", new() { ["Vape:WebPush:AllowedOrigins:0"] = $"http://127.0.0.1:{Port}" }) { }

    public PushServiceStandIn Service { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Service = await PushServiceStandIn.StartAsync(Port);
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Service.DisposeAsync();
    }
}

/// <summary>
/// Web Push (ADR 0123): a new notification reaches each subscribed browser through its push service, encrypted for
/// that browser (RFC 8291) and signed by the server (VAPID, RFC 8292); a dead subscription is removed.
/// </summary>
public sealed partial class WebPushTests(PushApp app) : IClassFixture<PushApp>, IAsyncLifetime
{
    private readonly OrganizationApi _org = new(app);
    private PushServiceStandIn Service => app.Service;

    public async Task InitializeAsync()
    {
        await app.ResetAsync();
        while (Service.TryNext(out _)) { }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLResponse> Subscribe(string login, object input) =>
        await _org.Mutate("subscribeWebPush", input, login, "endpoint");

    private async Task Notify(string login, Guid? entry = null) =>
        await app.Host.InvokeMessageAndWaitAsync(new RecordEntryDecided(entry ?? Guid.CreateVersion7(), Guid.Parse(await _org.PersonId(login)), true, Guid.CreateVersion7(), DateTimeOffset.UtcNow));

    [Fact]
    public async Task A_notification_reaches_the_browser_encrypted_for_it_and_signed_by_the_server()
    {
        using var browser = new BrowserSubscription($"{Service.Origin}/push/{Guid.NewGuid():N}");
        (await Subscribe("learner", browser.Input)).HasErrors.ShouldBeFalse();

        await Notify("learner");

        var received = await Service.NextAsync();
        received.ContentEncoding.ShouldBe("aes128gcm");
        int.Parse(received.Ttl!, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        var payload = browser.Decrypt(received.Body);
        payload.GetProperty("kind").GetString().ShouldBe("ENTRY_VERIFIED");
        payload.GetProperty("title").GetString().ShouldBe("Hồ sơ học tập: một mục đã được xác nhận");
        payload.GetProperty("link").GetString().ShouldBe("/record");
        var inbox = await app.GraphQL("{ myNotifications { nodes { id } } }", token: await _org.Token("learner"));
        payload.GetProperty("id").GetString().ShouldBe(inbox.Data["myNotifications"]!["nodes"]![0]!["id"]!.GetValue<string>());
        // RFC 8030's Topic: the notification's id, so that a second send replaces the first at the push service (ADR 0234).
        received.Topic.ShouldBe(WebEncoders.Base64UrlEncode(Guid.Parse(payload.GetProperty("id").GetString()!).ToByteArray(bigEndian: true)));
        received.Topic!.Length.ShouldBeLessThanOrEqualTo(32);

        // VAPID: `vapid t=<ES256 JWT for this push service>, k=<the server's public key>`.
        var key = (await app.GraphQL("{ webPushPublicKey }")).Data["webPushPublicKey"]!.GetValue<string>();
        var parts = received.Authorization!["vapid ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        parts["k"].ShouldBe(key);
        var jwt = parts["t"].Split('.');
        var point = WebEncoders.Base64UrlDecode(key);
        using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..65] } });
        ecdsa.VerifyData(Encoding.ASCII.GetBytes(jwt[0] + "." + jwt[1]), WebEncoders.Base64UrlDecode(jwt[2]), HashAlgorithmName.SHA256).ShouldBeTrue();
        var claims = JsonDocument.Parse(WebEncoders.Base64UrlDecode(jwt[1])).RootElement;
        claims.GetProperty("aud").GetString().ShouldBe(Service.Origin);
        DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64()).ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddHours(24).AddMinutes(1));
        claims.GetProperty("sub").GetString().ShouldStartWith("mailto:");
    }

    [Fact]
    public async Task A_subscription_answered_with_410_is_removed()
    {
        using var dead = new BrowserSubscription($"{Service.Origin}/gone/{Guid.NewGuid():N}");
        (await Subscribe("learner", dead.Input)).HasErrors.ShouldBeFalse();

        await Notify("learner");
        (await Service.NextAsync()).Path.ShouldStartWith("/gone/");
        await Notify("learner");

        // The second notification finds no subscription: nothing more reaches the push service.
        Service.TryNext(out var more).ShouldBeFalse();
        (await _org.Mutate("unsubscribeWebPush", new { endpoint = dead.Endpoint }, "learner", "removed")).Data["unsubscribeWebPush"]!["removed"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task A_push_service_that_fails_is_tried_again_and_delivers_once()
    {
        Service.Busy = true;
        using var browser = new BrowserSubscription($"{Service.Origin}/busy/{Guid.NewGuid():N}");
        (await Subscribe("learner", browser.Input)).HasErrors.ShouldBeFalse();

        // Not a tracked session: it would wait for the retries that the busy service causes.
        using (var scope = app.Host.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().PublishAsync(new RecordEntryDecided(Guid.CreateVersion7(), Guid.Parse(await _org.PersonId("learner")), true, Guid.CreateVersion7(), DateTimeOffset.UtcNow));
        (await Service.NextAsync()).Status.ShouldBe(503);
        Service.Busy = false;

        PushServiceStandIn.Received delivered;
        do delivered = await Service.NextAsync(TimeSpan.FromSeconds(90));
        while (delivered.Status != 201);
        browser.Decrypt(delivered.Body).GetProperty("kind").GetString().ShouldBe("ENTRY_VERIFIED");
        // Past the next retry's time: the push service got it once.
        await Task.Delay(TimeSpan.FromSeconds(15));
        Service.TryNext(out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_kind_turned_off_is_kept_in_the_inbox_but_not_pushed()
    {
        using var browser = new BrowserSubscription($"{Service.Origin}/push/{Guid.NewGuid():N}");
        (await Subscribe("learner", browser.Input)).HasErrors.ShouldBeFalse();
        var set = await _org.Mutate("setNotificationPreference", new { kind = "ENTRY_VERIFIED", push = false, expectedVersion = 0 }, "learner", "version");
        set.HasErrors.ShouldBeFalse(set.Body);
        set.Data["setNotificationPreference"]!["version"]!.GetValue<int>().ShouldBe(1);
        // A second device that read version 0 does not undo it unseen.
        (await _org.Mutate("setNotificationPreference", new { kind = "ENTRY_VERIFIED", push = true, expectedVersion = 0 }, "learner", "version"))
            .FirstErrorCode.ShouldBe("VERSION_CONFLICT");

        await Notify("learner");
        await Notify("learner2");

        (await app.GraphQL("{ unreadNotificationCount }", token: await _org.Token("learner"))).Data["unreadNotificationCount"]!.GetValue<int>().ShouldBe(1);
        Service.TryNext(out _).ShouldBeFalse();
        var preferences = await app.GraphQL("{ myNotificationSettings { preferences { kind push } } }", token: await _org.Token("learner"));
        preferences.Data["myNotificationSettings"]!["preferences"]!.AsArray().Single(p => p!["kind"]!.GetValue<string>() == "ENTRY_VERIFIED")!["push"]!.GetValue<bool>().ShouldBeFalse();
    }

    public static TheoryData<string, Func<string, object>> BadSubscriptions() => new()
    {
        { "a push service not accepted (the server would POST anywhere)", origin => new BrowserSubscription("http://10.0.0.1/push/x").Input },
        { "an endpoint that is not a URL", origin => new BrowserSubscription("không phải địa chỉ").Input },
        { "a p256dh that is not a P-256 point", origin => new { endpoint = origin + "/push/x", p256dh = "AAAA", auth = WebEncoders.Base64UrlEncode(new byte[16]) } },
        { "an auth secret of the wrong length", origin => new { endpoint = origin + "/push/x", p256dh = WebEncoders.Base64UrlEncode(new BrowserSubscription("x").PublicKey), auth = "AAAA" } },
    };

    [Theory]
    [MemberData(nameof(BadSubscriptions))]
    public async Task A_bad_subscription_is_INVALID_INPUT_and_nothing_is_pushed_to_it(string why, Func<string, object> input)
    {
        var response = await Subscribe("learner", input(Service.Origin));

        response.FirstErrorCode.ShouldBe("INVALID_INPUT", why);
        response.FirstErrorMessage.ShouldNotBeNullOrWhiteSpace();
        await Notify("learner");
        Service.TryNext(out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_sign_in_nobody_subscribes()
    {
        using var browser = new BrowserSubscription($"{Service.Origin}/push/{Guid.NewGuid():N}");
        (await _org.Mutate("subscribeWebPush", browser.Input, null, "endpoint")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
        (await _org.Mutate("setNotificationPreference", new { kind = "CLASS_CHANGED", push = false }, null, "version")).FirstErrorCode.ShouldBe("NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task Unsubscribing_a_blank_address_is_INVALID_INPUT()
    {
        (await _org.Mutate("unsubscribeWebPush", new { endpoint = "   " }, "learner", "removed")).FirstErrorCode.ShouldBe("INVALID_INPUT");
    }
}
