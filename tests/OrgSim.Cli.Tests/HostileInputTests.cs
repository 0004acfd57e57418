using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OrgSim.Cli.Tests;

/// <summary>
/// Input built to crash or exhaust orgsim, as an attacker or an unlucky user would give it: each
/// is one line on stderr naming the file (and line, or the --set) and what to fix, exit code 1,
/// and no output folder.
/// </summary>
public class HostileInputTests
{
    private const string Small = """
        name: small
        horizon_weeks: 5
        replicates: 2
        organisation: {agents: 100}
        arms:
          - name: a
            seeding: {strategy: random, budget: 10}

        """;

    private static readonly string Deep = new string('[', 40_000) + new string(']', 40_000);

    /// <summary>Runs <c>orgsim run</c> into a fresh folder that must not be created; returns stderr, which must be one line.</summary>
    private static string RunFails(params string[] arguments)
    {
        string outDir = Path.Combine(CliHarness.TempDirectory(), "out");
        var (code, stdout, stderr) = CliHarness.Run(["run", .. arguments, "--out", outDir]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(outDir), "no output folder is created");
        return stderr.TrimEnd();
    }

    /// <summary>Writes <paramref name="bytes"/> as <paramref name="name"/> beside a scenario importing it; returns the scenario.</summary>
    private static string ImportScenario(string name, byte[]? bytes, string generator = "hr-export")
    {
        string folder = CliHarness.TempDirectory();
        if (bytes is not null)
        {
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
        }

        string scenario = Path.Combine(folder, "s.yaml");
        File.WriteAllText(scenario, $"name: hr\norganisation: {{generator: {generator}, file: {name}}}\narms: [{{name: a, seeding: {{strategy: top-down, budget: 1}}}}]\n");
        return scenario;
    }

    [Fact]
    public async Task AFileNestedFortyThousandDeepRunsAsAChildProcessAndFailsCleanly()
    {
        // In-process, the old stack overflow would have killed the test host: run orgsim as its own process.
        string file = CliHarness.WriteScenario("name: deep\nmodel: " + Deep + "\narms: [{name: a, seeding: {strategy: random, budget: 1}}]\n");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { typeof(OrgSimCli).Assembly.Location, "validate", file })
        {
            start.ArgumentList.Add(argument);
        }

