using System.Diagnostics;

namespace OrgSim.Core.Graph;

/// <summary>
/// An organisation as an immutable compressed sparse row (CSR) graph over agent ids
/// <c>0..NodeCount-1</c>, with typed, weighted directed edges and per-node attributes.
/// </summary>
/// <remarks>
/// The row of <c>v</c> lists the agents <c>v</c> interacts with and observes. Undirected ties
/// are stored as two directed edges. Memory: 5 bytes per directed edge (target, type), plus 4
/// for its weight unless every weight is 1, and 27 bytes per node (offset, manager, supporter,
/// team, function, site, level, role, remote flag), plus the names of imported agents.
/// Built and validated once by <see cref="OrgGraphBuilder"/>; read without checks in the
/// engine's hot loop.
/// <para>A complete graph (<see cref="IsComplete"/>) stores none of its n(n − 1) edges: its
/// targets are the ids 0..n−1 written twice, so the row of v is the n − 1 ids that follow v there
/// (v + 1, …, n − 1, 0, …, v − 1), and its <c>Offsets</c> are empty — code that walks rows uses
/// <see cref="RowStart"/> and <see cref="RowEnd"/>, or counts a complete graph's contacts in closed form.</para>
/// </remarks>
public sealed class OrgGraph
{
    internal readonly int[] Offsets;
    internal readonly int[] Targets;
    /// <summary>Per-edge weights, or empty when every weight is 1 (<see cref="HasUnitWeights"/>).</summary>
    internal readonly float[] Weights;
    internal readonly EdgeType[] Types;
    internal readonly int[] Managers;
    internal readonly int[] Teams;
    internal readonly byte[] Levels;
    internal readonly Role[] Roles;

    /// <summary>Per agent: its mentor, or else its coach, or -1 — the background support besides the manager.</summary>
    internal readonly int[] Supporters;
    internal readonly int[] Functions;
    internal readonly int[] Sites;
    internal readonly bool[] RemoteFlags;
    private readonly string[] _names;
    private readonly string[] _teamNames;

    internal OrgGraph(
        int[] offsets, int[] targets, float[] weights, EdgeType[] types,
        int[] managers, int[] teams, byte[] levels, Role[] roles, int teamCount,
        int[] functions, int[] sites, bool[] remote, string[] names, string[] teamNames)
    {
        Debug.Assert(offsets.Length == managers.Length + 1 || (offsets.Length == 0 && targets.Length == 2 * managers.Length), "one offset per node plus one, or a complete graph");
        IsComplete = offsets.Length == 0 && managers.Length > 0;
        Offsets = offsets;
        Targets = targets;
        HasUnitWeights = Array.TrueForAll(weights, w => w == 1f);
        Weights = HasUnitWeights ? [] : weights;
        int maxDegree = IsComplete ? managers.Length - 1 : 0;
        for (int v = 0; v + 1 < offsets.Length; v++)
        {
            maxDegree = Math.Max(maxDegree, offsets[v + 1] - offsets[v]);
        }

        _unitRow = HasUnitWeights ? Enumerable.Repeat(1f, maxDegree).ToArray() : [];
        Types = types;
        Managers = managers;
        Teams = teams;
        Levels = levels;
        Roles = roles;
        TeamCount = teamCount;
        LevelCount = levels.Length == 0 ? 0 : levels.Max() + 1;
        Functions = functions;
        Sites = sites;
        RemoteFlags = remote;
        _names = names;
        _teamNames = teamNames;
        FunctionCount = functions.Length == 0 ? 0 : functions.Max() + 1;
        SiteCount = sites.Length == 0 ? 0 : sites.Max() + 1;
        Supporters = IsComplete ? Enumerable.Repeat(-1, managers.Length).ToArray() : FindSupporters(offsets, targets, types, managers.Length);
        HasSupporters = Array.Exists(Supporters, s => s >= 0);
    }

    private readonly float[] _unitRow;

    /// <summary>The number of agents.</summary>
    public int NodeCount => Managers.Length;

    /// <summary>Whether every edge weight is 1, as in generated hierarchies; then no weight is stored.</summary>
    public bool HasUnitWeights { get; }

    /// <summary>The number of directed edges (twice the number of ties).</summary>
    public int EdgeCount => IsComplete ? NodeCount * (NodeCount - 1) : Targets.Length;

    /// <summary>Whether every pair of agents is tied (team-peer ties of weight 1), stored implicitly.</summary>
    public bool IsComplete { get; }

    /// <summary>The most agents a complete graph may have: its n(n − 1) directed edges are counted in an <see cref="int"/>.</summary>
    public const int MaxCompleteAgents = 46_341;

    /// <summary>The index in <c>Targets</c> and <c>Types</c> of the first edge of <paramref name="v"/>'s row.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal int RowStart(int v) => IsComplete ? v + 1 : Offsets[v];

    /// <summary>The index in <c>Targets</c> and <c>Types</c> just past the last edge of <paramref name="v"/>'s row.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal int RowEnd(int v) => IsComplete ? v + NodeCount : Offsets[v + 1];

