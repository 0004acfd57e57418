using System.Diagnostics;
using SkiaSharp;
using Xunit.Abstractions;

namespace OrgSim.Cli.Tests;

/// <summary>
/// Opens the <c>workshop.pptx</c> that <c>orgsim run --pptx</c> writes in LibreOffice Impress
/// (headless, Debian's <c>libreoffice-impress</c>), converts it to PDF and checks it with
/// <c>pdfinfo</c>, <c>pdftotext</c> and <c>pdftoppm</c> (<c>poppler-utils</c>): one page per slide,
/// the title, key message and takeaways in the text, and a chart slide that is not blank. The
/// pages are saved beside the test binary for a look.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DeckLibreOfficeTests(ITestOutputHelper output)
{
    private const string Soffice = "/usr/bin/soffice";
    private static readonly string[] Poppler = ["/usr/bin/pdfinfo", "/usr/bin/pdftotext", "/usr/bin/pdftoppm"];

    /// <summary>How long LibreOffice may take to start and convert: a bound against a hang, not a measurement.</summary>
    private static readonly TimeSpan ConvertTimeout = TimeSpan.FromMinutes(3);

    private const string Scenario = """
        name: deck
        title: Train the leaders or whole teams?
        question: Does the new way of working spread further from the top or from the front line?
        seed: 11
        horizon_weeks: 40
        replicates: 3
        organisation: {agents: 300, span: 6, cross_team_ties_per_agent: 2}
        arms:
          - name: top-down
            seeding: {strategy: top-down, budget: 20}
          - name: bottom-up
            seeding: {strategy: bottom-up-scattered, budget: 20}
        """;

    /// <summary>
    /// Without LibreOffice and poppler-utils this test passes after saying so in its output (xunit 2
    /// has no dynamic skip); with <c>ORGSIM_REQUIRE_LIBREOFFICE=1</c>, as <c>.ci/run</c> sets it, their
    /// absence is a failure.
    /// </summary>
    [Fact]
    public void Deck_OpensInLibreOffice_OnePagePerSlide_WithItsTextAndPictures()
    {
        if (!File.Exists(Soffice) || Poppler.Any(p => !File.Exists(p)))
        {
            string message = $"{Soffice} or poppler's pdfinfo, pdftotext, pdftoppm is missing; install the Debian packages libreoffice-impress and poppler-utils to run the LibreOffice test";
            Assert.False(Environment.GetEnvironmentVariable("ORGSIM_REQUIRE_LIBREOFFICE") == "1", message);
            output.WriteLine("Not run: " + message);
            return;
        }

        string dir = CliHarness.TempDirectory();
        string results = Path.Combine(dir, "out");
        var (code, _, stderr) = CliHarness.Run("run", CliHarness.WriteScenario(Scenario), "--out", results, "--pptx", "--threads", "2");
        Assert.True(code == 0, stderr);
        string deck = Path.Combine(results, "workshop.pptx");
        int slides;
        using (var document = DocumentFormat.OpenXml.Packaging.PresentationDocument.Open(deck, isEditable: false))
        {
            slides = document.PresentationPart!.SlideParts.Count();
        }

        // A profile of its own: two conversions at once would otherwise share (and lock) one.
        string pdfFolder = Path.Combine(dir, "pdf");
        var (converted, stdout, errors) = ChildProcess.Run(
            [Soffice, $"-env:UserInstallation=file://{Path.Combine(dir, "profile")}", "--headless", "--convert-to", "pdf", "--outdir", pdfFolder, deck], ConvertTimeout);
        string pdf = Path.Combine(pdfFolder, "workshop.pdf");
        Assert.True(converted == 0 && File.Exists(pdf), $"soffice: {stdout} {errors}");

        string info = Tool("/usr/bin/pdfinfo", pdf);
        Assert.Equal(slides.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Text.RegularExpressions.Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value);

        // pdftotext breaks lines where the slide wraps them; compare with single spaces.
        string text = string.Join(' ', Tool("/usr/bin/pdftotext", pdf, "-").Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Train the leaders or whole teams?", text, StringComparison.Ordinal);
        Assert.Contains("Does the new way of working spread further", text, StringComparison.Ordinal);
        Assert.Contains("The key message", text, StringComparison.Ordinal);
        Assert.Contains("Top-down reaches", text, StringComparison.Ordinal);
        Assert.Contains("How these numbers were made", text, StringComparison.Ordinal);

        // The third page is the first chart: a picture, so far from white.
        string pages = Path.Combine(AppContext.BaseDirectory, "screenshots", "deck");
        if (Directory.Exists(pages))
        {
            Directory.Delete(pages, recursive: true);
        }

        Directory.CreateDirectory(pages);
        Tool("/usr/bin/pdftoppm", "-r", "60", "-png", pdf, Path.Combine(pages, "slide"));
        string[] pngs = [.. Directory.GetFiles(pages, "slide-*.png").Order(StringComparer.Ordinal)];
        Assert.Equal(slides, pngs.Length);
        string chartPage = pngs[2];
        using SKBitmap bitmap = SKBitmap.Decode(chartPage);
        int ink = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                SKColor c = bitmap.GetPixel(x, y);
                ink += c.Red + c.Green + c.Blue < 600 ? 1 : 0;
            }
        }

        Assert.True(ink > bitmap.Width * bitmap.Height / 4 / 50, $"{chartPage} is nearly blank ({ink} dark pixels)");
        output.WriteLine($"Pages saved in {pages}");
    }

    private static string Tool(params string[] command)
    {
        var (code, stdout, stderr) = ChildProcess.Run(command, ConvertTimeout);
        Assert.True(code == 0, $"{command[0]}: {stderr}");
        return stdout;
    }
}
