using OrgSim.Experiments.Report;

namespace OrgSim.Experiments.Tests.Report;

public class SvgIdsTests
{
    [Fact]
    public void Scope_PrefixesEveryIdAndItsReferences_AndNothingElse()
    {
        const string svg = "<svg><clipPath id=\"a-clip1\"><rect/></clipPath><g clip-path=\"url(#a-clip1)\"><use href=\"#a-clip1\"/><a href=\"#elsewhere\">x</a></g></svg>";
        Assert.Equal(
            "<svg><clipPath id=\"p3-a-clip1\"><rect/></clipPath><g clip-path=\"url(#p3-a-clip1)\"><use href=\"#p3-a-clip1\"/><a href=\"#elsewhere\">x</a></g></svg>",
            SvgIds.Scope(svg, "p3-"));
    }
}
