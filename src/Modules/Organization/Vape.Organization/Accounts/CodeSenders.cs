using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Npgsql;
using Vape.BuildingBlocks.Errors;

namespace Vape.Organization.Accounts;

/// <summary>How the SMTP sender of e-mail codes reaches its relay (ADR 0212).</summary>
public enum SmtpSecurity { StartTls, Tls, None }

/// <summary>
/// `Vape:Codes:Smtp`: the relay that carries one-time codes to e-mail addresses. Without a host there is no e-mail
/// sender. The password comes from configuration (a secret store, an environment variable) and is never logged.
/// </summary>
public sealed class SmtpCodeOptions : IValidatableObject
{
    public const string Section = "Vape:Codes:Smtp";

    /// <summary>The relay's host name; empty: no e-mail sender.</summary>
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = Section + ":Port must be between {1} and {2}.")]
    public int Port { get; set; } = 587;

    /// <summary>`StartTls` (the default, port 587), `Tls` (implicit TLS, port 465), or `None` (a relay on this machine only).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The sender's address, `Vape &lt;no-reply@example.vn&gt;` or `no-reply@example.vn`.</summary>
    public string? From { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Range(1, 120, ErrorMessage = Section + ":TimeoutSeconds must be between {1} and {2}.")]
    public int TimeoutSeconds { get; set; } = 15;

    public bool Configured => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Configured) yield break;
        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _))
            yield return new ValidationResult(Section + ":From must be an e-mail address when " + Section + ":Host is set.");
        if (Security == SmtpSecurity.None && !CodeSenders.IsLoopback(Host!))
            yield return new ValidationResult(Section + ":Security None is allowed only for a relay on this machine (127.0.0.1, ::1, localhost).");
        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
            yield return new ValidationResult(Section + ":UserName and " + Section + ":Password go together.");
    }

    public static void AddTo(IServiceCollection services) =>
        services.AddOptions<SmtpCodeOptions>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
}

/// <summary>
/// `Vape:Codes:Sms`: an SMS gateway reached by a webhook: a JSON POST to `Url`, signed with an HMAC-SHA256 of the
/// timestamp and the body under `Secret` (ADR 0212). Without a URL there is no phone sender.
/// </summary>
public sealed class SmsWebhookOptions : IValidatableObject
{
    public const string Section = "Vape:Codes:Sms";

    /// <summary>The gateway adapter's endpoint; https, or http to this machine only.</summary>
    public string? Url { get; set; }

    /// <summary>The shared secret of the signature header (at least 32 characters); never logged.</summary>
    public string? Secret { get; set; }

    [Range(1, 120, ErrorMessage = Section + ":TimeoutSeconds must be between {1} and {2}.")]
    public int TimeoutSeconds { get; set; } = 15;

    public bool Configured => !string.IsNullOrWhiteSpace(Url);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Configured) yield break;
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && CodeSenders.IsLoopback(uri.Host))))
            yield return new ValidationResult(Section + ":Url must be an https URL (http only to this machine).");
        if ((Secret ?? "").Length < 32)
            yield return new ValidationResult(Section + ":Secret must have at least 32 characters when " + Section + ":Url is set.");
    }

    public static void AddTo(IServiceCollection services) =>
        services.AddOptions<SmsWebhookOptions>().BindConfiguration(Section).ValidateDataAnnotations().ValidateOnStart();
}

/// <summary>
/// Where a one-time code goes (ADR 0212): to the configured sender of its kind (SMTP for e-mail, the SMS webhook for
/// a phone), else, outside Production, to the development mailbox; in Production with no sender of that kind:
/// CODE_SENDER_MISSING. A send that fails is CODE_SEND_FAILED and is thrown inside the caller's transaction, so that
/// nothing is kept (the code, the count of codes an hour). The code and the address are never logged: a failure is
/// logged by the sender and the exception's type only.
/// </summary>
internal sealed class CodeSenders(DevMailbox mailbox, IOptions<SmtpCodeOptions> smtp, IOptions<SmsWebhookOptions> sms,
    IHttpClientFactory http, TimeProvider clock, ILogger<CodeSenders> logger)
{
    public const string SendFailed = "CODE_SEND_FAILED";
    public const string SmsClient = "vape-sms-codes";
    public const string SignatureHeader = "X-Vape-Signature";
    public const string TimestampHeader = "X-Vape-Timestamp";

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public static void AddTo(IServiceCollection services)
    {
        SmtpCodeOptions.AddTo(services);
        SmsWebhookOptions.AddTo(services);
        services.AddHttpClient(SmsClient);
        services.AddSingleton<CodeSenders>();
    }

    /// <summary>Sends `message` (which holds the code) to the normalized address, inside the caller's transaction.</summary>
    public async Task DeliverAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string normalized, string message, CancellationToken ct)
    {
        var email = normalized.Contains('@');
        if (email && smtp.Value.Configured) await SendAsync("smtp", () => SendEmailAsync(normalized, message, ct), ct);
        else if (!email && sms.Value.Configured) await SendAsync("sms-webhook", () => SendSmsAsync(normalized, message, ct), ct);
        else await mailbox.DeliverAsync(conn, tx, normalized, message, ct);
    }

    private async Task SendAsync(string sender, Func<Task> send, CancellationToken ct)
    {
        try
        {
            await send();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("A one-time code could not be sent by {Sender}: {ErrorType}", sender, e.GetType().Name);
            throw new VapeException(SendFailed, "Chưa gửi được mã lúc này; hãy thử lại sau ít phút.");
        }
    }

    private async Task SendEmailAsync(string address, string text, CancellationToken ct)
    {
        var options = smtp.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From!));
        message.To.Add(MailboxAddress.Parse(address));
        message.Subject = "Mã xác nhận Vape";
        message.Body = new TextPart("plain") { Text = text };
        using var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        var security = options.Security switch
        {
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(options.Host!, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.UserName)) await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }

    private async Task SendSmsAsync(string phone, string text, CancellationToken ct)
    {
        var options = sms.Value;
        // E.164: the gateway needs no knowledge of Vietnamese numbering.
        var body = JsonSerializer.SerializeToUtf8Bytes(new SmsWebhookMessage(Guid.CreateVersion7().ToString(), "+84" + phone[1..], text),
            JsonSerializerOptions.Web);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Signature(options.Secret!, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        using var response = await http.CreateClient(SmsClient).SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException("the gateway refused", null, response.StatusCode);
    }

    /// <summary>HMAC-SHA256 over `timestamp.body` (lower-case hex): the gateway adapter recomputes it and checks the timestamp's age.</summary>
    public static string Signature(string secret, string timestamp, byte[] body)
    {
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp + ".", signed);
        body.CopyTo(signed, timestamp.Length + 1);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}

/// <summary>The webhook's body: an id (a retry of the same message keeps it), the phone in E.164 and the text.</summary>
internal sealed record SmsWebhookMessage(string Id, string To, string Text);
