using System.Globalization;

namespace OrgSim.Experiments.Running;

/// <summary>
/// Where a run sits in a scenario: sweep point, arm (its index in the file) and replicate. The
/// canonical order is point, then arm, then replicate; a run's seeds come from these coordinates
/// only, never from the order runs happen to execute in.
/// </summary>
/// <param name="Point">0-based sweep point.</param>
/// <param name="Arm">0-based arm index.</param>
/// <param name="Replicate">0-based replicate.</param>
public readonly record struct RunCoordinates(int Point, int Arm, int Replicate)
{
    /// <summary>The position in the canonical order of a scenario with <paramref name="arms"/> arms and <paramref name="replicates"/> replicates.</summary>
    public long CanonicalIndex(int arms, int replicates) => ((((long)Point * arms) + Arm) * replicates) + Replicate;

    /// <summary>The name of the run's record file, sortable in canonical order.</summary>
    public string FileName => string.Create(CultureInfo.InvariantCulture, $"p{Point:D6}-a{Arm:D3}-r{Replicate:D6}.run");
}
