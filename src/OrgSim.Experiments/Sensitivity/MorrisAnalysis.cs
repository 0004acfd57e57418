namespace OrgSim.Experiments.Sensitivity;

/// <summary>The result of a Morris screening of one output: the measures of every parameter and what they cost.</summary>
/// <param name="Indices">One entry per parameter, in the design's order.</param>
/// <param name="Trajectories">r, the elementary effects behind each entry.</param>
/// <param name="Evaluations">The model runs used: r(k + 1).</param>
public sealed record MorrisAnalysis(IReadOnlyList<MorrisIndices> Indices, int Trajectories, int Evaluations)
{
    /// <summary>The parameters from most to least influential by μ*; ties keep the design's order.</summary>
    public IReadOnlyList<MorrisIndices> RankedByMuStar() => [.. Indices.OrderByDescending(i => i.MuStar)];
}
