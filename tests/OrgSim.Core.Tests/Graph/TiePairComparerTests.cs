using OrgSim.Core.Graph;

namespace OrgSim.Core.Tests.Graph;

public class TiePairComparerTests
{
    /// <summary>
    /// The ties of a ring lattice, the set Watts–Strogatz rewires, get nearly as many hash codes as
    /// there are ties. A long's own hash (low ^ high word) gave a ^ (a + j): for 500,000 ties about
    /// 60 codes, so the set's lookups walked chains of thousands and the generator was quadratic.
    /// </summary>
    [Fact]
    public void GetHashCode_SpreadsTheTiesOfARingLattice()
    {
        const int n = 100_000, halfDegree = 5;
        var codes = new HashSet<int>();
        for (int a = 0; a < n; a++)
        {
            for (int j = 1; j <= halfDegree; j++)
            {
                codes.Add(TiePairComparer.Instance.GetHashCode(TiePairs.Pack(a, (a + j) % n)));
            }
        }

        // 500,000 keys in 2^32 codes: about 30 collide by chance.
        Assert.InRange(codes.Count, (n * halfDegree) - 1_000, n * halfDegree);
    }

    [Fact]
    public void Equals_IsThePairWhateverTheOrderOfItsEnds()
    {
        Assert.True(TiePairComparer.Instance.Equals(TiePairs.Pack(3, 9), TiePairs.Pack(9, 3)));
        Assert.False(TiePairComparer.Instance.Equals(TiePairs.Pack(3, 9), TiePairs.Pack(3, 8)));
        Assert.Equal(TiePairComparer.Instance.GetHashCode(TiePairs.Pack(3, 9)), TiePairComparer.Instance.GetHashCode(TiePairs.Pack(9, 3)));
    }
}
