namespace OrgSim.Cli.Tests;

/// <summary>What the command line itself says, whichever command: help, missing and surplus arguments.</summary>
public class CommandLineTests
{
    private const string Small = """
        name: small
        horizon_weeks: 5
        replicates: 2
        organisation: {agents: 100}
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 10}
        """;

    [Theory]
    [InlineData("run", "--replicates")]
    [InlineData("graph", "--format")]
    [InlineData("validate", "--set")]
    [InlineData("merge", "--out")]
    [InlineData("bench", "--agents")]
    public void HelpVerb_PrintsThatCommandsOptions(string verb, string option)
    {
        var (code, stdout, _) = CliHarness.Run("help", verb);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains(option, stdout, StringComparison.Ordinal);
        Assert.Equal(CliHarness.Run(verb, "--help").Stdout, stdout);
    }

    [Fact]
    public void Plot_WithoutAFolderSaysThatTheFolderIsMissing()
    {
        var (code, _, stderr) = CliHarness.Run("plot");
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("orgsim plot: the output folder is missing; e.g. 'orgsim plot results/quickstart'", stderr.TrimEnd());
    }

    [Fact]
    public void Deck_NamesItselfInItsUsageErrors()
    {
        var (code, _, stderr) = CliHarness.Run("deck");
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("orgsim deck: the output folder is missing; e.g. 'orgsim deck results/quickstart'", stderr.TrimEnd());

        (code, _, stderr) = CliHarness.Run("deck", CliHarness.TempDirectory(), "--bogus");
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("orgsim: unknown option 'bogus'; see 'orgsim deck --help'", stderr.TrimEnd());
    }

