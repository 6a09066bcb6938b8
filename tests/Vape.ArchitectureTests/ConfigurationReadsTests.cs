using System.Text.RegularExpressions;

namespace Vape.ArchitectureTests;

/// <summary>
/// Configuration is read through typed options validated at start (ADRs 0114, 0176): no inline read of a key
/// (`GetValue("Vape:…")`, `Configuration["…"]`, `GetConnectionString(…)`, `GetSection("…")`) is left in src.
/// </summary>
public sealed partial class ConfigurationReadsTests
{
    [Fact]
    public void No_source_file_reads_a_configuration_key_inline()
    {
        var src = Path.Combine(Repository.Root, "src");
        var reads = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => InlineRead().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(Repository.Root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        reads.ShouldBeEmpty("Read these keys through an options class (`AddOptions<T>().BindConfiguration(..)` or, before the container exists, `configuration.Bound<T>(..)`)");
    }

    [Theory]
    [InlineData("var x = configuration.GetValue<bool>(\"Vape:DemoData\");")]
    [InlineData("var x = builder.Configuration[\"Vape:WebRoot\"];")]
    [InlineData("var x = app.Configuration.GetValue(\"Vape:Database\", \"vape\");")]
    [InlineData("var x = builder.Configuration.GetConnectionString(\"Postgres\");")]
    [InlineData("var x = builder.Configuration.GetSection(\"Vape:Cors:Origins\").Get<string[]>();")]
    public void The_check_finds_each_kind_of_inline_read(string line) => InlineRead().IsMatch(line).ShouldBeTrue();

    [Theory]
    [InlineData("var x = node[\"id\"]!.GetValue<string>();")]
    [InlineData("var x = query.GetValueOrDefault(\"format\", \"exact\");")]
    [InlineData("services.AddOptions<T>().BindConfiguration(Section);")]
    public void The_check_leaves_other_reads_alone(string line) => InlineRead().IsMatch(line).ShouldBeFalse();

    [GeneratedRegex(@"\.GetValue(<[^>]+>)?\(""|[Cc]onfiguration\[""|GetConnectionString\(|GetSection\(""")]
    private static partial Regex InlineRead();
}
