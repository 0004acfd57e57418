namespace OrgSim.Experiments.Deck;

/// <summary>A PNG to place on a slide, with its size in pixels (for its aspect) and its alternative text.</summary>
/// <param name="Png">The PNG bytes.</param>
/// <param name="AltText">What the picture shows, for screen readers and the slide's outline.</param>
public sealed record DeckPicture(byte[] Png, string AltText)
{
    /// <summary>Width and height in pixels, from the PNG's header.</summary>
    public (int Width, int Height) Pixels
    {
        get
        {
            if (Png.Length < 24)
            {
                throw new InvalidDataException($"{AltText}: not a PNG");
            }

            static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
            return (BigEndian(Png, 16), BigEndian(Png, 20));
        }
    }
}

/// <summary>One slide of a workshop deck: a title, lines of text and pictures, laid out by <see cref="PptxWriter"/> according to its kind.</summary>
/// <param name="Kind">How the slide is laid out.</param>
/// <param name="Title">The slide's title (the takeaway, for a chart).</param>
/// <param name="Lines">Paragraphs under the title.</param>
/// <param name="Pictures">Pictures, scaled to fit with their aspect kept.</param>
public sealed record DeckSlide(DeckSlideKind Kind, string Title, IReadOnlyList<string> Lines, IReadOnlyList<DeckPicture> Pictures);
