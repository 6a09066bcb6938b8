using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vape.Tests.Support;

/// <summary>A citizen at the local issuer: asks for a one-time code, reads it in the development mailbox, signs in.</summary>
public sealed partial class CitizenApi(VapeApp app)
{
    public async Task<HttpResponseMessage> Post(string path, object body) =>
        await app.Host.Server.CreateClient().PostAsJsonAsync(path, body);

    /// <summary>The six digits of the latest message the development mailbox holds for the address.</summary>
    public Task<string> LatestCode(string address) => LatestCode(app.Host.Server.CreateClient(), address);

    /// <summary>The same from any host that serves the mailbox (the browser tests' own process).</summary>
    public static async Task<string> LatestCode(HttpClient http, string address)
    {
        var response = await http.PostAsJsonAsync("/dev/mailbox", new { address });
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
        return SixDigits().Match(messages[0].GetProperty("message").GetString()!).Value;
    }

    public async Task<string> SendCode(string address)
    {
        (await Post("/auth/local/code", new { address })).StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted);
        return await LatestCode(address);
    }

    /// <summary>Signs up (or in) with a code from the mailbox; the token names the account, not a person.</summary>
    public async Task<string> SignIn(string address)
    {
        var code = await SendCode(address);
        var response = await Post("/auth/local/token", new { address, code });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<GraphQLResponse> MyAccount(string token) =>
        await app.GraphQL("{ myAccount { id claimsLockedUntil person { id fullName } } }", token: token);

    public static async Task<string?> ProblemCode(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var code) ? code.GetString() : null;

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
