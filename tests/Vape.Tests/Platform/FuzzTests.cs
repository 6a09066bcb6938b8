using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vape.Tests.Support;

namespace Vape.Tests.Platform;

/// <summary>
/// A host of its own for the fuzz test: what it writes (with garbage) stays in its own database. Its complexity
/// limit lets the test read the schema's types by introspection (the depth limit stays).
/// </summary>
public sealed class FuzzApp() : VapeApp("vape_tests_fuzz", "Development", new() { ["Vape:GraphQL:MaxComplexity"] = "1000000" });

/// <summary>
/// Issue #28: generated bad documents and variables (broken UTF-16, NULs, control and direction characters, huge
/// numbers, deep nesting, bad cursors and ids, wrong types) against every query and mutation of the schema, signed in
/// as the centre's chair so that they pass authorisation and reach the resolvers. Any 500, any INTERNAL, or any
/// stack trace in the log fails the test. The generator is seeded: a failure names its seed and its request.
/// </summary>
public sealed class FuzzTests(FuzzApp app) : IClassFixture<FuzzApp>
{
    private const int Seed = 28;
    private const int CasesPerField = 24;

    private static readonly string[] BadTexts =
    [
        "a\u0000b", "\u0000", "x\u0001\u0007\u001b", "\u202Eevil\u202C", "\u200B", "\u2066x\u2069", "\uFEFF", "\n\r\t",
        new string('ạ', 20_000), "", " ", "'; drop table organization.people; --", "%00", "\\u0000", "c:\u0000", "YzoA",
        "Yzr/", "%%%", "00000000-0000-0000-0000-000000000000", "🙂‍👩‍👩‍👧", "ﬀ\u0301\u0301\u0301", "\ud83d",
    ];

    private static readonly string[] BadNumbers =
        ["2147483648", "-2147483649", "1e400", "-1e400", "1.5", "0", "-1", "99999999999999999999999999", "\"12\"", "null", "true", "[1]", "{}"];

    [Fact]
    public async Task Thousands_of_bad_documents_and_variables_never_reach_INTERNAL_a_500_or_a_stack_trace()
    {
        var token = await app.TokenFor("central");
        var schema = await Introspect();
        var random = new Random(Seed);
        var before = app.Logs.Lines.Count;
        var failures = new List<string>();
        var sent = 0;

        foreach (var (operation, field) in schema.Fields)
        {
            for (var i = 0; i < CasesPerField; i++)
            {
                var body = Case(random, operation, field, schema, i);
                var response = await Post(body, i % 5 == 0 ? null : token);
                sent++;
                if (response.Status >= 500 && response.Status != 504 || response.Body.Contains("\"INTERNAL\"") || response.Body.Contains("   at "))
                    failures.Add($"{operation} {field.Name} #{i}: {response.Status} {Truncate(response.Body)}\n  request: {Truncate(body)}");
            }
        }
        foreach (var document in Documents(random, 400))
        {
            var response = await Post(document, token);
            sent++;
            if (response.Status >= 500 && response.Status != 504 || response.Body.Contains("\"INTERNAL\""))
                failures.Add($"document: {response.Status} {Truncate(response.Body)}\n  request: {Truncate(document)}");
        }

        sent.ShouldBeGreaterThan(2_000);
        failures.ShouldBeEmpty($"seed {Seed}, {failures.Count} of {sent}:\n" + string.Join("\n", failures.Take(20)));
        var traces = app.Logs.Lines.Skip(before).Where(l => l.Contains("\n   at ") || l.Contains("resolver failed")).ToList();
        traces.ShouldBeEmpty(string.Join("\n", traces.Take(5).Select(Truncate)));
    }

    private static string Truncate(string s) => s.Length > 600 ? s[..600] + "…" : s;

    private async Task<GraphQLResponse> Post(string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await app.Send(request);
    }

