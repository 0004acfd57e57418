using OrgSim.Cli.Commands;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Running;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Cli.Tests;

public class InitValidateTests
{
    private static readonly string Quickstart = Path.Combine(CliHarness.RepoRoot, "scenarios", "quickstart.yaml");

    [Fact]
    public void Validate_TheQuickstart_PrintsOneSummaryLine()
    {
        var (code, stdout, stderr) = Validate(Quickstart);
        Assert.True(code == 0, stderr);
        Assert.Empty(stderr);
        Assert.Equal($"{Quickstart} is valid: 2 arms x 20 replicates = 40 runs of 104 weeks on 1,000 agents.", stdout.TrimEnd());
    }

    [Fact]
    public void Validate_AnUnknownKey_NamesFileLineColumnAndSuggestsTheKnownOne()
    {
        string scenario = CliHarness.WriteScenario("""
            name: typo
            horizon_week: 10
            arms:
              - name: top-down
                seeding: {strategy: top-down, budget: 10}
            """);
        var (code, stdout, stderr) = Validate(scenario);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(stdout);
        Assert.Equal(
            $"{scenario}:2:1: unknown key 'horizon_week' at the top level; did you mean 'horizon_weeks'?",
            Assert.Single(stderr.TrimEnd().Split('\n')));
    }

