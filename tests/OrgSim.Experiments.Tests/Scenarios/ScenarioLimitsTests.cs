using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

public class ScenarioLimitsTests
{
    [Theory]
    [InlineData(1, 8, 2.0)]
    [InlineData(1_000, 8, 2.0)]
    [InlineData(1_001, 10, 0.5)]
    [InlineData(5_000, 3, 4.0)]
    public void DirectedEdges_MatchesWhatTheGeneratorBuilds(int agents, int span, double crossTeam)
    {
        var options = new HierarchyOptions { Agents = agents, Span = span, CrossTeamTiesPerAgent = crossTeam };
        var spec = new OrganisationSpec { Hierarchy = options };
        Assert.Equal(HierarchyGenerator.Generate(options, 3).EdgeCount, OrganisationFactory.DirectedEdges(spec));
    }

    [Theory]
    [InlineData("complete", 0.0)]
    [InlineData("ring", 6.0)]
    [InlineData("grid", 0.0)]
    [InlineData("erdos-renyi", 5.0)]
    [InlineData("watts-strogatz", 4.0)]
    [InlineData("barabasi-albert", 0.0)]
    public void DirectedEdges_MatchesEveryClassicNetwork(string generator, double degree)
    {
        var spec = new OrganisationSpec
        {
            Kind = ScenarioNames.Generators[generator],
            Hierarchy = new HierarchyOptions { Agents = 400 },
            Degree = degree,
            Attachments = 3,
        };
        Assert.Equal(OrganisationFactory.Build(spec, 5).EdgeCount, OrganisationFactory.DirectedEdges(spec));
    }

