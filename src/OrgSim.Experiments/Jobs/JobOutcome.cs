namespace OrgSim.Experiments.Jobs;

/// <summary>What a job says when it ends: its status, the lines for the user and the error lines, each complete.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Lines">What to show on standard output.</param>
/// <param name="Errors">What to show on standard error, one problem per line.</param>
public record JobOutcome(JobStatus Status, IReadOnlyList<string> Lines, IReadOnlyList<string> Errors)
{
    /// <summary>Success with <paramref name="lines"/>.</summary>
    public static JobOutcome Done(params string[] lines) => new(JobStatus.Success, lines, []);

    /// <summary>Bad input, with one line per problem.</summary>
    public static JobOutcome Bad(IEnumerable<string> errors) => new(JobStatus.BadInput, [], errors.ToList());

    /// <summary>Bad input, one problem.</summary>
    public static JobOutcome Bad(string error) => new(JobStatus.BadInput, [], [error]);
}
