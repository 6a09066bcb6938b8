using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Vape.Tests.Support;
using Wolverine.Tracking;

namespace Vape.Tests.Xapi;

/// <summary>A learning provider of Phường Ba Đình speaking to /xapi with its Basic credentials, and the member's side of it.</summary>
internal sealed class XapiApi(VapeApp app)
{
    public const string Home = "https://hoc.example.vn";
    public OrganizationApi Org { get; } = new(app);

    public sealed record Client(string Key, string Secret);

    public async Task<Client> Register(bool trusted, string unitCode = "T01-X001", string login = "commune")
    {
        var r = await Org.Mutate("registerXapiClient", new { unitId = await Org.UnitId(unitCode), name = "Trung tâm học tập cộng đồng Ba Đình", trusted }, login, "key secret");
        r.HasErrors.ShouldBeFalse(r.Body);
        return new Client(r.Data["registerXapiClient"]!["key"]!.GetValue<string>(), r.Data["registerXapiClient"]!["secret"]!.GetValue<string>());
    }

    public async Task<HttpResponseMessage> Send(Client client, HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Experience-API-Version", "2.0.0");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{client.Key}:{client.Secret}")));
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, contentType);
        return (await app.Send(request)).Message;
    }

    /// <summary>POSTs statements and waits for what they set off (the record's entries, through the outbox) to be handled.</summary>
    public async Task<HttpStatusCode> Post(Client client, params JsonObject[] statements)
    {
        HttpStatusCode status = 0;
        var body = statements.Length == 1 ? statements[0].ToJsonString() : new JsonArray([.. statements.Select(s => (JsonNode)s.DeepClone())]).ToJsonString();
        await app.Host.TrackActivity().Timeout(TimeSpan.FromSeconds(60)).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            status = (await Send(client, HttpMethod.Post, "/xapi/statements", body)).StatusCode));
        return status;
    }

    public static JsonObject Account(string name) => new() { ["account"] = new JsonObject { ["homePage"] = Home, ["name"] = name } };

    public static JsonObject Statement(string id, JsonObject actor, string verb = "completed", string title = "Tin học cơ bản") => new()
    {
        ["id"] = id,
        ["actor"] = actor,
        ["verb"] = new JsonObject { ["id"] = $"http://adlnet.gov/expapi/verbs/{verb}" },
        ["object"] = new JsonObject
        {
            ["id"] = "https://hoc.example.vn/khoa-hoc/tin-hoc",
            ["definition"] = new JsonObject { ["name"] = new JsonObject { ["vi-VN"] = title } },
        },
        ["result"] = new JsonObject { ["duration"] = "PT1H30M" },
        ["timestamp"] = "2026-11-20T09:00:00+07:00",
    };

    public static JsonObject Voiding(string id, string target) => new()
    {
        ["id"] = id,
        ["actor"] = new JsonObject { ["mbox"] = "mailto:quan.tri@example.vn" },
        ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/voided" },
        ["object"] = new JsonObject { ["objectType"] = "StatementRef", ["id"] = target },
    };

    public async Task<GraphQLResponse> Link(string login, string name) =>
        await Org.Mutate("linkXapiAccount", new { homePage = Home, name }, login, "personId statementsAttributed");

    public async Task<JsonArray> AccessLog(string login)
    {
        var log = await app.GraphQL("{ myRecordAccessLog { nodes { officialId officialName xapiClientId xapiClientName unitName purpose shown } } }", token: await Org.Token(login));
        log.HasErrors.ShouldBeFalse(log.Body);
        return log.Data["myRecordAccessLog"]!["nodes"]!.AsArray();
    }
}
