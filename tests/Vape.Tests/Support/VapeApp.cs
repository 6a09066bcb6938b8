using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Marten;
using Vape.BuildingBlocks.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog.Core;
using Serilog.Events;

namespace Vape.Tests.Support;

/// <summary>
/// A real Vape host in memory (Alba over the app's own Program), on the same embedded PostgreSQL cluster the
/// host starts by itself, in a database of its own. Every log event it writes is kept, to be searched.
/// </summary>
public class VapeApp : IAsyncLifetime
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    public VapeApp() : this("vape_tests", "Development", []) { }

    protected VapeApp(string database, string environment, Dictionary<string, string?> settings)
    {
        _environment = environment;
        _settings = new Dictionary<string, string?>
        {
            ["Vape:Database"] = database,
            // The tests open tomorrow's classes at once; a class further ahead meets the lead time (ClassroomHubTests).
            ["Vape:Classes:RoomOpensMinutesBefore"] = "2880",
            // Class reminders (a day before each session) would reach the demo people at any moment of a test that
            // counts their notifications: the first sweep is an hour after the start. ClassReminderTests' host sweeps every second.
            ["Vape:Classes:ReminderSweepSeconds"] = "3600",
            ["Vape:ThrowOnStartupFailure"] = "true",
            ["Vape:Cors:Origins:0"] = "https://app.vape.test",
            // Every test client is one anonymous address; the limit itself is tested by ProductionApp's own.
            ["Vape:RateLimits:AnonymousGraphQLPerMinute"] = "1000000",
            // The same for the cost budgets (ADR 0109): CostLimitTests has a host with small ones.
            ["Vape:GraphQL:AnonymousCostPerMinute"] = "1000000000",
            ["Vape:GraphQL:SignedInCostPerMinute"] = "1000000000",
            // And the requests in flight per client (ADR 0163): ClientGateTests has a host with a small cap.
            ["Vape:GraphQL:MaxInFlightPerClient"] = "100000",
        };
        foreach (var (key, value) in settings) _settings[key] = value;
    }

    private IAlbaHost? _host;

    /// <summary>The started host (a fixture that failed to start has none: its start's exception says why).</summary>
    public IAlbaHost Host => _host ?? throw new InvalidOperationException("The Vape host was not started (its InitializeAsync failed or was not called).");
    public LogCapture Logs { get; } = new();

    protected virtual void ConfigureServices(IServiceCollection services) { }

    public async Task InitializeAsync()
    {
        _host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment(_environment);
            foreach (var (key, value) in _settings) web.UseSetting(key, value);
            web.ConfigureServices(services =>
            {
                services.AddSingleton<ILogEventSink>(Logs);
                ConfigureServices(services);
            });
        });
        await ClusterPin.HoldAsync(_host.Services);
    }

    /// <summary>Stops the host; one that never started (a fixture whose start failed) has nothing to stop, so its start's failure stays the one reported.</summary>
    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    /// <summary>Empties the database and loads the start-up data again.</summary>
    public Task ResetAsync() => Host.Services.ResetAllDataAsync();

    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async Task<string> TokenFor(string login)
    {
        var result = await Host.Scenario(s =>
        {
            s.Post.Json(new { login }).ToUrl("/dev/token");
            s.StatusCodeShouldBeOk();
        });
        var json = await result.ReadAsJsonAsync<JsonElement>();
        return json.GetProperty("accessToken").GetString()!;
    }

    /// <summary>POSTs a GraphQL request the way a frontend does; returns status, media type, raw body and parsed JSON.</summary>
    public async Task<GraphQLResponse> GraphQL(string query, object? variables = null, string? token = null,
        string accept = "application/graphql-response+json")
    {
        var client = Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await GraphQLResponse.From(await client.SendAsync(request));
    }

    public async Task<GraphQLResponse> Send(HttpRequestMessage request) =>
        await GraphQLResponse.From(await Host.Server.CreateClient().SendAsync(request));

    /// <summary>A real SignalR client, over WebSockets to the in-memory server.</summary>
    public HubConnection Hub(string path, string? token = null, bool messagePack = false)
    {
        var server = Host.Server;
        var builder = new HubConnectionBuilder().WithUrl(new Uri(server.BaseAddress, path), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.HttpMessageHandlerFactory = _ => server.CreateHandler();
            // Like a browser: WebSockets carry no headers, so the token travels in the query string.
            o.WebSocketFactory = async (context, ct) =>
            {
                var uri = token is null ? context.Uri : new Uri(context.Uri + (context.Uri.Query.Length > 0 ? "&" : "?") + "access_token=" + token);
                return await server.CreateWebSocketClient().ConnectAsync(uri, ct);
            };
        });
        if (messagePack) builder.AddMessagePackProtocol(o => o.SerializerOptions = Vape.BuildingBlocks.Realtime.HubMessagePack.Options);
        else builder.AddJsonProtocol(Vape.BuildingBlocks.Hosting.VapeJson.UseHub);
        return builder.Build();
    }
}

public sealed record GraphQLResponse(int Status, string? MediaType, string Body, JsonNode? Json, HttpResponseMessage Message)
{
    public static async Task<GraphQLResponse> From(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try { json = body.Length > 0 ? JsonNode.Parse(body) : null; } catch (JsonException) { }
        return new GraphQLResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, json, response);
    }

    public JsonNode Data => Json?["data"] ?? throw new InvalidOperationException($"no data in: {Body}");
    public string? FirstErrorCode => Json?["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();
    public string? FirstErrorMessage => Json?["errors"]?[0]?["message"]?.GetValue<string>();
    public bool HasErrors => Json?["errors"] is JsonArray { Count: > 0 };

    /// <summary>
    /// The body without `extensions.cost` (what the request cost its client's minute, which grows with every request:
    /// ADR 0109), for comparing two answers byte for byte.
    /// </summary>
    public string Answer
    {
        get
        {
            if (Json?.DeepClone() is not JsonObject copy) return Body;
            if (copy["extensions"] is JsonObject extensions)
            {
                extensions.Remove("cost");
                if (extensions.Count == 0) copy.Remove("extensions");
            }
            return copy.ToJsonString();
        }
    }
}

/// <summary>Keeps every rendered log line and property of the host, so a test can prove what never gets logged.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Emit(LogEvent logEvent)
    {
        var text = new StringBuilder(logEvent.RenderMessage(CultureInfo.InvariantCulture));
        foreach (var (key, value) in logEvent.Properties) text.Append(' ').Append(key).Append('=').Append(value);
        if (logEvent.Exception is not null) text.Append(' ').Append(logEvent.Exception);
        _lines.Enqueue(text.ToString());
    }

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    /// <summary>
    /// The lines that hold `secret` (case aside), read without the ids the log writes (Guids, trace and span ids): any
    /// six digits, a one-time code's, turn up inside those now and then.
    /// </summary>
    public IReadOnlyList<string> Holding(string secret) =>
        [.. Lines.Where(l => Ids.Replace(l, "#").Contains(secret, StringComparison.OrdinalIgnoreCase))];

    private static readonly System.Text.RegularExpressions.Regex Ids = new(
        "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}|(?<![0-9A-Za-z])[0-9a-f]{16}(?:[0-9a-f]{16})?(?![0-9A-Za-z])");
}

[CollectionDefinition(Name)]
public sealed class VapeCollection : ICollectionFixture<VapeApp>
{
    public const string Name = "vape";
}
