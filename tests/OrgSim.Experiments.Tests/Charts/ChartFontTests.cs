using OrgSim.Experiments.Charts;
using SkiaSharp;
using Xunit;

namespace OrgSim.Experiments.Tests.Charts;

public sealed class ChartFontTests
{
    [Fact]
    public void The_shipped_font_loads_in_both_weights_and_has_the_glyphs_charts_use()
    {
        Assert.Equal(ChartFont.Family, ChartFont.Regular.FamilyName);
        Assert.Equal(ChartFont.Family, ChartFont.Bold.FamilyName);
        Assert.True(ChartFont.Bold.IsBold);
        Assert.False(ChartFont.Regular.IsBold);
        // Digits, the en dash of intervals, ≥ of censored times, the per cent sign and accents of team names.
        foreach (var face in new[] { ChartFont.Regular, ChartFont.Bold })
        {
            using var font = new SKFont(face, 12);
            Assert.True(font.ContainsGlyphs("0123456789–≥%éüø"), face.FamilyName);
        }
    }

    [Fact]
    public void Text_drawn_with_the_shipped_font_leaves_ink()
    {
        using var bitmap = new SKBitmap(120, 40);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var font = new SKFont(ChartFont.Regular, 24);
        using var paint = new SKPaint { Color = SKColors.Black };
        canvas.DrawText("Week 52", 4, 30, SKTextAlign.Left, font, paint);
        var dark = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (bitmap.GetPixel(x, y).Red < 128) dark++;
        Assert.True(dark > 100, $"only {dark} dark pixels: the font drew nothing");
    }
}
