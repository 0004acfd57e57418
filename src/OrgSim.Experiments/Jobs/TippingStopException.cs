namespace OrgSim.Experiments.Jobs;

/// <summary>A probe that cannot run as asked: the lines say what to fix.</summary>
internal sealed class TippingStopException(IEnumerable<string> lines) : Exception(string.Join("; ", lines))
{
    public IReadOnlyList<string> Lines { get; } = lines.ToList();
}
