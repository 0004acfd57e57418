namespace OrgSim.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
internal static class CliHarness
{
    public static string RepoRoot { get; } = FindRoot();

    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = OrgSimCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static string TempDirectory()
    {
        string path = Path.Combine(Path.GetTempPath(), "orgsim-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static string WriteScenario(string text)
    {
        string path = Path.Combine(TempDirectory(), "scenario.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrgSim.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrgSim.sln not found above " + AppContext.BaseDirectory);
    }
}
