using System.Text.RegularExpressions;
using Vape.Tests.Support;

namespace Vape.Tests.Guide;

/// <summary>
/// Every error code the API can answer is in docs/api.md's table "Every error code", and has a Vietnamese message. The
/// codes are read from the places the source makes them: `new VapeException(code, message)` (and a target-typed
/// `new(code, message)` where a VapeException is made), a hub's `HubErrors.Create(code, message)`, xAPI's
/// `XapiError(status, code, message)`, an `ExecutionError { Code = code }`, a classroom refusal's switch arm, and a badge
/// check's answer. A code is a literal or a `const string` the test resolves by name.
/// </summary>
public sealed partial class ErrorCodesDocumentedTests
{
    /// <summary>Arguments that pass on a code made elsewhere (an exception's own code), not a new one.</summary>
    private static readonly HashSet<string> PassThrough = ["vape.Code", "e.Code", "unavailable.Code", "code"];

    /// <summary>Codes whose message is not written at the place the code is made, and where it is.</summary>
    private static readonly Dictionary<string, string> MessageElsewhere = new()
    {
        ["TOO_MANY_IN_FLIGHT"] = "src/BuildingBlocks/Vape.BuildingBlocks/GraphQL/ClientGate.cs",
    };

    private const string Arg = """((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*|"[A-Z][A-Z0-9_]*")""";
    private const string Literal = """(\$?"{3}[^"]*|\$?@?"[^"]*)""";
    private const string Message = @"(?:\s*,\s*" + Literal + "?)?";

    private static readonly (string Kind, Regex Pattern)[] Sites =
    [
        ("VapeException", new Regex(@"new VapeException\(\s*" + Arg + Message)),
        ("target-typed new", new Regex(@"\bnew\(\s*" + Arg + Message)),
        ("hub", new Regex(@"HubErrors\.Create\(\s*" + Arg + Message)),
        ("xAPI", new Regex(@"\bnew(?: XapiError)?\(\s*StatusCodes\.Status\d+\w*\s*,\s*" + Arg + Message)),
        ("ExecutionError", new Regex(@"\bCode\s*=\s*" + Arg)),
        ("refusal arm", new Regex(@"\b" + Arg + @"\s*=>\s*new(?: VapeException)?\(\s*code" + Message)),
        ("factory", new Regex(@"\bVapeException\.(\w+)\(\s*" + Literal + "?")),
        ("badge check", new Regex(@"\b(?:No|new BadgeVerification)\(\s*(?:\w+\s*,\s*)?(""[A-Z][A-Z0-9_]*"")" + Message)),
    ];

