using OrgSim.Core.Graph;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Running;

/// <summary>
/// Hands the organisation that <see cref="Preflight"/> generated on to the first run on it, so
/// that <c>orgsim run</c> generates it once. At 10^7 agents a generation takes 5–30 s on the
/// 2-core benchmark machine, depending on its load; and the preflight's organisation, left as
/// garbage while the scheduler generated its own, doubled the peak memory (two graphs of 0.8 GB
/// and their generators' temporaries at once, 6.4 GB in all).
/// </summary>
/// <remarks>
/// Holds at most one organisation, for one taker: whoever asks next takes it if it is the one
/// asked for, and otherwise it is let go before the other is generated, so two never live at
/// once through the cache. The results do not depend on it: generation is deterministic, and a
/// run only reads its organisation.
/// </remarks>
public sealed class OrganisationCache
{
    private readonly Lock _gate = new();
    private (OrganisationSpec Spec, ulong Seed, OrgGraph Graph)? _held;

    /// <summary>Generates the organisation of <paramref name="spec"/> and <paramref name="seed"/> and holds it for the next <see cref="Take"/>.</summary>
    public OrgGraph BuildAndHold(OrganisationSpec spec, ulong seed, CancellationToken cancellation = default)
    {
        Release();
        OrgGraph graph = OrganisationFactory.Build(spec, seed, cancellation);
        lock (_gate)
        {
            _held = (spec, seed, graph);
        }

        return graph;
    }

    /// <summary>The organisation of <paramref name="spec"/> and <paramref name="seed"/>: the one held if it is that one, else a new one; either way nothing is held after.</summary>
    public OrgGraph Take(OrganisationSpec spec, ulong seed, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (_gate)
        {
            var held = _held;
            _held = null;
            if (held is { } h && h.Seed == seed && h.Spec.Equals(spec))
            {
                return h.Graph;
            }
        }

        return OrganisationFactory.Build(spec, seed, cancellation);
    }

    /// <summary>Lets the held organisation go, if any.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _held = null;
        }
    }
}
