using OrgSim.Core.Graph;
using QuikGraph;

namespace OrgSim.Experiments.Organisations;

/// <summary>
/// One edge of an organisation in a QuikGraph graph (<see cref="OrgGraphQuikGraph"/>):
/// <paramref name="Source"/> observes <paramref name="Target"/>, a relationship of
/// <paramref name="Type"/> seen from <paramref name="Source"/>, with <paramref name="Weight"/>.
/// </summary>
/// <param name="Source">The agent index the edge leaves, in [0, <see cref="OrgGraph.NodeCount"/>).</param>
/// <param name="Target">The agent index it reaches.</param>
/// <param name="Type">
/// What <paramref name="Target"/> is to <paramref name="Source"/>: <see cref="EdgeType.Manager"/> when
/// <paramref name="Target"/> is <paramref name="Source"/>'s manager, <see cref="EdgeType.Report"/>
/// when it is a direct report, and so on. The reverse edge has <see cref="EdgeTypes.Reverse"/> of it.
/// </param>
/// <param name="Weight">The tie's weight multiplier as the engine reads it: 1 by default, lower for remote ties.</param>
/// <remarks>
/// A value type with value equality, so two ties of the same agents, type and weight are equal;
/// the adapters allow parallel edges and never rely on that equality.
/// </remarks>
public readonly record struct OrgTie(int Source, int Target, EdgeType Type, float Weight) : IEdge<int>;
