namespace OrgSim.Experiments.Jobs;

/// <summary>Stops a calibration with lines for the user (a value the scenario refuses, a run that fails).</summary>
internal sealed class CalibrationStopException(IReadOnlyList<string> lines) : Exception(string.Join("; ", lines))
{
    public IReadOnlyList<string> Lines { get; } = lines;
}
