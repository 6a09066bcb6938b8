using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using JasperFx;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Vape.Organization.Accounts;
using Vape.Tests.Platform;
using Vape.Tests.Support;

namespace Vape.Tests.Organization;

/// <summary>
/// A Production host whose one-time codes go out through a real SMTP relay and a real SMS webhook, both listening on
/// 127.0.0.1 inside the test (ADR 0212): the code arrives, works, and is in no log line; a refusing relay or gateway
/// is CODE_SEND_FAILED and keeps nothing.
/// </summary>
public sealed class CodeSenderApp : VapeApp
{
    public const string Secret = "a-shared-secret-of-the-sms-gateway-0123456789";

    public CodeSenderApp() : this(new SmtpListener(), new WebhookListener()) { }

    private CodeSenderApp(SmtpListener smtp, WebhookListener webhook) : base("vape_tests_code_senders", "Production", new()
    {
        ["Vape:DemoData"] = "true",
        ["Vape:Codes:Smtp:Host"] = "127.0.0.1",
        ["Vape:Codes:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Vape:Codes:Smtp:Security"] = "None",
        ["Vape:Codes:Smtp:From"] = "Vape <no-reply@vape.test>",
        ["Vape:Codes:Sms:Url"] = webhook.Url,
        ["Vape:Codes:Sms:Secret"] = Secret,
    })
    {
        Smtp = smtp;
        Webhook = webhook;
    }

    public SmtpListener Smtp { get; }
    public WebhookListener Webhook { get; }

    // As HardeningProductionApp: a Production test host must not write generated code beside the host's sources.
    protected override void ConfigureServices(IServiceCollection services) =>
        services.CritterStackDefaults(x => x.Production.SourceCodeWritingEnabled = false);
}

[CollectionDefinition(Name)]
public sealed class CodeSenderCollection : ICollectionFixture<CodeSenderApp>
{
    public const string Name = "code-senders";
}

[Collection(CodeSenderCollection.Name)]
public sealed partial class CodeSenderTests(CodeSenderApp app) : IAsyncLifetime
{
    private readonly DemoTokens _tokens = new(app);

    public Task InitializeAsync()
    {
        app.Smtp.Refuse = false;
        app.Webhook.Refuse = false;
        return app.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<GraphQLResponse> RequestChange(string token, string address) => await app.GraphQL(
        "mutation($i: RequestContactChangeInput!) { requestContactChange(input: $i) { kind sentTo } }", new { i = new { address } }, token);

    private async Task<GraphQLResponse> Confirm(string token, string address, string code) => await app.GraphQL(
        "mutation($i: ConfirmContactChangeInput!) { confirmContactChange(input: $i) { phone email } }", new { i = new { address, code } }, token);

    private async Task<JsonElement?> Pending(string token)
    {
        var mine = await app.GraphQL("{ myContact { phone email pendingChange { kind sentTo } } }", token: token);
        mine.HasErrors.ShouldBeFalse(mine.Body);
        return JsonSerializer.Deserialize<JsonElement>(mine.Data["myContact"]!["pendingChange"]?.ToJsonString() ?? "null") is { ValueKind: JsonValueKind.Object } p ? p : null;
    }

    private void NoLogLineHolds(params string[] secrets)
    {
        var lines = app.Logs.Lines;
        lines.ShouldNotBeEmpty();
        foreach (var secret in secrets) app.Logs.Holding(secret).ShouldBeEmpty($"a log line holds {secret}");
    }

    [Fact]
    public async Task An_email_code_goes_through_the_SMTP_relay_and_changes_the_address()
    {
        var token = await _tokens.For("learner");
        const string address = "em.ha.smtp@example.vn";
        var asked = await RequestChange(token, address);
        asked.HasErrors.ShouldBeFalse(asked.Body);
        asked.Data["requestContactChange"]!["kind"]!.GetValue<string>().ShouldBe("EMAIL");

        var mail = app.Smtp.Received.Last(m => m.Recipients.Contains(address));
        mail.Sender.ShouldBe("no-reply@vape.test");
        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data)));
        message.To.Mailboxes.Single().Address.ShouldBe(address);
        message.Subject.ShouldBe("Mã xác nhận Vape");
        var code = SixDigits().Match(message.TextBody ?? "").Value;
        code.Length.ShouldBe(6, message.TextBody);

        var confirmed = await Confirm(token, address, code);
        confirmed.HasErrors.ShouldBeFalse(confirmed.Body);
        confirmed.Data["confirmContactChange"]!["email"]!.GetValue<string>().ShouldBe(address);
        NoLogLineHolds(address, code);
    }

    [Fact]
    public async Task A_phone_code_goes_to_the_SMS_webhook_signed_with_the_shared_secret()
    {
        var token = await _tokens.For("learner");
        var asked = await RequestChange(token, "0912 345 679");
        asked.HasErrors.ShouldBeFalse(asked.Body);

        var call = app.Webhook.Received.Last(c => JsonSerializer.Deserialize<JsonElement>(c.Body).GetProperty("to").GetString() == "+84912345679");
        call.Method.ShouldBe("POST");
        call.ContentType.ShouldStartWith("application/json");
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(CodeSenderApp.Secret),
            Encoding.UTF8.GetBytes(call.Timestamp + "." + call.Body)));
        call.Signature.ShouldBe(expected);
        long.Parse(call.Timestamp, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());
        var json = JsonSerializer.Deserialize<JsonElement>(call.Body);
        json.GetProperty("to").GetString().ShouldBe("+84912345679");
        Guid.TryParse(json.GetProperty("id").GetString(), out _).ShouldBeTrue();
        var code = SixDigits().Match(json.GetProperty("text").GetString()!).Value;
        code.Length.ShouldBe(6);

        var confirmed = await Confirm(token, "0912345679", code);
        confirmed.HasErrors.ShouldBeFalse(confirmed.Body);
        confirmed.Data["confirmContactChange"]!["phone"]!.GetValue<string>().ShouldBe("0912345679");
        NoLogLineHolds("0912345679", "912345679", code);
    }

    [Fact]
    public async Task A_refusing_relay_or_gateway_is_CODE_SEND_FAILED_and_keeps_nothing()
    {
        var token = await _tokens.For("learner2");
        app.Smtp.Refuse = true;
        var mail = await RequestChange(token, "refused.smtp@example.vn");
        mail.FirstErrorCode.ShouldBe("CODE_SEND_FAILED");
        mail.FirstErrorMessage.ShouldBe("Chưa gửi được mã lúc này; hãy thử lại sau ít phút.");
        (await Pending(token)).ShouldBeNull();

        app.Webhook.Refuse = true;
        var sms = await RequestChange(token, "0987654321");
        sms.FirstErrorCode.ShouldBe("CODE_SEND_FAILED");
        (await Pending(token)).ShouldBeNull();
        NoLogLineHolds("refused.smtp@example.vn", "0987654321", "987654321");
        app.Logs.Lines.ShouldContain(l => l.Contains("could not be sent", StringComparison.Ordinal));

        // Nothing was counted either: five more codes this hour still go out (the sixth is RATE_LIMITED).
        app.Smtp.Refuse = false;
        for (var i = 0; i < PersonContacts.MaxCodesPerHour; i++)
            (await RequestChange(token, "em.ha.again@example.vn")).HasErrors.ShouldBeFalse();
        (await RequestChange(token, "em.ha.again@example.vn")).FirstErrorCode.ShouldBe("RATE_LIMITED");
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}

