namespace OrgSim.Core.Graph;

/// <summary>
/// The ties an <see cref="OrgGraphBuilder"/> collects, in the order they were added: both ends and
/// the type, 9 bytes a tie, in blocks of <see cref="BlockSize"/> ties rather than in lists that
/// double.
/// </summary>
/// <remarks>
/// A doubling list ends with up to half its capacity unused and leaves every smaller array it
/// outgrew as garbage, which nothing collects while the generator keeps allocating: at 10^7 agents
/// (55 million ties) the three lists took 0.6 GB more than the ties, at the moment the builder's
/// peak is reached. Here only the first block grows by doubling, so a small graph stays small,
/// and every later block is allocated at its full size: at most one block is unused or garbage.
/// </remarks>
internal sealed class TieBuffer
{
    private const int BlockShift = 20;
    private const int BlockSize = 1 << BlockShift;
    private const int BlockMask = BlockSize - 1;

    private readonly List<int[]> _from = [new int[16]];
    private readonly List<int[]> _to = [new int[16]];
    private readonly List<EdgeType[]> _type = [new EdgeType[16]];

    /// <summary>The ties added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds the tie <paramref name="a"/>–<paramref name="b"/> of type <paramref name="type"/> (from a).</summary>
    public void Add(int a, int b, EdgeType type)
    {
        int block = Count >> BlockShift, slot = Count & BlockMask;
        if (block == _from.Count)
        {
            _from.Add(new int[BlockSize]);
            _to.Add(new int[BlockSize]);
            _type.Add(new EdgeType[BlockSize]);
        }
        else if (slot == _from[block].Length)
        {
            // Only the first block is ever short: it doubles up to the block size.
            int size = Math.Min(BlockSize, 2 * slot);
            _from[block] = Grown(_from[block], size);
            _to[block] = Grown(_to[block], size);
            _type[block] = Grown(_type[block], size);
        }

        _from[block][slot] = a;
        _to[block][slot] = b;
        _type[block][slot] = type;
        Count++;
    }

    /// <summary>The end the <paramref name="i"/>-th tie was added from.</summary>
    public int From(int i) => _from[i >> BlockShift][i & BlockMask];

    /// <summary>The other end of the <paramref name="i"/>-th tie.</summary>
    public int To(int i) => _to[i >> BlockShift][i & BlockMask];

    /// <summary>The type of the <paramref name="i"/>-th tie, seen from <see cref="From"/>.</summary>
    public EdgeType Type(int i) => _type[i >> BlockShift][i & BlockMask];

    private static T[] Grown<T>(T[] array, int size)
    {
        var grown = new T[size];
        array.CopyTo(grown, 0);
        return grown;
    }
}
