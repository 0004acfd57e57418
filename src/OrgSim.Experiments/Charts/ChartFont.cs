using SkiaSharp;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// The charts' sans-serif font, DejaVu Sans (regular and bold), shipped inside this assembly
/// (licence in Charts/Fonts/LICENSE-DejaVu.txt). PNGs and slides drawn here then look the same
/// on every machine, and on Linux, where SkiaSharp's NoDependencies build has no fontconfig,
/// text is drawn at all.
/// </summary>
public static class ChartFont
{
    /// <summary>The family name charts write into SVG text and register with the renderers.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>The font file's bytes, for renderers that take a file or a stream.</summary>
    public static byte[] Bytes(bool bold)
    {
        using var stream = Open(bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static SKTypeface Load(string file)
    {
        using var data = SKData.Create(Open(file));
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"the embedded font {file} could not be read");
    }

    private static Stream Open(string file) =>
        typeof(ChartFont).Assembly.GetManifestResourceStream("OrgSim.Fonts." + file)
            ?? throw new InvalidOperationException($"the font {file} is not embedded in {typeof(ChartFont).Assembly.GetName().Name}");
}
