using System.Diagnostics;

namespace OrgSim.Cli.Tests;

/// <summary>
/// What someone who can write into a shared results folder can put there: a forged commit journal,
/// a named pipe, a link to a device in place of one of our files. None may move a file outside the
/// folder, block a command, or crash it; each is named. Found by the fresh-clone review.
/// </summary>
[Trait("Category", "Slow")] // A run and a few commands per test: 1–2 s.
public class HostileFolderTests
{
    private const string Scenario = """
        name: hostile-folder
        horizon_weeks: 6
        replicates: 2
        organisation: {agents: 60}
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 4}
        """;

    public static TheoryData<string> ForgedJournals => new()
    {
        "orgsim-commit-journal 1\nVICTIM-SOURCE\tVICTIM\n",
        "orgsim-commit-journal 1\n../../evil.txt\t../../victim.txt\n",
        "orgsim-commit-journal 1\nsummary.csv.tmp-x\t../victim.txt\n",
        "orgsim-commit-journal 1\nevil.txt\tsummary.csv\n",
        "orgsim-commit-journal 1\nsummary.csv.tmp-x/../../evil.txt\tsummary.csv\n",
        "orgsim-commit-journal 1\n.orgsim-runs/identity.json.tmp-x\t.orgsim-runs/identity.json\n",
    };

    [Theory]
    [MemberData(nameof(ForgedJournals))]
    public void AForgedCommitJournal_MovesNothing_AndIsRemoved(string journal)
    {
        var (scenario, folder) = Finished();
        string outside = CliHarness.TempDirectory();
        string evil = Path.Combine(outside, "evil.txt"), victim = Path.Combine(outside, "victim.txt");
        File.WriteAllText(evil, "evil");
        File.WriteAllText(victim, "victim");
        File.WriteAllText(Path.Combine(folder, "evil.txt"), "evil");
        File.WriteAllText(Path.Combine(folder, "summary.csv.tmp-x"), "evil");
        string summary = File.ReadAllText(Path.Combine(folder, "summary.csv"));
        File.WriteAllText(Path.Combine(folder, ".orgsim-commit"), journal.Replace("VICTIM-SOURCE", evil, StringComparison.Ordinal).Replace("VICTIM", victim, StringComparison.Ordinal));

        var (code, _, stderr) = CliHarness.Run("plot", folder);

        Assert.True(code == 0, stderr);
        Assert.Equal("victim", File.ReadAllText(victim));
        Assert.Equal("evil", File.ReadAllText(evil));
        Assert.Equal(summary, File.ReadAllText(Path.Combine(folder, "summary.csv")));
        Assert.False(File.Exists(Path.Combine(folder, ".orgsim-commit")));
        Assert.Equal(0, CliHarness.Run("run", scenario, "--out", folder, "--no-report").ExitCode);
    }

    public static TheoryData<string, string, string> NotRegularFiles => new()
    {
        { ".orgsim-runs/identity.json", "run", "/dev/zero" },
        { ".orgsim-runs/identity.json", "run", "fifo" },
        { ".orgsim-runs/orgchart-a000.json", "run", "/dev/zero" },
        { "run.json", "plot", "/dev/zero" },
        { "run.json", "plot", "fifo" },
        { "orgchart.json", "plot", "/dev/zero" },
        { "summary.csv", "plot", "/dev/zero" },
        { "timeseries.csv", "plot", "fifo" },
        { ".orgsim-commit", "plot", "fifo" },
    };

