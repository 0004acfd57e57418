using System.Text;
using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;

namespace OrgSim.Experiments.Charts;

/// <summary>
/// Rasterises an SVG document to PNG in-process with Svg.Skia, text in the charts' own font
/// (<see cref="ChartFont"/>), so that no converter needs to be installed and the PNG looks the same
/// on every machine. Byte-identical for identical input.
/// </summary>
public static class SvgRaster
{
    /// <summary>The width of the PNG copies in <c>plots/</c>, in pixels.</summary>
    public const int DefaultWidth = 1800;

    /// <summary>
    /// Draws <paramref name="svg"/> on white, <paramref name="width"/> pixels wide, its height in
    /// the proportion of the document's own size, and encodes it as PNG.
    /// </summary>
    /// <exception cref="InvalidDataException">The SVG could not be read or drawn.</exception>
    public static byte[] Png(string svg, int width)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        using var document = new SKSvg();
        document.Settings.TypefaceProviders = [ChartTypefaceProvider.Instance];
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(svg));
        SKPicture picture = document.Load(stream)
            ?? throw new InvalidDataException("the SVG could not be read");
        SKRect bounds = picture.CullRect;
        if (bounds.Width <= 0 || bounds.Height <= 0)
        {
            throw new InvalidDataException("the SVG has no size");
        }

        float scale = width / bounds.Width;
        int height = Math.Max(1, (int)Math.Round(bounds.Height * scale));
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using SKSurface surface = SKSurface.Create(info)
            ?? throw new InvalidDataException($"a {width}×{height} image could not be allocated");
        SKCanvas canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(scale);
        canvas.Translate(-bounds.Left, -bounds.Top);
        canvas.DrawPicture(picture);
        canvas.Flush();
        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidDataException("the PNG could not be encoded");
        return data.ToArray();
    }

    /// <summary>Every family an SVG names (system-ui, Segoe UI, Arial, sans-serif, DejaVu Sans, …) is the charts' font; bold from weight 600.</summary>
    private sealed class ChartTypefaceProvider : ITypefaceProvider
    {
        public static readonly ChartTypefaceProvider Instance = new();

        public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
            (int)fontWeight >= (int)SKFontStyleWeight.SemiBold ? ChartFont.Bold : ChartFont.Regular;
    }
}
