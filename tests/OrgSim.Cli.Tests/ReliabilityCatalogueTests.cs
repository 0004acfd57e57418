using System.Text.RegularExpressions;

namespace OrgSim.Cli.Tests;

/// <summary>docs/reliability.md is a promise: every case it lists names a test that exists.</summary>
public partial class ReliabilityCatalogueTests
{
    [Fact]
    public void EveryCaseOfTheCatalogue_NamesTestsThatExist_AndThereAreAtLeastSixty()
    {
        string root = CliHarness.RepoRoot;
        string tests = string.Join('\n', Directory.GetFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var rows = File.ReadLines(Path.Combine(root, "docs", "reliability.md"))
            .Where(l => l.StartsWith("| ", StringComparison.Ordinal) && !l.StartsWith("| Case", StringComparison.Ordinal))
            .ToList();
        var missing = new List<string>();
        foreach (string row in rows)
        {
            string testCell = CellSplit().Split(row.Trim().Trim('|'))[^1];
            var references = TestReference().Matches(testCell).Where(m => m.Groups[1].Value != "AtomicFile").ToList();
            if (references.Count == 0)
            {
                missing.Add($"no test named in: {row}");
            }

            foreach (Match m in references)
            {
                string type = m.Groups[1].Value, method = m.Groups[2].Value;
                if (!Regex.IsMatch(tests, $@"class {type}\b") || !Regex.IsMatch(tests, $@"(void|Task) {method}\("))
                {
                    missing.Add($"{type}.{method}");
                }
            }
        }

        Assert.True(rows.Count >= 60, $"the catalogue lists {rows.Count} cases");
        Assert.True(missing.Count == 0, "docs/reliability.md names tests that do not exist: " + string.Join(", ", missing));
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSplit();

    [GeneratedRegex(@"\b([A-Z]\w+Tests|AtomicFile)\.([A-Z]\w+)")]
    private static partial Regex TestReference();
}
