using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using OrgSim.Experiments.Charts;
using OrgSim.Experiments.Deck;
using OrgSim.Experiments.Jobs;
using OrgSim.Experiments.Output;
using OrgSim.Experiments.Report;
using OrgSim.Experiments.Tests.Report;
using P = DocumentFormat.OpenXml.Presentation;
using A = DocumentFormat.OpenXml.Drawing;

namespace OrgSim.Experiments.Tests.Deck;

public sealed class WorkshopDeckTests
{
    private static readonly Lazy<string> Folder = new(() => TestRuns.InFolder(TestScenarios.SmallText(replicates: 2, horizon: 12)));

    /// <summary>One folder with its deck, shared by the tests that only read it: a deck takes seconds to draw.</summary>
    private static readonly Lazy<string> WithDeck = new(() =>
    {
        string folder = Copy();
        Assert.Equal(JobStatus.Success, DeckJob.Execute(folder, overwrite: false).Status);
        return folder;
    });

    [Fact]
    [Trait("Category", "Slow")] // 4 s: draws a deck (12 charts and 10 org charts as PNG).
    public void Deck_HasTheCoverTheKeyMessageASlidePerChartOnePerSnapshotWeekAndTheMethod_AndIsValidOpenXml()
    {
        string folder = WithDeck.Value;
        ResultTables tables = ResultTablesReader.Load(folder);
        OrgChart org = OrgChart.ReadFile(Path.Combine(folder, ResultsFolder.OrgChartFileName))!;
        IReadOnlyList<Chart> charts = ChartSet.Draw(tables, org);

        using PresentationDocument document = PresentationDocument.Open(Path.Combine(folder, ResultsFolder.DeckFileName), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        List<SlidePart> slides = Slides(document);
        // Five snapshot weeks, each a slide with both arms' org charts stacked.
        Assert.Equal(1 + 1 + charts.Count + 5 + 1, slides.Count);

        Assert.Equal(tables.Heading, Title(slides[0]));
        Assert.Equal("The key message", Title(slides[1]));
        Assert.Equal(["The key message", .. KeyMessage.Compose(tables)], Texts(slides[1]).Split('\n'));
        Assert.Equal(Takeaway.For(AdoptionChart.FileName, tables), Title(slides[2]));
        Assert.StartsWith("Top-down reaches ", Title(slides[2]), StringComparison.Ordinal);
        for (int i = 0; i < charts.Count; i++)
        {
            Assert.Single(slides[2 + i].ImageParts);
            Assert.Single(slides[2 + i].Slide.Descendants<P.Picture>());
        }

        Assert.All(slides.Skip(2 + charts.Count).Take(5), s => Assert.Equal(org.Arms.Count, s.ImageParts.Count()));
        Assert.Equal("The org chart at the start: " + string.Join(" and ", org.Arms.Select(a => a.Name)), Title(slides[2 + charts.Count]));
        Assert.StartsWith("The org chart after ", Title(slides[2 + charts.Count + 4]), StringComparison.Ordinal);
        Assert.Equal("How these numbers were made", Title(slides[^1]));
        Assert.Contains("each of the 2 arms ran 2 times (seed 5)", Texts(slides[^1]), StringComparison.Ordinal);
        Assert.True(ResultsFolder.IsOurDeck(Path.Combine(folder, ResultsFolder.DeckFileName)));
    }

    [Fact]
    [Trait("Category", "Slow")] // 4 s when it is the first to draw the shared deck.
    public void Pictures_KeepTheirAspectAndStayOnTheSlide()
    {
        string folder = WithDeck.Value;
        using PresentationDocument document = PresentationDocument.Open(Path.Combine(folder, ResultsFolder.DeckFileName), isEditable: false);
        foreach (SlidePart slide in Slides(document))
        {
            foreach (P.Picture picture in slide.Slide.Descendants<P.Picture>())
            {
                A.Transform2D xfrm = picture.ShapeProperties!.Transform2D!;
                long x = xfrm.Offset!.X!, y = xfrm.Offset.Y!, cx = xfrm.Extents!.Cx!, cy = xfrm.Extents.Cy!;
                Assert.InRange(x, 0, PptxWriter.Width - cx);
                Assert.InRange(y, 0, PptxWriter.Height - cy);
                ImagePart image = (ImagePart)slide.GetPartById(picture.BlipFill!.Blip!.Embed!);
                using Stream png = image.GetStream();
                var bytes = new byte[24];
                png.ReadExactly(bytes);
                var (w, h) = new DeckPicture(bytes, "x").Pixels;
                Assert.Equal((double)w / h, (double)cx / cy, 2);
            }
        }
    }

    [Fact]
    [Trait("Category", "Slow")] // 4 s: draws a second deck.
    public void Deck_IsByteIdenticalForTheSameFolder()
    {
        string folder = Copy();
        Assert.Equal(JobStatus.Success, DeckJob.Execute(folder, overwrite: false).Status);
        Assert.Equal(File.ReadAllBytes(Path.Combine(WithDeck.Value, ResultsFolder.DeckFileName)), File.ReadAllBytes(Path.Combine(folder, ResultsFolder.DeckFileName)));
    }

    [Fact]
    [Trait("Category", "Slow")] // 4 s: draws a deck.
    public void ADeckOrgSimDidNotWrite_IsKeptWithoutOverwrite_AndReplacedWithIt()
    {
        string folder = Copy();
        string deck = Path.Combine(folder, ResultsFolder.DeckFileName);
        File.WriteAllText(deck, "my own slides");
        JobOutcome refused = DeckJob.Execute(folder, overwrite: false);
        Assert.Equal(JobStatus.BadInput, refused.Status);
        Assert.Contains("was not written by orgsim", Assert.Single(refused.Errors), StringComparison.Ordinal);
        Assert.Contains("--overwrite", refused.Errors[0], StringComparison.Ordinal);
        Assert.Equal("my own slides", File.ReadAllText(deck));

        Assert.Equal(JobStatus.Success, DeckJob.Execute(folder, overwrite: true).Status);
        Assert.True(ResultsFolder.IsOurDeck(deck));
    }

    [Fact]
    public void AFolderWithoutResults_IsOneLineNamingIt()
    {
        string empty = TestPaths.TempDirectory();
        JobOutcome outcome = DeckJob.Execute(empty, overwrite: false);
        Assert.Equal(JobStatus.BadInput, outcome.Status);
        Assert.StartsWith($"orgsim deck: {empty}: run.json is missing", Assert.Single(outcome.Errors), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(empty, ResultsFolder.DeckFileName)));
    }

