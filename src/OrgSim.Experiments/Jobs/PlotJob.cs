using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Jobs;

/// <summary><c>orgsim plot DIR</c>: redraws the charts and the report of an output folder from its tables.</summary>
public static class PlotJob
{
    /// <summary>Redraws <paramref name="folder"/>, <c>plots/</c> for sweep point <paramref name="point"/> (null: the first); notes go to <paramref name="note"/>.</summary>
    public static JobOutcome Execute(string folder, bool png, Action<string> note, int? point = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var (claimed, error) = ResultsFolder.ClaimExisting(folder);
        if (claimed is null)
        {
            return JobOutcome.Bad("orgsim plot: " + error);
        }

        using (claimed)
        {
            try
            {
                var (charts, drawError, _) = claimed.DrawReport(png, note, point);
                if (drawError is not null)
                {
                    return JobOutcome.Bad("orgsim plot: " + drawError);
                }

                // The drawing needs only the tables; a damaged identity matters to the next resume or merge.
                if (ResultsFolder.IdentityDamage(folder) is { } damage)
                {
                    note($"orgsim plot: note: {damage}; the charts are drawn from the tables, but the folder cannot be resumed or merged: rerun the scenario with --overwrite to rebuild it");
                }

                return JobOutcome.Done($"Drew {charts} SVG files{(png ? " with PNG copies" : string.Empty)} and {ResultsFolder.ReportFileName} in {folder}{Path.DirectorySeparatorChar}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return JobOutcome.Bad($"orgsim plot: cannot write into {folder}: {e.Message}; check its permissions and free space");
            }
        }
    }
}
