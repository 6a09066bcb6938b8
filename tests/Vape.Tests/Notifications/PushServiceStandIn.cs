using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace Vape.Tests.Notifications;

/// <summary>
/// A push service (RFC 8030) on 127.0.0.1 standing in for a browser vendor's: it takes what Vape POSTs to a
/// subscription's endpoint and keeps it. `/gone/...` answers 410 (the subscription is dead), `/busy/...` 503 until
/// told otherwise, anything else 201. Like a real push service it holds each accepted message for the browser until
/// the browser takes it, and a message with a `Topic` (RFC 8030, section 5.4) replaces the held message of the same
/// subscription with the same topic (ADR 0234).
/// </summary>
public sealed class PushServiceStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>();
    private readonly Dictionary<string, List<Received>> _held = [];
    private int _accepted;
    private int _replaced;

    public string Origin { get; }
    public bool Busy { get; set; } = true;

    public sealed record Received(string Path, int Status, string? Authorization, string? ContentEncoding, string? Ttl, byte[] Body, string? Topic = null);

    /// <summary>Messages answered 2xx, replaced ones included.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Messages that replaced a held one with the same topic.</summary>
    public int Replaced => Volatile.Read(ref _replaced);

    private PushServiceStandIn(int port)
    {
        Origin = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Origin);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{kind}/{id}", async (string kind, string id, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var status = kind switch
            {
                "gone" => 410,
                "busy" when Busy => 503,
                _ => 201,
            };
            string? topic = request.Headers["Topic"];
            var received = new Received(request.Path, status, request.Headers.Authorization, request.Headers.ContentEncoding, request.Headers["TTL"], body.ToArray(), topic);
            if (status == 201) Hold(received);
            _received.Writer.TryWrite(received);
            return Results.StatusCode(status);
        });
    }

    public static async Task<PushServiceStandIn> StartAsync(int port)
    {
        var service = new PushServiceStandIn(port);
        await service._app.StartAsync();
        return service;
    }

    public async Task<Received> NextAsync(TimeSpan? wait = null)
    {
        using var timeout = new CancellationTokenSource(wait ?? TimeSpan.FromSeconds(30));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public bool TryNext(out Received? received) => _received.Reader.TryRead(out received);

    /// <summary>What the browser of `path` would take now: every accepted message, less those a later one with its topic replaced.</summary>
    public IReadOnlyList<Received> Held(string path)
    {
        lock (_held) return _held.TryGetValue(path, out var messages) ? [.. messages] : [];
    }

    private void Hold(Received received)
    {
        Interlocked.Increment(ref _accepted);
        lock (_held)
        {
            if (!_held.TryGetValue(received.Path, out var messages)) _held[received.Path] = messages = [];
            var same = received.Topic is null ? -1 : messages.FindIndex(m => m.Topic == received.Topic);
            if (same < 0)
            {
                messages.Add(received);
                return;
            }
            messages[same] = received;
            Interlocked.Increment(ref _replaced);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>A browser's side of a subscription: its P-256 key pair and auth secret, and RFC 8291 decryption with them.</summary>
public sealed class BrowserSubscription(string endpoint) : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _auth = RandomNumberGenerator.GetBytes(16);

    public string Endpoint { get; } = endpoint;

    public byte[] PublicKey
    {
        get
        {
            var q = _key.ExportParameters(false).Q;
            return [0x04, .. q.X!, .. q.Y!];
        }
    }

    public object Input => new { endpoint = Endpoint, p256dh = WebEncoders.Base64UrlEncode(PublicKey), auth = WebEncoders.Base64UrlEncode(_auth) };

    /// <summary>RFC 8291 / RFC 8188 (aes128gcm): the header's salt and the server's key, then one record.</summary>
    public JsonElement Decrypt(byte[] body)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        var keyIdLength = body[20];
        var serverKey = body[21..(21 + keyIdLength)];
        var ciphertext = body[(21 + keyIdLength)..];
        ciphertext.Length.ShouldBeLessThanOrEqualTo((int)recordSize);

        using var server = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = serverKey[1..33], Y = serverKey[33..65] },
        });
        var shared = _key.DeriveRawSecretAgreement(server.PublicKey);
        var keyInfo = (byte[])[.. "WebPush: info\0"u8, .. PublicKey, .. serverKey];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, _auth, keyInfo);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, "Content-Encoding: nonce\0"u8.ToArray());

        var plain = new byte[ciphertext.Length - 16];
        using (var gcm = new AesGcm(cek, 16))
            gcm.Decrypt(nonce, ciphertext[..^16], ciphertext[^16..], plain);
        // The last record ends with the delimiter 0x02, then padding zeros.
        var end = plain.Length - 1;
        while (plain[end] == 0) end--;
        plain[end].ShouldBe((byte)2);
        return JsonDocument.Parse(Encoding.UTF8.GetString(plain, 0, end)).RootElement.Clone();
    }

    public void Dispose() => _key.Dispose();
}
