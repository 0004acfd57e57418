using System.Text;
using OrgSim.Experiments.Jobs;

namespace OrgSim.Cli.Commands;

/// <summary>
/// The writer everything orgsim prints goes through, standard output and standard error alike
/// (<see cref="OrgSimCli.Run"/> wraps both): it shows control characters as visible escapes
/// (<see cref="TerminalText"/>), so no message, however it quotes its input, can bypass that; and
/// it writes each quoted command, <c>'orgsim …'</c>, as the user can type it (<see cref="CommandPrefix.Rewrite"/>).
/// </summary>
/// <remarks>
/// <see cref="WriteLine(string)"/> writes one line: a line break inside the text is shown as
/// <c>\n</c>, so an id cannot start a line that looks like orgsim's own. <see cref="Write(string)"/>
/// keeps line breaks, for text of several lines (the help). Spectre.Console writes to the
/// <see cref="Unwrap">writer beneath</see>, because on a terminal it sends escape codes of its own
/// (colours, the progress bar); <see cref="Terminal"/> escapes what it is given to show instead.
/// Each call writes to the writer beneath once, so this is as thread-safe as that writer.
/// </remarks>
internal sealed class TerminalWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly CommandPrefix _command;

    private TerminalWriter(TextWriter inner, CommandPrefix command)
        : base(inner.FormatProvider)
    {
        _inner = inner;
        _command = command;
    }

    /// <inheritdoc/>
    public override Encoding Encoding => _inner.Encoding;

    /// <summary>
    /// <paramref name="writer"/> behind a terminal writer whose quoted commands start with
    /// <paramref name="command"/> (<c>orgsim</c> when not given); itself if it is one already.
    /// </summary>
    public static TextWriter Wrap(TextWriter writer, CommandPrefix? command = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer is TerminalWriter ? writer : new TerminalWriter(writer, command ?? CommandPrefix.Tool);
    }

    /// <summary>The writer beneath <paramref name="writer"/> if it is a terminal writer; else <paramref name="writer"/>.</summary>
    public static TextWriter Unwrap(TextWriter writer) => writer is TerminalWriter terminal ? terminal._inner : writer;

    /// <inheritdoc/>
    public override void Write(char value) => Write(value.ToString());

    /// <inheritdoc/>
    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            _inner.Write(_command.Rewrite(TerminalText.Escape(value, keepLineBreaks: true)));
        }
    }

    /// <inheritdoc/>
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    /// <inheritdoc/>
    public override void WriteLine() => _inner.WriteLine();

    /// <inheritdoc/>
    public override void WriteLine(string? value) => _inner.WriteLine(value is null ? null : _command.Rewrite(TerminalText.Escape(value)));

    /// <inheritdoc/>
    public override void WriteLine(char[] buffer, int index, int count) => WriteLine(new string(buffer, index, count));

    /// <inheritdoc/>
    public override void WriteLine(ReadOnlySpan<char> buffer) => WriteLine(new string(buffer));

    /// <inheritdoc/>
    public override void Flush() => _inner.Flush();
}
