using System.Globalization;
using CsvHelper;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Import;

/// <summary>
/// The CSV side shared by the importers: opens a file with CsvHelper in OrgSim's dialect (comma
/// separated, RFC 4180 quoting, UTF-8 with or without a byte order mark), finds columns by name,
/// tracks rows, and collects problems until the importer decides whether to throw.
/// </summary>
/// <remarks>
/// It belongs in its own file, <c>ImportCsv.cs</c>; it sits beside <see cref="ImportProblem"/>,
/// which it exists to produce, only because the import issue fixed the list of files.
/// </remarks>
internal sealed class ImportCsv : IDisposable
{
    private readonly CsvReader _reader;
    private readonly List<ImportProblem> _problems = [];

    private ImportCsv(Func<CsvReaderOptions, CsvReader> open, string file)
    {
        File = file;
        var options = new CsvReaderOptions
        {
            // Fixed, not detected: a one-column file must not be read with a guessed separator.
            Separator = ',',
            TrackLineNumbers = true,
            TrimWhitespace = true,
            DetectSeparatorHint = false,
            OnMalformedRecord = m =>
            {
                if (QuotingProblem(file, m) is { } problem)
                {
                    _problems.Add(problem);
                }
            },
        };
        _reader = open(options);

        // Reading the header here makes an empty file an ordinary problem rather than an exception.
        _reader.ReadHeader();
        Header = _reader.Headers.Select(h => h.Trim()).ToArray();
        HeaderRow = Header.Count == 0 ? 1 : (int)_reader.LineNumber;
    }

    /// <summary>What the messages of <see cref="Open(string, string?)"/> call the file they read.</summary>
    private const string ImportedKind = "an HR export or edge list";

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>The column names, trimmed; empty for an empty file.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The row of the header: 1 unless blank lines come before it.</summary>
    public int HeaderRow { get; }

    /// <summary>The row of the current record.</summary>
    public int Row { get; private set; }

    /// <summary>Whether an error has been found.</summary>
    public bool HasErrors => _problems.Exists(p => p.IsError);

    /// <summary>The number of errors found so far, for a reader that stops after a cap.</summary>
    public int ErrorCount => _problems.Count(p => p.IsError);

    /// <summary>
    /// Opens <paramref name="path"/>, naming it <paramref name="shownAs"/> (or its path) in problems. A
    /// file that cannot be opened, is not a regular file, is larger than
    /// <see cref="ScenarioLimits.MaxImportBytes"/> or is not UTF-8 is an <see cref="ImportException"/>.
    /// </summary>
    public static ImportCsv Open(string path, string? shownAs = null) => Open(path, shownAs, ScenarioLimits.MaxImportBytes, ImportedKind);

