using OrgSim.Core.Graph;

namespace OrgSim.Core.Tests.Graph;

public class TieBufferTests
{
    [Fact]
    public void Ties_ReadBackInTheOrderAddedAcrossTheFirstBlocksGrowthAndLaterBlocks()
    {
        const int ties = (1 << 21) + 3; // past two full blocks of 2^20
        var buffer = new TieBuffer();
        for (int i = 0; i < ties; i++)
        {
            buffer.Add(i, ties - i, (EdgeType)(i % 5));
        }

        Assert.Equal(ties, buffer.Count);
        foreach (int i in (int[])[0, 1, 15, 16, 17, 1023, (1 << 20) - 1, 1 << 20, (1 << 20) + 1, (1 << 21) - 1, 1 << 21, ties - 1])
        {
            Assert.Equal((i, ties - i, (EdgeType)(i % 5)), (buffer.From(i), buffer.To(i), buffer.Type(i)));
        }
    }

    [Fact]
    public void AnEmptyBuffer_HasNoTies() => Assert.Equal(0, new TieBuffer().Count);
}
