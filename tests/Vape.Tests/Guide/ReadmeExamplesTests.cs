using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Vape.Tests.Support;

namespace Vape.Tests.Guide;

/// <summary>
/// The README's and docs/organization.md's curl examples, run as written (issue #20: they had rotted: a literal
/// `&lt;id&gt;`, a `members.csv` nobody had), by bash with curl and jq, against the real host started as a newcomer
/// starts it: its own process on a loopback port, Development, a fresh data folder (so a fresh embedded cluster). The
/// only change to the text is the address. Each example's answer is checked; a new example needs a check here.
/// </summary>
public sealed class ReadmeExamplesTests(ReadmeExamplesTests.FreshHost fresh) : IClassFixture<ReadmeExamplesTests.FreshHost>
{
    /// <summary>What each example (named by its comment's first words) must answer.</summary>
    private static readonly Dictionary<string, Action<JsonNode>> Checks = new()
    {
        ["The public tree"] = a => a["data"]!["units"]!["nodes"]![0]!["children"]!["nodes"]!.AsArray().Count.ShouldBe(34),
        ["Search"] = a => a["data"]!["searchUnits"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ShouldContain(n => n.Contains("Đà Nẵng")),
        ["Who am I"] = a => a["data"]!["me"]!["name"]!.GetValue<string>().ShouldBe("Trần Thị Bình"),
        ["Rename a unit"] = a => a["data"]!["renameUnit"]!["name"]!.GetValue<string>().ShouldBe("Phường Hoàn Kiếm (Hà Nội)"),
        ["Hà Nội's figures"] = a =>
        {
            var unit = a["data"]!["unitByCode"]!;
            unit["now"]!["members"]!.GetValue<int>().ShouldBeGreaterThan(0);
            unit["now"]!["units"]!.GetValue<int>().ShouldBeGreaterThan(1);
            unit["then"]!["units"]!.GetValue<int>().ShouldBeGreaterThan(0);
        },
        ["Create a village"] = a =>
        {
            a["data"]!["createUnit"]!["code"]!.GetValue<string>().ShouldBe("T01-X001-05");
            a["data"]!["createUnit"]!["ancestors"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ShouldContain("Phường Ba Đình");
        },
        ["Import members"] = a =>
        {
            var result = a["data"]!["importMembers"]!;
            result["problems"]!.AsArray().ShouldBeEmpty();
            result["ok"]!.GetValue<bool>().ShouldBeTrue();
            result["imported"]!.GetValue<int>().ShouldBe(File.ReadAllLines(Path.Combine(Repo.Root, "docs/examples/members.csv")).Length - 1);
        },
    };

    [Fact]
    public async Task The_READMEs_first_requests_run_as_written_and_answer_what_it_says()
    {
        // "Sending the same rename again answers VERSION_CONFLICT": the rename example's last command once more.
        var rename = Examples(File.ReadAllText(Path.Combine(Repo.Root, "README.md"))).Single(e => e.Title.StartsWith("Rename a unit", StringComparison.Ordinal));
        var again = new Example(Again, rename.Script[(rename.Script.LastIndexOf("\ncurl ", StringComparison.Ordinal) + 1)..]);
        var answers = await RunAsync("README.md", again);
        answers.Keys.ShouldBe(["The public tree", "Search", "Who am I", "Rename a unit", Again], ignoreOrder: true);
        answers[Again]["errors"]![0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("VERSION_CONFLICT", answers[Again].ToJsonString());
        answers.Remove(Again);
        CheckAll(answers);
    }

    private const string Again = "the same rename again";

    [Fact]
    public async Task The_organization_examples_run_as_written_with_the_sample_file_in_the_repository()
    {
        var answers = await RunAsync("docs/organization.md");
        answers.Keys.ShouldBe(["Hà Nội's figures", "Create a village", "Import members"], ignoreOrder: true);
        CheckAll(answers);
    }

    [Fact]
    public void The_READMEs_test_command_is_the_one_CI_runs_and_its_run_command_names_the_host()
    {
        var blocks = Blocks(File.ReadAllText(Path.Combine(Repo.Root, "README.md"))).ToList();
        blocks.ShouldContain("dotnet run --project src/Host/Vape.Host");
        blocks.ShouldContain("dotnet test Vape.sln");
        File.Exists(Path.Combine(Repo.Root, "src/Host/Vape.Host/Vape.Host.csproj")).ShouldBeTrue();
        var ci = File.ReadAllLines(Path.Combine(Repo.Root, ".ci/run"));
        ci.ShouldContain(l => l.StartsWith("dotnet test Vape.sln 2>&1"), "`.ci/run` runs the README's test command");
        // Every tool the examples call is one `.ci/run` installs on a fresh machine.
        string.Join('\n', ci).ShouldContain("need_apt+=(jq)");
    }

    [Fact]
    public void A_clean_start_logs_no_warning_and_no_error()
    {
        // Issue #20: a normal start logged two ERR health-check lines and a Wolverine warning. Console lines are
        // "[HH:mm:ss LVL] ...".
        var problems = File.ReadAllLines(fresh.LogFile).Where(l => Regex.IsMatch(l, @"^\[\d\d:\d\d:\d\d (WRN|ERR|FTL)\]")).ToList();
        problems.ShouldBeEmpty(string.Join('\n', problems));
    }

    private static void CheckAll(Dictionary<string, JsonNode> answers)
    {
        foreach (var (title, answer) in answers)
        {
            (answer["errors"] is null).ShouldBeTrue($"{title}: {answer.ToJsonString()}");
            Checks[title](answer);
        }
    }

    /// <summary>Runs a file's examples in order in one shell; the answer of each example named by its comment.</summary>
    private async Task<Dictionary<string, JsonNode>> RunAsync(string file, params Example[] after)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, file));
        var examples = Examples(text).Concat(after).ToList();
        examples.ShouldNotBeEmpty();
        var output = await BashAsync(Setup(text) + "\n" + string.Join('\n', examples.Select(Marked)));
        var answers = new Dictionary<string, JsonNode>();
        foreach (var part in output.Split("@@@ ").Skip(1))
        {
            var newline = part.IndexOf('\n');
            var title = part[..newline];
            var key = title == Again ? title : Checks.Keys.SingleOrDefault(title.StartsWith) ?? throw new ShouldAssertException($"no check for the example “{title}” of {file}: add one to {nameof(Checks)}");
            var body = part[(newline + 1)..].Trim();
            try { answers[key] = JsonNode.Parse(body)!; }
            catch (System.Text.Json.JsonException) { throw new ShouldAssertException($"{file}, “{title}”: not a JSON answer in\n{output}"); }
        }
        answers.Count.ShouldBe(examples.Count, output);
        return answers;
    }

