using System.Globalization;
using System.Text;
using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Report;

/// <summary>
/// One CSV table of an output folder, read back row by row for <c>orgsim plot</c>: it must end with a
/// line end (else it was cut short), open with the header orgsim writes, and every row must have a
/// field per column. Anything else is a <see cref="DamagedFileException"/> naming the file and the
/// line; <see cref="TableRow"/> does the same for each field read.
/// </summary>
internal static class TableFile
{
    /// <summary>The data rows of the table at <paramref name="path"/>, whose columns must be <paramref name="header"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DamagedFileException">The file is empty, cut short, has another header or a row with another number of fields.</exception>
    public static IEnumerable<TableRow> Rows(string path, IReadOnlyList<string> header)
    {
        Output.OwnFile.Require(path, Output.OwnFile.NoLimit); // A pipe would block, a link to a device never end.
        bool wholeLast = EndsWithLineEnd(path);
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true); // A table saved again by a spreadsheet may start with a byte-order mark.
        var buffer = new StringBuilder();
        string? line = NextLine(reader, buffer, path, 1);
        if (line is null)
        {
            throw new DamagedFileException(path, "empty (no header)");
        }

        int number = 1;
        for (string? next = NextLine(reader, buffer, path, 2); ; next = NextLine(reader, buffer, path, number + 1))
        {
            // The line end after the last line is what tells a whole file from one cut inside that line.
            if (next is null && !wholeLast)
            {
                throw new DamagedFileException(path, number, "truncated (the file ends inside this line)");
            }

            string[] fields = Split(line);
            if (number == 1)
            {
                if (!fields.SequenceEqual(header, StringComparer.Ordinal))
                {
                    throw new DamagedFileException(path, 1, "the header is not the one orgsim writes for run.json's sweep");
                }
            }
            else if (fields.Length != header.Count)
            {
                throw new DamagedFileException(path, number, $"{fields.Length} fields where the header has {header.Count}");
            }
            else
            {
                yield return new TableRow(path, number, fields, header);
            }

            if (next is null)
            {
                yield break;
            }

            line = next;
            number++;
        }
    }

    /// <summary>The most characters a line of a table orgsim writes can hold: a row is a few hundred; a sweep's parameter values make it longer, never this long.</summary>
    private const int MaxLineChars = 1 << 20;

    /// <summary>The next line, or a damaged file if it is longer than any line orgsim writes (a file without line breaks would otherwise be read whole into one string).</summary>
    /// <param name="reader">The table.</param>
    /// <param name="line">A buffer reused for every line of the table.</param>
    /// <param name="path">The table's file, for the message.</param>
    /// <param name="number">The line's number, for the message.</param>
    private static string? NextLine(StreamReader reader, StringBuilder line, string path, int number)
    {
        line.Clear();
        for (int c = reader.Read(); c >= 0; c = reader.Read())
        {
            if (c == '\n')
            {
                return line.ToString();
            }

            if (c != '\r' || reader.Peek() != '\n')
            {
                line.Append((char)c);
            }

            if (line.Length > MaxLineChars)
            {
                throw new Output.DamagedFileException(path, number, "a line longer than any orgsim writes (1 MiB)");
            }
        }

        return line.Length > 0 ? line.ToString() : null;
    }

    private static bool EndsWithLineEnd(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (file.Length == 0)
        {
            return true; // Empty: said as such when the header is read.
        }

        file.Position = file.Length - 1;
        return file.ReadByte() == '\n';
    }

    /// <summary>The fields of one line the project wrote (fields never hold line breaks; quoted fields are unquoted, text marked against formulas restored).</summary>
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(Output.CsvFormat.Restore(current.ToString()));
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(Output.CsvFormat.Restore(current.ToString()));
        return [.. fields];
    }
}

/// <summary>One data row of a <see cref="TableFile"/>; each field read must be what orgsim writes in its column.</summary>
/// <param name="Path">The table's file.</param>
/// <param name="Line">The row's line, from 1 (the header).</param>
/// <param name="Fields">The row's fields, one per column.</param>
/// <param name="Header">The columns.</param>
internal readonly record struct TableRow(string Path, int Line, string[] Fields, IReadOnlyList<string> Header)
{
    /// <summary>The text of <paramref name="column"/>.</summary>
    public string Text(int column) => Fields[column];

    /// <summary>The whole number in <paramref name="column"/>, from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int Whole(int column, int min, int max) =>
        int.TryParse(Fields[column], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
            ? value
            : throw Damaged(column, $"not a whole number from {min} to {max}");

    /// <summary>The number in <paramref name="column"/>, or null where it is empty (undefined).</summary>
    public double? MaybeNumber(int column) => Fields[column].Length == 0 ? null : Number(column);

    /// <summary>The number in <paramref name="column"/>.</summary>
    public double Number(int column) =>
        double.TryParse(Fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw Damaged(column, "not a number");

    /// <summary>The index in <paramref name="values"/> of <paramref name="column"/>'s text; <paramref name="described"/> names the values for the message.</summary>
    public int IndexIn(int column, IReadOnlyList<string> values, string described)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], Fields[column], StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw Damaged(column, described);
    }

    private DamagedFileException Damaged(int column, string expected) =>
        new(Path, Line, $"{Header[column]} is '{Output.MessageText.Shown(Fields[column])}', {expected}");
}
