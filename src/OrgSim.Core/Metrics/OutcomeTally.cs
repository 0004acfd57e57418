using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;

namespace OrgSim.Core.Metrics;

/// <summary>
/// The integer tallies one week of <see cref="OutcomeSeries"/> is computed from, gathered in one
/// pass over the agents that a <see cref="Simulation"/> can split among its threads
/// (<see cref="IAgentScan"/>): how many employees hold each combination of four stages, each
/// team's stage sums, each level's competent pairs, and the competent agents' distances from the
/// seeds. Every tally is an integer sum, so the split changes no bit of the result.
/// </summary>
/// <remarks>
/// The mean effectiveness of agents is Σ over the 256 combinations of (employees holding it ×
/// its score), not a sum of one score per agent in agent order: the same value up to rounding,
/// and the same bits whatever the split. Each worker keeps its own tallies, teams included
/// (4 ints per team), cleared by the worker itself the first time it adds agents in a pass.
/// </remarks>
internal sealed class OutcomeTally : IAgentScan
{
    private const int Combinations = 256;
    private const int Histograms = 4;
    private const int TeamFlushAgents = 16_384; // Team sums gather in 16-bit lanes: at most 3 × this per lane.

    private readonly OrgGraph _graph;
    private readonly int[] _seedDistance;
    private readonly int _levelBase;
    private readonly int _teamBase;
    private readonly int _partLevelBase;
    private readonly int _partTeamBase;
    private int[][] _parts = [];
    private long[][] _scalars = [];
    private bool[] _used = [];
    private byte[] _stages = [];

    public OutcomeTally(OrgGraph graph, int[] seedDistance)
    {
        _graph = graph;
        _seedDistance = seedDistance;
        _levelBase = Combinations;
        _teamBase = Combinations + graph.LevelCount;
        Totals = new int[_teamBase + (graph.TeamCount * Competencies.Count)];

        // A worker's part holds the same tallies, but four histograms.
        _partLevelBase = Histograms * Combinations;
        _partTeamBase = _partLevelBase + graph.LevelCount;
    }

    /// <summary>The combined tallies: employees per stage combination (<see cref="Effectiveness.PackedIndex"/>), then competent pairs per level, then stage sums per team and competency.</summary>
    public int[] Totals { get; }

    /// <summary>Employees competent (stage ≥ 2) in some competency.</summary>
    public int Competent { get; private set; }

    /// <summary>Of those, the ones some seed reaches.</summary>
    public int Reached { get; private set; }

    /// <summary>Their distances from the nearest seed, summed.</summary>
    public long DistanceSum { get; private set; }

    /// <summary>The largest of those distances, or −1.</summary>
    public int Farthest { get; private set; }

    /// <summary>Employees at stage combination <paramref name="packed"/>.</summary>
    public int AtCombination(int packed) => Totals[packed];

    /// <summary>Competent pairs among the employees of each level.</summary>
    public ReadOnlySpan<int> LevelCompetentPairs => Totals.AsSpan(_levelBase, _graph.LevelCount);

    /// <summary>Stage sums of team <paramref name="team"/>, one per competency.</summary>
    public ReadOnlySpan<int> TeamStageSums(int team) => Totals.AsSpan(_teamBase + (team * Competencies.Count), Competencies.Count);

    /// <summary>Tallies the agents' stages in <paramref name="stages"/> from now on.</summary>
    public void Use(byte[] stages) => _stages = stages;

    public void Start(int workers)
    {
        if (_parts.Length < workers)
        {
            // Once per series and thread count: the first week allocates, the later ones reuse.
            _parts = [.. _parts, .. Enumerable.Range(0, workers - _parts.Length).Select(_ => new int[Totals.Length + ((Histograms - 1) * Combinations)])];
            _scalars = [.. _scalars, .. Enumerable.Range(0, workers - _scalars.Length).Select(_ => new long[4])];
            _used = new bool[workers];
        }

        Array.Clear(_used);
    }

