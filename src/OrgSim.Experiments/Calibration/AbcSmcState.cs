using OrgSim.Core.Randomness;

namespace OrgSim.Experiments.Calibration;

/// <summary>
/// Where an ABC-SMC calibration stands: the last complete population (the current posterior), the
/// tolerance of the generation being filled and the batch of candidates it waits for. Immutable:
/// <see cref="Accept"/> returns the next state.
/// </summary>
/// <remarks>
/// <para>A generation is filled in rounds. Each round is one batch of candidates — a batch of
/// model runs that can be sharded and resumed like a sweep. The caller runs the model at every
/// candidate of <see cref="Candidates"/>, computes each run's distance to the observations and
/// hands all of them to <see cref="Accept"/>, in any order. Candidates within
/// <see cref="Tolerance"/> are accepted and weighted; when fewer than
/// <see cref="AbcSmcSettings.PopulationSize"/> have been accepted the next state is another round
/// of the same generation, sized by the acceptance rate seen so far (1.2 × missing / rate), with
/// fresh candidate indices; a generation's first round is 1.2 × N / (the rate predicted from the
/// previous generations). When enough are accepted they become the population, the next
/// tolerance is the α-quantile of their distances and the stopping rules are checked.</para>
/// <para>Determinism: a candidate is a pure function of the plan's seed, its generation, its index
/// and the previous population; a state is a pure function of the plan and the distances fed so
/// far. Feeding the same distances in another order, on another machine or after a restart gives
/// the same candidates bit for bit (given the same runtime's <c>Math.Log</c>, <c>Exp</c> and
/// <c>Cos</c>), so a resumed calibration replays the distances it stored.</para>
/// </remarks>
public sealed class AbcSmcState
{
    // A proposal outside the unit cube (outside a prior's support) is redrawn — parent and step —
    // from the next counters of the same stream. This many attempts fail together with probability
    // below (1 − 2^-d)^100000 even for a particle in a corner of the cube.
    private const int MaxAttempts = 100_000;

    // A top-up round asks for this much more than the acceptance rate so far predicts, so that one
    // round usually completes the population.
    private const double TopUpMargin = 1.2;

    private readonly AbcKernel? _kernel;
    private readonly IReadOnlyList<Pending> _pending;

    private AbcSmcState(
        AbcSmcPlan plan,
        int generation,
        int round,
        double tolerance,
        int firstIndex,
        int roundSize,
        int evaluatedThisGeneration,
        IReadOnlyList<Pending> pending,
        IReadOnlyList<AbcParticle> population,
        IReadOnlyList<AbcGeneration> history,
        int totalEvaluated,
        AbcSmcStopReason stopReason)
    {
        Plan = plan;
        Generation = generation;
        Round = round;
        Tolerance = tolerance;
        FirstIndex = firstIndex;
        RoundSize = roundSize;
        EvaluatedThisGeneration = evaluatedThisGeneration;
        _pending = pending;
        Population = population;
        History = history;
        TotalEvaluated = totalEvaluated;
        StopReason = stopReason;
        _kernel = generation > 0 && population.Count > 0 ? AbcKernel.From(population) : null;
    }

    /// <summary>The plan this state belongs to.</summary>
    public AbcSmcPlan Plan { get; }

    /// <summary>The generation being filled (0: from the priors); once finished, the one that was not run or not completed.</summary>
    public int Generation { get; }

    /// <summary>The round within <see cref="Generation"/>: 0 for its first batch, then one per top-up.</summary>
    public int Round { get; }

    /// <summary>The largest distance <see cref="Generation"/> accepts; +∞ for generation 0.</summary>
    public double Tolerance { get; }

    /// <summary>The index of this round's first candidate; the round's indices are [FirstIndex, FirstIndex + RoundSize).</summary>
    public int FirstIndex { get; }

    /// <summary>How many candidates this round proposes: the size of the batch of runs.</summary>
    public int RoundSize { get; }

    /// <summary>Candidates of <see cref="Generation"/> evaluated in its earlier rounds.</summary>
    public int EvaluatedThisGeneration { get; }

    /// <summary>Candidates of <see cref="Generation"/> accepted in its earlier rounds.</summary>
    public int AcceptedThisGeneration => _pending.Count;

    /// <summary>The last complete population, the current posterior sample; empty before generation 0 completes.</summary>
    public IReadOnlyList<AbcParticle> Population { get; }

    /// <summary>One entry per complete population, oldest first.</summary>
    public IReadOnlyList<AbcGeneration> History { get; }

    /// <summary>Model runs asked for so far, over every generation and round: the calibration's cost.</summary>
    public int TotalEvaluated { get; }

    /// <summary>Why the calibration stopped, or <see cref="AbcSmcStopReason.None"/> while it runs.</summary>
    public AbcSmcStopReason StopReason { get; }

