using System.ComponentModel;
using System.Xml.Linq;
using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Tests;

/// <summary>
/// <c>orgsim</c> installs as a .NET tool: <c>dotnet pack src/OrgSim.Cli -c Release -o ./nupkg</c>,
/// then <c>dotnet tool install --global --add-source ./nupkg OrgSim</c> (README.md).
/// </summary>
public class ToolPackageTests
{
    private static readonly string Project = Path.Combine(CliHarness.RepoRoot, "src", "OrgSim.Cli", "OrgSim.Cli.csproj");

    [Fact]
    public void CliProject_PacksAsTheOrgsimTool()
    {
        XElement project = XElement.Load(Project);
        string? Property(string name) => project.Elements("PropertyGroup").Elements(name).SingleOrDefault()?.Value;

        Assert.Equal("true", Property("PackAsTool"));
        Assert.Equal("orgsim", Property("ToolCommandName"));
        Assert.Equal("OrgSim", Property("PackageId"));
        Assert.Equal("orgsim", Property("AssemblyName"));
        Assert.Null(Property("IsPackable")); // Only the test projects turn packing off.
    }

    /// <summary>
    /// Packs a copy of the sources in a temporary folder, installs the package into a tool path
    /// there and runs it from a folder that is not the repository: the real check that the tool
    /// works, kept out of the quick loop. NuGet restores from the machine's package cache and
    /// sources, the tool from its own folder.
    /// </summary>
    [SkippableFact]
    [Trait("Category", "Slow")] // About a minute: a Release build of three projects, a pack and an install.
    public void PackedTool_InstallsAndRunsTheQuickstartFromAnotherFolder()
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        Skip.IfNot(Works([dotnet, "pack", "--help"]), $"'{dotnet} pack' is not available here, so the tool package cannot be built");

        string root = CliHarness.TempDirectory();
        try
        {
            PackInstallAndRun(dotnet, root);
        }
        finally
        {
            // A build, a package and an installed tool with every platform's SkiaSharp: 2 GB, not left behind.
            Directory.Delete(root, recursive: true);
        }
    }

    private static void PackInstallAndRun(string dotnet, string root)
    {
        string sources = Path.Combine(root, "clone");
        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "README.md" })
        {
            Directory.CreateDirectory(sources);
            File.Copy(Path.Combine(CliHarness.RepoRoot, file), Path.Combine(sources, file));
        }

        CopySources(Path.Combine(CliHarness.RepoRoot, "src"), Path.Combine(sources, "src"));
        string packages = Path.Combine(root, "nupkg");
        var (packed, packOut, packErr) = Dotnet(dotnet, root, "pack", Path.Combine(sources, "src", "OrgSim.Cli"), "-c", "Release", "-o", packages);
        Assert.True(packed == 0, packOut + packErr);
        Assert.Equal(["OrgSim.0.1.0.nupkg"], Directory.GetFiles(packages).Select(Path.GetFileName));

        string tools = Path.Combine(root, "tools");
        var (installed, installOut, installErr) = Dotnet(dotnet, root, "tool", "install", "--tool-path", tools, "--add-source", packages, "OrgSim");
        Assert.True(installed == 0, installOut + installErr);

        string orgsim = Path.Combine(tools, OperatingSystem.IsWindows() ? "orgsim.exe" : "orgsim");
        string work = Path.Combine(root, "elsewhere");
        Directory.CreateDirectory(work);
        var (version, versionOut, _) = ChildProcess.Run(InFolder(work, [orgsim, "--version"]));
        Assert.Equal(0, version);
        Assert.StartsWith("orgsim 0.1.0", versionOut, StringComparison.Ordinal);

        // Installed, it tells the user to type 'orgsim', the command they have.
        var (init, initOut, initErr) = ChildProcess.Run(InFolder(work, [orgsim, "init", "--out", "study.yaml"]));
        Assert.True(init == 0, initErr);
        Assert.Equal("Wrote study.yaml. Run it with: orgsim run study.yaml", initOut.TrimEnd());

        string results = Path.Combine(root, "out");
        var (run, runOut, runErr) = ChildProcess.Run(InFolder(work, [orgsim, "run", Path.Combine(CliHarness.RepoRoot, "scenarios", "quickstart.yaml"), "--out", results]));
        Assert.True(run == 0, runOut + runErr);
        Assert.True(File.Exists(Path.Combine(results, "summary.csv")), runOut);
        Assert.True(File.Exists(Path.Combine(results, "report.html")), runOut);
    }

    private static string[] InFolder(string folder, string[] command) => ["env", "-C", folder, .. command];

    /// <summary>A build on a loaded two-core machine takes minutes, beyond the hang guard of a single orgsim run.</summary>
    private static readonly TimeSpan BuildGuard = TimeSpan.FromMinutes(10);

    private static (int ExitCode, string Stdout, string Stderr) Dotnet(string dotnet, string home, params string[] args) =>
        // The tool's own restore goes to a package folder in the temporary folder, not the machine's cache.
        ChildProcess.Run(
            args[0] == "tool"
                ? ["env", $"NUGET_PACKAGES={Path.Combine(home, "packages")}", "DOTNET_CLI_TELEMETRY_OPTOUT=1", dotnet, .. args]
                : ["env", "DOTNET_CLI_TELEMETRY_OPTOUT=1", dotnet, .. args],
            BuildGuard);

    private static void CopySources(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static bool Works(string[] command)
    {
        try
        {
            return ChildProcess.Run(command).ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
