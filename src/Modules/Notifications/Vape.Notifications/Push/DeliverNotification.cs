using System.Net;
using System.Text.Json;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Npgsql;
using Vape.BuildingBlocks.Hosting;
using Vape.BuildingBlocks.Realtime;
using Vape.BuildingBlocks.Storage;
using Vape.Notifications.Inbox;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;
using Microsoft.Extensions.Options;

namespace Vape.Notifications.Push;

/// <summary>
/// A notification was written to an inbox; sent through the outbox in the same transaction, so only after it
/// committed. `Held`: sent again, scheduled for the end of the person's quiet hours (the live hub already had it).
/// </summary>
public sealed record NotificationAdded(Guid NotificationId, Guid PersonId, bool Held = false);

/// <summary>
/// Takes a new notification to the person: live on `/hubs/notifications` (`notificationReceived`, first attempt
/// only) and by Web Push to each of their browsers, unless they turned that kind off. In the person's quiet hours the
/// push waits, as a durable scheduled message, until they end, or is dropped if it would be expired by then; a
/// priority notification does not wait (ADR 0182). A push service that fails is tried again later (each browser that
/// already has it is skipped); one that says the subscription is gone (404, 410) loses it. After a day a notification
/// is no longer pushed (ADR 0123).
/// </summary>
public static class DeliverNotificationHandler
{
    public static void Configure(HandlerChain chain) =>
        chain.OnException<HttpRequestException>().Or<TaskCanceledException>()
            .RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));

    public static async Task<OutgoingMessages> Handle(NotificationAdded message, InboxStore inbox, PushSubscriptions subscriptions, WebPushSender sender,
        IHubContext<NotificationsHub> hub, Envelope envelope, TimeProvider clock, CancellationToken ct)
    {
        var later = new OutgoingMessages();
        var notification = await inbox.LoadAsync(message.NotificationId, ct);
        if (notification is null) return later;
        if (envelope.Attempts <= 1 && !message.Held)
            await hub.Clients.Group(HubGroups.User(message.PersonId)).SendAsync(InboxStore.Received, notification, ct);
        var now = clock.GetUtcNow();
        if (now - notification.CreatedAt > WebPushSender.TimeToLive) return later;
        var (push, quiet) = await subscriptions.PushChoiceAsync(message.PersonId, notification.Kind, ct);
        if (!push) return later;
        var (when, until) = PushDecision.Decide(notification, quiet, now);
        if (when == PushTiming.Drop) return later;
        if (when == PushTiming.Later)
        {
            later.Add((message with { Held = true }).ScheduledAt(until));
            return later;
        }
        foreach (var subscription in await subscriptions.OfAsync(message.PersonId, ct))
            await sender.SendAsync(notification, subscription, ct);
        return later;
    }
}

internal enum PushTiming { Now, Later, Drop }

/// <summary>Whether a notification is pushed now, later (at the end of quiet hours), or not at all (ADR 0182).</summary>
internal static class PushDecision
{
    /// <summary>
    /// Now, outside quiet hours or for a priority notification; at the end of the quiet hours that hold `now`;
    /// dropped when the notification's time to live ends before that.
    /// </summary>
    public static (PushTiming When, DateTimeOffset At) Decide(Notification notification, QuietHours? quiet, DateTimeOffset now)
    {
        if (notification.Priority || quiet?.HeldUntil(now) is not { } until) return (PushTiming.Now, now);
        return until - notification.CreatedAt > WebPushSender.TimeToLive ? (PushTiming.Drop, until) : (PushTiming.Later, until);
    }
}

