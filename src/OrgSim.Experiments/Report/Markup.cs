using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;

namespace OrgSim.Experiments.Report;

/// <summary>Text and numbers as they go into SVG and HTML: escaped, and in the invariant culture.</summary>
internal static class Markup
{
    /// <summary>
    /// <paramref name="text"/> safe as element content or a quoted attribute value in both HTML and
    /// XML: markup characters and quotes as entities, characters XML forbids (control characters,
    /// lone surrogates) as U+FFFD, so a name from an HR export shows as written and runs nothing.
    /// </summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(XmlSafe(text));

    /// <summary><paramref name="text"/> with the characters XML cannot hold (control characters, lone surrogates) as U+FFFD, for writers that escape the rest themselves.</summary>
    public static string XmlSafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        StringBuilder? clean = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair || XmlConvert.IsXmlChar(c))
            {
                clean?.Append(c);
                if (pair)
                {
                    // Not clean?.Append(text[++i]): with no copy yet, ?. would skip the increment, and
                    // the low surrogate would then be replaced as if it stood alone.
                    i++;
                    clean?.Append(text[i]);
                }

                continue;
            }

            clean ??= new StringBuilder(text, 0, i, text.Length);
            clean.Append('\uFFFD');
        }

        return clean?.ToString() ?? text;
    }

    /// <summary><paramref name="value"/> with at most two decimals, for coordinates.</summary>
    public static string Number(double value) => (Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.0).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary><paramref name="value"/> with one decimal, for the numbers a reader quotes.</summary>
    public static string OneDecimal(double value) => PlainNumbers.OneDecimal(value);

    /// <summary><paramref name="value"/> as an invariant integer.</summary>
    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);
}
