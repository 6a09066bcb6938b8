using System.Text.Json.Nodes;

namespace Vape.Tests.Support;

/// <summary>What the organization tests keep asking: a unit by code, a person by login, a mutation with an input.</summary>
public sealed class OrganizationApi(VapeApp app)
{
    private readonly Dictionary<string, string> _tokens = [];

    public async Task<string> Token(string login) =>
        _tokens.TryGetValue(login, out var token) ? token : _tokens[login] = await app.TokenFor(login);

    /// <summary>id, name, version, status, parent of the unit with this code.</summary>
    public async Task<JsonNode> Unit(string code)
    {
        var response = await app.GraphQL("query($c: String!) { unitByCode(code: $c) { id name version status kind parent { id code } successor { code } } }", new { c = code });
        return response.Data["unitByCode"] ?? throw new InvalidOperationException($"no unit {code}");
    }

    public async Task<string> UnitId(string code) => (await Unit(code))["id"]!.GetValue<string>();

    /// <summary>Creates a unit as the centre's official (from 2026-01-01 unless told) and gives its id; an error fails the test.</summary>
    public async Task<string> CreatedUnit(string parentId, string code, string name, string kind, string effectiveFrom = "2026-01-01")
    {
        var created = await Mutate("createUnit", new { parentId, code, name, kind, effectiveFrom }, "central", "id");
        created.HasErrors.ShouldBeFalse(created.Body);
        return created.Data["createUnit"]!["id"]!.GetValue<string>();
    }

    public async Task<JsonNode> Me(string login) =>
        (await app.GraphQL("{ me { person { id version fullName homeUnit { code } } roles { id role unit { code } } } }", token: await Token(login))).Data["me"]!;

    public async Task<string> PersonId(string login) => (await Me(login))["person"]!["id"]!.GetValue<string>();

    /// <summary>Runs `mutation { name(input: $input) { selection } }` as the login (null: anonymous).</summary>
    public async Task<GraphQLResponse> Mutate(string name, object input, string? login, string selection = "__typename") =>
        await MutateAs(login is null ? null : await Token(login), name, input, selection);

    /// <summary>The same, with a token of the caller's own (a member without a demo login).</summary>
    public async Task<GraphQLResponse> MutateAs(string? token, string name, object input, string selection = "__typename")
    {
        var inputType = char.ToUpperInvariant(name[0]) + name[1..] + "Input";
        return await app.GraphQL($"mutation($input: {inputType}!) {{ {name}(input: $input) {{ {selection} }} }}", new { input }, token);
    }
}
