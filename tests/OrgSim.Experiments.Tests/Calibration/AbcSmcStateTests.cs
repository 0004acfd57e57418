using OrgSim.Core.Randomness;
using OrgSim.Experiments.Calibration;
using OrgSim.Experiments.Sensitivity;
using static OrgSim.Experiments.Tests.Calibration.AbcToyModels;

namespace OrgSim.Experiments.Tests.Calibration;

public class AbcSmcStateTests
{
    private static readonly ParameterRange[] TwoParameters =
        [new("rate", 0.001, 10, ParameterScale.LogUniform), new("share", 0, 1)];

    // A smooth toy distance with its minimum inside the priors: rate 0.2, share 0.3, plus noise
    // from the candidate's own stream so that runs are stochastic like the model's.
    private static double Noisy(AbcCandidate c) =>
        Math.Abs(Math.Log(c.Values[0] / 0.2)) + Math.Abs(c.Values[1] - 0.3) + (0.05 * CounterRng.Uniform(Stream(3, c), 0));

    private static AbcSmcPlan Plan(ulong seed = 42, AbcSmcSettings? settings = null) =>
        new(TwoParameters, seed, settings ?? new AbcSmcSettings { PopulationSize = 200, MaxGenerations = 5 });

    [Fact]
    public void SameSeed_GivesIdenticalCandidatesWhateverOrderTheDistancesArriveIn()
    {
        AbcSmcState inOrder = Run(Plan(), Noisy);
        AbcSmcState shuffled = Run(Plan(), Noisy, shuffle: 99);
        AbcSmcState reshuffled = Run(Plan(), Noisy, shuffle: 12345);

        Assert.Equal(5, inOrder.History.Count);
        foreach (AbcSmcState other in new[] { shuffled, reshuffled })
        {
            Assert.Equal(inOrder.TotalEvaluated, other.TotalEvaluated);
            Assert.Equal(inOrder.History, other.History);
            Assert.Equal(Flatten(inOrder.Population), Flatten(other.Population));
        }
    }

