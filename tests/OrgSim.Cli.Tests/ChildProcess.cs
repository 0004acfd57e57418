using System.Diagnostics;

namespace OrgSim.Cli.Tests;

/// <summary>
/// Runs <c>orgsim</c> (or another program) as a separate process, optionally in a PID namespace of
/// its own, as on a cluster where every container's run is process 1. What the tests check about
/// claims must hold between processes, not between two calls in one.
/// </summary>
internal static class ChildProcess
{
    /// <summary>The command line of the orgsim built beside the tests.</summary>
    public static string[] Orgsim(params string[] args) =>
        [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", Path.Combine(AppContext.BaseDirectory, "orgsim.dll"), .. args];

    /// <summary>
    /// <paramref name="command"/> inside a new PID and mount namespace: it is process 1 there and
    /// sees only its own processes, and it dies with the namespace's parent.
    /// </summary>
    public static string[] InOwnPidNamespace(string[] command) => ["unshare", "--pid", "--fork", "--kill-child", "--mount-proc", .. command];

    /// <summary>Whether this machine lets a test create PID namespaces (root, or a user namespace) and has flock(1).</summary>
    public static bool CanCreatePidNamespaces { get; } = OperatingSystem.IsLinux() && Succeeds(InOwnPidNamespace(["flock", "--version"]));

    /// <summary>
    /// Skips a test that needs PID namespaces where the machine cannot create them, unless
    /// <c>ORGSIM_REQUIRE_PID_NAMESPACES=1</c> (set by .ci/run where it can), which makes it fail instead.
    /// </summary>
    public static void SkipUnlessPidNamespaces()
    {
        const string Why = "this machine does not let a test create PID namespaces with flock(1) in them (unshare --pid needs root or user namespaces; flock is in util-linux)";
        if (Environment.GetEnvironmentVariable("ORGSIM_REQUIRE_PID_NAMESPACES") == "1")
        {
            Assert.True(CanCreatePidNamespaces, Why);
        }

        Skip.IfNot(CanCreatePidNamespaces, Why);
    }

    private static bool Succeeds(string[] command)
    {
        try
        {
            return Run(command).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // unshare is not installed.
        }
    }

    /// <summary>Runs <paramref name="command"/> to its end (at most <paramref name="timeout"/>, else the hang guard) and returns what it printed.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string[] command, TimeSpan? timeout = null)
    {
        using Process process = Start(command);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        if (!process.WaitForExit(timeout ?? TestWaits.HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', command)} did not end");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts <paramref name="command"/> with its standard streams redirected.</summary>
    public static Process Start(string[] command)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException($"{command[0]} did not start");
    }
}