    [Fact]
    public void Validate_ABudgetLargerThanTheEligibleAgents_IsAPreflightError()
    {
        string scenario = CliHarness.WriteScenario("""
            name: too-many
            organisation: {agents: 100}
            arms:
              - name: top-down
                seeding: {strategy: top-down, budget: 10}
              - name: bottom-up
                seeding:
                  strategy: bottom-up-teams
                  budget: 500
            """);
        var (code, stdout, stderr) = Validate(scenario);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(stdout);
        string line = Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith($"{scenario}:9:", line, StringComparison.Ordinal);
        Assert.Contains("arms[1].seeding.budget is 500, but strategy bottom-up-teams can choose from only", line, StringComparison.Ordinal);
        Assert.Contains("lower the budget to at most", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OverlaysOnALargeCompleteNetwork_IsOneLocatedLineBeforeAnythingIsBuilt()
    {
        // In a process of its own under a 256 MB heap: building the overlay copied the 2.1 billion
        // implicit edges (19.6 GB, then killed), and under a heap limit it ended as internal error 70.
        string scenario = CliHarness.WriteScenario("""
            name: complete-mentoring
            organisation:
              generator: complete
              agents: 46000
              overlays:
                mentoring: {mentee_share: 0.3}
            arms:
              - name: random
                seeding: {strategy: random, budget: 10}
            """);
        var (code, stdout, stderr) = ChildProcess.Run(["env", "DOTNET_GCHeapHardLimit=0x10000000", .. ChildProcess.Orgsim("validate", scenario)]);
        Assert.True(code == ExitCodes.BadInput, stderr);
        Assert.Empty(stdout);
        string line = Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith($"{scenario}:5:3: organisation.overlays do not apply to generator complete", line, StringComparison.Ordinal);
        Assert.EndsWith("remove organisation.overlays, or use another generator", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WritesNoFile()
    {
        string folder = CliHarness.TempDirectory();
        string scenario = Path.Combine(folder, "copy.yaml");
        File.Copy(Quickstart, scenario);
        string[] before = Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories);

        Assert.Equal(0, Validate(scenario).ExitCode);
        Assert.Equal(1, Validate(Path.Combine(folder, "missing.yaml")).ExitCode);

        Assert.Equal(before, Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Init_WritesAStarterThatLoadsWithTheDefaultsAndRuns()
    {
        string file = Path.Combine(CliHarness.TempDirectory(), "new", "folder", "study.yaml");
        var (code, stdout, stderr) = Init(file, command: CommandPrefix.Repository);
        Assert.True(code == 0, stderr);
        // A fresh clone has no 'orgsim' command: the message gives the one that works there.
        Assert.Equal($"Wrote {file}. Run it from the repository's folder with: dotnet run --project src/OrgSim.Cli -c Release -- run {file}", stdout.TrimEnd());
        Assert.Equal(StarterScenario.Text, File.ReadAllText(file));

        LoadedScenario loaded = ScenarioLoader.Load(file);
        ScenarioSpec spec = loaded.Spec;
        Assert.Empty(loaded.Warnings);
        Assert.Equal("study", spec.Name);
        Assert.Equal(new ModelParameters(), spec.Model);
        Assert.Equal(new MetricsSpec(), spec.Metrics);
        Assert.Equal((1UL, 104, 20, false), (spec.Seed, spec.HorizonWeeks, spec.Replicates, spec.StopAtQuiescence));

        // Written out, cross_team_ties_per_agent is also handed to the HR-import options, which a hierarchy never reads.
        Assert.Equal(new OrganisationSpec() with { HrImport = new HrImportOptions { CrossTeamTiesPerAgent = 2 } }, spec.Organisation);
        Assert.Equal(new OrganisationSpec(), spec.Organisation with { HrImport = new HrImportOptions() });

        Assert.Equal(["top-down", "bottom-up-teams"], spec.Arms.Select(a => a.Name));
        Assert.Equal([SeedingStrategy.TopDown, SeedingStrategy.BottomUpTeams], spec.Arms.Select(a => a.Seeding.Strategy));
        Assert.All(spec.Arms, arm =>
        {
            Assert.Equal(new ModelParameters(), arm.Model);
            SeedingPlan plan = Assert.Single(arm.Waves);
            Assert.Equal(new SeedingPlan(plan.Strategy, 50, OrgSim.Core.Agents.CompetencySet.All), plan);
        });

        Assert.Empty(Preflight.Check(loaded));
        var store = new MemoryRunStore();
        RunScheduler.Execute(RunPlan.For(loaded with { Spec = spec with { Replicates = 1, HorizonWeeks = 5 } }, ShardSpec.All), store, threads: 2);
        Assert.Equal(2, store.Results.Count);

        var (validated, summary, problems) = Validate(file);
        Assert.True(validated == 0, problems);
        Assert.Equal($"{file} is valid: 2 arms x 20 replicates = 40 runs of 104 weeks on 1,000 agents.", summary.TrimEnd());
    }

    [Fact]
    public void Init_TheStarterIsShortAndStartsWithItsQuestion()
    {
        string[] lines = StarterScenario.Text.Split('\n');
        Assert.StartsWith("# The question:", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length <= 72, $"{lines.Length} lines");
        Assert.DoesNotContain('\r', StarterScenario.Text);
        Assert.EndsWith("\n", StarterScenario.Text, StringComparison.Ordinal);
        Assert.Equal("scenario.yaml", OrgSim.Experiments.Jobs.InitJob.DefaultFile);
    }

    [Fact]
    public void Init_NeverReplacesAFileWithoutOverwrite()
    {
        string file = Path.Combine(CliHarness.TempDirectory(), "scenario.yaml");
        File.WriteAllText(file, "precious");

        var (code, stdout, stderr) = Init(file);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(stdout);
        string line = Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains("--overwrite to replace it", line, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(file));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!));

        var (replaced, _, problems) = Init(file, overwrite: true);
        Assert.True(replaced == 0, problems);
        Assert.Equal(StarterScenario.Text, File.ReadAllText(file));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(file)!));
    }

    [Fact]
    public void Init_OntoAFolder_SaysToNameAFile()
    {
        string folder = CliHarness.TempDirectory();
        var (code, _, stderr) = Init(folder, overwrite: true);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("is a folder; give a file name", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    private static (int ExitCode, string Stdout, string Stderr) Validate(string scenario)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = ValidateCommand.Execute(new ValidateOptions { Scenario = scenario }, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Init_AsTheInstalledTool_NamesTheFileAsGiven()
    {
        string folder = CliHarness.TempDirectory();
        string file = Path.Combine(folder, "study.yaml");
        var (code, stdout, stderr) = Init(file, command: CommandPrefix.Tool);
        Assert.True(code == 0, stderr);
        // The tool works from any folder, so the file is named as the user gave it.
        Assert.Equal($"Wrote {file}. Run it with: orgsim run {file}", stdout.TrimEnd());

        // The whole command line passes the prefix on: a name with a space is quoted for the shell.
        string spaced = Path.Combine(folder, "my study.yaml");
        var (_, clone, _) = RunCli(CommandPrefix.Repository, "init", "--out", spaced);
        Assert.Equal($"Wrote '{spaced}'. Run it from the repository's folder with: dotnet run --project src/OrgSim.Cli -c Release -- run '{spaced}'", clone.TrimEnd());
    }

    [Fact]
    public void Messages_GiveEachCommandToTypeAsTheUserCanTypeIt()
    {
        string folder = CliHarness.TempDirectory();
        var (_, _, tool) = RunCli(CommandPrefix.Tool);
        Assert.Equal("orgsim: no command given; run a scenario with 'orgsim run SCENARIO.yaml' (see 'orgsim --help')", tool.TrimEnd());

        var (_, _, clone) = RunCli(CommandPrefix.Repository);
        Assert.Equal("orgsim: no command given; run a scenario with 'dotnet run --project src/OrgSim.Cli -c Release -- run SCENARIO.yaml' (see 'dotnet run --project src/OrgSim.Cli -c Release -- --help')", clone.TrimEnd());

        // Messages written by the jobs go through the same writer.
        var (code, _, plot) = RunCli(CommandPrefix.Repository, "plot", folder);
        Assert.Equal(1, code);
        Assert.Contains("run the scenario with 'dotnet run --project src/OrgSim.Cli -c Release -- run' first", plot, StringComparison.Ordinal);
        Assert.DoesNotContain("'orgsim ", plot, StringComparison.Ordinal);

        // So does the help, written in several lines.
        var (_, help, _) = RunCli(CommandPrefix.Repository, "run", "--help");
        Assert.Contains("merge the shards with 'dotnet run --project src/OrgSim.Cli -c Release -- merge'", help, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Stdout, string Stderr) RunCli(CommandPrefix command, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = OrgSimCli.Run(args, stdout, stderr, command);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static (int ExitCode, string Stdout, string Stderr) Init(string file, bool overwrite = false, CommandPrefix? command = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = InitCommand.Execute(new InitOptions { Out = file, Overwrite = overwrite }, command ?? CommandPrefix.Tool, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