    /// <summary>One request for a field: its arguments as variables (mostly) or literals, each bad in one of many ways.</summary>
    private static string Case(Random random, string operation, Field field, Schema schema, int i)
    {
        var selection = schema.IsLeaf(field.ReturnType) ? "" : " { __typename }";
        if (field.Args.Count == 0)
            return Json(operation == "mutation" ? $"mutation {{ {field.Name}{selection} }}" : $"{{ {field.Name}{selection} }}", null);
        if (i % 4 == 3)
        {
            // Literals in the document.
            var literals = string.Join(", ", field.Args.Select(a => $"{a.Name}: {Literal(random, a.Type, schema, 0)}"));
            return Json($"{operation} {{ {field.Name}({literals}){selection} }}", null);
        }
        var declarations = string.Join(", ", field.Args.Select(a => $"${a.Name}: {a.Type}"));
        var uses = string.Join(", ", field.Args.Select(a => $"{a.Name}: ${a.Name}"));
        var variables = "{" + string.Join(", ", field.Args.Select(a => $"{Quote(a.Name)}: {Value(random, a.Type, schema, 0)}")) + "}";
        return Json($"{operation}({declarations}) {{ {field.Name}({uses}){selection} }}", variables);
    }

    /// <summary>The body, with the variables as raw JSON text (so that a lone surrogate escape reaches the server as sent).</summary>
    private static string Json(string query, string? variables) =>
        "{\"query\":" + JsonSerializer.Serialize(query) + (variables is null ? "" : ",\"variables\":" + variables) + "}";

