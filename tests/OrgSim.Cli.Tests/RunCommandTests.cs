namespace OrgSim.Cli.Tests;

public class RunCommandTests
{
    private static readonly string Quickstart = Path.Combine(CliHarness.RepoRoot, "scenarios", "quickstart.yaml");

    private const string Small = """
        name: small
        horizon_weeks: 20
        replicates: 3
        organisation: {agents: 200}
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 10}
          - name: bottom-up
            seeding: {strategy: bottom-up-teams, budget: 10}
        """;

    [Fact]
    [Trait("Category", "Slow")] // 3 s: the whole quickstart, report included.
    public void Run_OnTheQuickstartWritesEveryFileWithTheDocumentedHeaders()
    {
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        var (code, stdout, stderr) = CliHarness.Run("run", Quickstart, "--out", outDir);

        Assert.True(code == 0, stderr);
        Assert.Equal(
            "point,arm,replicate,tick,competency,unconscious_incompetence,conscious_incompetence,conscious_competence,unconscious_competence",
            File.ReadLines(Path.Combine(outDir, "timeseries.csv")).First());
        Assert.Equal("point,arm,metric,mean,ci_low,ci_high,n", File.ReadLines(Path.Combine(outDir, "summary.csv")).First());
        Assert.Equal("point,arm,reference_arm,metric,difference,ci_low,ci_high,n,arm_reached,reference_reached,bound", File.ReadLines(Path.Combine(outDir, "contrasts.csv")).First());
        Assert.StartsWith("point,arm,replicate,seed,competent_share_final,", File.ReadLines(Path.Combine(outDir, "runs.csv")).First(), StringComparison.Ordinal);
        Assert.Equal(1 + (2 * 20), File.ReadLines(Path.Combine(outDir, "runs.csv")).Count());
        Assert.Equal(1 + (2 * 20 * 105 * 4), File.ReadLines(Path.Combine(outDir, "timeseries.csv")).Count());
        Assert.Equal(
            "point,arm,replicate,tick,competent_agents,effectiveness_agent_mean,effectiveness_team_mean,front_mean,front_max,cohort_competent_share",
            File.ReadLines(Path.Combine(outDir, "outcomes.csv")).First());
        Assert.Equal(1 + (2 * 20 * 105), File.ReadLines(Path.Combine(outDir, "outcomes.csv")).Count());
        Assert.Equal("point,arm,replicate,tick,level,agents,competent_share", File.ReadLines(Path.Combine(outDir, "levels.csv")).First());
        string manifest = File.ReadAllText(Path.Combine(outDir, "run.json"));
        Assert.Contains("\"sha256\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"seed\": 20261122", manifest, StringComparison.Ordinal);
        Assert.Contains("top-down", stdout, StringComparison.Ordinal);
        Assert.Contains("bottom-up", stdout, StringComparison.Ordinal);
        Assert.Equal([".orgsim-lock", "contrasts.csv", "levels.csv", "orgchart.json", "outcomes.csv", "report.html", "run.json", "runs.csv", "summary.csv", "timeseries.csv"], Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait("Category", "Slow")] // 3 s: the whole quickstart, report included.
    public void Run_OnTheQuickstartShowsTopDownAndBottomUpCurvesThatDiffer()
    {
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        Assert.Equal(0, CliHarness.Run("run", Quickstart, "--out", outDir).ExitCode);
        var final = File.ReadLines(Path.Combine(outDir, "summary.csv"))
            .Select(l => l.Split(','))
            .Where(f => f[2] == "competent_share_final")
            .ToDictionary(f => f[1], f => (Low: double.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), High: double.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture)));
        bool disjoint = final["top-down"].Low > final["bottom-up"].High || final["bottom-up"].Low > final["top-down"].High;
        Assert.True(disjoint, "the 95% intervals of the two arms' final competent share should not overlap");
    }

    [Fact]
    public void Run_WritesByteIdenticalFilesForOneAndFourThreads()
    {
        string scenario = CliHarness.WriteScenario(Small);
        string one = Path.Combine(CliHarness.TempDirectory(), "one"), four = Path.Combine(CliHarness.TempDirectory(), "four");
        Assert.Equal(0, CliHarness.Run("run", scenario, "--out", one, "--threads", "1").ExitCode);
        Assert.Equal(0, CliHarness.Run("run", scenario, "--out", four, "--threads", "4").ExitCode);
        foreach (string file in new[] { "timeseries.csv", "summary.csv", "run.json" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(one, file)), File.ReadAllBytes(Path.Combine(four, file)));
        }
    }

    [Fact]
    public void Run_WithTheSameSeedIsIdenticalAndWithAnotherDiffers()
    {
        string scenario = CliHarness.WriteScenario(Small);
        string a = Path.Combine(CliHarness.TempDirectory(), "a"), b = Path.Combine(CliHarness.TempDirectory(), "b"), c = Path.Combine(CliHarness.TempDirectory(), "c");
        Assert.Equal(0, CliHarness.Run("run", scenario, "--out", a, "--seed", "9").ExitCode);
        Assert.Equal(0, CliHarness.Run("run", scenario, "--out", b, "--seed", "9").ExitCode);
        Assert.Equal(0, CliHarness.Run("run", scenario, "--out", c, "--seed", "10").ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "timeseries.csv")), File.ReadAllBytes(Path.Combine(b, "timeseries.csv")));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "timeseries.csv")), File.ReadAllBytes(Path.Combine(c, "timeseries.csv")));
        Assert.Contains("\"seed\": 9", File.ReadAllText(Path.Combine(a, "run.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ReplicatesOverrideChangesTheNumberOfRuns()
    {
        string scenario = CliHarness.WriteScenario(Small);
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        Assert.Equal(0, CliHarness.Run("run", scenario, "--out", outDir, "--replicates", "2").ExitCode);
        Assert.Equal(1 + (2 * 2 * 21 * 4), File.ReadLines(Path.Combine(outDir, "timeseries.csv")).Count());
    }

    public static TheoryData<string, string> BadScenarios() => new()
    {
        { "name: x\n  broken: [", ":2:" },
        { Small.Replace("agents: 200", "agnets: 200", StringComparison.Ordinal), "unknown key 'agnets' in organisation; did you mean 'agents'?" },
        { Small.Replace("horizon_weeks: 20", "horizon_weeks: -4", StringComparison.Ordinal), "horizon_weeks is -4; must be in range [1, 5,200]" },
        { Small.Replace("budget: 10}\n  - name: bottom-up", "budget: 500}\n  - name: bottom-up", StringComparison.Ordinal), "lower the budget to at most 200" },
        { Small.Replace("  - name: top-down", "\t- name: top-down", StringComparison.Ordinal), ":6:1: is indented with a tab; YAML needs spaces" },
        { "replicates: 2\n" + Small, ":4:1: replicates is given twice in the same mapping; keep one" },
        { "name: x\narms:\n  top-down: {seeding: {strategy: top-down, budget: 1}}", "arms should be a list of arms" },
        { Small.Replace("budget: 10}\n  - name: bottom-up", "budget: 10, stage: 0}\n  - name: bottom-up", StringComparison.Ordinal), "arms[0].seeding.stage is '0'" },
        { Small.Replace("replicates: 3", "replicates: 100000\nhorizon_weeks: 5200", StringComparison.Ordinal).Replace("horizon_weeks: 20\n", string.Empty, StringComparison.Ordinal), "GB of memory" },
        { "organisation: {agents: 20000000, span: 1000}\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", "directed edges; at most 2,147,483,591 fit" },
        { "organisation: {generator: complete, agents: 46342}\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", ":1:45: organisation: a complete network has at most 46,341 agents" },
        { "organisation: {generator: complete, agents: 200, overlays: {coaches: {count: 2}}}\narms: [{name: a, seeding: {strategy: random, budget: 1}}]", ":1:50: organisation.overlays do not apply to generator complete" },
    };

    [Theory]
    [MemberData(nameof(BadScenarios))]
    public void Run_OnBadInputExitsNonZeroWithOneLocatedLineAndWritesNothing(string text, string expected)
    {
        string scenario = CliHarness.WriteScenario(text);
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        var (code, stdout, stderr) = CliHarness.Run("run", scenario, "--out", outDir);

        Assert.Equal(ExitCodes.BadInput, code);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(scenario + ":", line, StringComparison.Ordinal);
        Assert.Matches(@"^.+:\d+:\d+: ", line);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
        Assert.False(Directory.Exists(outDir), "no output folder may be created for bad input");
    }

    [Fact]
    public void Run_OnAFolderOrAnEmptyOrUtf16FileSaysWhatToDo()
    {
        string folder = CliHarness.TempDirectory();
        string empty = CliHarness.WriteScenario(string.Empty);
        string utf16 = Path.Combine(CliHarness.TempDirectory(), "utf16.yaml");
        File.WriteAllText(utf16, Small, System.Text.Encoding.Unicode);
        foreach (var (file, expected) in new[] { (folder, "is a folder"), (empty, "is empty"), (utf16, "save it as UTF-8") })
        {
            var (code, _, stderr) = CliHarness.Run("run", file, "--out", Path.Combine(CliHarness.TempDirectory(), "o"));
            Assert.Equal(ExitCodes.BadInput, code);
            string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith(file + ": ", line, StringComparison.Ordinal);
            Assert.Contains(expected, line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "run", "SCENARIO", "--replicates", "abc" }, "orgsim: the value of --replicates is not a whole number from 1 to 100000")]
    [InlineData(new[] { "run", "SCENARIO", "--seed", "1.5" }, "orgsim: the value of --seed is not a whole number from 0 to 18446744073709551615")]
    [InlineData(new[] { "run", "SCENARIO", "--out" }, "orgsim: --out needs a value: a folder (run) or a file (graph)")]
    [InlineData(new[] { "run" }, "orgsim run: the scenario file is missing; e.g. 'orgsim run scenarios/quickstart.yaml'")]
    [InlineData(new string[0], "orgsim: no command given; run a scenario with 'orgsim run SCENARIO.yaml' (see 'orgsim --help')")]
    [InlineData(new[] { "walk", "SCENARIO" }, "orgsim: unknown command 'walk'; the commands are run, sensitivity, validate, init, graph, merge, plot, deck, bench, tipping and calibrate, e.g. 'orgsim run scenarios/quickstart.yaml'")]
    public void Run_WithAMalformedCommandLinePrintsOneLineAndExitsTwo(string[] args, string expected)
    {
        string scenario = CliHarness.WriteScenario(Small);
        var (code, stdout, stderr) = CliHarness.Run(args.Select(a => a == "SCENARIO" ? scenario : a).ToArray());
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal(expected, stderr.TrimEnd('\n'));
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public void Run_WithAnEmptyOutIsRejectedBeforeRunning()
    {
        var (code, stdout, stderr) = CliHarness.Run("run", CliHarness.WriteScenario(Small), "--out", "");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("orgsim: --out is empty; name a folder, e.g. --out results/my-run", stderr.TrimEnd('\n'));
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public void Help_GoesToStandardOutputAndExitsZero()
    {
        var (code, stdout, stderr) = CliHarness.Run("run", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--replicates", stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void Run_WithOneReplicate_SaysReplicateInTheSingular_AndPromisesNoInterval()
    {
        string scenario = CliHarness.WriteScenario(Small);
        var (code, stdout, stderr) = CliHarness.Run("run", scenario, "--out", Path.Combine(CliHarness.TempDirectory(), "o"), "--replicates", "1", "--no-report");

        Assert.True(code == 0, stderr);
        Assert.Contains("2 arms x 1 replicate, 20 weeks", stdout, StringComparison.Ordinal);
        Assert.Contains("one run, so no 95% CI, 1 replicate;", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("1 replicates", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[95% CI]", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OfOneRun_CountsItInTheSingular()
    {
        string scenario = CliHarness.WriteScenario(Small[..Small.IndexOf("  - name: bottom-up", StringComparison.Ordinal)]);
        var (code, stdout, stderr) = CliHarness.Run("run", scenario, "--out", Path.Combine(CliHarness.TempDirectory(), "o"), "--replicates", "1", "--no-report");

        Assert.True(code == 0, stderr);
        Assert.Contains("1 run in ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("1 runs", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CancelledWhileItsSmallWorldIsGenerated_ExitsAsCancelledAndWritesNothing()
    {
        // SIGTERM during a Watts–Strogatz generation (seconds at 10^7 agents): the generator stops, before the folder is claimed.
        string scenario = CliHarness.WriteScenario("""
            name: small-world
            horizon_weeks: 5
            replicates: 1
            organisation: {generator: watts-strogatz, agents: 2000, degree: 4}
            arms:
              - name: random
                seeding: {strategy: random, budget: 10}
            """);
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int code = OrgSimCli.Run(["run", scenario, "--out", outDir], stdout, stderr, cancellation.Token);

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Equal("orgsim: cancelled; no file was written", stderr.ToString().Trim());
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Run_OnAMissingFileNamesItAndExitsNonZero()
    {
        var (code, _, stderr) = CliHarness.Run("run", "missing/nowhere.yaml", "--out", CliHarness.TempDirectory());
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("missing/nowhere.yaml: file not found; check the path and the working directory", stderr.Trim());
    }

    [Theory]
    [InlineData("--threads", "0", "--threads is 0; must be in range [1, 256]")]
    [InlineData("--replicates", "0", "--replicates is 0; must be in range [1, 100000]")]
    [InlineData("--replicates", "99999999999", "orgsim: --replicates is 99999999999, out of range; give a whole number from 1 to 100000")]
    [InlineData("--seed", "-1", "orgsim: --seed is -1, out of range; give a whole number from 0 to 18446744073709551615")]
    [InlineData("--seed", "18446744073709551616", "orgsim: --seed is 18446744073709551616, out of range; give a whole number from 0 to 18446744073709551615")]
    public void Run_RejectsOutOfRangeOptions(string option, string value, string expected)
    {
        string scenario = CliHarness.WriteScenario(Small);
        var (code, _, stderr) = CliHarness.Run("run", scenario, "--out", Path.Combine(CliHarness.TempDirectory(), "o"), option, value);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RefusesToOverwriteResultsOfAnotherScenarioUnlessAsked()
    {
        string scenario = CliHarness.WriteScenario(Small);
        string other = CliHarness.WriteScenario(Small.Replace("replicates: 3", "replicates: 2", StringComparison.Ordinal));
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        Assert.Equal(0, CliHarness.Run("run", scenario, "--out", outDir).ExitCode);
        string summary = File.ReadAllText(Path.Combine(outDir, "summary.csv"));

        var (code, _, stderr) = CliHarness.Run("run", other, "--out", outDir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("holds runs of another scenario", stderr, StringComparison.Ordinal);
        Assert.Equal(summary, File.ReadAllText(Path.Combine(outDir, "summary.csv")));

        Assert.Equal(0, CliHarness.Run("run", other, "--out", outDir, "--overwrite").ExitCode);
        Assert.Equal(1 + (2 * 2), File.ReadLines(Path.Combine(outDir, "runs.csv")).Count());
    }

    [Fact]
    public void Run_WithOverwriteLeavesNothingOfTheOtherScenario()
    {
        // A sweep with a report (heatmap, org chart, report.html), then another scenario with --no-report.
        string sweep = CliHarness.WriteScenario(Small + "\nsweep:\n  grid:\n    model.transmission: [0.02, 0.08]\n");
        string other = CliHarness.WriteScenario(Small.Replace("- name: top-down", "- name: leaders", StringComparison.Ordinal));
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        Assert.Equal(0, CliHarness.Run("run", sweep, "--out", outDir).ExitCode);
        Assert.True(File.Exists(Path.Combine(outDir, "plots", "heatmap.svg")));
        File.WriteAllText(Path.Combine(outDir, "my-notes.txt"), "mine");

        var (code, _, stderr) = CliHarness.Run("run", other, "--out", outDir, "--overwrite", "--no-report");
        Assert.True(code == 0, stderr);
        Assert.False(File.Exists(Path.Combine(outDir, "report.html")));
        Assert.False(Directory.Exists(Path.Combine(outDir, "plots")));
        Assert.Contains("\"leaders\"", File.ReadAllText(Path.Combine(outDir, "orgchart.json")), StringComparison.Ordinal);
        Assert.DoesNotContain("\"top-down\"", File.ReadAllText(Path.Combine(outDir, "orgchart.json")), StringComparison.Ordinal);
        Assert.Equal(1 + (2 * 3), File.ReadLines(Path.Combine(outDir, "runs.csv")).Count());
        Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "my-notes.txt"))); // Only our files go.
    }

    [Fact]
    public void Run_AgainWithTheFilesOwnReplicatesResumes()
    {
        string scenario = CliHarness.WriteScenario(Small);
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        Assert.Equal(0, CliHarness.Run("run", scenario, "--out", outDir).ExitCode);

        // --replicates 3 is what the file says: the same runs, spelt differently.
        var (code, stdout, stderr) = CliHarness.Run("run", scenario, "--out", outDir, "--replicates", "3");
        Assert.True(code == 0, stderr);
        Assert.Contains("Resuming: 6 runs already done.", stdout, StringComparison.Ordinal);
        Assert.Contains("0 runs in", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_IntoAFolderWithResultsFromOutsideOrgSimNeedsOverwrite()
    {
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "summary.csv"), "mine");
        var (code, _, stderr) = CliHarness.Run("run", CliHarness.WriteScenario(Small), "--out", outDir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("already holds results", stderr, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "summary.csv")));
    }

    [Fact]
    public void Run_WithUnknownOptionIsAUsageError()
    {
        var (code, _, stderr) = CliHarness.Run("run", Quickstart, "--thread", "2");
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("thread", stderr, StringComparison.Ordinal);
    }
}
