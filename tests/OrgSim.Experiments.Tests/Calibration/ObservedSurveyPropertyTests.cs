using FsCheck.Xunit;
using OrgSim.Core.Agents;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Import;
using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Tests.Calibration;

/// <summary>
/// Properties of the reader over surveys drawn from a seed FsCheck draws: every valid survey —
/// either count form, any breakdown, columns in any order, units with commas, quotes or a leading
/// '=' written as OrgSim writes text — reads back to the rows written; and no text, however
/// broken, makes the reader fail other than with its list of problems. Replay fixes FsCheck's own
/// seed, so every run checks the same cases.
/// </summary>
public class ObservedSurveyPropertyTests
{
    private const string Replay = "(20261206,1415)";

    private static readonly string[] UnitNames = ["Sales North", "sales, south", "Ops \"core\"", "=Ops", "-Finance", "R&D", "Zürich", "Board"];

    /// <summary>One row as generated: the values the reader should give back.</summary>
    private sealed record Expected(int Week, Competency? Competency, int? Level, string? Unit, int Respondents, int[]? Stages, int Competent);

    [Property(MaxTest = 300, Replay = Replay)]
    public bool AValidSurvey_ReadsBackToTheRowsWritten(int seed)
    {
        var random = new Random(seed);
        bool stages = random.Next(2) == 0;
        var breakdown = (ObservedBreakdown)random.Next(3);
        List<Expected> rows = Generate(random, stages, breakdown);
        ObservedSurvey survey = ObservedSurveyReader.Read(new StringReader(Write(random, rows, stages, breakdown)), "survey.csv");

        return survey.Counts == (stages ? ObservedCounts.Stages : ObservedCounts.Competent)
            && survey.Breakdown == breakdown
            && survey.Rows.Count == rows.Count
            && rows.Zip(survey.Rows).All(pair => Same(pair.First, pair.Second));
    }

    [Property(MaxTest = 300, Replay = Replay)]
    public bool AnyText_IsReadOrRefusedWithProblems_NeverAnotherException(int seed)
    {
        var random = new Random(seed);
        bool stages = random.Next(2) == 0;
        var breakdown = (ObservedBreakdown)random.Next(3);
        string valid = Write(random, Generate(random, stages, breakdown), stages, breakdown);
        char[] text = valid.ToCharArray();
        const string Noise = ",\"\n\r;=-+@.0123456789xé ";
        for (int i = random.Next(1, 6); i > 0 && text.Length > 0; i--)
        {
            text[random.Next(text.Length)] = Noise[random.Next(Noise.Length)];
        }

        try
        {
            ObservedSurveyReader.Read(new StringReader(new string(text)), "survey.csv");
            return true;
        }
        catch (ImportException e)
        {
            return e.Problems.Count > 0 && e.Problems.All(p => !p.ToString().Contains('\n', StringComparison.Ordinal));
        }
    }

    private static List<Expected> Generate(Random random, bool stages, ObservedBreakdown breakdown)
    {
        int[] weeks = [.. Enumerable.Range(0, 300).OrderBy(_ => random.Next()).Take(random.Next(1, 5))];
        object?[] groups = breakdown switch
        {
            ObservedBreakdown.Level => [.. Enumerable.Range(0, 8).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(l => (object?)l)],
            ObservedBreakdown.Unit => [.. UnitNames.OrderBy(_ => random.Next()).Take(random.Next(1, 4))],
            _ => [null],
        };

        var rows = new List<Expected>();
        foreach (int week in weeks)
        {
            foreach (object? group in groups)
            {
                Competency?[] competencies = random.Next(4) == 0
                    ? [null]
                    : [.. Competencies.All.Where(_ => random.Next(2) == 0).Select(c => (Competency?)c).DefaultIfEmpty(Competency.Pacing)];
                foreach (Competency? competency in competencies)
                {
                    int respondents = random.Next(1, 500);
                    int ratings = competency is null ? 4 * respondents : respondents;
                    int[]? counts = null;
                    int competent = random.Next(ratings + 1);
                    if (stages)
                    {
                        int a = random.Next(ratings + 1), b = random.Next(ratings + 1), c = random.Next(ratings + 1);
                        int[] cuts = [0, .. new[] { a, b, c }.Order(), ratings];
                        counts = [.. Enumerable.Range(0, 4).Select(s => cuts[s + 1] - cuts[s])];
                        competent = counts[2] + counts[3];
                    }

                    rows.Add(new Expected(week, competency, group as int?, group as string, respondents, counts, competent));
                }
            }
        }

        return [.. rows.OrderBy(_ => random.Next())];
    }

    /// <summary>The rows as CSV, as OrgSim writes CSV, with the columns in a drawn order and competencies in a drawn case.</summary>
    private static string Write(Random random, List<Expected> rows, bool stages, ObservedBreakdown breakdown)
    {
        var columns = new List<(string Name, Func<Expected, string> Value)>
        {
            ("week", r => r.Week.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("competency", r => Case(random, r.Competency is { } c ? Competencies.Name(c) : "all")),
            ("respondents", r => Number(r.Respondents)),
        };
        if (breakdown == ObservedBreakdown.Level)
        {
            columns.Add(("level", r => Number(r.Level!.Value)));
        }
        else if (breakdown == ObservedBreakdown.Unit)
        {
            columns.Add(("unit", r => r.Unit!));
        }

        if (stages)
        {
            columns.AddRange(Enumerable.Range(0, 4).Select(s => ($"stage_{s}", (Func<Expected, string>)(r => Number(r.Stages![s])))));
        }
        else
        {
            columns.Add(("competent", r => Number(r.Competent)));
        }

        columns = [.. columns.OrderBy(_ => random.Next())];
        using var text = new StringWriter();
        using (var csv = CsvFormat.Writer(text))
        {
            foreach (var column in columns)
            {
                CsvFormat.WriteField(csv, column.Name);
            }

            csv.EndRecord();
            foreach (Expected row in rows)
            {
                foreach (var column in columns)
                {
                    CsvFormat.WriteField(csv, column.Value(row));
                }

                csv.EndRecord();
            }
        }

        return text.ToString();
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Case(Random random, string name) => random.Next(3) switch
    {
        0 => name.ToUpperInvariant(),
        1 => char.ToUpperInvariant(name[0]) + name[1..],
        _ => name,
    };

    private static bool Same(Expected expected, ObservedRow row)
    {
        int ratings = expected.Competency is null ? 4 * expected.Respondents : expected.Respondents;
        bool same = row.Week == expected.Week && row.Competency == expected.Competency && row.Level == expected.Level
            && row.Unit == expected.Unit && row.Respondents == expected.Respondents && row.Ratings == ratings
            && row.Competent == expected.Competent && row.HasStages == (expected.Stages is not null)
            && row.CompetentShare() == expected.Competent / (double)ratings;
        return same && (expected.Stages is not { } counts
            || (counts.SequenceEqual(Enumerable.Range(0, 4).Select(s => row.StageCount((Stage)s)))
                && row.StageShares().SequenceEqual(counts.Select(c => c / (double)ratings))));
    }
}
