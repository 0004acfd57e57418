using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrgSim.Experiments.Report;

/// <summary>
/// The organisation as a tree of teams, and how far the new way of working had reached each team
/// week by week in one run per arm (point 0, replicate 0): what the report's org chart animates.
/// Teams, not agents, so the picture stays readable however large the organisation is; past
/// <see cref="OrgChartRecorder.MaxRecordedTeams"/> teams, groups of teams (<see cref="Grouping"/>),
/// so that the chart's size is bounded whatever the organisation's.
/// </summary>
/// <param name="Teams">The teams; a team's parent is the team of its members' manager (-1 at the top).</param>
/// <param name="Arms">Per arm, in scenario order: its name and per week, per team, the percentage (0–100) of the team's agent–competency pairs at stage ≥ 2.</param>
/// <param name="FinalCompetencyShares">Per arm, per team, per competency (decisiveness, circularity, pacing, feedforward): the share (0–1) of members at stage ≥ 2 at the horizon, for the per-team competency wheels.</param>
public sealed record OrgChart(
    IReadOnlyList<OrgChartTeam> Teams,
    IReadOnlyList<OrgChartArm> Arms,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> FinalCompetencyShares)
{
    /// <summary>How the chart's teams stand for groups of the organisation's teams, or null when they are its teams.</summary>
    /// <remarks>Left out of the file when null, so a chart of teams reads as it always did.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OrgChartGrouping? Grouping { get; init; }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The chart as compact JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a chart from <paramref name="path"/>, or null if there is no such file.</summary>
    /// <exception cref="Output.DamagedFileException">The file is not a chart orgsim writes: not JSON, a value missing or of the wrong kind, or parts that do not fit together.</exception>
    public static OrgChart? ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        OrgChart chart = Output.JsonFile.Deserialize<OrgChart>(path, Output.OwnFile.ReadText(path, Output.OwnFile.MaxOrgChartBytes), Json, "holds no org chart");
        return OrgChartCheck.Problem(chart) is { } problem ? throw new Output.DamagedFileException(path, problem) : chart;
    }

    /// <summary>The chart of one arm's run, as <paramref name="recorder"/> recorded it.</summary>
    public static OrgChart ForArm(string armName, OrgChartRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        return new OrgChart(recorder.Teams, [new OrgChartArm(armName, recorder.Weeks)], [recorder.FinalCompetencyShares]) { Grouping = recorder.Grouping };
    }

    /// <summary>The charts of several arms as one, in the order given; null if there is none.</summary>
    public static OrgChart? Combine(IReadOnlyList<OrgChart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return parts.Count == 0 ? null : new OrgChart(parts[0].Teams, parts.SelectMany(p => p.Arms).ToList(), parts.SelectMany(p => p.FinalCompetencyShares).ToList()) { Grouping = parts[0].Grouping };
    }
}

/// <summary>One team of the org chart.</summary>
/// <param name="Id">The team's id in the organisation.</param>
/// <param name="Parent">The index in <see cref="OrgChart.Teams"/> of the parent team, or -1.</param>
/// <param name="Level">The hierarchy level of its members.</param>
/// <param name="Size">Its members.</param>
/// <param name="Label">Its name in the HR export, else its manager's name in an imported organisation, else "team N".</param>
public sealed record OrgChartTeam(int Id, int Parent, int Level, int Size, string Label);

/// <summary>One arm's run on the org chart.</summary>
/// <param name="Name">The arm.</param>
/// <param name="Weeks">Per week 0..H, per team (in <see cref="OrgChart.Teams"/> order), the percentage of pairs at stage ≥ 2.</param>
public sealed record OrgChartArm(string Name, IReadOnlyList<IReadOnlyList<byte>> Weeks);
