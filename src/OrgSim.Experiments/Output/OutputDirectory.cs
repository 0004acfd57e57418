namespace OrgSim.Experiments.Output;

/// <summary>
/// Decides where a run writes, so that no earlier result is overwritten silently: an explicit
/// folder that already holds results needs <c>--overwrite</c>; without <c>--out</c>, a run goes
/// to <c>results/NAME</c>, or <c>results/NAME-2</c>, <c>-3</c>, … if that is taken.
/// </summary>
public static class OutputDirectory
{
    /// <summary>The files a run writes, and whose presence marks a folder as holding results.</summary>
    public static IReadOnlyList<string> ResultFiles { get; } = ["timeseries.csv", "summary.csv", "run.json"];

    /// <summary>The folder to write into, or an error message saying what to do instead.</summary>
    /// <param name="requested">The <c>--out</c> folder, or null.</param>
    /// <param name="scenarioName">The scenario's name, for the default folder.</param>
    /// <param name="overwrite">Whether replacing earlier results in <paramref name="requested"/> is allowed.</param>
    /// <param name="resultsRoot">Where default folders go (<c>results</c>).</param>
    public static (string? Directory, string? Error) Resolve(string? requested, string scenarioName, bool overwrite, string resultsRoot = "results")
    {
        if (requested is not null)
        {
            if (File.Exists(requested))
            {
                return (null, $"--out {requested} is a file; name a folder");
            }

            string? existing = ResultFiles.FirstOrDefault(f => File.Exists(Path.Combine(requested, f)));
            if (existing is not null && !overwrite)
            {
                return (null, $"--out {requested} already holds results ({existing}); choose another folder or add --overwrite to replace them");
            }

            return (requested, null);
        }

        string candidate = Path.Combine(resultsRoot, scenarioName);
        for (int suffix = 2; Directory.Exists(candidate) && Directory.EnumerateFileSystemEntries(candidate).Any(); suffix++)
        {
            candidate = Path.Combine(resultsRoot, $"{scenarioName}-{suffix}");
        }

        return (candidate, null);
    }
}
