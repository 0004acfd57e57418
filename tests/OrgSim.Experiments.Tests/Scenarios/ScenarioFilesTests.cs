using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>Every scenario shipped in scenarios/ loads, passes preflight and runs a few ticks.</summary>
public class ScenarioFilesTests
{
    public static TheoryData<string> Files() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Files))]
    public void ScenarioFile_LoadsAndRunsAFewTicks(string file)
    {
        LoadedScenario loaded = ScenarioLoader.Load(TestPaths.Scenario(file));
        Assert.Empty(Preflight.Check(loaded));
        Assert.StartsWith("#", File.ReadAllText(TestPaths.Scenario(file)), StringComparison.Ordinal);
        ScenarioSpec quick = loaded.Spec with { HorizonWeeks = 3, Replicates = 1 };
        MemoryRunStore result = TestRuns.InMemory(loaded with { Spec = quick, Points = [] }, threads: 2);
        Assert.Equal(quick.Arms.Count, result.Results.Count);
        Assert.All(result.Results, r => Assert.Equal(4, r.Series.RecordedTicks));
    }
}
