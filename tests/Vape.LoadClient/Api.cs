using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vape.LoadClient;

/// <summary>GraphQL and sign-in against the topology, as a frontend does.</summary>
public sealed class Api(Uri url)
{
    private readonly HttpClient _http = new() { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };

    public async Task<string> TokenAsync(string login)
    {
        var response = await _http.PostAsJsonAsync("/dev/token", new { login });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"no token for '{login}' ({(int)response.StatusCode}): run `seed --load N` on the topology's database first (README, Load).");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<JsonNode> GraphQLAsync(string query, object? variables = null, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        var response = await _http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (json["errors"] is JsonArray { Count: > 0 } errors) throw new InvalidOperationException("GraphQL: " + errors.ToJsonString());
        return json["data"]!;
    }

    /// <summary>Tokens for `count` logins made by `login(i)`, a few at a time.</summary>
    public async Task<string[]> TokensAsync(int count, Func<int, string> login)
    {
        var tokens = new string[count];
        await ForEachAsync(count, async i => tokens[i] = await TokenAsync(login(i)));
        return tokens;
    }

    /// <summary>`count` calls of `call(i)`, a few at a time.</summary>
    public static async Task ForEachAsync(int count, Func<int, Task> call)
    {
        using var gate = new SemaphoreSlim(20);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try { await call(i); }
            finally { gate.Release(); }
        }));
    }

    public async Task<string> UnitIdAsync(string code) =>
        (await GraphQLAsync("query($c: String!) { unitByCode(code: $c) { id } }", new { c = code }))["unitByCode"]!["id"]!.GetValue<string>();

    /// <summary>The person ids of the signed-in people behind `tokens`.</summary>
    public async Task<string[]> PersonIdsAsync(IReadOnlyList<string> tokens)
    {
        var ids = new string[tokens.Count];
        await ForEachAsync(tokens.Count, async i => ids[i] = (await GraphQLAsync("{ me { personId } }", token: tokens[i]))["me"]!["personId"]!.GetValue<string>());
        return ids;
    }

    /// <summary>`scheduleClass` with the given input; the class id and its first session's id.</summary>
    public async Task<(string ClassId, Guid SessionId)> ScheduleClassAsync(string token, object input)
    {
        var scheduled = (await GraphQLAsync("mutation($i: ScheduleClassInput!) { scheduleClass(input: $i) { id sessions { id } } }", new { i = input }, token))["scheduleClass"]!;
        return (scheduled["id"]!.GetValue<string>(), Guid.Parse(scheduled["sessions"]![0]!["id"]!.GetValue<string>()));
    }

    /// <summary>Each learner `tokens[i]` enrols in the class `classId(i)`.</summary>
    public Task EnrolAsync(IReadOnlyList<string> tokens, Func<int, string> classId) =>
        ForEachAsync(tokens.Count, async i =>
        {
            var status = (await GraphQLAsync("mutation($i: EnrolInClassInput!) { enrolInClass(input: $i) { status } }", new { i = new { classId = classId(i) } }, tokens[i]))
                ["enrolInClass"]!["status"]!.GetValue<string>();
            if (status != "ENROLLED") throw new InvalidOperationException($"learner {i + 1}: enrolment {status}, not ENROLLED");
        });
}
