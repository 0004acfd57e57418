using System.Text.RegularExpressions;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>Every YAML example in the documentation is a valid scenario, so the docs cannot drift from the parser.</summary>
public partial class DocumentationExamplesTests
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (string file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md").Append(Path.Combine(TestPaths.RepoRoot, "README.md")).Order())
        {
            int index = 0;
            foreach (Match _ in YamlBlock().Matches(File.ReadAllText(file)))
            {
                data.Add(Path.GetRelativePath(TestPaths.RepoRoot, file), index++);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void YamlExample_IsAValidScenario(string file, int index)
    {
        string text = YamlBlock().Matches(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, file)))[index].Groups[1].Value;
        LoadedScenario loaded = ScenarioLoader.Parse(text, $"{file} example {index + 1}");
        Assert.Empty(Preflight.Check(loaded));
    }

    [Fact]
    public void Documentation_HasAtLeastOneYamlExample() => Assert.NotEmpty(Examples());

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
