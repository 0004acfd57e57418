using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

public class MarkupTests
{
    [Theory]
    [InlineData("Store 🔥", "Store &#128293;")] // an emoji before any character to replace: the pair was split into two U+FFFD
    [InlineData("متجر 🛒🔥", "متجر &#128722;&#128293;")]
    [InlineData("bell\u0007 🔥", "bell\uFFFD &#128293;")]
    [InlineData("<b>&\"'", "&lt;b&gt;&amp;&quot;&#39;")]
    public void Escape_KeepsSurrogatePairs_AndReplacesOnlyWhatXmlCannotHold(string text, string expected) =>
        Assert.Equal(expected, Markup.Escape(text));
}