        using Process orgsim = Process.Start(start)!;
        Task<string> stdout = orgsim.StandardOutput.ReadToEndAsync();
        string stderr = await orgsim.StandardError.ReadToEndAsync();
        await orgsim.WaitForExitAsync();
        Assert.Equal(string.Empty, await stdout);
        Assert.Equal($"{file}:2:71: nests lists and mappings more than 64 levels deep; remove the extra '[', '{{' or indentation (a scenario needs a few)\n", stderr);
        Assert.Equal(ExitCodes.BadInput, orgsim.ExitCode);
    }

    [Fact]
    public void ASetNestedFortyThousandDeepIsOneLineNamingTheSet()
    {
        string stderr = RunFails(CliHarness.WriteScenario(Small), "--set", "model=" + Deep);
        Assert.StartsWith("orgsim: --set 'model=[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[…' (80,006 characters): the value nests lists and mappings more than 64 levels deep", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAliasBombInTheSweepIsOneLineAtTheAlias()
    {
        var bomb = new StringBuilder(Small).Append("sweep:\n  grid:\n    model.transmission:\n      - &l0 [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]\n");
        for (int level = 1; level <= 6; level++)
        {
            bomb.Append(CultureInfo.InvariantCulture, $"      - &l{level} [").AppendJoin(", ", Enumerable.Repeat($"*l{level - 1}", 10)).Append("]\n");
        }

        string file = CliHarness.WriteScenario(bomb.ToString());
        Assert.Equal($"{file}:15:49: has aliases that add more than 100,000 values when written out (here '*l3'); write the values out, or use fewer aliases", RunFails(file));
    }

    [Fact]
    public void AnAliasBombInASetSweepIsOneLineNamingTheSet()
    {
        string points = "[{model.transmission: &l0 [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]}"
            + string.Concat(Enumerable.Range(1, 6).Select(l => $", {{model.transmission: &l{l} [{string.Join(", ", Enumerable.Repeat($"*l{l - 1}", 10))}]}}")) + "]";
        string argument = "sweep.points=" + points;
        string stderr = RunFails(CliHarness.WriteScenario(Small), "--set", argument);
        Assert.StartsWith($"orgsim: --set '{argument[..40]}…' ({argument.Length.ToString("N0", CultureInfo.InvariantCulture)} characters): ", stderr, StringComparison.Ordinal);
        Assert.EndsWith("the value has aliases that add more than 100,000 values when written out (here '*l3'); write the values out, or use fewer aliases", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreRunsThanTheLimitAreOneLineAndNoFolder()
    {
        string values = "[" + string.Join(", ", Enumerable.Range(0, 1_000).Select(i => $"0.{i:D3}")) + "]";
        string file = CliHarness.WriteScenario(Small.Replace("  - name: a", "  - name: a\n    seeding: {strategy: random, budget: 10}\n  - name: b", StringComparison.Ordinal));
        Assert.Equal(
            $"{file}: --set replicates=100000: 1,000 points × 2 arms × 100,000 replicates = 200,000,000 runs; at most 10,000,000 runs are allowed, so lower replicates or split the sweep into several scenarios",
            RunFails(file, "--set", "sweep.grid.model.transmission=" + values, "--replicates", "100000"));
    }

    [Fact]
    public void AnHrExportThatIsALinkToDevZeroIsRefusedWithoutReadingIt()
    {
        string scenario = ImportScenario("zero.csv", null);
        if (!File.Exists("/dev/zero"))
        {
            Console.WriteLine("No /dev/zero here; the check of a device is not tested.");
            return;
        }

        File.CreateSymbolicLink(Path.Combine(Path.GetDirectoryName(scenario)!, "zero.csv"), "/dev/zero");
        Assert.Equal($"{scenario}:2:44: organisation.file 'zero.csv' is a character device, not a regular file; name a CSV file", RunFails(scenario));
    }

    [Fact]
    public void AnHrExportThatIsAFolderIsCalledAFolder()
    {
        string scenario = ImportScenario("data", null, "edge-list");
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(scenario)!, "data"));
        Assert.Equal($"{scenario}:2:44: organisation.file 'data' is a folder; name the CSV file in it", RunFails(scenario));
    }

    [Fact]
    public void AWindows1252HrExportStopsAtItsRowWithHowToSaveItAsUtf8()
    {
        byte[] export = [.. Encoding.ASCII.GetBytes("employee_id,manager_id,team\nE1,,Board\nE2,E1,Caf"), 0xE9, .. Encoding.ASCII.GetBytes("\nE3,E1,Caf"), 0xE8, (byte)'\n'];
        string scenario = ImportScenario("hr.csv", export);
        Assert.Equal(
            $"{Path.Combine(Path.GetDirectoryName(scenario)!, "hr.csv")}:3: the row is not UTF-8 text (byte 0xE9 after \"E2,E1,Caf\"); save the file as UTF-8: in Excel, Save As \"CSV UTF-8 (Comma delimited)\" rather than \"CSV (Comma delimited)\"",
            RunFails(scenario));
    }

    [Fact]
    public void AScenarioThatIsANamedPipeIsRefused()
    {
        string folder = CliHarness.TempDirectory();
        string pipe = Path.Combine(folder, "pipe.yaml");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", pipe) { UseShellExecute = false }))
        {
            mkfifo?.WaitForExit();
        }

        if (!File.Exists(pipe))
        {
            Console.WriteLine("No mkfifo here; the check of a named pipe is not tested.");
            return;
        }

        Assert.Equal($"{pipe}: is a named pipe (FIFO), not a regular file; name a scenario file, e.g. scenarios/quickstart.yaml", RunFails(pipe));
    }

    [Fact]
    public void ANameTooLongForAFolderStopsBeforeAnyFolderIsMade()
    {
        string file = CliHarness.WriteScenario(Small.Replace("name: small", "name: " + new string('n', 300), StringComparison.Ordinal));
        Assert.Equal($"{file}:1:7: name is 300 characters long; use at most 100 (it names the output folder)", RunFails(file));
    }

    [Fact]
    public void ABudgetTooLargeFromASetNamesTheSet()
    {
        string file = CliHarness.WriteScenario(Small);
        Assert.Equal(
            $"{file}: --set arms.a.seeding.budget=1000: arms[0].seeding.budget is 1000, but strategy random can choose from only 100 agents in this organisation; lower the budget to at most 100",
            RunFails(file, "--set", "arms.a.seeding.budget=1000"));
    }
}
