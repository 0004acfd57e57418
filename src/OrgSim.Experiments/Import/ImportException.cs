namespace OrgSim.Experiments.Import;

/// <summary>
/// A file cannot be imported. <see cref="Problems"/> lists everything found — errors and
/// warnings, in row order — so the user can fix the file in one go; nothing was built.
/// </summary>
public sealed class ImportException : Exception
{
    /// <summary>Wraps <paramref name="problems"/>, of which at least one is an error.</summary>
    public ImportException(IReadOnlyList<ImportProblem> problems)
        : base(string.Join(Environment.NewLine, problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        if (!problems.Any(p => p.IsError))
        {
            throw new ArgumentException("an import exception needs at least one error", nameof(problems));
        }

        Problems = problems;
    }

    /// <summary>Every problem found, errors and warnings, in row order.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }

    /// <summary>The errors among <see cref="Problems"/>.</summary>
    public IEnumerable<ImportProblem> Errors => Problems.Where(p => p.IsError);
}