    [Fact]
    public void Every_code_the_source_makes_is_in_the_API_table_and_every_row_is_a_code_the_source_makes()
    {
        var (codes, unresolved) = Scan();
        unresolved.ShouldBeEmpty("a code argument the test cannot read: make it a literal or a const string, or list it in PassThrough\n"
            + string.Join('\n', unresolved));
        // The scan itself works: codes of every kind of site are found.
        codes.Keys.ShouldContain("INVALID_INPUT");
        codes.Keys.ShouldContain("CLAIM_FAILED");
        codes.Keys.ShouldContain("NOT_ON_LIST");
        codes.Keys.ShouldContain("MESSAGE_TOO_LARGE");
        codes.Keys.ShouldContain("NOT_IN_ROOM");
        codes.Keys.ShouldContain("TOO_MANY_IN_FLIGHT");
        codes.Keys.ShouldContain("UNKNOWN_ISSUER");

        var documented = DocumentedCodes();
        var missing = codes.Keys.Except(documented).Order().Select(c => $"{c} (made at {codes[c][0].Where})").ToList();
        missing.ShouldBeEmpty("codes missing from docs/api.md's \"Every error code\" table:\n" + string.Join('\n', missing));
        var stale = documented.Except(codes.Keys).Order().ToList();
        stale.ShouldBeEmpty("rows of docs/api.md's \"Every error code\" table no source makes:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void Every_code_has_a_Vietnamese_message_wherever_its_message_is_written()
    {
        var (codes, _) = Scan();
        var problems = new List<string>();
        foreach (var (code, sites) in codes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            foreach (var site in sites.Where(s => s.Message is not null && !Vietnamese().IsMatch(s.Message)))
                problems.Add($"{code} at {site.Where}: the message is not Vietnamese ({site.Message})");
            if (sites.Any(s => s.Message is not null && Vietnamese().IsMatch(s.Message))) continue;
            if (MessageElsewhere.TryGetValue(code, out var file) && Vietnamese().IsMatch(File.ReadAllText(Path.Combine(Repo.Root, file)))) continue;
            problems.Add($"{code}: no Vietnamese message at any place it is made ({string.Join(", ", sites.Select(s => s.Where))})");
        }
        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    private sealed record Site(string Where, string Kind, string? Message);

    private static (Dictionary<string, List<Site>> Codes, List<string> Unresolved) Scan()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Repo.Root, f), File.ReadAllText);

        // Every `const string Name = "UPPER_CASE"`, with the type it is declared in and its file.
        var constants = new List<(string Type, string Name, string Value, string File)>();
        foreach (var (file, text) in sources)
        {
            var type = "";
            foreach (Match m in Declarations().Matches(text))
            {
                if (m.Groups[1].Success) type = m.Groups[1].Value;
                else constants.Add((type, m.Groups[2].Value, m.Groups[3].Value, file));
            }
        }

        var codes = new Dictionary<string, List<Site>>(StringComparer.Ordinal);
        var unresolved = new List<string>();
        foreach (var (file, text) in sources)
            foreach (var (kind, pattern) in Sites)
                foreach (Match m in pattern.Matches(text))
                {
                    var arg = m.Groups[1].Value;
                    var line = text.AsSpan(0, m.Index).Count('\n') + 1;
                    var where = $"{file}:{line}";
                    string? message = m.Groups.Count > 2 && m.Groups[2].Success ? m.Groups[2].Value : null;
                    if (kind == "ExecutionError") message = MessageOnLine(text, m.Index, arg);
                    // `VapeException.InvalidInput("…")` and its siblings make the ErrorCodes constant of the same name.
                    if (kind == "factory")
                    {
                        if (message is null || !constants.Any(c => c.Type == "ErrorCodes" && c.Name == arg)) continue;
                        arg = "ErrorCodes." + arg;
                    }
                    IEnumerable<string> values;
                    if (arg.StartsWith('"')) values = [arg.Trim('"')];
                    else
                    {
                        var parts = arg.Split('.');
                        var named = constants.Where(c => c.Name == parts[^1]).ToList();
                        if (named.Count == 0)
                        {
                            // A target-typed `new(x, …)` makes many things besides exceptions; only a named code counts.
                            if (kind != "target-typed new" && !PassThrough.Contains(arg)) unresolved.Add($"{where}: {arg}");
                            continue;
                        }
                        var exact = parts.Length > 1 ? named.Where(c => c.Type == parts[^2]).ToList() : named.Where(c => c.File == file).ToList();
                        values = (exact.Count > 0 ? exact : named).Select(c => c.Value);
                    }
                    foreach (var value in values)
                    {
                        if (!codes.TryGetValue(value, out var sites)) codes[value] = sites = [];
                        sites.Add(new Site(where, kind, message));
                    }
                }
        return (codes, unresolved);
    }

    /// <summary>The message of `new ExecutionError("…") { Code = … }` or `Code = "…", Message = "…"`: the other string on its line.</summary>
    private static string? MessageOnLine(string text, int index, string arg)
    {
        var start = text.LastIndexOf('\n', index) + 1;
        var end = text.IndexOf('\n', index);
        var line = text[start..(end < 0 ? text.Length : end)];
        return StringLiterals().Matches(line).Select(m => m.Value).FirstOrDefault(s => s != arg);
    }

    private static HashSet<string> DocumentedCodes()
    {
        var api = File.ReadAllText(Path.Combine(Repo.Root, "docs", "api.md"));
        var start = api.IndexOf("### Every error code", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "docs/api.md has a section \"Every error code\"");
        var end = api.IndexOf("\n#", start + 1, StringComparison.Ordinal);
        var section = api[start..(end < 0 ? api.Length : end)];
        return [.. TableRows().Matches(section).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex("""(?:class|record|struct|interface)\s+(\w+)|const string (\w+) = "([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)";""")]
    private static partial Regex Declarations();

    [GeneratedRegex("""\$?"[^"]*"(?!")""")]
    private static partial Regex StringLiterals();

    [GeneratedRegex(@"^\| `([A-Z][A-Z0-9_]*)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRows();

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", RegexOptions.IgnoreCase)]
    private static partial Regex Vietnamese();
}
