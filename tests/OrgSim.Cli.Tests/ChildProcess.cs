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

    /// <summary>Whether this machine lets a test create PID namespaces (root, or a user namespace).</summary>
    public static bool CanCreatePidNamespaces { get; } = OperatingSystem.IsLinux() && Run(InOwnPidNamespace(["true"])).ExitCode == 0;

    /// <summary>Runs <paramref name="command"/> to its end and returns what it printed.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string[] command)
    {
        using Process process = Start(command);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
        if (!process.WaitForExit(TestWaits.HangGuard))
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
