using OrgSim.Experiments.Scenarios;
using OrgSim.Experiments.Statistics;

namespace OrgSim.Experiments.Jobs;

/// <summary>How a <see cref="RunJob"/> ended, with what the terminal summary shows.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Lines">Lines for standard output.</param>
/// <param name="Errors">Lines for standard error.</param>
public sealed record RunOutcome(JobStatus Status, IReadOnlyList<string> Lines, IReadOnlyList<string> Errors) : JobOutcome(Status, Lines, Errors)
{
    /// <summary>The output folder, once claimed.</summary>
    public string? Folder { get; init; }

    /// <summary>How many runs this invocation executed (not those resumed).</summary>
    public long RunsExecuted { get; init; }

    /// <summary>One summary per point shown, up to a few.</summary>
    public IReadOnlyList<PointSummary> Summaries { get; init; } = [];

    /// <summary>The sensitivity analysis of every output, for a scenario with a <c>sensitivity</c> section whose runs are all in the folder; else null.</summary>
    public SensitivitySummary? Sensitivity { get; init; }

    /// <summary>The report's key message (<see cref="Report.KeyMessage"/>): one or two plain sentences; empty without a report.</summary>
    public IReadOnlyList<string> KeyMessage { get; init; } = [];

    /// <summary>An output asked for that could not be written (the deck of <c>--pptx</c>): the line saying so, or null.</summary>
    public string? Unwritten { get; init; }

    /// <summary>Points beyond <see cref="Summaries"/>, not shown.</summary>
    public int PointsNotShown { get; init; }

    /// <summary>Bad input, one line per problem.</summary>
    public static new RunOutcome Bad(IEnumerable<string> errors) => new(JobStatus.BadInput, [], errors.ToList());
}

/// <summary>A sensitivity analysis for the terminal: the section and each output's measures.</summary>
/// <param name="Spec">The scenario's <c>sensitivity</c> section.</param>
/// <param name="Analyses">One per output, in the section's order.</param>
public sealed record SensitivitySummary(Sensitivity.SensitivitySpec Spec, IReadOnlyList<Sensitivity.OutputAnalysis> Analyses);

/// <summary>One point's headline rows for the terminal.</summary>
/// <param name="Title">"point 3: model.x = 0.1", or null without a sweep.</param>
/// <param name="Spec">The point's scenario.</param>
/// <param name="Rows">Per arm, every metric's estimate.</param>
public sealed record PointSummary(string? Title, ScenarioSpec Spec, IReadOnlyList<SummaryRow> Rows);
