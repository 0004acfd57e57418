using Spectre.Console;
using Spectre.Console.Rendering;

namespace OrgSim.Cli.Commands;

/// <summary>
/// The Spectre.Console view of a writer: colours and the terminal's width on a terminal, plain 120
/// columns in a log file; and what it shows, with control characters escaped (<see cref="TerminalText"/>).
/// </summary>
internal static class Terminal
{
    public static IAnsiConsole Console(TextWriter stdout)
    {
        bool terminal = IsConsole(stdout) && !System.Console.IsOutputRedirected;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            // Beneath the TerminalWriter: on a terminal Spectre sends escape codes of its own.
            Out = new AnsiConsoleOutput(TerminalWriter.Unwrap(stdout)),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = 120; // A log file has no width; don't wrap the table at 80.
        }

        return Guard(console);
    }

    /// <summary>Whether <paramref name="writer"/> is the process's standard output, behind a <see cref="TerminalWriter"/> or not.</summary>
    public static bool IsConsole(TextWriter writer) => ReferenceEquals(TerminalWriter.Unwrap(writer), System.Console.Out);

    /// <summary>
    /// <paramref name="console"/>, which from now on escapes the control characters of any text it
    /// shows; its own control codes (cursor, colours) pass. Text escaped before it is laid out
    /// (<see cref="Text"/>, <see cref="Markup"/>) keeps tables aligned; this catches anything else.
    /// </summary>
    public static IAnsiConsole Guard(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Pipeline.Attach(new EscapingHook());
        return console;
    }

    /// <summary>A cell showing <paramref name="text"/> from input, control characters escaped, on one line.</summary>
    public static Text Text(string text) => new(TerminalText.Escape(text));

    /// <summary><paramref name="text"/> from input as Spectre markup that shows it as written, control characters escaped.</summary>
    public static string Markup(string text) => Spectre.Console.Markup.Escape(TerminalText.Escape(text));

    private sealed class EscapingHook : IRenderHook
    {
        public IEnumerable<IRenderable> Process(RenderOptions options, IEnumerable<IRenderable> renderables) =>
            renderables.Select(r => (IRenderable)new Escaped(r));
    }

    private sealed class Escaped(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            inner.Render(options, maxWidth).Select(s => s.IsControlCode || s.IsLineBreak || !s.Text.Any(TerminalText.IsControl) ? s : new Segment(TerminalText.Escape(s.Text), s.Style));
    }
}