    [Fact]
    public void AnotherSeed_GivesOtherCandidates()
    {
        double[] a = Plan(seed: 1).Start().Candidates().SelectMany(c => c.Values).ToArray();
        double[] b = Plan(seed: 2).Start().Candidates().SelectMany(c => c.Values).ToArray();
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Candidate_RecomputedAloneOrFromAFreshReplay_EqualsTheBatchEntry()
    {
        // A shard that rebuilt the state by replaying the stored distances proposes exactly the
        // candidates the original process would have, one at a time.
        AbcSmcState state = Plan().Start();
        AbcSmcState replay = Plan().Start();
        while (state.Generation < 3)
        {
            var distances = state.Candidates().Select(c => KeyValuePair.Create(c.Index, Noisy(c))).ToList();
            state = state.Accept(state.Generation, distances);
            replay = replay.Accept(replay.Generation, distances.AsEnumerable().Reverse());
        }

        IReadOnlyList<AbcCandidate> batch = state.Candidates();
        Assert.Equal(3, batch[0].Generation);
        foreach (int i in new[] { 0, 17, batch.Count - 1 })
        {
            AbcCandidate alone = replay.Candidate(state.FirstIndex + i);
            Assert.Equal(batch[i].Values, alone.Values);
            Assert.Equal(batch[i].Unit, alone.Unit);
        }
    }

    [Fact]
    public void Candidates_StayInsideThePriorSupportAndLogUniformValuesStayPositive()
    {
        // The distance pulls both parameters to their lower bounds, so half of each proposal's
        // kernel lies outside the support: every such draw must be redrawn, never clipped or kept.
        var plan = Plan(settings: new AbcSmcSettings { PopulationSize = 200, MaxGenerations = 8 });
        AbcSmcState state = plan.Start();
        var seen = new List<AbcCandidate>();
        while (!state.IsFinished)
        {
            IReadOnlyList<AbcCandidate> candidates = state.Candidates();
            seen.AddRange(candidates);
            state = state.Accept(state.Generation, candidates.Select(c => KeyValuePair.Create(c.Index, Math.Log(c.Values[0] / 0.001) + c.Values[1])));
        }

        Assert.All(seen, c =>
        {
            Assert.InRange(c.Values[0], 0.001, 10);
            Assert.InRange(c.Values[1], 0, 1);
            Assert.All(c.Unit, u => Assert.InRange(u, 0, 1));
        });
        Assert.All(state.Population, p => Assert.True(double.IsFinite(p.Weight) && p.Weight > 0));
        Assert.Equal(1, state.Population.Sum(p => p.Weight), 12);

        // The posterior crowds the lower end multiplicatively: its 97.5% quantile is far below
        // the prior's (10^0.5 ≈ 3.2 on the log scale).
        Assert.InRange(state.Summarise()[0].Upper, 0.001, 0.01);
    }

    [Fact]
    public void Generation0_DrawsFromThePriorsAndAcceptsEveryComparableRun()
    {
        AbcSmcState start = Plan().Start();
        Assert.Equal(double.PositiveInfinity, start.Tolerance);
        IReadOnlyList<AbcCandidate> candidates = start.Candidates();
        Assert.Equal(200, candidates.Count);

        // A log-uniform prior puts half its draws below the geometric midpoint √(0.001 · 10) = 0.1.
        double below = candidates.Count(c => c.Values[0] < 0.1) / 200.0;
        Assert.InRange(below, 0.5 - (3 * 0.035), 0.5 + (3 * 0.035)); // sd of a share of 200: 0.035

        // A run that cannot be compared (+∞) is rejected even at generation 0, and the missing
        // particle is made up by a top-up round of ⌈1.2 × 1 / 0.995⌉ = 2 candidates.
        AbcSmcState next = start.Accept(0, candidates.Select(c => KeyValuePair.Create(c.Index, c.Index == 0 ? double.PositiveInfinity : c.Values[1])));
        Assert.Equal(0, next.Generation);
        Assert.Equal(199, next.AcceptedThisGeneration);
        Assert.Equal((200, 2), (next.FirstIndex, next.RoundSize));
        next = next.Accept(0, next.Candidates().Select(c => KeyValuePair.Create(c.Index, c.Values[1])));
        Assert.Equal(1, next.Generation);
        Assert.Equal(201, next.Population.Count);
        Assert.All(next.Population, p => Assert.Equal(1.0 / 201, p.Weight, 15));
    }

    [Fact]
    public void Weights_TurnTheKernelsProposalsBackIntoThePrior()
    {
        // Every run at distance 0: generation 1 accepts everything, so its weighted population
        // must be a sample of the uniform prior, whose E[(u − ½)²] is 1/12 = 0.0833. The proposal
        // — uniform particles moved by a normal step of sd √(2/12) = 0.41 and redrawn when outside
        // [0, 1] — is too thin near the ends: its E[(u − ½)²] is 0.0737 (numerical integration).
        // The weights 1 / Σ Wⱼ K(u − uⱼ) must restore 1/12. Tolerance: four standard errors,
        // 4 × 0.0745 / √ESS, 0.0745 being the sd of (u − ½)² under the uniform.
        var plan = new AbcSmcPlan([new ParameterRange("x", 0, 1)], 5, new AbcSmcSettings { PopulationSize = 1500 });
        AbcSmcState state = Run(plan, _ => 0);
        Assert.Equal(2, state.History.Count);

        double weighted = state.Population.Sum(p => p.Weight * Math.Pow(p.Unit[0] - 0.5, 2));
        double unweighted = state.Population.Average(p => Math.Pow(p.Unit[0] - 0.5, 2));
        double error = 4 * 0.0745 / Math.Sqrt(state.EffectiveSampleSize);
        Assert.Equal(1.0 / 12, weighted, error);
        Assert.True(unweighted < (1.0 / 12) - error, $"the unweighted {unweighted:F4} should show the proposal's dip at the ends");
    }

    [Fact]
    public void RejectedCandidates_AreMadeUpByATopUpRoundWithFreshIndices()
    {
        AbcSmcState state = Plan().Start();
        state = state.Accept(0, state.Candidates().Select(c => KeyValuePair.Create(c.Index, Noisy(c))));
        Assert.Equal(1, state.Generation);
        Assert.Equal(0, state.Round);
        Assert.Equal(480, state.RoundSize); // 1.2 × 200 / α: about α of them should pass the median

        // Accept only a tenth of the first round: 48 of 480; the top-up asks for
        // 1.2 × 152 / 0.1 = 1824 candidates, numbered on from 480.
        IReadOnlyList<AbcCandidate> first = state.Candidates();
        state = state.Accept(1, first.Select(c => KeyValuePair.Create(c.Index, c.Index % 10 == 0 ? 0.0 : 1e9)));
        Assert.Equal(1, state.Generation);
        Assert.Equal(1, state.Round);
        Assert.Equal(48, state.AcceptedThisGeneration);
        Assert.Equal(480, state.FirstIndex);
        Assert.Equal(1824, state.RoundSize);
        Assert.DoesNotContain(state.Candidates(), c => c.Index < 480);

        state = state.Accept(1, state.Candidates().Select(c => KeyValuePair.Create(c.Index, 0.0)));
        Assert.Equal(2, state.Generation);
        Assert.Equal(1872, state.History[^1].Accepted);
        Assert.Equal(2304, state.History[^1].Evaluated);
        Assert.Equal(2, state.History[^1].Rounds);
        Assert.Equal(0, state.Tolerance); // the median of 1872 zeros
    }

    [Fact]
    public void Stops_AfterMaxGenerations()
    {
        AbcSmcState state = Run(Plan(settings: new AbcSmcSettings { PopulationSize = 100, MaxGenerations = 3 }), Noisy);
        Assert.Equal(AbcSmcStopReason.MaxGenerations, state.StopReason);
        Assert.Equal([0, 1, 2], state.History.Select(g => g.Generation));
        Assert.Throws<InvalidOperationException>(() => state.Candidates());
    }

    [Fact]
    public void Stops_WhenTheAcceptanceRateFallsBelowTheMinimum()
    {
        // A distance that ignores the parameters (pure noise, uniform on [0, 1)): each tolerance
        // is about half the last, and so is the acceptance rate — about 0.5, 0.25, 0.125, 0.06,
        // 0.03 in generations 1 to 5 — until it drops under 0.05.
        AbcSmcState state = Run(Plan(settings: new AbcSmcSettings { PopulationSize = 200 }), c => CounterRng.Uniform(Stream(8, c), 0));
        Assert.Equal(AbcSmcStopReason.AcceptanceRateBelowMinimum, state.StopReason);
        Assert.InRange(state.History.Count, 4, 6);
        Assert.All(state.History.Skip(1), g => Assert.True(g.AcceptanceRate >= 0.05));
        Assert.True(state.Population.Count >= 200);
    }

    [Fact]
    public void Stops_WhenTheToleranceNoLongerFalls()
    {
        // Every run at distance 1 except those with share above 0.9: the median stays at 1.
        AbcSmcState state = Run(Plan(settings: new AbcSmcSettings { PopulationSize = 100 }), c => c.Values[1] > 0.9 ? 0.5 : 1);
        Assert.Equal(AbcSmcStopReason.ToleranceConverged, state.StopReason);
        Assert.Equal(2, state.History.Count);
        Assert.Equal(1, state.History[^1].Tolerance);
    }

    [Fact]
    public void Stops_WhenTheToleranceReachesZero()
    {
        AbcSmcState state = Run(Plan(settings: new AbcSmcSettings { PopulationSize = 100 }), _ => 0);
        Assert.Equal(AbcSmcStopReason.ToleranceConverged, state.StopReason);
        Assert.Equal(0, state.History[^1].Tolerance);
    }

    [Fact]
    public void Accept_RefusesStaleIncompleteDuplicateAndInvalidDistances()
    {
        AbcSmcState state = Plan().Start();
        var good = state.Candidates().Select(c => KeyValuePair.Create(c.Index, 1.0)).ToList();

        Assert.Contains("generation 1", Assert.Throws<ArgumentException>(() => state.Accept(1, good)).Message, StringComparison.Ordinal);
        Assert.Contains("no distance", Assert.Throws<ArgumentException>(() => state.Accept(0, good.Skip(1))).Message, StringComparison.Ordinal);
        Assert.Contains("two distances", Assert.Throws<ArgumentException>(() => state.Accept(0, good.Append(good[0]))).Message, StringComparison.Ordinal);
        Assert.Contains("not in this round", Assert.Throws<ArgumentException>(() => state.Accept(0, good.Append(KeyValuePair.Create(200, 1.0)))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => state.Accept(0, good.Skip(1).Append(KeyValuePair.Create(0, double.NaN))));
        Assert.Throws<ArgumentException>(() => state.Accept(0, good.Skip(1).Append(KeyValuePair.Create(0, -1.0))));
    }

    [Fact]
    public void Plan_RefusesInvalidSettingsAndDuplicateNames()
    {
        Assert.Throws<ArgumentException>(() => new AbcSmcPlan([], 1));
        Assert.Throws<ArgumentException>(() => new AbcSmcPlan([new ParameterRange("x", 0, 1), new ParameterRange("x", 0, 2)], 1));
        IReadOnlyList<string> problems = new AbcSmcSettings { PopulationSize = 1, Alpha = 1, MinAcceptanceRate = 0, MinToleranceDecrease = 1, MaxGenerations = 0 }.Problems();
        Assert.Equal(5, problems.Count);
        Assert.Empty(new AbcSmcSettings().Problems());
    }

    private static double[] Flatten(IReadOnlyList<AbcParticle> population) =>
        population.SelectMany(p => p.Values.Append(p.Weight).Append(p.Distance).Append(p.Index)).ToArray();
}