    private static string Marked(Example e) => $"printf '\\n@@@ %s\\n' {Quote(e.Title)}\n{e.Script}\n";

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    /// <summary>The blocks without a comment (setting TOKEN), run first.</summary>
    private static string Setup(string markdown) =>
        string.Join('\n', Blocks(markdown).Where(b => b.Contains("localhost:5080/") && !b.TrimStart().StartsWith('#')));

    private sealed record Example(string Title, string Script);

    /// <summary>The curl examples: in the `sh` blocks that call the host, each comment starts one (its lines are its title).</summary>
    private static IEnumerable<Example> Examples(string markdown)
    {
        foreach (var block in Blocks(markdown).Where(b => b.Contains("localhost:5080/") && b.TrimStart().StartsWith('#')))
        {
            string? title = null;
            var script = new StringBuilder();
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("# ", StringComparison.Ordinal) && title is not null && script.Length == 0) title += " " + line[2..].Trim();
                else if (line.StartsWith("# ", StringComparison.Ordinal))
                {
                    if (title is not null) yield return new Example(title, script.ToString().Trim());
                    title = line[2..].Trim();
                    script.Clear();
                }
                else if (title is not null) script.AppendLine(line);
            }
            if (title is not null) yield return new Example(title, script.ToString().Trim());
        }
    }

    private static IEnumerable<string> Blocks(string markdown) =>
        Regex.Matches(markdown, @"^```(?:sh|bash)\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline).Select(m => m.Groups[1].Value.Trim());

    private async Task<string> BashAsync(string script)
    {
        var psi = new ProcessStartInfo("bash", ["-euo", "pipefail", "-s"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root,
        };
        using var process = Process.Start(psi)!;
        // The examples as written, sent to this test's host instead of the default address.
        await process.StandardInput.WriteAsync(script.Replace("localhost:5080", fresh.Address));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, await stderr + await stdout);
        return await stdout;
    }

    /// <summary>The host in a process of its own, on a data folder of its own: a fresh embedded cluster, demo data.</summary>
    public sealed class FreshHost : IAsyncLifetime
    {
        private readonly string _data = Path.Combine(Path.GetTempPath(), "vape-readme-" + Guid.NewGuid().ToString("N")[..8]);
        private HostProcess? _host;

        public string LogFile { get; } = Path.Combine(Repo.Root, "TestResults", "readme", "host.log");
        public string Address => new Uri(_host!.BaseUrl).Authority;

        public async Task InitializeAsync() =>
            _host = await HostProcess.StartAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Vape__DataPath"] = _data,
            }, LogFile);

        public async Task DisposeAsync()
        {
            if (_host is not null) await _host.DisposeAsync();
            try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
