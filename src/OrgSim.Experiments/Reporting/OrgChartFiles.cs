namespace OrgSim.Experiments.Reporting;

/// <summary>
/// The org chart of each arm is saved beside the run records (so resume, shards and merge keep
/// it) and combined into <see cref="OrgChart.FileName"/> when the tables are assembled.
/// </summary>
public static class OrgChartFiles
{
    /// <summary>Saves arm <paramref name="arm"/>'s chart into the runs folder, atomically.</summary>
    public static void WriteArm(string runsFolder, int arm, string name, OrgChartRecorder recorder)
    {
        ArgumentNullException.ThrowIfNull(recorder);
        var chart = new OrgChart(recorder.Teams, [new OrgChartArm(name, recorder.Weeks)], [recorder.FinalCompetencyShares]);
        string target = Path.Combine(runsFolder, FileName(arm));
        string temporary = target + ".tmp-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(temporary, chart.ToJson());
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>The charts of every arm found in the runs folder, in arm order, combined; null if there is none.</summary>
    public static OrgChart? Combine(string runsFolder, int arms)
    {
        var parts = Enumerable.Range(0, arms)
            .Select(a => Path.Combine(runsFolder, FileName(a)))
            .Select(OrgChart.ReadFile)
            .OfType<OrgChart>()
            .ToList();
        return parts.Count == 0 ? null : new OrgChart(parts[0].Teams, parts.SelectMany(p => p.Arms).ToList(), parts.SelectMany(p => p.FinalCompetencyShares).ToList());
    }

    private static string FileName(int arm) => $"orgchart-a{arm.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)}.json";
}