    [Theory]
    [InlineData(AdoptionChart.FileName, "Bottom-up reaches 81% by week 104; top-down 69%; random 50%; nobody 1%")]
    [InlineData(WeeksToChart.FileName, "Bottom-up reaches 50% in 14 weeks; top-down in 31 weeks; random in 7 of 20 runs; nobody not within two years")]
    [InlineData("levels.svg", null)] // the fixture has no series to read levels from
    public void Takeaway_IsOneLineFromTheSummary(string chart, string? expected) =>
        Assert.Equal(expected, Takeaway.For(chart, ReportFixtures.Tables()));

    [Fact]
    public void StagesAndLevelsTakeaways_ReadTheArmsSharesAtTheHorizon()
    {
        // Two weeks; at the horizon decisiveness has stage shares 0.5 / 0.2 / 0.2 / 0.1 (30% competent) in a and 0.1 / 0.1 / 0.3 / 0.5 in b.
        static ArmSeries Arm(string name, double[] lastStages, double top, double bottom) => new(0, name, 20, [], [
            [[1, 0, 0, 0], lastStages], [[1, 0, 0, 0], [1, 0, 0, 0]], [[1, 0, 0, 0], [1, 0, 0, 0]], [[1, 0, 0, 0], [1, 0, 0, 0]]],
            [[0, 0, 0], [top, 0.5, bottom]], [], [], [], []);
        ResultTables tables = ReportFixtures.Tables() with
        {
            HorizonWeeks = 1,
            Arms = ["a", "b"],
            Series = [Arm("a", [0.5, 0.2, 0.2, 0.1], 1, 0.25), Arm("b", [0.1, 0.1, 0.3, 0.5], 0.02, 0.6)],
            Summary = [new(0, "a", "competent_share_final", 0.3, 0.2, 0.4, 20), new(0, "b", "competent_share_final", 0.8, 0.7, 0.9, 20)],
        };

        Assert.Equal("Decisiveness competent by week 1: a 30%; b 80%", Takeaway.For(StagesChart.FileName(0), tables));
        Assert.Equal("By week 1, level 0 / level 2 competent: a 100% / 25%; b 2% / 60%", Takeaway.For(LevelsChart.FileName, tables));
        Assert.Null(Takeaway.For("front.svg", tables));
    }

    private static string Copy()
    {
        string copy = Path.Combine(TestPaths.TempDirectory(), "copy");
        foreach (string file in Directory.EnumerateFiles(Folder.Value, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(Folder.Value, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static List<SlidePart> Slides(PresentationDocument document) =>
        document.PresentationPart!.Presentation.SlideIdList!.Elements<P.SlideId>()
            .Select(id => (SlidePart)document.PresentationPart.GetPartById(id.RelationshipId!)).ToList();

    private static string Title(SlidePart slide) => slide.Slide.Descendants<P.Shape>()
        .Single(s => s.NonVisualShapeProperties!.ApplicationNonVisualDrawingProperties!.PlaceholderShape?.Type?.Value == P.PlaceholderValues.Title)
        .TextBody!.InnerText;

    private static string Texts(SlidePart slide) => string.Join("\n", slide.Slide.Descendants<A.Paragraph>().Select(p => p.InnerText));
}