    /// <summary>
    /// Opens <paramref name="path"/> as <see cref="Open(string, string?)"/> does, for a file of at most
    /// <paramref name="maxBytes"/> that messages call <paramref name="kind"/> ("an observed survey").
    /// </summary>
    public static ImportCsv Open(string path, string? shownAs, long maxBytes, string kind)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(kind);
        string file = shownAs ?? path;
        if (FileProblem(path, maxBytes, kind) is (not InputFile.Trouble.Missing, { } problem))
        {
            throw new ImportException([new ImportProblem(file, 0, problem, IsError: true)]);
        }

        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string reason = e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : "the file cannot be read: " + e.Message;
            throw new ImportException([new ImportProblem(file, 0, $"{reason}; check the path, which is relative to the scenario file", IsError: true)]);
        }

        try
        {
            CheckUtf8(stream, file);
            var text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: false);
            return new ImportCsv(options => CsvReader.Create(text, options, leaveOpen: false), file);
        }
        catch (IOException e)
        {
            // Opened but not readable: /proc/self/mem, a failing disk.
            stream.Dispose();
            throw new ImportException([new ImportProblem(file, 0, $"the file cannot be read: {e.Message}; name {kind} saved as a CSV file", IsError: true)]);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// What stops the file at <paramref name="path"/> from being imported, found without opening it,
    /// and the problem in words that follow its name ("is a folder; name the CSV file in it"): null
    /// for a file to read, and for a missing one, which each caller words its own way.
    /// </summary>
    public static (InputFile.Trouble Trouble, string? Problem) FileProblem(string path) => FileProblem(path, ScenarioLimits.MaxImportBytes, ImportedKind);

    /// <summary>As <see cref="FileProblem(string)"/>, for a file of at most <paramref name="maxBytes"/> that messages call <paramref name="kind"/>.</summary>
    public static (InputFile.Trouble Trouble, string? Problem) FileProblem(string path, long maxBytes, string kind)
    {
        var (trouble, words) = InputFile.Check(path, maxBytes);
        return (trouble, trouble switch
        {
            InputFile.Trouble.Folder => $"{words}; name the CSV file in it",
            InputFile.Trouble.NotAFile => $"{words}; name a CSV file",
            InputFile.Trouble.TooLarge => $"{words}; {kind} may be at most {InputFile.Limit(maxBytes)}, so check that this is the file you meant",
            _ => null,
        });
    }

    /// <summary>
    /// Stops at the first row that is not UTF-8, before any is read: decoded as it is, "Café" and
    /// "Cafè" saved as Windows-1252 would both become "Caf�", and two teams one. A file with a UTF-16
    /// byte order mark is decoded as UTF-16 (Excel's "Unicode Text"), so it is not checked here.
    /// </summary>
    private static void CheckUtf8(Stream stream, string file)
    {
        Span<byte> start = stackalloc byte[3];
        int read = stream.ReadAtLeast(start, 3, throwOnEndOfStream: false);
        bool utf16 = read >= 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF));
        bool bom = read == 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF;
        stream.Position = bom ? 3 : 0;
        if (!utf16 && Utf8Check.Find(stream) is { } invalid)
        {
            throw new ImportException([new ImportProblem(file, (int)invalid.Line, $"the row is not UTF-8 text ({invalid.Describe()}); save the file as UTF-8: in Excel, Save As \"CSV UTF-8 (Comma delimited)\" rather than \"CSV (Comma delimited)\"", IsError: true)]);
        }

        stream.Position = 0;
    }

    /// <summary>Reads CSV text from <paramref name="reader"/> (left open), naming it <paramref name="file"/> in problems.</summary>
    public static ImportCsv Open(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(file);
        return new ImportCsv(options => CsvReader.Create(reader, options, leaveOpen: true), file);
    }

    private static ImportProblem? QuotingProblem(string file, CsvMalformedRecord record)
    {
        int row = (int)record.LineNumber;
        return record.Reason switch
        {
            // A lone quote inside a value (5" screen) is kept as text, as a spreadsheet would.
            CsvMalformedReason.StrayQuote => null,
            CsvMalformedReason.UnterminatedQuote => new ImportProblem(file, row, "a quoted value is never closed, so the rest of the file reads as one value; add the closing double quote", IsError: true),
            _ => new ImportProblem(file, row, "text follows the closing quote of a value; quote the whole value and double any quote inside it (\"a \"\"b\"\" c\")", IsError: true),
        };
    }

    /// <summary>
    /// The index of the column named <paramref name="name"/>: the exact name, else the one name equal
    /// ignoring case; -1 when absent. Two columns of that name are an error.
    /// </summary>
    public int Column(string name)
    {
        int exact = -1, loose = -1, looseCount = 0;
        for (int i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], name, StringComparison.Ordinal))
            {
                if (exact >= 0)
                {
                    Error(HeaderRow, $"the header names column \"{name}\" twice (columns {exact + 1} and {i + 1}); rename or remove one");
                    return exact;
                }

                exact = i;
            }
            else if (string.Equals(Header[i], name, StringComparison.OrdinalIgnoreCase))
            {
                loose = loose < 0 ? i : loose;
                looseCount++;
            }
        }

        if (exact < 0 && looseCount > 1)
        {
            Error(HeaderRow, $"the header has {looseCount} columns named \"{name}\" in different cases; rename or remove all but one");
        }

        return exact >= 0 ? exact : loose;
    }

    /// <summary>Reports that column <paramref name="name"/> is missing, with the columns found and the nearest of them.</summary>
    public void MissingColumn(string name, string why)
    {
        string found = Header.Count == 0 ? "none" : string.Join(", ", Header.Select(h => $"\"{h}\""));
        string? nearest = NameSuggester.Suggest(name, Header);
        string hint = nearest is null ? string.Empty : $"; did you mean \"{nearest}\"?";
        string separator = Header.Count == 1 && (Header[0].Contains(';', StringComparison.Ordinal) || Header[0].Contains('\t', StringComparison.Ordinal))
            ? $"; the values seem to be separated by {(Header[0].Contains(';', StringComparison.Ordinal) ? "semicolons" : "tabs")}: save the file as comma-separated CSV"
            : string.Empty;
        Error(HeaderRow, $"column \"{name}\" is missing ({why}); the header has {found}{hint}{separator}");
    }

    /// <summary>Advances to the next record; a record whose field count differs from the header's is an error.</summary>
    public bool Read()
    {
        if (!_reader.Read())
        {
            return false;
        }

        Row = (int)_reader.LineNumber;
        if (_reader.FieldCount != Header.Count)
        {
            Error(Row, $"the row has {_reader.FieldCount} values but the header has {Header.Count} columns; a value that contains a comma needs double quotes around it");
        }

        return true;
    }

    /// <summary>Field <paramref name="column"/> of the current record, trimmed; empty when the column is -1 or the record is short.</summary>
    public string Get(int column) => column < 0 ? string.Empty : _reader.GetString(column).Trim();

    /// <summary>Adds an error at <paramref name="row"/>.</summary>
    public void Error(int row, string message) => _problems.Add(new ImportProblem(File, row, message, IsError: true));

    /// <summary>Adds a warning at <paramref name="row"/>.</summary>
    public void Warning(int row, string message) => _problems.Add(new ImportProblem(File, row, message, IsError: false));

    /// <summary>All problems so far in row order (stable), quoting problems included.</summary>
    public List<ImportProblem> Problems()
    {
        // OrderBy is stable: problems on one row keep the order they were found in.
        return [.. _problems.OrderBy(p => p.Row)];
    }

    /// <summary>Throws an <see cref="ImportException"/> with every problem if any is an error; else returns the warnings.</summary>
    public IReadOnlyList<ImportProblem> ThrowIfErrors()
    {
        List<ImportProblem> problems = Problems();
        if (problems.Exists(p => p.IsError))
        {
            throw new ImportException(problems);
        }

        return problems;
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();
}
