using System.Globalization;
using System.Text.Json;
using OrgSim.Core.Agents;

namespace OrgSim.Experiments.Report;

/// <summary>A mean over replicates with its 95% interval (Student t); the bounds are the mean when there is one replicate.</summary>
/// <param name="Mean">The mean.</param>
/// <param name="Low">Lower bound of the 95% interval.</param>
/// <param name="High">Upper bound of the 95% interval.</param>
public readonly record struct Band(double Mean, double Low, double High);

/// <summary>One arm at one sweep point, aggregated over its replicates, week by week: what the charts draw.</summary>
/// <param name="Point">The sweep point.</param>
/// <param name="Arm">The arm's name.</param>
/// <param name="Replicates">How many replicates were aggregated.</param>
/// <param name="CompetentShare">Per week 0..H: share of agent–competency pairs at stage ≥ 2.</param>
/// <param name="StageShares">Per competency (decisiveness, circularity, pacing, feedforward), per week, the mean share of agents at each stage 0..3: [competency][week][stage].</param>
/// <param name="LevelShares">Per week, per hierarchy level (0 = top), the mean competent share: [week][level].</param>
/// <param name="FrontMean">Per week, the mean over replicates of the mean distance of competent agents from the nearest seed (NaN where no replicate had one).</param>
/// <param name="FrontMax">Per week, the same for the largest distance.</param>
/// <param name="EffectivenessAgents">Per week, the mean agent effectiveness.</param>
/// <param name="CohortRetention">Per week since training 0..H, the share of the trained pairs at stage ≥ 2, mean over the replicates that reached that week with its 95% band; NaN where none did.</param>
public sealed record ArmSeries(
    int Point,
    string Arm,
    int Replicates,
    IReadOnlyList<Band> CompetentShare,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> StageShares,
    IReadOnlyList<IReadOnlyList<double>> LevelShares,
    IReadOnlyList<double> FrontMean,
    IReadOnlyList<double> FrontMax,
    IReadOnlyList<double> EffectivenessAgents,
    IReadOnlyList<Band> CohortRetention)
{
    /// <summary>Per replicate (by its index), per week 0..H, the run's competent share: for crossovers replicate by replicate. Empty when not read.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<double>> CompetentShareByReplicate { get; init; } = new Dictionary<int, IReadOnlyList<double>>();
}

/// <summary>A row of summary.csv or contrasts.csv, parsed.</summary>
/// <param name="Point">The sweep point.</param>
/// <param name="Arm">The arm.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Mean">Mean (summary) or difference (contrasts); null if undefined.</param>
/// <param name="Low">Lower 95% bound, or null.</param>
/// <param name="High">Upper 95% bound, or null.</param>
/// <param name="N">Runs that contributed.</param>
/// <param name="ReferenceArm">Contrasts: the arm compared against; null for summary rows.</param>
public sealed record StatRow(int Point, string Arm, string Metric, double? Mean, double? Low, double? High, int N, string? ReferenceArm = null);

/// <summary>
/// The results of a run, read back from its output folder (the CSV files and <c>run.json</c>),
/// aggregated for drawing. <c>orgsim run</c> and <c>orgsim plot DIR</c> both draw from this, so a
/// chart never needs the simulation again.
/// </summary>
public sealed record ResultTables
{
    /// <summary>The scenario's name.</summary>
    public required string Name { get; init; }

    /// <summary>The scenario's description.</summary>
    public required string Description { get; init; }

    /// <summary>The question the scenario asks: its <c>question</c> key, else its opening comment (empty if it has neither).</summary>
    public required string Question { get; init; }

    /// <summary>The scenario's <c>title</c> (empty if it has none, or the run.json predates the key).</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>The report's heading: the title, or the name without one.</summary>
    public string Heading => Title.Trim() is { Length: > 0 } title ? title : Name;

    /// <summary>The horizon in weeks.</summary>
    public required int HorizonWeeks { get; init; }

    /// <summary>Weeks after an arm's last seeding wave at which <c>retention</c> is measured (<c>metrics.retention_weeks</c>).</summary>
    public int RetentionWeeks { get; init; } = 52;

    /// <summary>The arms, in the scenario's order.</summary>
    public required IReadOnlyList<string> Arms { get; init; }

    /// <summary>The swept key paths (empty without a sweep).</summary>
    public required IReadOnlyList<string> ParameterPaths { get; init; }

    /// <summary>Each point's values of <see cref="ParameterPaths"/>.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Points { get; init; }

    /// <summary>Every (point, arm) present, aggregated over replicates.</summary>
    public required IReadOnlyList<ArmSeries> Series { get; init; }

    /// <summary>summary.csv.</summary>
    public required IReadOnlyList<StatRow> Summary { get; init; }

    /// <summary>contrasts.csv.</summary>
    public required IReadOnlyList<StatRow> Contrasts { get; init; }

    /// <summary>The sensitivity analysis of each output, from sensitivity.csv; empty when the folder has none.</summary>
    public IReadOnlyList<Sensitivity.OutputAnalysis> Sensitivity { get; init; } = [];

    /// <summary>The summary value of <paramref name="metric"/> for <paramref name="arm"/> at <paramref name="point"/>, or null.</summary>
    public StatRow? Stat(int point, string arm, string metric) => Summary.FirstOrDefault(r => r.Point == point && r.Arm == arm && r.Metric == metric);

    /// <summary>"model.transmission = 0.02, seed = 3": the swept values of <paramref name="point"/> (the reader checks each point has one per parameter).</summary>
    public string PointValues(int point) =>
        string.Join(", ", ParameterPaths.Select((path, i) => path + " = " + (i < Points[point].Count ? Points[point][i] : "?")));

    /// <summary>
    /// How many of the arm's runs reached 50% competent, of how many, and the mean weeks to 50%
    /// (which counts runs that did not as H + 1): from <c>reached_50pct</c>, or without it all or
    /// none by the mean. Null without a <c>weeks_to_50pct</c> row.
    /// </summary>
    public (int Reached, int Runs, double MeanWeeks)? HalfwayReach(int point, string arm)
    {
        if (Stat(point, arm, "weeks_to_50pct") is not { Mean: double mean } weeks)
        {
            return null;
        }

        StatRow? reached = Stat(point, arm, "reached_50pct");
        int n = reached?.N ?? weeks.N;
        int hits = reached?.Mean is double share ? (int)Math.Round(share * n, MidpointRounding.AwayFromZero) : mean <= HorizonWeeks ? n : 0;
        return (hits, n, mean);
    }

    /// <summary>The competency names, in their order in <see cref="ArmSeries.StageShares"/>.</summary>
    public static IReadOnlyList<string> CompetencyNames { get; } = Competencies.All.Select(Competencies.Name).ToList();

    internal static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    internal static JsonElement Manifest(string folder) => JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, Output.ResultsFolder.ManifestFileName))).RootElement;
}
