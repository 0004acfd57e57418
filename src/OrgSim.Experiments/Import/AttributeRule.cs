namespace OrgSim.Experiments.Import;

/// <summary>A column of per-agent values and the range its values must lie in.</summary>
/// <param name="Column">The column's name in the header.</param>
/// <param name="Max">The largest value accepted; the smallest is 0.</param>
/// <param name="Meaning">What a value is and its range, for the error that refuses one, e.g. "a share of contacts in [0, 1] for the fractional-threshold rule".</param>
public sealed record AttributeRule(string Column, double Max, string Meaning);