    private static string Quote(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c is '"' or '\\') json.Append('\\').Append(c);
            else if (c < ' ' || char.IsSurrogate(c)) json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else json.Append(c);
        }
        return json.Append('"').ToString();
    }

    /// <summary>A JSON value for a variable of this GraphQL type: usually bad for it, sometimes of another type altogether.</summary>
    private static string Value(Random random, string type, Schema schema, int depth)
    {
        var named = type.Trim('!', '[', ']');
        if (random.Next(8) == 0 || depth > 3) return Wrong(random);
        if (type.TrimEnd('!').StartsWith('['))
        {
            var inner = type.TrimEnd('!')[1..^1];
            return "[" + string.Join(",", Enumerable.Range(0, random.Next(3)).Select(_ => Value(random, inner, schema, depth + 1))) + "]";
        }
        if (schema.Inputs.TryGetValue(named, out var fields))
            return "{" + string.Join(",", fields.Select(f => $"{Quote(f.Name)}:{Value(random, f.Type, schema, depth + 1)}")) + "}";
        if (schema.Enums.TryGetValue(named, out var values))
            return random.Next(3) == 0 ? Quote("NOT_A_VALUE") : Quote(values[random.Next(values.Count)]);
        return named switch
        {
            "Int" or "Long" or "Float" or "Decimal" => BadNumbers[random.Next(BadNumbers.Length)],
            "Boolean" => random.Next(2) == 0 ? "\"yes\"" : "1",
            "Date" or "DateTimeOffset" => Quote(random.Next(3) switch { 0 => "2026-13-45", 1 => "9999999-01-01", _ => BadTexts[random.Next(BadTexts.Length)] }),
            "ID" => Quote(random.Next(3) == 0 ? Guid.NewGuid().ToString() : BadTexts[random.Next(BadTexts.Length)]),
            _ => Quote(BadTexts[random.Next(BadTexts.Length)]),
        };
    }

    private static string Wrong(Random random) => random.Next(6) switch
    {
        0 => "{\"a\":{\"b\":{\"c\":[[[[[[[[[[1]]]]]]]]]]}}}",
        1 => "[" + string.Join(",", Enumerable.Repeat("\"x\"", 500)) + "]",
        2 => "1e999",
        3 => "\"\\ud800\"",
        4 => "null",
        _ => "{}",
    };

    /// <summary>A GraphQL literal for an argument: a bad string, number or enum, or a value of the wrong kind.</summary>
    private static string Literal(Random random, string type, Schema schema, int depth)
    {
        var named = type.Trim('!', '[', ']');
        if (schema.Inputs.TryGetValue(named, out var fields) && depth < 3 && random.Next(4) != 0)
            return "{" + string.Join(", ", fields.Select(f => $"{f.Name}: {Literal(random, f.Type, schema, depth + 1)}")) + "}";
        return random.Next(7) switch
        {
            0 => "99999999999999999999",
            1 => "\"\\u0000\"",
            2 => "\"\\ud800\"",
            3 => "NOT_A_VALUE",
            4 => "[[[[[[\"x\"]]]]]]",
            5 => "\"\u202Ex\"",
            _ => "\"" + Guid.NewGuid() + "\"",
        };
    }

    /// <summary>Documents that are not what a client should send: broken, deep, wide, full of odd characters.</summary>
    private static IEnumerable<string> Documents(Random random, int count)
    {
        string[] fragments = ["{", "}", "(", ")", "query", "mutation", "units", "unit(id: \"x\")", "...", "on", "$a", ":", "\"\\u0000\"", "\u0000", "#", "@skip",
            "fragment", "__schema", "1e99999", "\"\\ud800\"", "\u202E", ",", "[", "]", "searchUnits(text: \"a\")", "nodes", "id", "__typename"];
        for (var i = 0; i < count; i++)
        {
            string query = (i % 4) switch
            {
                0 => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => fragments[random.Next(fragments.Length)] + " ")),
                1 => new string('{', random.Next(10, 200)) + "units" + new string('}', random.Next(10, 200)),
                2 => "{ " + string.Join(" ", Enumerable.Range(0, random.Next(50, 400)).Select(j => $"a{j}: searchUnits(text: \"ha\", first: 1) {{ nodes {{ id }} }}")) + " }",
                _ => "{ units { nodes { children { nodes { children { nodes { children { nodes { children { nodes { children { nodes { id } } } } } } } } } } } }",
            };
            yield return random.Next(10) == 0
                ? "{\"query\":" + Quote(query) + ",\"variables\":[1,2]}"
                : Json(query, null);
        }
    }

    private async Task<Schema> Introspect()
    {
        const string typeRef = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";
        async Task<JsonNode> Ask(string selection)
        {
            var answer = await app.GraphQL("{ __schema { " + selection + " } }");
            return answer.Data["__schema"]!;
        }
        var root = new JsonObject
        {
            ["queryType"] = (await Ask($"queryType {{ fields {{ name args {{ name type {{ {typeRef} }} }} type {{ {typeRef} }} }} }}"))["queryType"]!.DeepClone(),
            ["mutationType"] = (await Ask($"mutationType {{ fields {{ name args {{ name type {{ {typeRef} }} }} type {{ {typeRef} }} }} }}"))["mutationType"]!.DeepClone(),
            ["types"] = (await Ask($"types {{ kind name inputFields {{ name type {{ {typeRef} }} }} enumValues {{ name }} }}"))["types"]!.DeepClone(),
        };
        var schema = new Schema();
        foreach (var (operation, key) in new[] { ("query", "queryType"), ("mutation", "mutationType") })
            foreach (var f in root[key]!["fields"]!.AsArray())
                schema.Fields.Add((operation, new Field(f!["name"]!.GetValue<string>(),
                    f["args"]!.AsArray().Select(a => new Arg(a!["name"]!.GetValue<string>(), TypeName(a["type"]!))).ToList(), Named(f["type"]!))));
        foreach (var t in root["types"]!.AsArray())
        {
            var name = t!["name"]!.GetValue<string>();
            switch (t["kind"]!.GetValue<string>())
            {
                case "INPUT_OBJECT":
                    schema.Inputs[name] = t["inputFields"]!.AsArray().Select(f => new Arg(f!["name"]!.GetValue<string>(), TypeName(f["type"]!))).ToList();
                    break;
                case "ENUM":
                    schema.Enums[name] = t["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()).ToList();
                    break;
                case "SCALAR":
                    schema.Leaves.Add(name);
                    break;
            }
        }
        foreach (var e in schema.Enums.Keys) schema.Leaves.Add(e);
        schema.Fields.Count.ShouldBeGreaterThan(70);
        return schema;
    }

    private static string TypeName(JsonNode type) => type["kind"]!.GetValue<string>() switch
    {
        "NON_NULL" => TypeName(type["ofType"]!) + "!",
        "LIST" => "[" + TypeName(type["ofType"]!) + "]",
        _ => type["name"]!.GetValue<string>(),
    };

    private static string Named(JsonNode type) => type["name"]?.GetValue<string>() ?? Named(type["ofType"]!);

    private sealed record Arg(string Name, string Type);

    private sealed record Field(string Name, List<Arg> Args, string ReturnType);

    private sealed class Schema
    {
        public List<(string Operation, Field Field)> Fields { get; } = [];
        public Dictionary<string, List<Arg>> Inputs { get; } = [];
        public Dictionary<string, List<string>> Enums { get; } = [];
        public HashSet<string> Leaves { get; } = [];

        public bool IsLeaf(string named) => Leaves.Contains(named);
    }
}
