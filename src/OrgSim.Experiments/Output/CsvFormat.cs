using System.Globalization;
using CsvHelper;

namespace OrgSim.Experiments.Output;

/// <summary>The one CSV dialect OrgSim writes: comma-separated, LF line ends, invariant culture, fixed decimals.</summary>
public static class CsvFormat
{
    /// <summary>Decimals written for every non-integer value, so files diff cleanly.</summary>
    public const string Decimals = "F6";

    /// <summary>A CsvHelper writer in OrgSim's dialect.</summary>
    public static CsvWriter Writer(TextWriter writer) =>
        CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);

    /// <summary>A number in the fixed format, or empty for an undefined value.</summary>
    public static string Number(double? value) =>
        value is { } v ? v.ToString(Decimals, CultureInfo.InvariantCulture) : string.Empty;
}
