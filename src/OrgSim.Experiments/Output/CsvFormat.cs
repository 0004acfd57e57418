using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;

namespace OrgSim.Experiments.Output;

/// <summary>The one CSV dialect OrgSim writes: comma-separated, LF line ends, invariant culture, fixed decimals.</summary>
/// <remarks>
/// <para><b>Cells that could be formulas.</b> Every field goes out through <see cref="WriteField"/>, so
/// text a user chose — an employee id, an arm name, a swept file name — that starts with
/// <c>= + - @</c>, a tab or a carriage return is written as text, as OWASP recommends against CSV
/// injection: a single quote in front (Excel, LibreOffice and Google Sheets show such a cell as text
/// and run nothing) and the field in double quotes, so that <c>=cmd|' /C calc'!A0</c> is written
/// <c>"'=cmd|' /C calc'!A0"</c>.</para>
/// <para>Numbers are data, not formulas: a cell that is a plain decimal number (<c>-0.5</c>,
/// <c>+3</c>, <c>1e-05</c>) is left as it is, whichever column it is in. The rule looks at the
/// text of the cell, not at its column, so no column can be forgotten, and a spreadsheet reads
/// nothing but a number from such a cell. Text that already starts with quotes before a trigger
/// (<c>'=x</c>) gets one more, so that <see cref="Restore"/> gives back exactly what was written.</para>
/// </remarks>
public static partial class CsvFormat
{
    /// <summary>Decimals written for every non-integer value, so files diff cleanly.</summary>
    public const string Decimals = "F6";

    /// <summary>What <see cref="Neutralise"/> puts in front of a cell a spreadsheet would run: Excel's "this cell is text".</summary>
    public const char TextMark = '\'';

    /// <summary>The characters that start a formula in a spreadsheet (OWASP, "CSV Injection").</summary>
    public const string FormulaTriggers = "=+-@\t\r";

    /// <summary>A CsvHelper writer in OrgSim's dialect.</summary>
    public static CsvWriter Writer(TextWriter writer) =>
        CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);

    /// <summary>A number in the fixed format, or empty for an undefined value.</summary>
    public static string Number(double? value) =>
        value is { } v ? v.ToString(Decimals, CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>
    /// Writes <paramref name="value"/> as one field: as it is, or, when a spreadsheet would run it as
    /// a formula, <see cref="Neutralise">neutralised</see> and in double quotes.
    /// </summary>
    public static void WriteField(CsvWriter csv, string value)
    {
        ArgumentNullException.ThrowIfNull(csv);
        string cell = Neutralise(value);
        if (ReferenceEquals(cell, value))
        {
            csv.WriteField(value);
        }
        else
        {
            csv.WriteField(cell, CsvQuoting.Always);
        }
    }

    /// <summary>
    /// <paramref name="text"/> as a cell a spreadsheet shows as text: with <see cref="TextMark"/> in
    /// front when, after any quotes of its own, it starts with one of <see cref="FormulaTriggers"/>
    /// and is not a plain decimal number; otherwise <paramref name="text"/> itself.
    /// </summary>
    public static string Neutralise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CouldBeFormula(text) ? TextMark + text : text;
    }

    /// <summary>
    /// A cell read back: one leading <see cref="TextMark"/> removed where <see cref="Neutralise"/>
    /// would have added it, so <c>Restore(Neutralise(x)) == x</c> for every text <c>x</c>.
    /// </summary>
    public static string Restore(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 1 && cell[0] == TextMark && CouldBeFormula(cell) ? cell[1..] : cell;
    }

    /// <summary>Whether <paramref name="text"/>, without its leading quotes, starts with a trigger and is not a plain number.</summary>
    private static bool CouldBeFormula(string text)
    {
        ReadOnlySpan<char> rest = text.AsSpan().TrimStart(TextMark);
        return rest.Length > 0 && FormulaTriggers.Contains(rest[0], StringComparison.Ordinal) && !PlainNumber().IsMatch(rest);
    }

    /// <summary>A decimal number as the invariant culture writes one: optional sign, digits, point, exponent.</summary>
    [GeneratedRegex(@"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
