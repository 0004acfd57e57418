using OrgSim.Experiments.Benchmarking;

namespace OrgSim.Experiments.Jobs;

/// <summary>How <see cref="BenchJob"/> ended: the tables and lines to print (or, with <c>--json</c>, the one JSON object as the only line).</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Lines">Lines for standard output, after the tables.</param>
/// <param name="Errors">Lines for standard error.</param>
public sealed record BenchOutcome(JobStatus Status, IReadOnlyList<string> Lines, IReadOnlyList<string> Errors) : JobOutcome(Status, Lines, Errors)
{
    /// <summary>The tables, unless JSON was asked for.</summary>
    public IReadOnlyList<TextTable> Tables { get; init; } = [];

    /// <summary>What was measured, when it finished.</summary>
    public BenchReport? Report { get; init; }

    /// <summary>Bad option values, one line each: bad input, as an out-of-range value of any command.</summary>
    public static BenchOutcome BadInput(IEnumerable<string> errors) => new(JobStatus.BadInput, [], errors.ToList());
}
