namespace OrgSim.Core.Graph;

/// <summary>Unordered pairs of agents packed in a long (lower id high), for generators that draw ties at random.</summary>
internal static class TiePairs
{
    /// <summary>The pair {a, b} as one sortable number.</summary>
    public static long Pack(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;

    /// <summary>The lower id of a packed pair.</summary>
    public static int Lower(long pair) => (int)(pair >> 32);

    /// <summary>The higher id of a packed pair.</summary>
    public static int Higher(long pair) => (int)(pair & 0xFFFFFFFF);

    /// <summary>Sorts <paramref name="pairs"/> and drops repeats in place: linear memory, no hash set, order independent of how they were drawn.</summary>
    public static void SortAndDropDuplicates(List<long> pairs)
    {
        pairs.Sort();
        int unique = 0;
        for (int i = 0; i < pairs.Count; i++)
        {
            if (i == 0 || pairs[i] != pairs[unique - 1])
            {
                pairs[unique++] = pairs[i];
            }
        }

        pairs.RemoveRange(unique, pairs.Count - unique);
    }
}