    public void Add(int worker, int first, int count)
    {
        int[] part = _parts[worker];
        long[] scalars = _scalars[worker];
        if (!_used[worker])
        {
            Array.Clear(part);
            Array.Clear(scalars);
            scalars[3] = -1;
            _used[worker] = true;
        }

        ReadOnlySpan<uint> words = MemoryMarshal.Cast<byte, uint>(_stages); // byte c of an agent's word is competency c
        Role[] roles = _graph.Roles;
        int[] teams = _graph.Teams;
        byte[] levels = _graph.Levels;
        int[] distances = _seedDistance;
        int team = -1, inTeam = 0, level = -1, levelPairs = 0, competent = 0, reached = 0, farthest = (int)scalars[3];
        ulong teamSums = 0;
        long distanceSum = 0;
        for (int v = first; v < first + count; v++)
        {
            // External coaches are not part of the organisation's outcomes.
            if (roles[v] == Role.External)
            {
                continue;
            }

            uint word = BitConverter.IsLittleEndian ? words[v] : BinaryPrimitives.ReverseEndianness(words[v]);

            // Four histograms taken in turn: neighbours mostly share a combination, and incrementing
            // one slot agent after agent makes each increment wait for the last.
            part[((v & (Histograms - 1)) * Combinations) + Effectiveness.PackedIndex(word)]++;

            // A team's members, and a level's, are mostly numbered together: sum them in
            // registers and store at the change.
            if (teams[v] != team || inTeam == TeamFlushAgents)
            {
                AddTeam(part, team, teamSums);
                team = teams[v];
                teamSums = 0;
                inTeam = 0;
            }

            teamSums += Widen(word);
            inTeam++;

            // Bit 1 of a stage byte is set exactly at stages 2 and 3.
            int pairs = BitOperations.PopCount((word >> 1) & 0x01010101);
            if (levels[v] != level)
            {
                AddLevel(part, level, levelPairs);
                level = levels[v];
                levelPairs = 0;
            }

            levelPairs += pairs;
            int isCompetent = pairs != 0 ? 1 : 0, d = distances[v];
            int counted = isCompetent & (d != SeedDistances.Unreachable ? 1 : 0);
            competent += isCompetent;
            reached += counted;
            distanceSum += d & -counted;
            farthest = Math.Max(farthest, counted != 0 ? d : -1);
        }

        AddTeam(part, team, teamSums);
        AddLevel(part, level, levelPairs);
        scalars[0] += competent;
        scalars[1] += reached;
        scalars[2] += distanceSum;
        scalars[3] = farthest;
    }

    public void Combine()
    {
        Array.Clear(Totals);
        long competent = 0, reached = 0, distanceSum = 0, farthest = -1;
        for (int w = 0; w < _used.Length; w++)
        {
            if (!_used[w])
            {
                continue;
            }

            int[] part = _parts[w];
            for (int h = 0; h < Histograms; h++)
            {
                Add(Totals.AsSpan(0, Combinations), part.AsSpan(h * Combinations, Combinations));
            }

            Add(Totals.AsSpan(_levelBase), part.AsSpan(_partLevelBase));
            long[] scalars = _scalars[w];
            competent += scalars[0];
            reached += scalars[1];
            distanceSum += scalars[2];
            farthest = Math.Max(farthest, scalars[3]);
        }

        Competent = (int)competent;
        Reached = (int)reached;
        DistanceSum = distanceSum;
        Farthest = (int)farthest;
    }

    private static void Add(Span<int> totals, ReadOnlySpan<int> part)
    {
        int i = 0;
        for (; i <= totals.Length - Vector<int>.Count; i += Vector<int>.Count)
        {
            (new Vector<int>(totals[i..]) + new Vector<int>(part[i..])).CopyTo(totals[i..]);
        }

        for (; i < totals.Length; i++)
        {
            totals[i] += part[i];
        }
    }

    private void AddLevel(int[] part, int level, int pairs)
    {
        if (level >= 0)
        {
            part[_partLevelBase + level] += pairs;
        }
    }

    private void AddTeam(int[] part, int team, ulong sums)
    {
        if (team < 0)
        {
            return;
        }

        int k = _partTeamBase + (team * Competencies.Count);
        part[k] += (int)(sums & 0xFFFF);
        part[k + 1] += (int)((sums >> 16) & 0xFFFF);
        part[k + 2] += (int)((sums >> 32) & 0xFFFF);
        part[k + 3] += (int)(sums >> 48);
    }

    /// <summary>The four stage bytes of <paramref name="word"/> in four 16-bit lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Widen(uint word) =>
        (word & 0xFFUL) | ((word & 0xFF00UL) << 8) | ((word & 0xFF0000UL) << 16) | ((word & 0xFF000000UL) << 24);
}
