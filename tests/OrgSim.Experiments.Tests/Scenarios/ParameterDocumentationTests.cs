using System.Globalization;
using System.Text.RegularExpressions;
using OrgSim.Core.Graph;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>docs/scenarios.md documents every key of <see cref="ParameterCatalogue"/> as the catalogue declares it, and no other parameter.</summary>
public partial class ParameterDocumentationTests
{
    /// <summary>Rows of the top-level table that are sections or are read by hand, not parameters of the catalogue.</summary>
    private static readonly string[] HandWritten = ["name", "description", "title", "question", "seed", "organisation", "model", "metrics", "arms", "sweep", "sensitivity", "calibration"];

    private static readonly Lazy<List<DocumentedKey>> Documented = new(Read);

    public static TheoryData<string> CataloguePaths() => [.. ParameterCatalogue.All.Select(p => p.Path)];

    [Theory]
    [MemberData(nameof(CataloguePaths))]
    public void CatalogueKey_IsDocumentedWithItsTypeUnitDefaultRangeAndMeaning(string path)
    {
        ParameterDefinition parameter = ParameterCatalogue.Find(path)!;
        DocumentedKey? row = Documented.Value.FirstOrDefault(d => d.Path == path);
        Assert.True(row is not null, $"{path} is in the parameter catalogue but not in docs/scenarios.md");
        Assert.Equal((parameter.Type, parameter.Unit, parameter.Range, parameter.Description), (row.Type, row.Unit, row.Range, row.Meaning));
        if (row.Number is { } number)
        {
            // A relationship's default comes from the TYPE table, as a number or a fraction such as 12/52.
            Assert.Equal(double.Parse(parameter.DefaultText, CultureInfo.InvariantCulture), number);
        }
        else
        {
            Assert.Equal(parameter.DefaultText, row.Default.Replace("`", string.Empty, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryDocumentedParameter_IsInTheCatalogue()
    {
        List<string> unknown = Documented.Value.Select(d => d.Path).Where(p => ParameterCatalogue.Find(p) is null && !HandWritten.Contains(p)).ToList();
        Assert.True(unknown.Count == 0, $"docs/scenarios.md documents keys the parameter catalogue does not declare: {string.Join(", ", unknown)}");
        Assert.Equal(Documented.Value.Count, Documented.Value.Select(d => d.Path).Distinct().Count());
        Assert.Contains(Documented.Value, d => d.Path == "model.relationships.skip_report.interactions_per_week");
    }

    /// <summary>The keys of the tables of the top level, model and metrics, relationship rows expanded over the TYPE table.</summary>
    private static List<DocumentedKey> Read()
    {
        string text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "scenarios.md")).ReplaceLineEndings("\n");
        var keys = new List<DocumentedKey>();
        foreach ((string heading, string prefix) in new[] { ("Top level", string.Empty), ("model", "model."), ("metrics", "metrics.") })
        {
            string section = Section(text, heading);
            List<string[]> types = Table(section, "TYPE");
            foreach (string[] row in Table(section, "key"))
            {
                string key = prefix + row[0].Trim('`');
                if (!key.Contains("TYPE", StringComparison.Ordinal))
                {
                    keys.Add(new DocumentedKey(key, row[1], row[2], row[3], row[4], row[5], null));
                    continue;
                }

                Assert.Equal("see table", row[3]);
                Assert.Equal(EdgeTypes.All.Select(EdgeTypes.Name).Order(), types.Select(t => t[0].Trim('`')).Order());
                int column = key.EndsWith(".weight", StringComparison.Ordinal) ? 2 : 3;
                keys.AddRange(types.Select(t => new DocumentedKey(key.Replace("TYPE", t[0].Trim('`'), StringComparison.Ordinal), row[1], row[2], row[3], row[4], row[5], Number(t[column]))));
            }
        }

        return keys;
    }

    private static string Section(string text, string heading)
    {
        int start = text.IndexOf($"\n## {heading}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/scenarios.md has no section '## {heading}'");
        int end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    /// <summary>The body rows of the table whose first header cell is <paramref name="firstHeader"/>, cells trimmed.</summary>
    private static List<string[]> Table(string section, string firstHeader)
    {
        string[] lines = section.Split('\n');
        int header = Array.FindIndex(lines, l => l.StartsWith($"| {firstHeader} |", StringComparison.Ordinal));
        if (header < 0)
        {
            return [];
        }

        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => CellSeparator().Split(l.Trim().Trim('|')).Select(c => c.Trim()).ToArray())
            .ToList();
    }

    /// <summary>The leading number of a cell such as <c>0.5 (fortnightly)</c> or <c>12/52 (monthly)</c>.</summary>
    private static double Number(string cell)
    {
        string[] parts = cell.Split(' ')[0].Split('/');
        double value = double.Parse(parts[0], CultureInfo.InvariantCulture);
        return parts.Length == 1 ? value : value / double.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    private sealed record DocumentedKey(string Path, string Type, string Unit, string Default, string Range, string Meaning, double? Number);
}
