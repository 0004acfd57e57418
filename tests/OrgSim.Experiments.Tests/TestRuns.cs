using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests;

/// <summary>Runs scenarios for tests through the production path: <see cref="RunScheduler"/> into memory, or <see cref="RunJob"/> into a folder.</summary>
internal static class TestRuns
{
    /// <summary>Every run of <paramref name="spec"/> (a single point), in memory.</summary>
    public static MemoryRunStore InMemory(ScenarioSpec spec, int threads) =>
        InMemory(new LoadedScenario(spec, "test.yaml", string.Empty, new Dictionary<string, (int, int)>()), threads);

    /// <summary>Every run of <paramref name="scenario"/>, every point, in memory.</summary>
    public static MemoryRunStore InMemory(LoadedScenario scenario, int threads)
    {
        var store = new MemoryRunStore();
        RunScheduler.Execute(RunPlan.For(scenario, ShardSpec.All), store, threads);
        return store;
    }

    private static readonly Dictionary<string, string> Files = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs the scenario text as <c>orgsim run</c> does into a new folder and returns the folder. The
    /// same text is always the same file, so that two runs of it name the same file in <c>run.json</c>.
    /// </summary>
    public static string InFolder(string scenarioText, int threads = 2, bool report = false, params string[] sets)
    {
        string file = ScenarioFile(scenarioText);
        string folder = Path.Combine(TestPaths.TempDirectory(), "out");
        RunOutcome outcome = RunJob.Execute(new RunRequest { Scenario = new ScenarioInput(file, sets), Out = folder, Threads = threads, NoReport = !report }, new RunListener());
        Assert.True(outcome.Status == JobStatus.Success, string.Join('\n', outcome.Errors));
        return folder;
    }

    /// <summary>The file that holds <paramref name="scenarioText"/>, written once per test process.</summary>
    public static string ScenarioFile(string scenarioText)
    {
        lock (Files)
        {
            if (!Files.TryGetValue(scenarioText, out string? file))
            {
                file = Path.Combine(TestPaths.TempDirectory(), "scenario.yaml");
                File.WriteAllText(file, scenarioText);
                Files[scenarioText] = file;
            }

            return file;
        }
    }
}
