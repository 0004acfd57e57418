using OrgSim.Experiments.Jobs;

namespace OrgSim.Experiments.Tests.Jobs;

/// <summary>The commands the messages tell the user to type, as the installed tool or from a clone.</summary>
public class CommandPrefixTests
{
    private const string Message = "orgsim: the tables are written, but not the report; draw it later with 'orgsim plot results/a' (see 'orgsim --help')";

    [Fact]
    public void Rewrite_KeepsTheToolsNameAndChangesOnlyQuotedCommandsForAClone()
    {
        Assert.Same(Message, CommandPrefix.Tool.Rewrite(Message));
        Assert.Equal(
            "orgsim: the tables are written, but not the report; draw it later with 'dotnet run --project src/OrgSim.Cli -c Release -- plot results/a' (see 'dotnet run --project src/OrgSim.Cli -c Release -- --help')",
            CommandPrefix.Repository.Rewrite(Message));
        Assert.Equal("'x run a.yaml'", new CommandPrefix("x", false).Rewrite("'orgsim run a.yaml'"));

        // The program's name before a colon, or in a sentence, is not a command to type.
        Assert.Equal("orgsim merge: a folder written by an orgsim run", CommandPrefix.Repository.Rewrite("orgsim merge: a folder written by an orgsim run"));
    }

    [Fact]
    public void Detect_IsTheToolWhereTheToolPackagesSettingsLieBesideTheAssembly()
    {
        string folder = OrgSim.Tests.Shared.TemporaryDirectories.Create();
        Assert.Same(CommandPrefix.Repository, CommandPrefix.Detect(folder));
        Assert.Same(CommandPrefix.Repository, CommandPrefix.Detect(AppContext.BaseDirectory)); // The tests run from a build.

        File.WriteAllText(Path.Combine(folder, CommandPrefix.ToolSettingsFile), "<DotNetCliTool />");
        Assert.Same(CommandPrefix.Tool, CommandPrefix.Detect(folder));
        Assert.Equal("orgsim run a.yaml", CommandPrefix.Tool.Command("run a.yaml"));
    }
}
