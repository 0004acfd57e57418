using System.Diagnostics;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Tests.Scenarios;

/// <summary>
/// A scenario path that is not a small regular file — too large, a device such as /dev/zero, a
/// named pipe, a folder — is refused before a byte is read, with the path and what to give instead.
/// </summary>
public class ScenarioFileCheckTests
{
    private const string Arms = "arms: [{name: a, seeding: {strategy: random, budget: 1}}]\n";

    private static ScenarioError Fails(string path) =>
        Assert.Single(Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path)).Errors);

    /// <summary>A named pipe made with mkfifo; null where there is no mkfifo (the test then says so and passes).</summary>
    internal static string? Fifo(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        try
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", path) { UseShellExecute = false }) ?? throw new InvalidOperationException("mkfifo did not start");
            mkfifo.WaitForExit();
            return mkfifo.ExitCode == 0 ? path : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>A link to /dev/zero (endless zeros) named like a data file; null where there is no /dev/zero.</summary>
    internal static string? LinkToDevZero(string folder, string name)
    {
        if (!File.Exists("/dev/zero"))
        {
            return null;
        }

        string path = Path.Combine(folder, name);
        File.CreateSymbolicLink(path, "/dev/zero");
        return path;
    }

    /// <summary>A valid scenario padded with a comment to exactly <paramref name="bytes"/> bytes.</summary>
    private static string Padded(string name, int bytes)
    {
        string path = Path.Combine(TestPaths.TempDirectory(), name);
        File.WriteAllText(path, Arms + "#" + new string('x', bytes - Arms.Length - 2) + "\n");
        Assert.Equal(bytes, new FileInfo(path).Length);
        return path;
    }

    [Fact]
    public void AFileLargerThanOneMebibyteIsRefusedBeforeItIsRead()
    {
        string path = Padded("huge.yaml", (1 << 20) + 1);
        Assert.Equal(
            $"{path}: is 1.0 MiB (1,048,577 bytes); a scenario file may be at most 1 MiB, so check that this is the scenario you meant (a long sweep is shorter as sweep.grid)",
            Fails(path).ToString());
    }

    [Fact]
    public void AFileOfExactlyOneMebibyteIsRead()
    {
        Assert.Equal("big", ScenarioLoader.Load(Padded("big.yaml", 1 << 20)).Spec.Name);
    }

    [Fact]
    public void ALinkToDevZeroIsRefusedWithoutReadingIt()
    {
        // It used to be read until memory ran out.
        if (LinkToDevZero(TestPaths.TempDirectory(), "zero.yaml") is not { } path)
        {
            Console.WriteLine("No /dev/zero here; the check of a device is not tested.");
            return;
        }

        Assert.Equal($"{path}: is a character device, not a regular file; name a scenario file, e.g. scenarios/quickstart.yaml", Fails(path).ToString());
    }

    [Fact]
    public void ANamedPipeIsRefusedWithoutOpeningIt()
    {
        // Opening it would wait for a writer for ever.
        if (Fifo(TestPaths.TempDirectory(), "pipe.yaml") is not { } path)
        {
            Console.WriteLine("No mkfifo here; the check of a named pipe is not tested.");
            return;
        }

        Assert.Equal($"{path}: is a named pipe (FIFO), not a regular file; name a scenario file, e.g. scenarios/quickstart.yaml", Fails(path).ToString());
    }

    [Fact]
    public void AFolderIsRefused()
    {
        string path = TestPaths.TempDirectory();
        Assert.Equal($"{path}: is a folder; name a scenario file, e.g. scenarios/quickstart.yaml", Fails(path).ToString());
    }

    [Fact]
    public void ARunJsonMayBeLargerThanAScenarioFile()
    {
        // A run.json lists every sweep point: 2 MiB is not too large (it is refused for what it holds).
        string path = Path.Combine(TestPaths.TempDirectory(), "run.json");
        File.WriteAllText(path, "{\"tool\": \"other\"}" + new string(' ', 2 << 20));
        Assert.Contains("is not a run.json written by orgsim", Fails(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunJsonLargerThan64MebibytesIsRefused()
    {
        string path = Path.Combine(TestPaths.TempDirectory(), "run.json");
        File.WriteAllText(path, "{\"tool\": \"orgsim\"}");
        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength((64L << 20) + 1);
        }

        Assert.Equal(
            $"{path}: is 64.0 MiB (67,108,865 bytes); a run.json may be at most 64 MiB, so check that this is the run.json you meant",
            Fails(path).ToString());
    }
}
