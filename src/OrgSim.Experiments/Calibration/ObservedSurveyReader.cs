using System.Globalization;
using OrgSim.Core.Agents;
using OrgSim.Core.Graph;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Calibration;

/// <summary>
/// Reads an observed survey — tidy CSV, one row per wave, competency and group:
/// <c>week, competency, [level|unit], respondents</c> and either <c>stage_0 … stage_3</c> or
/// <c>competent</c> — and checks every value, as the HR import does: every problem at once (up to
/// <see cref="MaxErrors"/>), each as <c>file:row: what is wrong; what to fix</c>.
/// </summary>
/// <remarks>
/// Column names match ignoring case and in any order; values are trimmed. Competency names match
/// ignoring case. A unit written as OrgSim's exports protect text that looks like a formula
/// (<c>'=x</c>) is read back without the quote (<see cref="CsvFormat.Restore"/>); any other cell
/// that looks like a formula is refused, since the file then holds the formula and not its value.
/// docs/calibration.md lists every problem.
/// </remarks>
public static class ObservedSurveyReader
{
    /// <summary>The errors reported before the reader stops reading rows: 100.</summary>
    public const int MaxErrors = 100;

    /// <summary>The largest whole number a count or a week may be: 100,000,000.</summary>
    public const int MaxNumber = 100_000_000;

    /// <summary>The competency name of a row that pools the four competencies.</summary>
    public const string Pooled = "all";

    // Before Columns, which is initialised from it: static fields are initialised in text order.
    private static readonly string[] StageColumns = ["stage_0", "stage_1", "stage_2", "stage_3"];

    /// <summary>The column names, as docs/calibration.md lists them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        [Week, Competency, Level, Unit, Respondents, .. StageColumns, Competent];

    private const string Week = "week", Competency = "competency", Level = "level", Unit = "unit",
        Respondents = "respondents", Competent = "competent", Kind = "an observed survey";

    private const string ColumnList = "week, competency, level or unit (optional), respondents, and either stage_0, stage_1, stage_2, stage_3 or competent";

    /// <summary>Reads the observed survey at <paramref name="path"/>.</summary>
    /// <exception cref="ImportException">The file cannot be read or has errors; every problem is listed, one line each.</exception>
    public static ObservedSurvey Read(string path) => Read(path, path);

    /// <summary>Reads the observed survey at <paramref name="path"/>, naming it <paramref name="shownAs"/> in problems.</summary>
    /// <exception cref="ImportException">The file cannot be read or has errors; every problem is listed, one line each.</exception>
    public static ObservedSurvey Read(string path, string shownAs)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(shownAs);
        if (ImportCsv.FileProblem(path, ScenarioLimits.MaxObservedSurveyBytes, Kind).Trouble == InputFile.Trouble.Missing)
        {
            throw new ImportException([new ImportProblem(shownAs, 0, "the file does not exist; check the path", IsError: true)]);
        }

