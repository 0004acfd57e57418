using Spectre.Console;

namespace OrgSim.Cli.Commands;

/// <summary>The Spectre.Console view of a writer: colours and the terminal's width on a terminal, plain 120 columns in a log file.</summary>
internal static class Terminal
{
    public static IAnsiConsole Console(TextWriter stdout)
    {
        bool terminal = ReferenceEquals(stdout, System.Console.Out) && !System.Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 120; // A log file has no width; don't wrap the table at 80.
        }

        return console;
    }
}
