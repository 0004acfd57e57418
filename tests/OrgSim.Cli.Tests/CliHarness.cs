namespace OrgSim.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal static class CliHarness
{
    public static string RepoRoot => OrgSim.Tests.Shared.RepositoryRoot.Path;

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = OrgSimCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string TempDirectory() => OrgSim.Tests.Shared.TemporaryDirectories.Create();

    public static string WriteScenario(string text)
    {
        string path = Path.Combine(TempDirectory(), "scenario.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