/// <summary>
/// Web Push (RFC 8030): the payload encrypted for the browser (RFC 8291, aes128gcm of RFC 8188) and the server
/// identified by VAPID (RFC 8292), with System.Security.Cryptography (ADR 0123).
/// </summary>
public sealed class WebPushSender(WebPushKeys keys, PushSubscriptions subscriptions, NpgsqlDataSource database, IOptions<WebPushOptions> options,
    TimeProvider clock, ILogger<WebPushSender> logger)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromDays(1);

    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly string _subject = options.Value.Subject;

    /// <summary>
    /// RFC 8030's `Topic` (at most 32 characters of base64url): the notification's id, 22 characters. A second send of
    /// the same notification to a subscription replaces the first while the push service still holds it (ADR 0234).
    /// </summary>
    public static string Topic(Guid notificationId) => WebEncoders.Base64UrlEncode(notificationId.ToByteArray(bigEndian: true));

    public async Task SendAsync(Notification notification, PushEndpoint subscription, CancellationToken ct)
    {
        if (await database.ScalarAsync<bool>("select exists (select 1 from notifications.push_deliveries where notification_id = @n and endpoint = @e)",
                ct, ("n", notification.Id), ("e", subscription.Endpoint)))
            return;
        if (!subscriptions.Allowed(subscription.Endpoint))
        {
            await subscriptions.RemoveAsync(subscription.Endpoint, ct);
            return;
        }
        var (publicKey, privateKey) = await keys.PairAsync(ct);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { notification.Id, notification.Kind, notification.Title, notification.Body, notification.Link }, VapeJson.Hub);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Endpoint)
        {
            Content = new ByteArrayContent(WebPushCrypto.Encrypt(payload, WebEncoders.Base64UrlDecode(subscription.P256dh), WebEncoders.Base64UrlDecode(subscription.Auth))),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        request.Content.Headers.ContentEncoding.Add("aes128gcm");
        request.Headers.Add("TTL", ((int)TimeToLive.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("Urgency", "normal");
        request.Headers.TryAddWithoutValidation("Topic", Topic(notification.Id));
        var audience = new Uri(subscription.Endpoint).GetLeftPart(UriPartial.Authority);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"vapid t={WebPushCrypto.VapidToken(audience, _subject, clock.GetUtcNow().AddHours(12), publicKey, privateKey)}, k={publicKey}");

        using var response = await Http.SendAsync(request, ct);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Gone or HttpStatusCode.NotFound:
                logger.LogInformation("Web Push subscription gone ({Status}) for notification {NotificationId}; removed", (int)response.StatusCode, notification.Id);
                await subscriptions.RemoveAsync(subscription.Endpoint, ct);
                return;
            case HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.RequestEntityTooLarge:
                // Trying again would be refused the same way.
                logger.LogWarning("Web Push refused ({Status}) for notification {NotificationId}", (int)response.StatusCode, notification.Id);
                return;
            case var status when !response.IsSuccessStatusCode:
                throw new HttpRequestException($"The push service answered {(int)status}.", null, status);
        }
        await database.ExecuteAsync("""
            insert into notifications.push_deliveries (notification_id, endpoint, sent_at) values (@n, @e, @at) on conflict do nothing
            """, ct, ("n", notification.Id), ("e", subscription.Endpoint), ("at", clock.GetUtcNow()));
    }
}

/// <summary>The two pieces of cryptography Web Push needs.</summary>
internal static class WebPushCrypto
{
    private const int RecordSize = 4096;

    /// <summary>
    /// RFC 8291: a fresh P-256 key pair and salt per message; the key from ECDH with the browser's key and its auth
    /// secret (HKDF-SHA-256); one aes128gcm record (RFC 8188) ending with the delimiter 0x02, after a header of salt,
    /// record size and the server's public key.
    /// </summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> plaintext, byte[] browserKey, byte[] authSecret)
    {
        if (plaintext.Length + 1 + 16 > RecordSize) throw new ArgumentException("A Web Push payload is one record of at most 4,096 bytes.");
        using var server = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = server.ExportParameters(false).Q;
        byte[] serverKey = [0x04, .. q.X!, .. q.Y!];
        using var browser = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = browserKey[1..33], Y = browserKey[33..65] },
        });
        var shared = server.DeriveRawSecretAgreement(browser.PublicKey);
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. browserKey, .. serverKey];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, authSecret, keyInfo);
        var salt = RandomNumberGenerator.GetBytes(16);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, "Content-Encoding: nonce\0"u8.ToArray());

        byte[] record = [.. plaintext, 0x02];
        var body = new byte[16 + 4 + 1 + serverKey.Length + record.Length + 16];
        salt.CopyTo(body, 0);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(16, 4), RecordSize);
        body[20] = (byte)serverKey.Length;
        serverKey.CopyTo(body, 21);
        var start = 21 + serverKey.Length;
        using var gcm = new AesGcm(cek, 16);
        gcm.Encrypt(nonce, record, body.AsSpan(start, record.Length), body.AsSpan(start + record.Length, 16));
        return body;
    }

    /// <summary>RFC 8292: an ES256 JWT for the push service's origin, signed with the installation's VAPID key.</summary>
    public static string VapidToken(string audience, string subject, DateTimeOffset expires, string publicKey, string privateKey)
    {
        var point = WebEncoders.Base64UrlDecode(publicKey);
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = WebEncoders.Base64UrlDecode(privateKey),
            Q = new ECPoint { X = point[1..33], Y = point[33..65] },
        });
        var header = WebEncoders.Base64UrlEncode("""{"typ":"JWT","alg":"ES256"}"""u8.ToArray());
        var claims = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["aud"] = audience, ["exp"] = expires.ToUnixTimeSeconds(), ["sub"] = subject,
        }));
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + claims), HashAlgorithmName.SHA256);
        return header + "." + claims + "." + WebEncoders.Base64UrlEncode(signature);
    }
}
