using A = DocumentFormat.OpenXml.Drawing;

namespace OrgSim.Experiments.Deck;

/// <summary>The deck's theme: the charts' Okabe–Ito colours as accents, Arial throughout, plain fills and lines (the three of each PresentationML requires).</summary>
internal static class DeckTheme
{
    public static A.Theme Create() => new(
        new A.ThemeElements(
            Colours(),
            new A.FontScheme(
                new A.MajorFont(new A.LatinFont { Typeface = "Arial" }, new A.EastAsianFont { Typeface = string.Empty }, new A.ComplexScriptFont { Typeface = string.Empty }),
                new A.MinorFont(new A.LatinFont { Typeface = "Arial" }, new A.EastAsianFont { Typeface = string.Empty }, new A.ComplexScriptFont { Typeface = string.Empty }))
            { Name = "OrgSim" },
            new A.FormatScheme(
                new A.FillStyleList(Fill(), Fill(), Fill()),
                new A.LineStyleList(Line(6350), Line(12700), Line(19050)),
                new A.EffectStyleList(Effect(), Effect(), Effect()),
                new A.BackgroundFillStyleList(Fill(), Fill(), Fill()))
            { Name = "OrgSim" }),
        new A.ObjectDefaults(),
        new A.ExtraColorSchemeList())
    { Name = "OrgSim" };

    private static A.ColorScheme Colours() => new(
        new A.Dark1Color(new A.RgbColorModelHex { Val = "1A1A1A" }),
        new A.Light1Color(new A.RgbColorModelHex { Val = "FFFFFF" }),
        new A.Dark2Color(new A.RgbColorModelHex { Val = "444444" }),
        new A.Light2Color(new A.RgbColorModelHex { Val = "EEEEEE" }),
        new A.Accent1Color(new A.RgbColorModelHex { Val = "0072B2" }),
        new A.Accent2Color(new A.RgbColorModelHex { Val = "E69F00" }),
        new A.Accent3Color(new A.RgbColorModelHex { Val = "009E73" }),
        new A.Accent4Color(new A.RgbColorModelHex { Val = "CC79A7" }),
        new A.Accent5Color(new A.RgbColorModelHex { Val = "56B4E9" }),
        new A.Accent6Color(new A.RgbColorModelHex { Val = "D55E00" }),
        new A.Hyperlink(new A.RgbColorModelHex { Val = "0072B2" }),
        new A.FollowedHyperlinkColor(new A.RgbColorModelHex { Val = "CC79A7" }))
    { Name = "Okabe-Ito" };

    private static A.SolidFill Fill() => new(new A.SchemeColor { Val = A.SchemeColorValues.PhColor });

    private static A.Outline Line(int width) => new(new A.SolidFill(new A.SchemeColor { Val = A.SchemeColorValues.PhColor })) { Width = width };

    private static A.EffectStyle Effect() => new(new A.EffectList());
}
