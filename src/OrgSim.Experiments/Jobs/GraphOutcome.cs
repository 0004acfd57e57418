namespace OrgSim.Experiments.Jobs;

/// <summary>How <see cref="GraphJob"/> ended, with the statistics tables when asked.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Lines">Lines for standard output, after the tables.</param>
/// <param name="Errors">Lines for standard error.</param>
public sealed record GraphOutcome(JobStatus Status, IReadOnlyList<string> Lines, IReadOnlyList<string> Errors) : JobOutcome(Status, Lines, Errors)
{
    /// <summary>The statistics, when <see cref="GraphRequest.Stats"/> was asked.</summary>
    public IReadOnlyList<TextTable> Tables { get; init; } = [];

    /// <summary>Bad input, one line per problem.</summary>
    public static new GraphOutcome Bad(IEnumerable<string> errors) => new(JobStatus.BadInput, [], errors.ToList());
}