    [SkippableTheory]
    [MemberData(nameof(NotRegularFiles))]
    public void ADeviceOrAPipeInPlaceOfOurFile_IsNamedUnread_NeverAHangOrAnInternalError(string file, string command, string kind)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "devices and pipes are checked exactly on Linux");
        var (scenario, folder) = Finished();
        Replace(Path.Combine(folder, file), kind);
        string[] args = command == "run" ? ["run", scenario, "--out", folder, "--no-report"] : ["plot", folder];

        // In a child process: a read that blocked on the pipe would hang this test, not the test host.
        var (code, _, stderr) = ChildProcess.Run(ChildProcess.Orgsim(args));

        if (file.EndsWith("orgchart-a000.json", StringComparison.Ordinal))
        {
            Assert.True(code == 0, stderr); // An org-chart part is ours to redo: its run is redone, and said so.
            Assert.Contains("damaged", stderr, StringComparison.Ordinal);
            return;
        }

        Assert.True(code == ExitCodes.BadInput, $"exit {code}: {stderr}");
        Assert.DoesNotContain("internal error", stderr, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(file), stderr, StringComparison.Ordinal);
        Assert.Matches("not a regular file|character device|named pipe", stderr);
    }

    [Fact]
    public void ARecordThatIsAPipe_IsRedone_NotWaitedFor()
    {
        var (scenario, folder) = Finished();
        Replace(Path.Combine(folder, ".orgsim-runs", "p000000-a000-r000001.run"), "fifo");

        var (code, _, stderr) = ChildProcess.Run(ChildProcess.Orgsim("run", scenario, "--out", folder, "--no-report"));

        Assert.True(code == 0, stderr);
        Assert.Contains("p000000-a000-r000001.run", stderr, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadLines(Path.Combine(folder, "runs.csv")).Count());
    }

    [Fact]
    public void PlotOfAFolderARunIsStillWriting_SaysItIsBusy_NotThatItHasNoResults()
    {
        string folder = Path.Combine(CliHarness.TempDirectory(), "busy");
        Directory.CreateDirectory(folder);
        using (new FileStream(Path.Combine(folder, ".orgsim-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var (code, _, stderr) = CliHarness.Run("plot", folder);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains("is being written by another orgsim run", stderr, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void AnHrExportThatOpensButCannotBeRead_IsOneLine_NotAnInternalError()
    {
        Skip.IfNot(File.Exists("/proc/self/mem"), "needs /proc/self/mem, which opens but cannot be read from its start");
        string hr = Path.Combine(CliHarness.RepoRoot, "scenarios", "hr-import.yaml");

        var (code, _, stderr) = CliHarness.Run("validate", hr, "--set", "organisation.file=/proc/self/mem");

        Assert.True(code == ExitCodes.BadInput, $"exit {code}: {stderr}");
        Assert.Contains("cannot be read", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeOfAShardARunIsWriting_SaysItIsBusy_AndWritesNothing()
    {
        // A retried task resuming into its shard while the merge job starts.
        var (_, shard) = Finished();
        string merged = Path.Combine(CliHarness.TempDirectory(), "merged");
        using (new FileStream(Path.Combine(shard, ".orgsim-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var (code, _, stderr) = CliHarness.Run("merge", shard, "--out", merged);
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Contains($"{shard} is being written by another orgsim run", stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(merged));
        }

        Assert.Equal(0, CliHarness.Run("merge", shard, "--out", merged).ExitCode);
    }

    [Theory]
    [InlineData("plots")]
    [InlineData(".orgsim-runs")]
    public void AFolderOfOursThatIsALinkElsewhere_IsRefused_AndNothingThereIsTouched(string name)
    {
        // Found by the second review: charts were written, and temporary files removed, in the folder the link pointed to.
        var (scenario, folder) = Finished();
        string elsewhere = CliHarness.TempDirectory();
        File.WriteAllText(Path.Combine(elsewhere, "adoption.svg"), "theirs");
        File.WriteAllText(Path.Combine(elsewhere, "backup.tmp-2024"), "theirs");
        foreach (string file in Directory.GetFiles(Path.Combine(folder, name)))
        {
            File.Copy(file, Path.Combine(elsewhere, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(elsewhere, "adoption.svg"), "theirs");
        Directory.Delete(Path.Combine(folder, name), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(folder, name), elsewhere);
        string[] before = Directory.GetFiles(elsewhere).Order(StringComparer.Ordinal).ToArray();

        foreach (string[] command in new[] { new[] { "plot", folder }, ["run", scenario, "--out", folder] })
        {
            var (code, _, stderr) = CliHarness.Run(command);
            Assert.True(code == ExitCodes.BadInput, $"{command[0]}: exit {code}: {stderr}");
            Assert.Contains("is a link", stderr, StringComparison.Ordinal);
        }

        Assert.Equal(before, Directory.GetFiles(elsewhere).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("theirs", File.ReadAllText(Path.Combine(elsewhere, "adoption.svg")));
    }

    [Fact]
    public void ATableWithoutLineBreaks_IsNamedAsDamaged_NotReadWhole()
    {
        var (_, folder) = Finished();
        File.WriteAllText(Path.Combine(folder, "contrasts.csv"), new string('x', (1 << 20) + 10));

        var (code, _, stderr) = CliHarness.Run("plot", folder);

        Assert.True(code == ExitCodes.BadInput, $"exit {code}: {stderr}");
        Assert.Contains("contrasts.csv, line 1: a line longer than any orgsim writes", stderr, StringComparison.Ordinal);
    }

    private static (string Scenario, string Folder) Finished()
    {
        string scenario = CliHarness.WriteScenario(Scenario);
        string folder = Path.Combine(CliHarness.TempDirectory(), "out");
        var (code, _, stderr) = CliHarness.Run("run", scenario, "--out", folder);
        Assert.True(code == 0, stderr);
        return (scenario, folder);
    }

    private static void Replace(string path, string kind)
    {
        File.Delete(path);
        if (kind == "fifo")
        {
            using Process mkfifo = Process.Start("mkfifo", [path]);
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }
        else
        {
            File.CreateSymbolicLink(path, kind);
        }
    }
}
