using System.Globalization;
using System.Text;

namespace OrgSim.Cli.Commands;

/// <summary>
/// Text made safe for a terminal: every character a terminal would act on instead of showing is
/// written as a visible escape, so that text from input — an employee id, a file name, a word of
/// the command line — can never clear the screen, move the cursor, set the window title or make a
/// line read differently from what it holds.
/// </summary>
/// <remarks>
/// <para>Escaped: the C0 controls (ESC as <c>\x1b</c>, tab, CR and LF as <c>\t</c>, <c>\r</c>,
/// <c>\n</c>, the others as <c>\xHH</c>), DEL and the C1 controls U+0080–U+009F (<c>\xHH</c>: some
/// terminals take U+009B as ESC [), and the bidirectional embeddings, overrides and isolates
/// U+202A–U+202E and U+2066–U+2069 (<c>\uHHHH</c>), which reorder the rest of a line (Trojan Source,
/// CVE-2021-42574). The bidi marks U+200E, U+200F and U+061C are kept: they belong in names
/// written right to left and reorder nothing beyond their neighbours.</para>
/// <para>The escapes are ASCII, one column per character, readable in a log file and in any
/// font. The result holds no character that is escaped, so escaping twice changes nothing.</para>
/// </remarks>
internal static class TerminalText
{
    /// <summary>
    /// <paramref name="text"/> with every control character escaped; with
    /// <paramref name="keepLineBreaks"/>, LF and CR LF are kept as line breaks.
    /// </summary>
    public static string Escape(string text, bool keepLineBreaks = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        int first = 0;
        while (first < text.Length && !Escaped(text, first, keepLineBreaks))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!Escaped(text, i, keepLineBreaks))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append(c switch
                {
                    '\t' => @"\t",
                    '\n' => @"\n",
                    '\r' => @"\r",
                    <= '\u00ff' => string.Create(CultureInfo.InvariantCulture, $@"\x{(int)c:x2}"),
                    _ => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:x4}"),
                });
            }
        }

        return escaped.ToString();
    }

    /// <summary>Whether a terminal would act on <paramref name="c"/> rather than show it.</summary>
    public static bool IsControl(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';

    private static bool Escaped(string text, int i, bool keepLineBreaks) =>
        IsControl(text[i]) && !(keepLineBreaks && (text[i] == '\n' || (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')));
}
