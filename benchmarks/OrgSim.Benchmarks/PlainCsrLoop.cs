using OrgSim.Core.Graph;

namespace OrgSim.Benchmarks;

/// <summary>
/// The loop a developer would write by hand over a network's CSR arrays (copied from the graph):
/// a byte of state per agent and an integer bar each; a sweep sums every agent's contacts' bytes
/// and sets the agent's byte when the sum reaches its bar. The baseline of the tick benchmarks:
/// bound by the same scattered row reads as the engine, so a ratio to it divides out much of the
/// machine's noise.
/// </summary>
internal sealed class PlainCsrLoop
{
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly int[] _bars;
    private byte[] _state;
    private byte[] _next;

    /// <summary>Copies <paramref name="graph"/>'s rows; <paramref name="bar"/> gives agent v's bar from its degree.</summary>
    public PlainCsrLoop(OrgGraph graph, Func<int, int> bar)
    {
        int agents = graph.NodeCount;
        _offsets = new int[agents + 1];
        _targets = new int[graph.EdgeCount];
        _bars = new int[agents];
        for (int v = 0; v < agents; v++)
        {
            ReadOnlySpan<int> row = graph.Neighbours(v);
            row.CopyTo(_targets.AsSpan(_offsets[v]));
            _offsets[v + 1] = _offsets[v] + row.Length;
            _bars[v] = bar(row.Length);
        }

        _state = new byte[agents];
        _next = new byte[agents];
    }

    /// <summary>Every agent's byte: 1 once it has adopted.</summary>
    public byte[] State => _state;

    /// <summary>One synchronous sweep over every agent; returns how many adopted in it.</summary>
    public int Sweep()
    {
        int[] offsets = _offsets, targets = _targets, bars = _bars;
        byte[] state = _state, next = _next;
        int changed = 0;
        for (int v = 0; v < state.Length; v++)
        {
            int count = 0;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                count += state[targets[e]];
            }

            byte adopted = (byte)(state[v] | (count >= bars[v] ? 1 : 0));
            changed += adopted ^ state[v];
            next[v] = adopted;
        }

        (_state, _next) = (next, state);
        return changed;
    }
}