    /// <summary>
    /// A complete graph of <paramref name="n"/> front-line agents in team 0, every pair tied by a
    /// team-peer tie of weight 1, stored in O(n) memory (see the remarks).
    /// </summary>
    internal static OrgGraph Complete(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, MaxCompleteAgents);
        var targets = new int[2 * n];
        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] = i < n ? i : i - n;
        }

        var types = new EdgeType[2 * n];
        Array.Fill(types, EdgeType.TeamPeer);
        return new OrgGraph(
            [], targets, [], types, Enumerable.Repeat(-1, n).ToArray(), new int[n], new byte[n], Enumerable.Repeat(Graph.Role.FrontLine, n).ToArray(), 1,
            new int[n], new int[n], new bool[n], [], []);
    }

    /// <summary>The number of teams; team ids are <c>0..TeamCount-1</c>.</summary>
    public int TeamCount { get; }

    /// <summary>The number of hierarchy levels; level 0 is the top.</summary>
    public int LevelCount { get; }

    /// <summary>The agents <paramref name="v"/> observes, grouped by edge type in <see cref="EdgeType"/> order, in a stable order within a type (a complete graph's rows: see the remarks).</summary>
    public ReadOnlySpan<int> Neighbours(int v) => Targets.AsSpan(RowStart(v), Degree(v));

    /// <summary>The types of the edges of <see cref="Neighbours"/>, in the same order.</summary>
    public ReadOnlySpan<EdgeType> EdgeTypesOf(int v) => Types.AsSpan(RowStart(v), Degree(v));

    /// <summary>The per-edge weight multipliers of <see cref="Neighbours"/> (1 by default; remote ties lower).</summary>
    public ReadOnlySpan<float> EdgeWeightsOf(int v) => HasUnitWeights
        ? _unitRow.AsSpan(0, Degree(v))
        : Weights.AsSpan(RowStart(v), Degree(v));

    /// <summary>The number of edges leaving <paramref name="v"/>.</summary>
    public int Degree(int v) => IsComplete ? NodeCount - 1 : Offsets[v + 1] - Offsets[v];

    /// <summary>The manager of <paramref name="v"/>, or -1 for a root.</summary>
    public int Manager(int v) => Managers[v];

    /// <summary>The team <paramref name="v"/> belongs to.</summary>
    public int Team(int v) => Teams[v];

    /// <summary>The hierarchy level of <paramref name="v"/>: 0 at the top.</summary>
    public int Level(int v) => Levels[v];

    /// <summary>The role of <paramref name="v"/>.</summary>
    public Role Role(int v) => Roles[v];

    /// <summary>The number of functions (departments); function ids are <c>0..FunctionCount-1</c>.</summary>
    public int FunctionCount { get; }

    /// <summary>The number of sites; site ids are <c>0..SiteCount-1</c>.</summary>
    public int SiteCount { get; }

    /// <summary>Whether some agent has a mentor or a coach.</summary>
    public bool HasSupporters { get; }

    /// <summary>Whether agents carry names (imported organisations); generated ones do not.</summary>
    public bool HasNames => _names.Length > 0;

    /// <summary>The name of team <paramref name="team"/> in the HR export it was imported from, or null when teams have no names.</summary>
    public string? TeamName(int team) => team >= 0 && team < _teamNames.Length ? _teamNames[team] : null;

    /// <summary>The function (department) of <paramref name="v"/>.</summary>
    public int Function(int v) => Functions[v];

    /// <summary>The site of <paramref name="v"/>.</summary>
    public int Site(int v) => Sites[v];

    /// <summary>Whether <paramref name="v"/> works remotely.</summary>
    public bool IsRemote(int v) => RemoteFlags[v];

    /// <summary>The mentor of <paramref name="v"/>, or else its coach, or -1.</summary>
    public int Supporter(int v) => Supporters[v];

    /// <summary>The name of <paramref name="v"/>: its id in the HR export it was imported from, or its number.</summary>
    public string Name(int v) => _names.Length > 0 ? _names[v] : v.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An estimate of the bytes this graph holds in its arrays (names not counted).</summary>
    public long SizeInBytes =>
        (Offsets.LongLength * 4) + (Targets.LongLength * 4) + (Weights.LongLength * 4) + (_unitRow.LongLength * 4) + Types.LongLength
        + (Managers.LongLength * 4) + (Supporters.LongLength * 4) + (Teams.LongLength * 4) + (Functions.LongLength * 4) + (Sites.LongLength * 4)
        + Levels.LongLength + Roles.LongLength + RemoteFlags.LongLength;

    private static int[] FindSupporters(int[] offsets, int[] targets, EdgeType[] types, int n)
    {
        var supporters = new int[n];
        Array.Fill(supporters, -1);
        for (int v = 0; v < n; v++)
        {
            int coach = -1;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                if (types[e] == EdgeType.Mentor)
                {
                    supporters[v] = targets[e];
                    break;
                }

                if (types[e] == EdgeType.Coach && coach < 0)
                {
                    coach = targets[e];
                }
            }

            if (supporters[v] < 0)
            {
                supporters[v] = coach;
            }
        }

        return supporters;
    }
}