        using ImportCsv csv = ImportCsv.Open(path, shownAs, ScenarioLimits.MaxObservedSurveyBytes, Kind);
        return Read(csv);
    }

    /// <summary>Reads an observed survey from <paramref name="reader"/> (left open), named <paramref name="fileName"/> in problems.</summary>
    /// <exception cref="ImportException">The text has errors; every problem is listed, one line each.</exception>
    public static ObservedSurvey Read(TextReader reader, string fileName)
    {
        using ImportCsv csv = ImportCsv.Open(reader, fileName);
        return Read(csv);
    }

    /// <summary>Where each column is: -1 when absent.</summary>
    private sealed record Layout(int Week, int Competency, int Level, int Unit, int Respondents, int[] Stages, int Competent)
    {
        public ObservedCounts Counts => Competent >= 0 ? ObservedCounts.Competent : ObservedCounts.Stages;

        public ObservedBreakdown Breakdown => Level >= 0 ? ObservedBreakdown.Level : Unit >= 0 ? ObservedBreakdown.Unit : ObservedBreakdown.None;
    }

    private static ObservedSurvey Read(ImportCsv csv)
    {
        if (csv.Header.Count == 0)
        {
            csv.Error(1, $"the file is empty; its first row should be the header, naming the columns {ColumnList}");
            csv.ThrowIfErrors();
        }

        Layout layout = ReadHeader(csv);
        csv.ThrowIfErrors();

        var rows = new List<ObservedRow>();
        var firstRow = new Dictionary<(int Week, int Competency, int Level, string Unit), int>();
        var groups = new Dictionary<(int Week, int Level, string Unit), (int Pooled, int Single)>();
        while (csv.Read())
        {
            if (csv.ErrorCount >= MaxErrors)
            {
                csv.Error(csv.Row, $"stopped reading after {MaxErrors} errors; fix these and read the file again");
                break;
            }

            if (ReadRow(csv, layout) is not { } row)
            {
                continue;
            }

            var key = (row.Week, row.Competency is { } c ? (int)c : -1, row.Level ?? -1, row.Unit?.ToUpperInvariant() ?? string.Empty);
            if (!firstRow.TryAdd(key, row.FileRow))
            {
                csv.Error(row.FileRow, $"week {row.Week}, {CompetencyName(row.Competency)}{Group(row)} already has a row (row {firstRow[key]}); keep one row per {(GroupColumn(layout).Length == 0 ? "week and competency" : "week, competency" + GroupColumn(layout))} (add the counts of two waves in the same week)");
                continue;
            }

            var groupKey = (row.Week, row.Level ?? -1, row.Unit?.ToUpperInvariant() ?? string.Empty);
            groups.TryGetValue(groupKey, out var seen);
            int clash = row.Competency is null ? seen.Single : seen.Pooled;
            if (clash > 0)
            {
                csv.Error(row.FileRow, $"week {row.Week}{Group(row)} has both a row for \"{Pooled}\" and a row for one competency (rows {clash} and {row.FileRow}); the \"{Pooled}\" row pools the four, so give either the four competencies or \"{Pooled}\", not both");
                continue;
            }

            groups[groupKey] = row.Competency is null ? seen with { Pooled = row.FileRow } : seen with { Single = seen.Single > 0 ? seen.Single : row.FileRow };
            rows.Add(row);
        }

        if (rows.Count == 0 && !csv.HasErrors)
        {
            csv.Error(csv.HeaderRow, "the file has a header but no rows; add one row per wave, competency and group below it");
        }

        csv.ThrowIfErrors();
        return new ObservedSurvey(csv.File, layout.Counts, layout.Breakdown, rows);
    }

    private static Layout ReadHeader(ImportCsv csv)
    {
        for (int i = 0; i < csv.Header.Count; i++)
        {
            string name = csv.Header[i];
            if (name.Length == 0)
            {
                csv.Error(csv.HeaderRow, $"column {i + 1} has no name; remove the empty column (a comma at the end of the header makes one) or name it: the columns are {ColumnList}");
            }
            else if (!Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                string? nearest = NameSuggester.Suggest(name, Columns);
                string hint = nearest is null ? string.Empty : $"did you mean \"{nearest}\"? ";
                csv.Error(csv.HeaderRow, $"column \"{MessageText.Shown(name)}\" is unknown; {hint}the columns are {ColumnList}: rename or remove it");
            }
        }

        int week = Required(csv, Week, "it holds the week of each wave since the programme started");
        int competency = Required(csv, Competency, $"it holds decisiveness, circularity, pacing, feedforward or {Pooled}");
        int respondents = Required(csv, Respondents, "it holds how many people answered");
        int level = csv.Column(Level), unit = csv.Column(Unit);
        if (level >= 0 && unit >= 0)
        {
            csv.Error(csv.HeaderRow, "the header has both \"level\" and \"unit\"; a file breaks down by one of them: keep one column, and put the other breakdown in a second file");
        }

        int[] stages = [.. StageColumns.Select(csv.Column)];
        int competent = csv.Column(Competent);
        if (competent >= 0 && stages.Any(s => s >= 0))
        {
            string given = string.Join(", ", StageColumns.Where((_, s) => stages[s] >= 0));
            csv.Error(csv.HeaderRow, $"the header has both \"competent\" and stage columns ({given}); a file gives either the four stage counts or the competent count: keep one form");
        }
        else if (competent < 0 && stages.All(s => s < 0))
        {
            string found = string.Join(", ", csv.Header.Select(h => $"\"{MessageText.Shown(h)}\""));
            csv.Error(csv.HeaderRow, $"the counts are missing: add the columns stage_0, stage_1, stage_2, stage_3 (ratings at each stage) or a column competent (ratings at stage 2 or 3); the header has {found}");
        }
        else if (competent < 0)
        {
            for (int s = 0; s < StageColumns.Length; s++)
            {
                if (stages[s] < 0)
                {
                    csv.MissingColumn(StageColumns[s], $"it holds how many ratings were at stage {s}; the four stage columns go together");
                }
            }
        }

        return new Layout(week, competency, level, unit, respondents, stages, competent);
    }

    private static int Required(ImportCsv csv, string name, string why)
    {
        int index = csv.Column(name);
        if (index < 0)
        {
            csv.MissingColumn(name, why);
        }

        return index;
    }

    /// <summary>The row as read, or null when a value in it is wrong (each reported).</summary>
    private static ObservedRow? ReadRow(ImportCsv csv, Layout layout)
    {
        int row = csv.Row;
        int errors = csv.ErrorCount;
        int week = Whole(csv, layout.Week, 0, MaxNumber, "the week since the programme started (0 is its start)") ?? 0;
        Competency? competency = ReadCompetency(csv, layout.Competency, out bool known);
        int? level = layout.Level < 0 ? null : Whole(csv, layout.Level, 0, HierarchyGenerator.MaxLevels - 1, "the hierarchy level, 0 at the top");
        string? unit = layout.Unit < 0 ? null : ReadUnit(csv, layout.Unit);
        int? respondents = Whole(csv, layout.Respondents, 1, MaxNumber, "how many people answered");
        int[] counts = layout.Counts == ObservedCounts.Stages
            ? [.. layout.Stages.Select(s => Whole(csv, s, 0, MaxNumber, "a count of ratings") ?? -1)]
            : [Whole(csv, layout.Competent, 0, MaxNumber, "a count of ratings") ?? -1];
        if (csv.ErrorCount > errors || !known || respondents is not { } people)
        {
            return null;
        }

        int ratings = competency is null ? people * Competencies.Count : people;
        string rated = competency is null ? $"{ratings} ratings ({people} respondents × 4 competencies, as \"{Pooled}\" pools them)" : $"the {people} respondents";
        if (layout.Counts == ObservedCounts.Stages)
        {
            long sum = counts.Sum(c => (long)c);
            if (sum != ratings)
            {
                csv.Error(row, $"stage_0 … stage_3 add up to {sum} ({string.Join(" + ", counts)}) but should add up to {rated}; every rating is at one stage: correct a count or respondents");
                return null;
            }

            return new ObservedRow(row, week, competency, level, unit, people, counts, counts[2] + counts[3]);
        }

        if (counts[0] > ratings)
        {
            csv.Error(row, $"competent is {counts[0]}, more than {rated}; correct competent or respondents");
            return null;
        }

        return new ObservedRow(row, week, competency, level, unit, people, null, counts[0]);
    }

    private static Competency? ReadCompetency(ImportCsv csv, int column, out bool known)
    {
        string value = csv.Get(column);
        string name = value.ToLowerInvariant();
        known = true;
        if (name == Pooled)
        {
            return null;
        }

        if (Competencies.TryParse(name, out Competency competency))
        {
            return competency;
        }

        known = false;
        string[] names = [.. Competencies.All.Select(Competencies.Name), Pooled];
        string? nearest = value.Length == 0 ? null : NameSuggester.Suggest(name, names);
        string hint = nearest is null ? string.Empty : $"did you mean \"{nearest}\"? ";
        csv.Error(csv.Row, value.Length == 0
            ? $"the competency is blank; write one of {string.Join(", ", names)} (\"{Pooled}\" for the four pooled)"
            : $"competency \"{MessageText.Shown(value)}\" is unknown; {hint}write one of {string.Join(", ", names)} (\"{Pooled}\" for the four pooled)");
        return null;
    }

    private static string? ReadUnit(ImportCsv csv, int column)
    {
        string cell = csv.Get(column);
        string unit = CsvFormat.Restore(cell);
        if (unit.Length == 0)
        {
            csv.Error(csv.Row, "the unit is blank; name the unit of every row as the HR export names its team, or leave the unit column out for the whole organisation");
            return null;
        }

        if (ReferenceEquals(unit, cell) && LooksLikeFormula(cell))
        {
            csv.Error(csv.Row, $"unit \"{MessageText.Shown(cell)}\" looks like a spreadsheet formula; export the values, not the formulas, or if it is the unit's name put a ' in front ('{MessageText.Shown(cell)}), as OrgSim's own exports do");
            return null;
        }

        return unit;
    }

    /// <summary>The whole number in <paramref name="column"/>, in [<paramref name="min"/>, <paramref name="max"/>]; null, with an error, otherwise.</summary>
    private static int? Whole(ImportCsv csv, int column, int min, int max, string meaning)
    {
        string name = csv.Header[column];
        string value = csv.Get(column);
        string wanted = $"write a whole number from {min.ToString("N0", CultureInfo.InvariantCulture)}: {meaning}";
        if (value.Length == 0)
        {
            csv.Error(csv.Row, $"{name} is blank; {wanted}");
            return null;
        }

        if (LooksLikeFormula(value))
        {
            csv.Error(csv.Row, $"{name} is \"{MessageText.Shown(value)}\", a spreadsheet formula, not its value; export the values (in Excel, copy and Paste Special > Values before saving)");
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
        {
            csv.Error(csv.Row, $"{name} is \"{MessageText.Shown(value)}\", not a number; {wanted}, with no thousands separator");
            return null;
        }

        if (number != Math.Floor(number))
        {
            csv.Error(csv.Row, $"{name} is {value}, not a whole number; {wanted}");
            return null;
        }

        if (number < min)
        {
            string why = min == 1 && name.Equals(Respondents, StringComparison.OrdinalIgnoreCase)
                ? $"{name} is {value}; a wave no one answered tells nothing: drop the row, or give how many answered"
                : $"{name} is {value}, below {min}; {wanted}";
            csv.Error(csv.Row, why);
            return null;
        }

        if (number > max)
        {
            csv.Error(csv.Row, $"{name} is {value}, above {max.ToString("N0", CultureInfo.InvariantCulture)}; {wanted} to {max.ToString("N0", CultureInfo.InvariantCulture)}");
            return null;
        }

        return (int)number;
    }

    /// <summary>Whether a spreadsheet would run <paramref name="cell"/> as a formula: it starts with = + - @ and is not a plain number.</summary>
    private static bool LooksLikeFormula(string cell) => !string.Equals(CsvFormat.Neutralise(cell), cell, StringComparison.Ordinal);

    private static string CompetencyName(Competency? competency) => competency is { } c ? Competencies.Name(c) : Pooled;

    private static string Group(ObservedRow row) =>
        row.Level is { } level ? $", level {level}" : row.Unit is { } unit ? $", unit \"{MessageText.Shown(unit)}\"" : string.Empty;

    private static string GroupColumn(Layout layout) => layout.Breakdown switch
    {
        ObservedBreakdown.Level => " and level",
        ObservedBreakdown.Unit => " and unit",
        _ => string.Empty,
    };
}
