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
        using var gate = new SemaphoreSlim(20);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try { tokens[i] = await TokenAsync(login(i)); }
            finally { gate.Release(); }
        }));
        return tokens;
    }
}
