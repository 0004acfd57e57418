using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Deck;
using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Output;

/// <content>The workshop deck, <c>workshop.pptx</c>, drawn from the tables already in the folder, as the report is.</content>
public sealed partial class ResultsFolder
{
    /// <summary>
    /// Writes <c>workshop.pptx</c>, atomically. An existing deck that orgsim did not write (or that
    /// someone saved since) is replaced only with <paramref name="overwrite"/>.
    /// </summary>
    /// <returns>The number of slides, or an error line saying what to do.</returns>
    /// <exception cref="IOException">The file could not be written.</exception>
    public (int Slides, string? Error) WriteDeck(bool overwrite)
    {
        string target = Target(DeckFileName);
        if (!overwrite && File.Exists(target) && !IsOurDeck(target))
        {
            return (0, $"{target} was not written by orgsim, or was edited and saved since; move it away to keep it, or add --overwrite to replace it");
        }

        if (Directory.Exists(target))
        {
            return (0, $"{target} is a folder; move it away");
        }

        var (tables, chart, error) = LoadTables();
        if (tables is null)
        {
            return (0, error);
        }

        IReadOnlyList<DeckSlide> slides;
        try
        {
            slides = WorkshopDeck.Slides(tables, ChartSet.Draw(tables, chart), chart, ReadFacts());
        }
        catch (InvalidDataException e)
        {
            return (0, $"{e.Message}; the deck is not written; please report the problem");
        }

        byte[] deck = PptxWriter.Write(tables.Heading, slides);
        AtomicFile.WriteBytes(target, s => s.Write(deck));
        return (slides.Count, null);
    }

    /// <summary>Whether <paramref name="path"/> is a deck orgsim wrote and nobody has saved since: a presentation whose application is <see cref="PptxWriter.Application"/>.</summary>
    public static bool IsOurDeck(string path)
    {
        try
        {
            using PresentationDocument document = PresentationDocument.Open(path, isEditable: false);
            return document.ExtendedFilePropertiesPart?.Properties?.Application?.Text == PptxWriter.Application;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not a presentation at all, damaged, or unreadable: not ours.
            return false;
        }
    }

    /// <summary>Removes the deck if it is still the one orgsim wrote: drawn from tables that are about to change, it would contradict them.</summary>
    private void RemoveOurDeck()
    {
        string deck = Target(DeckFileName);
        if (File.Exists(deck) && IsOurDeck(deck))
        {
            File.Delete(deck);
        }
    }

    /// <summary>The seed, the organisation's size and orgsim's version from run.json; what it does not say (or a damaged file) is left out.</summary>
    private RunFacts ReadFacts()
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(OwnFile.ReadText(Target(ManifestFileName), Scenarios.ScenarioLimits.MaxRunJsonBytes));
            JsonElement root = json.RootElement;
            ulong? seed = root.TryGetProperty("seed", out JsonElement s) && s.TryGetUInt64(out ulong sv) ? sv : null;
            long? agents = root.TryGetProperty("organisation", out JsonElement o) && o.ValueKind == JsonValueKind.Object
                && o.TryGetProperty("agents", out JsonElement a) && a.TryGetInt64(out long av) ? av : null;
            string? version = root.TryGetProperty("version", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new RunFacts(seed, agents, version);
        }
        catch (Exception e) when (e is JsonException or IOException or DamagedFileException or InvalidOperationException)
        {
            return RunFacts.None;
        }
    }
}
