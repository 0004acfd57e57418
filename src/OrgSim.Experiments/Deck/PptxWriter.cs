using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Presentation;
using A = DocumentFormat.OpenXml.Drawing;

namespace OrgSim.Experiments.Deck;

/// <summary>
/// Writes slides as a PowerPoint file (PresentationML, 16:9): one slide master, one blank layout and
/// one theme, each slide's text in its own shapes and its pictures embedded as PNG. The bytes are a
/// function of the slides alone: no dates in the document properties, and every zip entry rewritten
/// with one fixed timestamp (System.IO.Packaging stamps entries with the time of writing).
/// </summary>
public static partial class PptxWriter
{
    /// <summary>What <c>docProps/app.xml</c> names as the application: how a deck orgsim wrote is told from one someone saved.</summary>
    public const string Application = "OrgSim";

    /// <summary>Slide width and height in EMU (13.333 × 7.5 inches, 16:9).</summary>
    public const long Width = 12192000, Height = 6858000;

    private const long Inch = 914400, Margin = Inch / 2;
    private const string Font = "Arial";
    private const string Ink = "1A1A1A", Muted = "555555", Accent = "0072B2";

    private static readonly DateTimeOffset ZipTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The deck as the bytes of a .pptx file.</summary>
    /// <param name="title">The document's title (its properties).</param>
    /// <param name="slides">The slides, in order.</param>
    public static byte[] Write(string title, IReadOnlyList<DeckSlide> slides)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(slides);
        using var package = new MemoryStream();
        using (var document = PresentationDocument.Create(package, PresentationDocumentType.Presentation))
        {
            PresentationPart presentation = document.AddPresentationPart();
            SlideMasterPart master = presentation.AddNewPart<SlideMasterPart>("rId1");
            ThemePart theme = master.AddNewPart<ThemePart>("rId2");
            theme.Theme = DeckTheme.Create();
            presentation.AddPart(theme, "rId2");
            SlideLayoutPart layout = master.AddNewPart<SlideLayoutPart>("rId1");
            layout.SlideLayout = new SlideLayout(new CommonSlideData(EmptyTree()) { Name = "Blank" }, new ColorMapOverride(new A.MasterColorMapping())) { Type = SlideLayoutValues.Blank };
            layout.AddPart(master, "rId1");
            master.SlideMaster = Master();

            var ids = new SlideIdList();
            for (int i = 0; i < slides.Count; i++)
            {
                string relationship = $"rId{i + 10}";
                SlidePart part = presentation.AddNewPart<SlidePart>(relationship);
                part.AddPart(layout, "rId1");
                part.Slide = Slide(part, slides[i]);
                ids.Append(new SlideId { Id = (uint)(256 + i), RelationshipId = relationship });
            }

            presentation.Presentation = new Presentation(
                new SlideMasterIdList(new SlideMasterId { Id = 2147483648U, RelationshipId = "rId1" }),
                ids,
                new SlideSize { Cx = (int)Width, Cy = (int)Height },
                new NotesSize { Cx = Height, Cy = Width },
                new DefaultTextStyle());

            // docProps/core.xml written here: the package's own properties part has a random name.
            CoreFilePropertiesPart core = document.AddCoreFilePropertiesPart();
            using (var writer = new StreamWriter(core.GetStream(FileMode.Create), new System.Text.UTF8Encoding(false)))
            {
                writer.Write(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    + "<dc:title>" + System.Security.SecurityElement.Escape(title) + "</dc:title><dc:creator>" + Application + "</dc:creator></cp:coreProperties>");
            }

            ExtendedFilePropertiesPart app = document.AddExtendedFilePropertiesPart();
            app.Properties = new DocumentFormat.OpenXml.ExtendedProperties.Properties(
                new DocumentFormat.OpenXml.ExtendedProperties.Application(Application),
                new DocumentFormat.OpenXml.ExtendedProperties.Slides(slides.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Normalised(package.ToArray());
    }

    /// <summary>The same zip, every entry in the same order with the same content, stamped with one fixed time.</summary>
    private static byte[] Normalised(byte[] zip)
    {
        using var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                ZipArchiveEntry copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = ZipTime;
                using Stream from = entry.Open();
                using Stream to = copy.Open();
                if (entry.FullName == "_rels/.rels")
                {
                    // The package's own relationships get random ids; nothing refers to them by id.
                    using var reader = new StreamReader(from);
                    int n = 0;
                    byte[] rels = System.Text.Encoding.UTF8.GetBytes(PackageRelationshipId().Replace(reader.ReadToEnd(), _ => $"Id=\"rId{++n}\""));
                    to.Write(rels);
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    [System.Text.RegularExpressions.GeneratedRegex("Id=\"R[0-9a-f]+\"")]
    private static partial System.Text.RegularExpressions.Regex PackageRelationshipId();

    private static SlideMaster Master() => new(
        new CommonSlideData(new Background(new BackgroundProperties(new A.SolidFill(new A.RgbColorModelHex { Val = "FFFFFF" }), new A.EffectList())), EmptyTree()),
        new ColorMap
        {
            Background1 = A.ColorSchemeIndexValues.Light1, Text1 = A.ColorSchemeIndexValues.Dark1,
            Background2 = A.ColorSchemeIndexValues.Light2, Text2 = A.ColorSchemeIndexValues.Dark2,
            Accent1 = A.ColorSchemeIndexValues.Accent1, Accent2 = A.ColorSchemeIndexValues.Accent2,
            Accent3 = A.ColorSchemeIndexValues.Accent3, Accent4 = A.ColorSchemeIndexValues.Accent4,
            Accent5 = A.ColorSchemeIndexValues.Accent5, Accent6 = A.ColorSchemeIndexValues.Accent6,
            Hyperlink = A.ColorSchemeIndexValues.Hyperlink, FollowedHyperlink = A.ColorSchemeIndexValues.FollowedHyperlink,
        },
        new SlideLayoutIdList(new SlideLayoutId { Id = 2147483649U, RelationshipId = "rId1" }),
        new TextStyles(new TitleStyle(), new BodyStyle(), new OtherStyle()));

    private static ShapeTree EmptyTree() => new(
        new NonVisualGroupShapeProperties(new NonVisualDrawingProperties { Id = 1U, Name = string.Empty }, new NonVisualGroupShapeDrawingProperties(), new ApplicationNonVisualDrawingProperties()),
        new GroupShapeProperties(new A.TransformGroup(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }, new A.ChildOffset { X = 0, Y = 0 }, new A.ChildExtents { Cx = 0, Cy = 0 })));

    private static Slide Slide(SlidePart part, DeckSlide slide)
    {
        ShapeTree tree = EmptyTree();
        uint id = 2;
        long width = Width - (2 * Margin);
        switch (slide.Kind)
        {
            case DeckSlideKind.Cover:
                tree.Append(Text(id++, "Title", Margin, 2 * Inch, width, (long)(1.6 * Inch), [slide.Title], 4000, bold: true, Ink, title: true, A.TextAnchoringTypeValues.Bottom));
                tree.Append(Text(id++, "Question", Margin, (long)(3.9 * Inch), width, (long)(2.6 * Inch), slide.Lines, 2000, bold: false, Muted, title: false, A.TextAnchoringTypeValues.Top));
                break;
            case DeckSlideKind.Message:
                tree.Append(Text(id++, "Title", Margin, Margin, width, Inch, [slide.Title], 2800, bold: true, Accent, title: true, A.TextAnchoringTypeValues.Bottom));
                tree.Append(Text(id++, "Message", Margin, (long)(2 * Inch), width, (long)(4.5 * Inch), slide.Lines, 3000, bold: false, Ink, title: false, A.TextAnchoringTypeValues.Top));
                break;
            case DeckSlideKind.Notes:
                tree.Append(Text(id++, "Title", Margin, Margin, width, Inch, [slide.Title], 2800, bold: true, Ink, title: true, A.TextAnchoringTypeValues.Bottom));
                tree.Append(Text(id++, "Notes", Margin, (long)(1.7 * Inch), width, (long)(5.4 * Inch), slide.Lines, 1600, bold: false, Ink, title: false, A.TextAnchoringTypeValues.Top));
                break;
            case DeckSlideKind.Picture:
            case DeckSlideKind.Gallery:
                tree.Append(Text(id++, "Title", Margin, (long)(0.3 * Inch), width, Inch, [slide.Title], 2400, bold: true, Ink, title: true, A.TextAnchoringTypeValues.Bottom));
                long top = (long)(1.45 * Inch), height = Height - top - (long)(0.3 * Inch);
                // Org charts are wide: a gallery stacks them, each as wide as the slide allows.
                int columns = 1;
                int rows = Math.Max(1, (slide.Pictures.Count + columns - 1) / Math.Max(1, columns));
                long gap = Inch / 8, cellWidth = (width - ((columns - 1) * gap)) / Math.Max(1, columns), cellHeight = (height - ((rows - 1) * gap)) / rows;
                for (int i = 0; i < slide.Pictures.Count; i++)
                {
                    // The last row is centred when it has fewer pictures than columns.
                    int row = i / columns, column = i % columns;
                    int inRow = Math.Min(columns, slide.Pictures.Count - (row * columns));
                    long rowStart = Margin + ((columns - inRow) * (cellWidth + gap) / 2);
                    tree.Append(Picture(part, id++, slide.Pictures[i], rowStart + (column * (cellWidth + gap)), top + (row * (cellHeight + gap)), cellWidth, cellHeight));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(slide), slide.Kind, "an unknown slide kind");
        }

        return new Slide(new CommonSlideData(tree), new ColorMapOverride(new A.MasterColorMapping()));
    }

    private static Shape Text(uint id, string name, long x, long y, long cx, long cy, IEnumerable<string> lines, int size, bool bold, string colour, bool title, A.TextAnchoringTypeValues anchor)
    {
        var body = new TextBody(
            // Shrink on overflow: a question of a few paragraphs would otherwise run off the slide.
            new A.BodyProperties(new A.NormalAutoFit()) { Wrap = A.TextWrappingValues.Square, Anchor = anchor, LeftInset = 0, RightInset = 0 },
            new A.ListStyle());
        foreach (string line in lines)
        {
            body.Append(new A.Paragraph(
                new A.ParagraphProperties(new A.SpaceAfter(new A.SpacingPoints { Val = size / 2 })),
                new A.Run(
                    new A.RunProperties(new A.SolidFill(new A.RgbColorModelHex { Val = colour }), new A.LatinFont { Typeface = Font }) { Language = "en-GB", FontSize = size, Bold = bold, Dirty = false },
                    new A.Text(Report.Markup.XmlSafe(line)))));
        }

        if (!body.Elements<A.Paragraph>().Any())
        {
            body.Append(new A.Paragraph());
        }

        var nonVisual = new ApplicationNonVisualDrawingProperties();
        if (title)
        {
            nonVisual.Append(new PlaceholderShape { Type = PlaceholderValues.Title });
        }

        return new Shape(
            new NonVisualShapeProperties(new NonVisualDrawingProperties { Id = id, Name = name }, new NonVisualShapeDrawingProperties(new A.ShapeLocks { NoGrouping = true }), nonVisual),
            new ShapeProperties(Transform(x, y, cx, cy), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }, new A.NoFill()),
            body);
    }

    /// <summary>The picture scaled to fit the box, its aspect kept, centred in it.</summary>
    private static Picture Picture(SlidePart part, uint id, DeckPicture picture, long x, long y, long cx, long cy)
    {
        var (pixelsWide, pixelsHigh) = picture.Pixels;
        double scale = Math.Min((double)cx / pixelsWide, (double)cy / pixelsHigh);
        long w = (long)(pixelsWide * scale), h = (long)(pixelsHigh * scale);
        string relationship = $"rIdImage{id}";
        ImagePart image = part.AddImagePart(ImagePartType.Png, relationship);
        using (var data = new MemoryStream(picture.Png, writable: false))
        {
            image.FeedData(data);
        }

        return new Picture(
            new NonVisualPictureProperties(
                new NonVisualDrawingProperties { Id = id, Name = $"Picture {id}", Description = picture.AltText },
                new NonVisualPictureDrawingProperties(new A.PictureLocks { NoChangeAspect = true }),
                new ApplicationNonVisualDrawingProperties()),
            new BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
            new ShapeProperties(Transform(x + ((cx - w) / 2), y + ((cy - h) / 2), w, h), new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));
    }

    private static A.Transform2D Transform(long x, long y, long cx, long cy) =>
        new(new A.Offset { X = x, Y = y }, new A.Extents { Cx = cx, Cy = cy });
}
