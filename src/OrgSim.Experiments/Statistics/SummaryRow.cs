namespace OrgSim.Experiments.Statistics;

/// <summary>One line of <c>summary.csv</c>.</summary>
/// <param name="Arm">The arm.</param>
/// <param name="Metric">The metric's name, e.g. <c>weeks_to_50pct</c>.</param>
/// <param name="Estimate">Its mean and 95% interval over the runs that contribute.</param>
public sealed record SummaryRow(string Arm, string Metric, Estimate Estimate);
