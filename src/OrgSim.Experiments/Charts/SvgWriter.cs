using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;

[assembly: InternalsVisibleTo("OrgSim.Experiments.Tests")]

namespace OrgSim.Experiments.Charts;

/// <summary>
/// Writes one SVG document through <see cref="XmlWriter"/>, so every text and attribute that comes
/// from data (arm names, team labels from an HR export) is escaped. Numbers are written with the
/// invariant culture and at most two decimals, lines end in LF: identical input gives identical bytes.
/// </summary>
internal sealed class SvgWriter : IDisposable
{
    /// <summary>Fonts every system has; consultants open the files on whatever laptop drives the projector.</summary>
    public const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

    public const double LabelSize = 15, TitleSize = 22;

    private const string Ns = "http://www.w3.org/2000/svg";
    private readonly StringBuilder _text = new();
    private readonly XmlWriter _xml;

    /// <summary>Starts a document <paramref name="width"/> × <paramref name="height"/> px with a white background, the title and an optional subtitle.</summary>
    public SvgWriter(double width, double height, string title, string subtitle)
    {
        _xml = XmlWriter.Create(_text, new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        });
        Open("svg", ("width", width), ("height", height), ("viewBox", $"0 0 {N(width)} {N(height)}"),
            ("font-family", FontFamily), ("font-size", LabelSize), ("fill", "#222222"));
        Title(subtitle.Length == 0 ? title : $"{title} — {subtitle}");
        Leaf("rect", ("width", width), ("height", height), ("fill", "#ffffff"));
        Text(20, 32, title, ("font-size", TitleSize), ("font-weight", "bold"), ("class", "title"));
        if (subtitle.Length > 0)
        {
            Text(20, 56, Fit(subtitle, width - 40, LabelSize), ("fill", "#555555"), ("class", "subtitle"));
        }
    }

    /// <summary>Opens an element; attributes with a null value are left out.</summary>
    public void Open(string name, params (string Name, object? Value)[] attributes)
    {
        _xml.WriteStartElement(name, Ns);
        foreach ((string key, object? value) in attributes)
        {
            if (value is not null)
            {
                _xml.WriteAttributeString(key, Format(value));
            }
        }
    }

    public void Close() => _xml.WriteEndElement();

    /// <summary>An element without content.</summary>
    public void Leaf(string name, params (string Name, object? Value)[] attributes)
    {
        Open(name, attributes);
        Close();
    }

    /// <summary>A <c>text</c> element at (<paramref name="x"/>, <paramref name="y"/>) holding <paramref name="content"/>, escaped.</summary>
    public void Text(double x, double y, string content, params (string Name, object? Value)[] attributes)
    {
        Open("text", [("x", x), ("y", y), .. attributes]);
        _xml.WriteString(Clean(content));
        Close();
    }

    /// <summary>A <c>title</c> element: the tooltip of its parent, and the full text of a label that had to be shortened.</summary>
    public void Title(string content)
    {
        Open("title");
        _xml.WriteString(Clean(content));
        Close();
    }

    /// <summary>Closes the document and returns its text, ending in a line feed.</summary>
    public string Finish()
    {
        _xml.WriteEndDocument();
        _xml.Flush();
        return _text.Append('\n').ToString();
    }

    public void Dispose() => _xml.Dispose();

    /// <summary>A number as SVG wants it: invariant culture, at most two decimals, never "-0".</summary>
    public static string N(double value)
    {
        double rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="text"/>, shortened with an ellipsis if it would be wider than <paramref name="width"/> px.</summary>
    public static string Fit(string text, double width, double size)
    {
        int max = Math.Max(1, (int)(width / (size * 0.56)));
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }

    private static string Format(object value) => value switch
    {
        double d => N(d),
        int i => i.ToString(CultureInfo.InvariantCulture),
        string s => Clean(s),
        _ => throw new ArgumentException($"cannot write a {value.GetType().Name} as an SVG attribute", nameof(value)),
    };

    /// <summary>Drops the characters XML cannot hold at all (control characters from a malformed export); escaping is XmlWriter's job.</summary>
    private static string Clean(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i++, 2);
            }
        }

        return kept.ToString();
    }
}