    /// <summary>Whether the calibration has stopped; <see cref="Population"/> is then its posterior.</summary>
    public bool IsFinished => StopReason != AbcSmcStopReason.None;

    /// <summary>(Σw)² / Σw² of <see cref="Population"/>'s weights; 0 before generation 0 completes.</summary>
    public double EffectiveSampleSize => History.Count == 0 ? 0 : History[^1].EffectiveSampleSize;

    internal static AbcSmcState Initial(AbcSmcPlan plan) => new(
        plan, 0, 0, double.PositiveInfinity, 0, plan.Settings.PopulationSize, 0, [], [], [], 0, AbcSmcStopReason.None);

    /// <summary>This round's candidates, in index order. Throws when the calibration has finished.</summary>
    public IReadOnlyList<AbcCandidate> Candidates()
    {
        ThrowIfFinished();
        var candidates = new AbcCandidate[RoundSize];
        for (int i = 0; i < RoundSize; i++)
        {
            candidates[i] = Candidate(FirstIndex + i);
        }

        return candidates;
    }

    /// <summary>
    /// Candidate <paramref name="index"/> of <see cref="Generation"/>, recomputed alone: the same
    /// values <see cref="Candidates"/> lists, so a shard needs only the state and its indices.
    /// Generation 0 draws each unit coordinate uniformly; later generations pick a particle by
    /// weight and perturb it, redrawing until the point lies inside every prior's support.
    /// </summary>
    public AbcCandidate Candidate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ulong key = Plan.CandidateKey(Generation, index);
        int d = Plan.Parameters.Count;
        if (_kernel is null)
        {
            var unit = new double[d];
            for (int k = 0; k < d; k++)
            {
                unit[k] = CounterRng.Uniform(key, (ulong)k);
            }

            return Plan.ToCandidate(Generation, index, unit);
        }

        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            double[] unit = _kernel.Propose(key, attempt);
            if (unit.All(u => u >= 0 && u <= 1))
            {
                return Plan.ToCandidate(Generation, index, unit);
            }
        }

        throw new InvalidOperationException($"candidate {index} of generation {Generation} found no point inside the priors in {MaxAttempts} attempts");
    }

    /// <summary>
    /// The next state, given the distance of every candidate of this round. A distance is finite
    /// and at least 0, or +∞ for a run that cannot be compared (always rejected).
    /// </summary>
    /// <param name="generation">The generation the distances belong to; must be <see cref="Generation"/>, so stale results are refused.</param>
    /// <param name="distances">(index, distance) for each candidate of this round exactly once, in any order.</param>
    public AbcSmcState Accept(int generation, IEnumerable<KeyValuePair<int, double>> distances)
    {
        ThrowIfFinished();
        ArgumentNullException.ThrowIfNull(distances);
        if (generation != Generation)
        {
            throw new ArgumentException($"distances are for generation {generation}; the state waits for generation {Generation}", nameof(generation));
        }

        double[] byIndex = Collect(distances);
        var pending = new List<Pending>(_pending);
        for (int i = 0; i < RoundSize; i++)
        {
            double distance = byIndex[i];
            if (double.IsFinite(distance) && distance <= Tolerance)
            {
                AbcCandidate candidate = Candidate(FirstIndex + i);
                double logWeight = _kernel is null ? 0 : -_kernel.LogMixtureDensity(candidate.Unit);
                pending.Add(new Pending(candidate, distance, logWeight));
            }
        }

        int evaluated = EvaluatedThisGeneration + RoundSize;
        int total = TotalEvaluated + RoundSize;
        AbcSmcSettings settings = Plan.Settings;
        double rate = (double)pending.Count / evaluated;
        if (pending.Count < settings.PopulationSize)
        {
            if (rate < settings.MinAcceptanceRate)
            {
                return new AbcSmcState(Plan, Generation, Round + 1, Tolerance, FirstIndex + RoundSize, 0, evaluated, pending, Population, History, total, AbcSmcStopReason.AcceptanceRateBelowMinimum);
            }

            int missing = settings.PopulationSize - pending.Count;
            int size = (int)Math.Clamp(Math.Ceiling(TopUpMargin * missing / rate), missing, MaxRoundSize(settings));
            return new AbcSmcState(Plan, Generation, Round + 1, Tolerance, FirstIndex + RoundSize, size, evaluated, pending, Population, History, total, AbcSmcStopReason.None);
        }

        AbcParticle[] population = Normalise(pending);
        double ess = 1 / population.Sum(p => p.Weight * p.Weight);
        var history = new List<AbcGeneration>(History) { new(Generation, Tolerance, evaluated, population.Length, Round + 1, ess) };
        double next = NextTolerance(population, settings.Alpha);

        AbcSmcStopReason stop = AbcSmcStopReason.None;
        if (rate < settings.MinAcceptanceRate)
        {
            stop = AbcSmcStopReason.AcceptanceRateBelowMinimum;
        }
        else if (Generation + 1 >= settings.MaxGenerations)
        {
            stop = AbcSmcStopReason.MaxGenerations;
        }
        else if (Generation > 0 && (Tolerance == 0 || (Tolerance - next) / Tolerance < settings.MinToleranceDecrease))
        {
            stop = AbcSmcStopReason.ToleranceConverged;
        }

        int firstSize = stop == AbcSmcStopReason.None
            ? (int)Math.Clamp(Math.Ceiling(TopUpMargin * settings.PopulationSize / PredictedRate(rate)), settings.PopulationSize, MaxRoundSize(settings))
            : 0;
        return new AbcSmcState(Plan, Generation + 1, 0, next, 0, firstSize, 0, [], population, history, total, stop);
    }

    /// <summary>Each parameter's weighted mean and 2.5%, 50% and 97.5% quantiles over <see cref="Population"/>.</summary>
    public IReadOnlyList<PosteriorSummary> Summarise()
    {
        if (Population.Count == 0)
        {
            throw new InvalidOperationException("no population is complete yet; summarise after generation 0");
        }

        return Plan.Parameters.Select((p, k) => PosteriorSummary.Of(p.Name, Population, k)).ToArray();
    }

    /// <summary>
    /// The α-quantile of the population's distances as an order statistic: the ⌈αM⌉-th smallest of
    /// M, so at least a fraction α of the population lies within it.
    /// </summary>
    private static double NextTolerance(IReadOnlyList<AbcParticle> population, double alpha)
    {
        double[] sorted = population.Select(p => p.Distance).Order().ToArray();
        int rank = Math.Clamp((int)Math.Ceiling(alpha * sorted.Length), 1, sorted.Length);
        return sorted[rank - 1];
    }

    /// <summary>
    /// The acceptance rate the next generation should expect, to size its first round so that one
    /// round usually fills it (each extra round is another batch to schedule). After generation 0
    /// it is α: the new tolerance is the α-quantile of distances drawn much as the next candidates
    /// will be. Later, the rate falls as the tolerance tightens (by a factor 0.6 to 0.9 per
    /// generation in the tests), so this generation's rate is scaled by its ratio to the last
    /// one's, kept within [0.5, 1].
    /// </summary>
    private double PredictedRate(double rate)
    {
        if (Generation == 0)
        {
            return Plan.Settings.Alpha;
        }

        double trend = Generation >= 2 ? Math.Clamp(rate / History[^1].AcceptanceRate, 0.5, 1) : 1;
        return rate * trend;
    }

    private static AbcParticle[] Normalise(List<Pending> pending)
    {
        // Rounds were appended in index order, so the population is too: sums run in a fixed order.
        double max = pending.Max(p => p.LogWeight);
        double[] raw = pending.Select(p => Math.Exp(p.LogWeight - max)).ToArray();
        double sum = raw.Sum();
        return pending.Select((p, i) => new AbcParticle(p.Candidate.Index, p.Candidate.Unit, p.Candidate.Values, p.Distance, raw[i] / sum)).ToArray();
    }

    private static int MaxRoundSize(AbcSmcSettings settings) =>
        (int)Math.Min(int.MaxValue / 4, Math.Ceiling(settings.PopulationSize / settings.MinAcceptanceRate));

    private double[] Collect(IEnumerable<KeyValuePair<int, double>> distances)
    {
        var byIndex = new double[RoundSize];
        var seen = new bool[RoundSize];
        int count = 0;
        foreach ((int index, double distance) in distances)
        {
            int slot = index - FirstIndex;
            if (slot < 0 || slot >= RoundSize)
            {
                throw new ArgumentException($"candidate {index} is not in this round; its indices are {FirstIndex} to {FirstIndex + RoundSize - 1}", nameof(distances));
            }

            if (seen[slot])
            {
                throw new ArgumentException($"candidate {index} has two distances; give each once", nameof(distances));
            }

            if (double.IsNaN(distance) || distance < 0)
            {
                throw new ArgumentException($"candidate {index} has distance {distance}; must be at least 0, or +∞ for a run that cannot be compared", nameof(distances));
            }

            seen[slot] = true;
            byIndex[slot] = distance;
            count++;
        }

        if (count != RoundSize)
        {
            int first = FirstIndex + Array.IndexOf(seen, false);
            throw new ArgumentException($"{RoundSize - count} of {RoundSize} candidates have no distance, the first is {first}; evaluate every candidate of the round", nameof(distances));
        }

        return byIndex;
    }

    private void ThrowIfFinished()
    {
        if (IsFinished)
        {
            throw new InvalidOperationException($"the calibration has stopped ({StopReason}); its posterior is Population");
        }
    }

    private sealed record Pending(AbcCandidate Candidate, double Distance, double LogWeight);
}
