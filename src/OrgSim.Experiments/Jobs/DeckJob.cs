using OrgSim.Experiments.Output;

namespace OrgSim.Experiments.Jobs;

/// <summary><c>orgsim deck DIR</c>: writes the workshop deck of an output folder from its tables.</summary>
public static class DeckJob
{
    /// <summary>Writes <c>workshop.pptx</c> into <paramref name="folder"/>; an existing deck orgsim did not write is replaced only with <paramref name="overwrite"/>.</summary>
    public static JobOutcome Execute(string folder, bool overwrite)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var (claimed, error) = ResultsFolder.ClaimExisting(folder);
        if (claimed is null)
        {
            return JobOutcome.Bad("orgsim deck: " + error);
        }

        using (claimed)
        {
            try
            {
                var (slides, deckError) = claimed.WriteDeck(overwrite);
                return deckError is null
                    ? JobOutcome.Done($"Wrote {ResultsFolder.DeckFileName} ({slides} slides) in {folder}{Path.DirectorySeparatorChar}")
                    : JobOutcome.Bad("orgsim deck: " + deckError);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return JobOutcome.Bad($"orgsim deck: cannot write into {folder}: {e.Message}; check its permissions and free space");
            }
        }
    }
}