/// <summary>Just enough of an SMTP server (RFC 5321) on 127.0.0.1 to take a message, or to refuse it.</summary>
public sealed class SmtpListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();

    public SmtpListener()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public volatile bool Refuse;
    public ConcurrentQueue<SmtpMessage> Received { get; } = new();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 smtp.vape.test ESMTP");
        string? sender = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO": await writer.WriteLineAsync("250 smtp.vape.test"); break;
                case "MAIL" when Refuse: await writer.WriteLineAsync("554 5.7.1 Refused"); break;
                case "MAIL": sender = Address(line); recipients.Clear(); await writer.WriteLineAsync("250 2.1.0 OK"); break;
                case "RCPT": recipients.Add(Address(line)); await writer.WriteLineAsync("250 2.1.5 OK"); break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } body && body != ".")
                        data.Append(body.StartsWith("..", StringComparison.Ordinal) ? body[1..] : body).Append("\r\n");
                    Received.Enqueue(new SmtpMessage(sender ?? "", [.. recipients], data.ToString()));
                    await writer.WriteLineAsync("250 2.0.0 Queued");
                    break;
                case "RSET" or "NOOP": await writer.WriteLineAsync("250 OK"); break;
                case "QUIT": await writer.WriteLineAsync("221 Bye"); return;
                default: await writer.WriteLineAsync("502 5.5.2 Not implemented"); break;
            }
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : "";
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}

public sealed record SmtpMessage(string Sender, string[] Recipients, string Data);

/// <summary>An SMS gateway adapter's endpoint on 127.0.0.1: keeps each call, answers 202 (or 503 when refusing).</summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();

    public WebhookListener()
    {
        Url = $"http://127.0.0.1:{Ports.Free()}/sms/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = ServeAsync();
    }

    public string Url { get; }
    public volatile bool Refuse;
    public ConcurrentQueue<WebhookCall> Received { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Received.Enqueue(new WebhookCall(context.Request.HttpMethod, context.Request.ContentType ?? "",
                context.Request.Headers[CodeSenders.TimestampHeader] ?? "", context.Request.Headers[CodeSenders.SignatureHeader] ?? "", body));
            context.Response.StatusCode = Refuse ? 503 : 202;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

public sealed record WebhookCall(string Method, string ContentType, string Timestamp, string Signature, string Body);