    [Theory]
    [InlineData("plot")]
    [InlineData("deck")]
    public void ASecondResultsFolderIsAnErrorThatSpeaksOfFolders(string verb)
    {
        string first = CliHarness.TempDirectory(), second = CliHarness.TempDirectory();
        var (code, stdout, stderr) = CliHarness.Run(verb, first, second);
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal($"orgsim {verb}: takes one results folder, but '{second}' follows it; give one per command (a shell loop runs several)", stderr.TrimEnd());
        Assert.Empty(stdout);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("validate")]
    [InlineData("graph")]
    public void ASecondScenarioFileIsAnErrorNotIgnored(string verb)
    {
        string first = CliHarness.WriteScenario(Small), second = CliHarness.WriteScenario(Small);
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        string[] output = verb == "validate" ? [] : ["--out", outDir];
        var (code, stdout, stderr) = CliHarness.Run([verb, first, second, .. output]);
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal($"orgsim {verb}: takes one scenario file, but '{second}' follows it; give one per command (a shell loop runs several)", stderr.TrimEnd());
        Assert.Empty(stdout);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Validate_TakesTheSameOverridesAsRun()
    {
        string file = CliHarness.WriteScenario(Small);
        var (bad, _, badErr) = CliHarness.Run("validate", file, "--set", "model.transmission=1.5");
        Assert.Equal(ExitCodes.BadInput, bad);
        Assert.Contains("model.transmission is 1.5; must be in range [0, 1]", badErr, StringComparison.Ordinal);

        var (good, stdout, goodErr) = CliHarness.Run("validate", file, "--set", "organisation.agents=300", "--replicates", "7");
        Assert.True(good == 0, goodErr);
        Assert.Contains("1 arm x 7 replicates = 7 runs of 5 weeks on 300 agents", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OfARunJsonNamesTheRunJson()
    {
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        Assert.Equal(0, CliHarness.Run("run", CliHarness.WriteScenario(Small), "--out", outDir, "--no-report").ExitCode);
        string manifest = Path.Combine(outDir, "run.json");
        var (code, stdout, stderr) = CliHarness.Run("validate", manifest);
        Assert.True(code == 0, stderr);
        Assert.StartsWith($"{manifest} is valid: 1 arm x 2 replicates", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graph", "--seed", "orgsim graph: --seed is an option of 'orgsim run', 'orgsim validate', not of 'graph'; see 'orgsim graph --help'")]
    [InlineData("validate", "--threads", "orgsim validate: --threads is an option of 'orgsim run', 'orgsim bench', 'orgsim tipping', 'orgsim calibrate', not of 'validate'; see 'orgsim validate --help'")]
    public void AnOptionOfAnotherCommandSaysWhichCommandItBelongsTo(string verb, string option, string expected)
    {
        var (code, _, stderr) = CliHarness.Run(verb, CliHarness.WriteScenario(Small), option, "3");
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal(expected, stderr.TrimEnd());
    }

    [Theory]
    [InlineData("--out", "a", "--out", "b")]
    [InlineData("--seed", "1", "--seed", "2")]
    [InlineData("--replicates", "1", "--replicates", "2")]
    public void AnOptionGivenTwiceIsAnErrorNotTheLastOneWins(string first, string a, string second, string b)
    {
        string dir = CliHarness.TempDirectory();
        var (code, _, stderr) = CliHarness.Run("run", CliHarness.WriteScenario(Small), first, Path.Combine(dir, a), second, Path.Combine(dir, b));
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal($"orgsim: {first} is given more than once; keep one", stderr.TrimEnd());
        Assert.Empty(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void Graph_IntoAFolderSaysToNameAFile()
    {
        string dir = CliHarness.TempDirectory();
        var (code, _, stderr) = CliHarness.Run("graph", CliHarness.WriteScenario(Small), "--format", "dot", "--out", dir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"--out {dir} is a folder; name a file", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arms.top-down.seeding.budget=0", "arms[0].seeding.budget is 0; must be in range [1, 20,000,000]")]
    [InlineData("arms.top-down.model.transmission=2", "arms[0].model.transmission is 2; must be in range [0, 1]")]
    [InlineData("organisation.span={min: 5, max: 2}", "organisation.span.max is 2, below span.min 5")]
    [InlineData("model.transmission.x=1", "model.transmission is a mapping; write a number in range [0, 1]")]
    public void ASetMistakeNamesTheSetNotALineOfTheFile(string set, string message)
    {
        string file = CliHarness.WriteScenario(Small);
        var (code, _, stderr) = CliHarness.Run("validate", file, "--set", set);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"{file}: --set {set}: {message}", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[0.1]", "is a list")]
    [InlineData("{a: 1}", "is a mapping")]
    public void AListOrMappingWhereAValueBelongsIsCalledSo(string value, string what)
    {
        var (code, _, stderr) = CliHarness.Run("validate", CliHarness.WriteScenario(Small + $"\nmodel:\n  transmission: {value}\n"));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($":9:17: model.transmission {what}; write a number in range [0, 1]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ASetUnderAValueTheFileGivesNamesTheSet()
    {
        string file = CliHarness.WriteScenario(Small + "\nmodel:\n  transmission: 0.05\n");
        var (code, _, stderr) = CliHarness.Run("validate", file, "--set", "model.transmission.x=1");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.StartsWith($"{file}: --set model.transmission.x=1: ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--seed", "1", "--set", "seed=2" }, "orgsim: seed is set twice")]
    [InlineData(new[] { "--set", "seed=2", "--set", "seed=5" }, "orgsim: seed is set twice")]
    [InlineData(new[] { "--set", "title=x", "--set", "title=y" }, "orgsim: title is set twice (x and y, by --set); keep one")]
    [InlineData(new[] { "--only", "arm=top-down,arm=top-down" }, "--only names arm twice")]
    [InlineData(new[] { "--only", "" }, "--only is empty")]
    [InlineData(new[] { "--shard", "11/11" }, "orgsim: shard 11/11 has no run: the scenario has 2 runs, so split it into at most 2 shards")]
    public void ConflictingOrEmptySelectionsAreErrors(string[] options, string expected)
    {
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        var (code, _, stderr) = CliHarness.Run(["run", CliHarness.WriteScenario(Small), "--out", outDir, .. options]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Init_WithAFileArgument_IsRefused_NamingTheOptionToUse()
    {
        string folder = CliHarness.TempDirectory();
        var (code, _, stderr) = CliHarness.Run("init", Path.Combine(folder, "x.yaml"));
        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains($"orgsim init: takes only options, but '{Path.Combine(folder, "x.yaml")}' is not one; name the file to write with --out", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public void Graph_IntoAPathEndingInASlashSaysToNameAFileAndCreatesNothing()
    {
        string dir = Path.Combine(CliHarness.TempDirectory(), "not", "there") + "/";
        var (code, _, stderr) = CliHarness.Run("graph", CliHarness.WriteScenario(Small), "--format", "dot", "--out", dir);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("is a folder; name a file", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }
}

/// <summary><c>run --pptx</c> that cannot write the deck keeps the user's file, says so last and exits non-zero.</summary>
public class RunPptxRefusedTests
{
    [Fact]
    public void AForeignWorkshopPptx_IsKept_TheRunSaysSoLast_AndExitsOne()
    {
        string folder = Path.Combine(CliHarness.TempDirectory(), "out");
        Directory.CreateDirectory(folder);
        string deck = Path.Combine(folder, "workshop.pptx");
        File.WriteAllText(deck, "my own notes");
        string scenario = Path.Combine(CliHarness.RepoRoot, "scenarios", "quickstart.yaml");

        var (code, stdout, stderr) = CliHarness.Run("run", scenario, "--out", folder, "--pptx", "--set", "replicates=2", "--set", "horizon_weeks=8", "--set", "organisation.agents=60");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("my own notes", File.ReadAllText(deck));
        Assert.Contains("Results in", stdout, StringComparison.Ordinal);
        string last = stderr.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("orgsim: the tables are written, but not workshop.pptx: ", last, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "summary.csv")));
    }
}
