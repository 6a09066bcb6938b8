using System.Text.RegularExpressions;
using Vape.Tests.Support;

namespace Vape.Tests.Guide;

/// <summary>
/// The README and docs/ stay a guide one can follow: every relative link reaches a file (and its heading, when it
/// names one), and the ADR index lists every ADR file.
/// </summary>
public sealed class DocsLinksTests
{
    private static IEnumerable<string> Pages() =>
        new[] { Path.Combine(Repo.Root, "README.md") }.Concat(Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs"), "*.md", SearchOption.AllDirectories));

    [Fact]
    public void Every_relative_link_of_the_README_and_docs_reaches_its_file_and_heading()
    {
        var broken = new List<string>();
        foreach (var page in Pages())
        {
            var text = Regex.Replace(File.ReadAllText(page), @"^```.*?^```", "", RegexOptions.Multiline | RegexOptions.Singleline);
            foreach (Match link in Regex.Matches(text, @"\]\(([^)\s]+)\)"))
            {
                var target = link.Groups[1].Value;
                if (Regex.IsMatch(target, "^[a-z]+:")) continue;
                var hash = target.IndexOf('#');
                var path = hash < 0 ? target : target[..hash];
                var file = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, path));
                var name = Path.GetRelativePath(Repo.Root, page);
                if (!File.Exists(file) && !Directory.Exists(file)) broken.Add($"{name}: {target} (no such file)");
                else if (hash >= 0 && file.EndsWith(".md", StringComparison.Ordinal) && !Anchors(file).Contains(target[(hash + 1)..]))
                    broken.Add($"{name}: {target} (no such heading)");
            }
        }
        broken.ShouldBeEmpty(string.Join('\n', broken));
    }

    [Fact]
    public void The_ADR_index_lists_every_ADR()
    {
        var index = File.ReadAllText(Path.Combine(Repo.Root, "docs/adr/README.md"));
        var missing = Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs/adr"), "0*.md").Select(Path.GetFileName)
            .Where(f => !index.Contains($"]({f})")).ToList();
        missing.ShouldBeEmpty(string.Join('\n', missing));
    }

    /// <summary>GitHub's anchors: the heading in lower case, without punctuation, spaces as dashes.</summary>
    private static HashSet<string> Anchors(string file) =>
        Regex.Matches(File.ReadAllText(file), @"^#+ (.+)$", RegexOptions.Multiline)
            .Select(m => Regex.Replace(m.Groups[1].Value.Trim().ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", "").Replace(' ', '-')).ToHashSet();
}
