using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Charts;

/// <summary>What the per-point charts draw: the arms of one sweep point, in the scenario's order.</summary>
/// <param name="Tables">All results.</param>
/// <param name="Series">The arms at the drawn point.</param>
/// <param name="Subtitle">The line under each title: scenario, point, replicates.</param>
internal sealed record ChartInput(ResultTables Tables, IReadOnlyList<ArmSeries> Series, string Subtitle)
{
    public int Horizon => Tables.HorizonWeeks;

    public int Point => Series[0].Point;

    /// <summary>The arm's colour, the same in every chart.</summary>
    public string Colour(string arm) => Palette.Arm(Math.Max(0, Tables.Arms.ToList().IndexOf(arm)));
}