    [Fact]
    public void Check_LocatesAnOrganisationWithTooManyEdgesAtItsSpan()
    {
        LoadedScenario scenario = ScenarioLoader.Parse(
            "organisation:\n  agents: 20000000\n  span: 1000\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", "big.yaml");
        ScenarioError error = Assert.Single(ScenarioLimits.Check(scenario));
        Assert.Equal(3, error.Line);
        Assert.Contains("at most 2,147,483,591 fit", error.Message, StringComparison.Ordinal);
        Assert.Contains("hierarchy of 20,000,000 agents", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CountsACompleteNetworksEdgesInLongAndRefusesOnlyPastTheLargest()
    {
        const string Arm = "\narms: [{name: a, seeding: {strategy: random, budget: 1}}]";
        Assert.Empty(ScenarioLimits.Check(ScenarioLoader.Parse("organisation: {generator: complete, agents: 46341}" + Arm, "c.yaml")));
        ScenarioError error = Assert.Single(ScenarioLimits.Check(ScenarioLoader.Parse("organisation: {generator: complete, agents: 46342}" + Arm, "c.yaml")));
        Assert.Equal(
            "c.yaml:1:45: organisation: a complete network has at most 46,341 agents; 46,342 agents make n(n − 1) = 2,147,534,622 directed edges, " +
            "more than the 2,147,483,647 it counts (it stores none of them); lower agents to at most 46,341",
            error.ToString());
    }

    [Fact]
    public void Check_LocatesResultsTooLargeForMemoryAtReplicates()
    {
        LoadedScenario scenario = ScenarioLoader.Parse(
            "horizon_weeks: 5200\nreplicates: 100000\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", "long.yaml");
        ScenarioError error = Assert.Single(ScenarioLimits.Check(scenario));
        Assert.Equal(2, error.Line);
        Assert.Contains("lower replicates or horizon_weeks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AcceptsTheQuickstart() =>
        Assert.Empty(ScenarioLimits.Check(ScenarioLoader.Load(TestPaths.Scenario("quickstart.yaml"))));

    private const string TwoArms = "arms:\n  - {name: a, seeding: {strategy: random, budget: 1}}\n  - {name: b, seeding: {strategy: random, budget: 1}}\n";

    /// <summary>A grid axis of <paramref name="count"/> transmissions, each in range.</summary>
    private static string Transmissions(int count) =>
        "[" + string.Join(", ", Enumerable.Range(0, count).Select(i => (i / (double)count).ToString("0.#####", System.Globalization.CultureInfo.InvariantCulture))) + "]";

    [Fact]
    public void Parse_RefusesMoreRunsThanTheLimitAtTheReplicates()
    {
        // Each value is in range, but the plan of 200 million runs ran out of memory.
        string text = $"name: many\nreplicates: 100_000\norganisation: {{agents: 10}}\nsweep:\n  grid:\n    model.transmission: {Transmissions(1_000)}\n{TwoArms}";
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "many.yaml")).Errors);
        Assert.Equal(
            "many.yaml:2:13: 1,000 points × 2 arms × 100,000 replicates = 200,000,000 runs; at most 10,000,000 runs are allowed, so lower replicates or split the sweep into several scenarios",
            error.ToString());
    }

    [Fact]
    public void Parse_CountsTheRunsOfAScenarioWithoutASweep()
    {
        string arms = "arms:\n" + string.Concat(Enumerable.Range(0, 101).Select(i => $"  - {{name: a{i}, seeding: {{strategy: random, budget: 1}}}}\n"));
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse($"replicates: 100000\n{arms}", "arms.yaml")).Errors);
        Assert.Equal(
            "arms.yaml:1:13: 1 point × 101 arms × 100,000 replicates = 10,100,000 runs; at most 10,000,000 runs are allowed, so lower replicates or split the sweep into several scenarios",
            error.ToString());
    }

    [Fact]
    public void Parse_AllowsExactlyTheLimit()
    {
        string text = $"replicates: 100000\norganisation: {{agents: 10}}\nsweep:\n  grid:\n    model.transmission: {Transmissions(50)}\n{TwoArms}";
        Assert.Equal(50, ScenarioLoader.Parse(text, "limit.yaml").Points.Count);
    }

    [Fact]
    public void Parse_ChecksTheRunsAfterTheSetsThatChangeTheSweepOrTheReplicates()
    {
        ScenarioOverride[] sets =
        [
            ScenarioOverride.FromSet("sweep.grid.model.transmission=" + Transmissions(1_000)).Override!,
            ScenarioOverride.FromSet("replicates=100000").Override!,
        ];
        var error = Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("organisation: {agents: 10}\n" + TwoArms, "small.yaml", sets)).Errors);
        Assert.Equal(
            "small.yaml: --set replicates=100000: 1,000 points × 2 arms × 100,000 replicates = 200,000,000 runs; at most 10,000,000 runs are allowed, so lower replicates or split the sweep into several scenarios",
            error.ToString());
    }

    [Fact]
    public void EveryBundledScenarioIsFarBelowTheRunLimit()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "scenarios"), "*.yaml"))
        {
            LoadedScenario loaded = ScenarioLoader.Load(file);
            long runs = (long)loaded.PointsOrBase.Count * loaded.Spec.Arms.Count * loaded.Spec.Replicates;
            Assert.True(runs * 100 <= 10_000_000, $"{file} has {runs:N0} runs");
        }
    }

    [Fact]
    public void TheLimitsTableOfTheDocsGivesEveryLimitAsDeclared()
    {
        string docs = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "scenarios.md")).ReplaceLineEndings("\n");
        string table = docs[docs.IndexOf("## Limits", StringComparison.Ordinal)..docs.IndexOf("## Example", StringComparison.Ordinal)];
        string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1L << 20, ScenarioLimits.MaxScenarioBytes);
        Assert.Equal(64L << 20, ScenarioLimits.MaxRunJsonBytes);
        Assert.Equal(1L << 30, ScenarioLimits.MaxImportBytes);
        string[] rows =
        [
            "| scenario file | 1 MiB,",
            "| `run.json` read back | 64 MiB,",
            "| HR export or edge list | 1 GiB,",
            $"| nesting of lists and mappings | {ScenarioLimits.MaxNesting} levels |",
            $"add at most {N(ScenarioLimits.MaxAliasValues)} values when written out",
            $"| one sweep value | {N(ScenarioLimits.MaxSweepValueSize)} values |",
            $"| key path (`--set`, sweep) | {ScenarioLimits.MaxNesting} keys |",
            $"| sweep points | {N(SweepReader.MaxPoints)} |",
            $"| runs: points × arms × replicates | {N(ScenarioLimits.MaxRuns)} |",
            $"| `name` | {ScenarioLimits.MaxNameLength} characters |",
        ];
        Assert.All(rows, row => Assert.Contains(row, table, StringComparison.Ordinal));
        Assert.Contains("of at most 1 GiB", File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "import.md")), StringComparison.Ordinal);
    }
}
