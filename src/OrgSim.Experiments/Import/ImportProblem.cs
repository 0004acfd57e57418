using System.Globalization;
using CsvHelper;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Import;

/// <summary>One problem found in an imported file: where it is, what is wrong and what to do.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Row">
/// The 1-based row as a spreadsheet shows it: the header is row 1 and blank lines count. A value
/// with a line break inside quotes counts its lines, so the row is the line the record starts on.
/// 0 when the problem has no place in the file (it cannot be opened).
/// </param>
/// <param name="Message">What is wrong and how to fix it, in one sentence.</param>
/// <param name="IsError">True for an error (nothing is imported); false for a warning (the import goes on and says how).</param>
public sealed record ImportProblem(string File, int Row, string Message, bool IsError)
{
    /// <summary>
    /// The compiler-style one-line form, <c>file:row: message</c>; a warning's message is prefixed
    /// with <c>warning: </c> so that a list mixing both reads unambiguously.
    /// </summary>
    public override string ToString()
    {
        string message = IsError ? Message : "warning: " + Message;
        return Row > 0 ? $"{File}:{Row.ToString(CultureInfo.InvariantCulture)}: {message}" : $"{File}: {message}";
    }
}
