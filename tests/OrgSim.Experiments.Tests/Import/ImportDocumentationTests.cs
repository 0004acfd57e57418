using System.Text.RegularExpressions;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Import;

/// <summary>
/// The organisation examples in docs/import.md load as written: each is put into a scenario in
/// the scenarios folder, where its relative file path points at the sample data, and loaded.
/// </summary>
public partial class ImportDocumentationTests
{
    private static string ImportDoc => Path.Combine(TestPaths.RepoRoot, "docs", "import.md");

    public static TheoryData<int> Examples() => [.. Enumerable.Range(0, OrganisationBlock().Count(File.ReadAllText(ImportDoc)))];

    [Fact]
    public void ImportDoc_HasAnOrganisationExample() => Assert.NotEmpty(Examples());

    [Theory]
    [MemberData(nameof(Examples))]
    public void OrganisationExample_LoadsFromTheScenariosFolder(int index)
    {
        string organisation = OrganisationBlock().Matches(File.ReadAllText(ImportDoc))[index].Groups[1].Value;
        string scenario = $$"""
            name: import-doc-example
            seed: 1
            horizon_weeks: 4
            replicates: 1

            {{organisation.TrimEnd()}}

            arms:
              - name: top-down
                seeding: {strategy: top-down, budget: 5}
            """;

        // A scenario file in scenarios/ (never written): paths in it are relative to that folder.
        string file = TestPaths.Scenario($"import-doc-example-{index + 1}.yaml");
        LoadedScenario loaded;
        try
        {
            loaded = ScenarioLoader.Parse(scenario, file);
        }
        catch (ScenarioException e)
        {
            Assert.Fail($"docs/import.md organisation example {index + 1} does not load:\n{string.Join("\n", e.Errors)}\n--- as a scenario:\n{scenario}");
            return;
        }

        Assert.Empty(Preflight.Check(loaded));
        Assert.True(loaded.Spec.Organisation.Hierarchy.Agents > 1, "the example imports an organisation");
    }

    /// <summary>A fenced block that starts with <c>organisation:</c>.</summary>
    [GeneratedRegex("```[a-z]*\n(organisation:\n.*?)```", RegexOptions.Singleline)]
    private static partial Regex OrganisationBlock();
}
