using System.Text.Json;
using OrgSim.Core.Graph;

namespace OrgSim.Cli.Tests;

/// <summary>
/// <c>orgsim bench</c> on small networks. No test asserts on a timing beyond "positive and finite":
/// the numbers belong to the machine, the shape of the output to orgsim.
/// </summary>
public class BenchCommandTests
{
    private static readonly string[] Phases = ["early", "mid", "late"];

    [Fact]
    public void Bench_Json_IsOneObjectWithEveryKey_ForTheNetworkAsked()
    {
        var (code, stdout, stderr) = CliHarness.Run("bench", "--agents", "2000", "--network", "erdos-renyi", "--degree", "10", "--threads", "1", "--json");

        Assert.True(code == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout); // The whole of standard output: one JSON value, nothing else.
        JsonElement root = json.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(2000, root.GetProperty("agents").GetInt32());
        Assert.Equal(20_000, root.GetProperty("edges").GetInt64()); // G(n, m): 2,000 × 10 / 2 ties, each two directed edges.
        Assert.Equal(1, root.GetProperty("threads").GetInt32());
        Assert.Equal("full", root.GetProperty("model").GetString());
        Assert.Equal("general", root.GetProperty("engine").GetString());
        Assert.Equal("erdos-renyi", root.GetProperty("network").GetString());
        Assert.Equal(10, root.GetProperty("degree").GetDouble());
        foreach (string phase in Phases)
        {
            AssertPositiveAndFinite(root.GetProperty("ms_per_tick").GetProperty(phase));
        }

        AssertPositiveAndFinite(root.GetProperty("edge_visits_per_second"));
        AssertPositiveAndFinite(root.GetProperty("bytes_per_agent"));
        Assert.Equal(5, root.GetProperty("bytes_per_edge").GetDouble()); // 4 B target + 1 B type; an Erdős–Rényi network stores no weights.
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("orgsim_version").GetString()));
        Assert.Equal("consecutive weeks", root.GetProperty("phase_ticks").GetString()); // Learning spreads over dozens of weeks.
        JsonElement mid = root.GetProperty("phases").GetProperty("mid");
        Assert.Equal(mid.GetProperty("first_week").GetInt32() + 4, mid.GetProperty("last_week").GetInt32());
        Assert.Contains("done after", stderr, StringComparison.Ordinal); // Progress goes to standard error.
    }

    [Fact]
    public void Bench_Json_Classic_OnTheHierarchy_CountsTheGraphsEdges_AndOrdersThePhases()
    {
        var (code, stdout, stderr) = CliHarness.Run("bench", "--agents", "2000", "--model", "classic", "--json");

        Assert.True(code == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement root = json.RootElement;
        OrgGraph graph = HierarchyGenerator.Generate(new HierarchyOptions { Agents = 2000, Span = 8, CrossTeamTiesPerAgent = 2 }, 42);
        Assert.Equal(graph.EdgeCount, root.GetProperty("edges").GetInt64());
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("threads").GetInt32()); // The default: all cores.
        Assert.Equal("classic", root.GetProperty("model").GetString());
        Assert.Equal("classic kernel", root.GetProperty("engine").GetString()); // Every relationship at weight 1: every agent's bar is a count.
        Assert.Equal(JsonValueKind.Null, root.GetProperty("degree").ValueKind);
        Assert.Equal(0.05, root.GetProperty("seeded_share").GetDouble(), 12); // 100 of 2,000 agents at stage 3 in all four competencies.

        // A threshold cascade is over in a few weeks: each phase is one week, timed in the run and 4 replays.
        Assert.Equal("replays", root.GetProperty("phase_ticks").GetString());
        JsonElement phases = root.GetProperty("phases");
        int early = phases.GetProperty("early").GetProperty("first_week").GetInt32();
        int mid = phases.GetProperty("mid").GetProperty("first_week").GetInt32();
        int late = phases.GetProperty("late").GetProperty("first_week").GetInt32();
        Assert.True(early == 1 && early < mid && mid < late, $"phases start at weeks {early}, {mid}, {late}");
        foreach (string phase in Phases)
        {
            JsonElement p = phases.GetProperty(phase);
            Assert.Equal(p.GetProperty("first_week").GetInt32(), p.GetProperty("last_week").GetInt32());
            Assert.Equal(5, p.GetProperty("tick_ms").GetArrayLength());
            Assert.Equal(1.0, p.GetProperty("stage_shares").EnumerateArray().Sum(s => s.GetDouble()), 9);
        }

        // Each phase starts from the state its definition names: the seeds, half and nine tenths of what the spread added.
        double seeded = root.GetProperty("seeded_share").GetDouble(), gain = root.GetProperty("final_share").GetDouble() - seeded;
        Assert.True(gain > 0, "the cascade spread");
        Assert.Equal(seeded, phases.GetProperty("early").GetProperty("competent_share").GetDouble());
        Assert.InRange(phases.GetProperty("mid").GetProperty("competent_share").GetDouble(), seeded + (0.5 * gain), 1);
        Assert.InRange(phases.GetProperty("late").GetProperty("competent_share").GetDouble(), seeded + (0.9 * gain), 1);
    }

    [Fact]
    public void Bench_Json_Classic_ReplaysPassThroughTheSameStatesAsTheRun()
    {
        // A sparse random network leaves a few agents without contacts, so the cascade ends in quiescence,
        // four quiet weeks after its last adoption: the run goes on past the late phase the replays stop at.
        var (code, stdout, stderr) = CliHarness.Run("bench", "--agents", "2000", "--network", "erdos-renyi", "--degree", "4", "--model", "classic", "--json");

        Assert.True(code == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        JsonElement root = json.RootElement;
        Assert.Equal("replays", root.GetProperty("phase_ticks").GetString());
        Assert.Equal("quiescent", root.GetProperty("end").GetString());
        Assert.True(root.GetProperty("phases").GetProperty("late").GetProperty("first_week").GetInt32() < root.GetProperty("weeks").GetInt32());
        Assert.DoesNotContain(root.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("replay", StringComparison.Ordinal));
    }

    [Fact]
    public void Bench_Json_SaysWhetherTheBuildIsOptimised()
    {
#if DEBUG
        const bool release = false;
#else
        const bool release = true;
#endif
        var (code, stdout, stderr) = CliHarness.Run("bench", "--agents", "1000", "--network", "erdos-renyi", "--degree", "4", "--model", "classic", "--json");

        Assert.True(code == ExitCodes.Success, stderr);
        using JsonDocument json = JsonDocument.Parse(stdout);
        Assert.Equal(release, json.RootElement.GetProperty("machine").GetProperty("release_build").GetBoolean());
        Assert.Equal(release, !stderr.Contains("DEBUG BUILD", StringComparison.Ordinal));
    }

    [Fact]
    public void Bench_Text_ShowsThePhasesTheMemoryAndTheMachine()
    {
        var (code, stdout, stderr) = CliHarness.Run("bench", "--agents", "2000", "--threads", "1");

        Assert.True(code == ExitCodes.Success, stderr);
        Assert.DoesNotContain("{", stdout, StringComparison.Ordinal);
        foreach (string expected in new[] { "Time per tick: median of 5 weeks per phase", "early", "mid", "late", "ms per tick", "edge visits per second", "Memory kept", "bytes per agent / per directed edge", "Machine" })
        {
            Assert.Contains(expected, stdout, StringComparison.Ordinal);
        }

        Assert.Matches($@"cores\s*│\s*{Environment.ProcessorCount}\s", stdout.Replace('|', '│'));
    }

    [Theory]
    [InlineData(new[] { "--agents", "999" }, 1, "orgsim: --agents is 999; give a whole number from 1,000 to 50,000,000")]
    [InlineData(new[] { "--agents", "50000001", "--network", "erdos-renyi" }, 1, "orgsim: --agents is 50,000,001; give a whole number from 1,000 to 50,000,000")]
    [InlineData(new[] { "--agents", "99999999999" }, 1, "orgsim: --agents is 99999999999, out of range; give a whole number from 1,000 to 50,000,000, e.g. 1000000")]
    [InlineData(new[] { "--agents=-5000000000" }, 1, "orgsim: --agents is -5000000000, out of range; give a whole number from 1,000 to 50,000,000")]
    [InlineData(new[] { "--agents", "30000000" }, 1, "orgsim: --agents is 30,000,000; the hierarchy has at most 20,000,000 agents")]
    [InlineData(new[] { "--agents", "many" }, 2, "orgsim: the value of --agents is not a whole number from 1,000 to 50,000,000")]
    [InlineData(new[] { "--agents", "1.5" }, 2, "orgsim: the value of --agents is not a whole number from 1,000 to 50,000,000")]
    [InlineData(new[] { "--model", "fancy" }, 1, "orgsim: --model is 'fancy'; use full or classic")]
    [InlineData(new[] { "--model", "clasic" }, 1, "orgsim: --model is 'clasic'; use full or classic (did you mean 'classic'?)")]
    [InlineData(new[] { "--network", "grid" }, 1, "orgsim: --network is 'grid'; use hierarchy or erdos-renyi")]
    [InlineData(new[] { "--threads", "0" }, 1, "orgsim: --threads is 0; give a whole number from 1 to 256")]
    [InlineData(new[] { "--threads", "257" }, 1, "orgsim: --threads is 257; give a whole number from 1 to 256")]
    [InlineData(new[] { "--degree", "10" }, 1, "orgsim: --degree is for --network erdos-renyi; the hierarchy's ties come from its shape")]
    [InlineData(new[] { "--agents", "2000", "--network", "erdos-renyi", "--degree", "0" }, 1, "orgsim: --degree is 0; give a mean degree above 0 and at most 1,999 (--agents − 1)")]
    [InlineData(new[] { "--agents", "2000", "--network", "erdos-renyi", "--degree", "2000" }, 1, "orgsim: --degree is 2000; give a mean degree above 0 and at most 1,999")]
    [InlineData(new[] { "--agents", "2000", "--network", "erdos-renyi", "--degree", "1e400" }, 1, "orgsim: --degree is out of range; give a mean degree above 0 and at most 1,999 (--agents − 1), e.g. 10")]
    [InlineData(new[] { "--agents", "2000", "--network", "erdos-renyi", "--degree", "NaN" }, 1, "orgsim: --degree is not a number; give a mean degree above 0 and at most 1,999")]
    [InlineData(new[] { "--agents", "50000000", "--network", "erdos-renyi", "--degree", "100" }, 1, "orgsim: --agents × --degree is 5,000,000,000 directed edges; a network holds at most")]
    [InlineData(new[] { "--model" }, 2, "orgsim: --model needs a value: full or classic")]
    [InlineData(new[] { "--network", "--json" }, 2, "orgsim: --network needs a value: hierarchy or erdos-renyi")]
    [InlineData(new[] { "--degree" }, 2, "orgsim: --degree needs a value: a mean degree above 0 and below --agents, e.g. 10")]
    [InlineData(new[] { "--agents" }, 2, "orgsim: --agents needs a value: a whole number from 1,000 to 50,000,000, e.g. 1000000")]
    [InlineData(new[] { "2000" }, 2, "orgsim bench: takes only options, but '2000' is not one; see 'orgsim bench --help'")]
    public void Bench_BadOptions_GiveOneLineNamingTheOption_AndExitAsOtherCommandsDo(string[] options, int exitCode, string expected)
    {
        var (code, stdout, stderr) = CliHarness.Run(["bench", .. options]);

        // As for every command: a value out of range is bad input (1); a command line that cannot be read, a usage error (2).
        Assert.Equal(exitCode == 1 ? ExitCodes.BadInput : ExitCodes.BadUsage, code);
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Empty(stdout);
    }

    [Fact]
    public void Bench_Help_ListsItsOptions_AndTheCommandListShowsBench()
    {
        var (code, stdout, _) = CliHarness.Run("bench", "--help");
        Assert.Equal(ExitCodes.Success, code);
        foreach (string option in new[] { "--agents", "--model", "--network", "--degree", "--threads", "--json" })
        {
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        }

        var (listed, commands, _) = CliHarness.Run("--help");
        Assert.Equal(ExitCodes.Success, listed);
        Assert.Matches(@"(?m)^\s*bench\s+Measure this machine", commands);
    }

    [Theory]
    [InlineData("hierarchy")]
    [InlineData("erdos-renyi")]
    public void Bench_Cancelled_ExitsAsCancelled_AndPrintsNoResult(string network)
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = OrgSimCli.Run(["bench", "--agents", "2000", "--network", network, "--json"], stdout, stderr, cancellation.Token);

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.EndsWith("orgsim: cancelled; nothing was measured in full", stderr.ToString().TrimEnd(), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }

    private static void AssertPositiveAndFinite(JsonElement value)
    {
        double number = value.GetDouble();
        Assert.True(number > 0 && double.IsFinite(number), $"{value} should be positive and finite");
    }
}
