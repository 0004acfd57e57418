using CommandLine;
using OrgSim.Cli.Commands;

namespace OrgSim.Cli;

/// <summary>The <c>orgsim</c> command line: parses the verb and hands over to its command.</summary>
public static class OrgSimCli
{
    /// <summary>Runs the command line <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        using var parser = new Parser(settings =>
        {
            settings.HelpWriter = stderr;
            settings.CaseSensitive = true;
            settings.AutoVersion = true;
        });
        return parser.ParseArguments(args, typeof(RunOptions)).MapResult(
            (RunOptions options) => RunCommand.Execute(options, stdout, stderr, cancellation),
            errors => errors.All(e => e.Tag is ErrorType.HelpRequestedError or ErrorType.VersionRequestedError or ErrorType.HelpVerbRequestedError)
                ? ExitCodes.Success
                : ExitCodes.BadUsage);
    }
}
