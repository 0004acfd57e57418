using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using OrgSim.Core.Agents;
using OrgSim.Core.Model;

namespace OrgSim.Core.Engine;

/// <summary>
/// The week's rules for one competency of one agent — deploy, become aware, practise, move up,
/// forget — as a pure function of the current stage and counters, what the agent saw, and 64
/// random bits. Parameters are turned into thresholds once, at construction.
/// </summary>
/// <remarks>
/// Random bits are split into independent 32-bit halves: the high half decides learning, the
/// low half forgetting, so one draw serves both and a probability is resolved to 2^-32.
/// </remarks>
internal readonly struct WeeklyRules
{
    private const double TwoToMinus32 = 1.0 / 4294967296.0;

    private readonly ulong _deployPractisedThreshold;
    private readonly ulong _deployHabitThreshold;
    private readonly double _practiceBase;
    private readonly double _practiceFromExposure;
    private readonly int _repetitionsToPractised;
    private readonly int _repetitionsToHabit;
    private readonly int _forgetGraceWeeks;
    private readonly ulong[] _forgetThresholds;
    private readonly ulong[] _forgetOrGiveUpThresholds;
    private readonly double[] _forgetRates;
    private readonly double _relapse;
    private readonly double _habitErosion;
    private readonly double[] _flowScale;
    private readonly AdoptionRule _adoption;
    private readonly double _bassInnovation;
    private readonly double _bassImitation;
    private readonly bool _learning;
    private readonly bool _countWeeksAtHabit;
    private readonly double[] _rubPatScale;
    private readonly double _prerequisiteScale;
    private readonly ulong _giveUpThreshold;
    private readonly double _supportScale;
    private readonly double _feedforwardBoost;
    private readonly Vector256<double>[] _supportScales;
    private readonly Vector256<double>[] _prerequisiteLanes;
    private readonly Vector256<double>[] _flowLanes;

    public WeeklyRules(ModelParameters parameters)
    {
        _adoption = parameters.Adoption;
        _bassInnovation = parameters.BassInnovation;
        _bassImitation = parameters.BassImitation;
        _learning = parameters.Learning;
        _countWeeksAtHabit = parameters.ActiveWeeks > 0;
        _rubPatScale = Enumerable.Range(0, Competencies.Count + 1).Select(k => Math.Pow(parameters.RubPatFactor, Math.Max(0, k - 1))).ToArray();
        _prerequisiteScale = 1 + parameters.PrerequisiteBoost;
        _giveUpThreshold = Threshold(parameters.GiveUpRate);
        _supportScale = 1 + parameters.SupportBoost;
        _feedforwardBoost = parameters.FeedforwardBoost;
        double support = _supportScale;
        _supportScales = Enumerable.Range(0, 16)
            .Select(bits => Vector256.Create(Scale(bits, 0), Scale(bits, 1), Scale(bits, 2), Scale(bits, 3)))
            .ToArray();
        double Scale(int bits, int c) => ((bits >> c) & 1) != 0 ? support : 1.0;

        // The forgetting curve: the weekly chance after r repetitions at the stage, φ / (1 + σ·r).
        double[] forgetRate = Enumerable.Range(0, byte.MaxValue + 1).Select(r => parameters.ForgetRate / (1 + (parameters.ForgetStrengthening * r))).ToArray();
        _forgetThresholds = forgetRate.Select(Threshold).ToArray();
        _forgetOrGiveUpThresholds = forgetRate.Select(f => Threshold(1 - ((1 - f) * (1 - parameters.GiveUpRate)))).ToArray();
        _forgetRates = forgetRate;
        _relapse = parameters.Learning ? parameters.RelapseRate : 0;
        _habitErosion = parameters.Erodes ? parameters.HabitErosionRate : 0;
        _flowScale = FlowTable(parameters.FlowSensitivity);
        _deployPractisedThreshold = Threshold(parameters.DeployProbabilityPractised);
        _deployHabitThreshold = Threshold(parameters.DeployProbabilityHabit);
        _practiceBase = parameters.PracticeBase;
        _practiceFromExposure = parameters.PracticeFromExposure;
        _repetitionsToPractised = parameters.RepetitionsToPractised;
        _repetitionsToHabit = parameters.RepetitionsToHabit;
        _forgetGraceWeeks = parameters.ForgetGraceWeeks;
        _prerequisiteLanes = new Vector256<double>[256];
        _flowLanes = new Vector256<double>[256];
        for (int combination = 0; combination < 256; combination++)
        {
            uint stageWord = StageWordOf(combination);
            int sum = StageSum(stageWord);
            _prerequisiteLanes[combination] = Vector256.Create(1.0, PrerequisiteScale(stageWord), 1.0, 1.0);
            _flowLanes[combination] = Vector256.Create(
                FlowScale((int)(stageWord & 0xFF), sum), FlowScale((int)((stageWord >> 8) & 0xFF), sum),
                FlowScale((int)((stageWord >> 16) & 0xFF), sum), FlowScale((int)(stageWord >> 24), sum));
        }
    }

    /// <summary>The sum of the agent's four stages, 0..12, from its stage word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int StageSum(uint stageWord) => (int)((stageWord * 0x01010101u) >> 24);

    /// <summary>
    /// Flow: the factor on the repetition chance of a competency at <paramref name="stage"/> for an
    /// agent whose four stages add up to <paramref name="stageSum"/>: 1 / (1 + sensitivity × |stage − mean stage|).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double FlowScale(int stage, int stageSum) => _flowScale[(stage * FlowSums) + stageSum];

    /// <summary>Whether an agent at <paramref name="stage"/> deploys this week, given 32 random bits.</summary>
    /// <remarks>A comparison per stage and a select, not a switch: the stage is unpredictable, a mispredicted branch costs more.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Deploys(int stage, uint random)
    {
        ulong threshold = stage == (int)Stage.UnconsciousCompetence ? _deployHabitThreshold : _deployPractisedThreshold;
        return stage >= (int)Stage.ConsciousCompetence & random < threshold;
    }

    /// <summary>
    /// <see cref="Deploys"/> for the four competencies at <paramref name="stageWord"/> at once: bit
    /// c set if competency c deploys. Competency c reads the 32 bits of <paramref name="draws"/>
    /// lane c / 2 at bit 32 · (c mod 2), as the scalar rule does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Deployments(uint stageWord, Vector128<ulong> draws)
    {
        Vector128<uint> halves = draws.AsUInt32();
        Vector256<ulong> random = Vector256.Create(Vector128.WidenLower(halves), Vector128.WidenUpper(halves));
        Vector256<ulong> stage = ByteLanes.Widen(stageWord);
        Vector256<ulong> threshold = Vector256.ConditionalSelect(
            Vector256.Equals(stage, Vector256.Create(3UL)), Vector256.Create(_deployHabitThreshold), Vector256.Create(_deployPractisedThreshold));
        Vector256<ulong> deploys = Vector256.GreaterThanOrEqual(stage, Vector256.Create(2UL)) & Vector256.LessThan(random, threshold);
        return (int)deploys.ExtractMostSignificantBits();
    }

    /// <summary>The rub-pat factor for an agent practising the competencies at stage 1 or 2 in <paramref name="stageWord"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double RubPatScale(uint stageWord)
    {
        // Stages 1 and 2 are the ones being practised: bit 0 xor bit 1 of each byte.
        uint practising = (stageWord ^ (stageWord >> 1)) & 0x01010101;
        return _rubPatScale[System.Numerics.BitOperations.PopCount(practising)];
    }

    /// <summary>The factor background support puts on a repetition chance: 1 + the boost if the agent's manager is competent in it (<paramref name="managerCompetent"/> = 1), else 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double SupportScale(int managerCompetent) => managerCompetent != 0 ? _supportScale : 1.0;

    /// <summary>The feedforward catalyst: 1 + boost × the strength-weighted share of contacts competent in feedforward, in [0, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double FeedforwardScale(double share) => 1.0 + (_feedforwardBoost * Math.Min(1.0, share));

    /// <summary>The factor on circularity's repetition chance: 1 + the boost once decisiveness is at stage 2 or more, else 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double PrerequisiteScale(uint stageWord) =>
        (stageWord & 0xFF) >= (int)Stage.ConsciousCompetence ? _prerequisiteScale : 1.0;

    /// <summary>
    /// The chance that an unaware agent adopts this week under the adoption rule, from what it saw
    /// of its contacts deploying the competency.
    /// </summary>
    /// <param name="keep">Π(1 − hit) over deploying contacts.</param>
    /// <param name="exposure">Σ strength over deploying contacts.</param>
    /// <param name="count">The number of deploying contacts.</param>
    /// <param name="bar">For the threshold rules, what the agent must see to adopt, from its threshold (<see cref="AdoptionBars"/>): a count, or an exposure.</param>
    /// <param name="barIsCount">Whether the fractional rule compares <paramref name="count"/> rather than <paramref name="exposure"/> with <paramref name="bar"/>.</param>
    /// <param name="totalStrength">Σ strength over all the agent's contacts, for the Bass share.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double AdoptionChance(double keep, double exposure, double count, double bar, bool barIsCount, double totalStrength) => _adoption switch
    {
        AdoptionRule.SimpleContagion => 1.0 - keep,
        AdoptionRule.FractionalThreshold => (barIsCount ? count : exposure) >= bar ? 1.0 : 0.0,
        AdoptionRule.AbsoluteThreshold => count >= bar ? 1.0 : 0.0,
        AdoptionRule.Bass => _bassInnovation + (_bassImitation * (totalStrength > 0 ? exposure / totalStrength : 0)),
        _ => 0.0,
    };

    /// <summary>
    /// Applies one week to a competency at <paramref name="stage"/> with counters
    /// <paramref name="repetitions"/> and <paramref name="idleWeeks"/>; returns the new stage,
    /// which differs from the old by at most one.
    /// </summary>
    /// <param name="stage">The stage at the start of the week, 0..3.</param>
    /// <param name="repetitions">Repetitions towards the next stage (at stage 3 with limited active weeks: weeks at stage 3); updated.</param>
    /// <param name="idleWeeks">Weeks without a repetition; updated.</param>
    /// <param name="deployed">Whether the agent deployed the competency itself, or followed up at a pacing checkpoint, this week: either counts as a repetition.</param>
    /// <param name="aware">Chance of adopting this week, from <see cref="AdoptionChance"/>; used at stage 0 only.</param>
    /// <param name="exposure">Σ strength over deploying contacts.</param>
    /// <param name="practiceScale">The factor on the repetition chance: <see cref="RubPatScale"/>, <see cref="PrerequisiteScale"/> (circularity only), <see cref="SupportScale"/>, <see cref="FlowScale"/> and <see cref="FeedforwardScale"/> multiplied.</param>
    /// <param name="random">64 random bits for this agent, competency and week.</param>
    /// <param name="inverseStrength">1 / Σ strength over all the agent's contacts, 0 for an agent without any: the pull of old routines, which relapse (stage 2) and erosion (stage 3) scale with, is 1 − min(1, exposure × this).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Apply(int stage, ref byte repetitions, ref byte idleWeeks, bool deployed, double aware, double exposure, double practiceScale, ulong random, double inverseStrength = 0)
    {
        switch (stage)
        {
            case (int)Stage.UnconsciousIncompetence:
                if (Learn(random) < aware)
                {
                    repetitions = 0;
                    idleWeeks = 0;

                    // Without learning, adopting is deploying: straight to habit (classic mode).
                    return _learning ? (int)Stage.ConsciousIncompetence : (int)Stage.UnconsciousCompetence;
                }

                return stage;

            case (int)Stage.ConsciousIncompetence:
            case (int)Stage.ConsciousCompetence:
                if (!_learning)
                {
                    return stage; // Classic mode: no practice, no forgetting.
                }

                // Practising by doing: a week in which the agent deployed counts as a repetition.
                if (deployed || Learn(random) < (_practiceBase + (_practiceFromExposure * exposure)) * practiceScale)
                {
                    idleWeeks = 0;
                    int done = repetitions + 1;
                    int needed = stage == (int)Stage.ConsciousIncompetence ? _repetitionsToPractised : _repetitionsToHabit;
                    if (done >= needed)
                    {
                        repetitions = 0;
                        return stage + 1;
                    }

                    repetitions = (byte)done;
                    return stage;
                }

                // Forgetting (after the grace weeks) and giving up (aware, and no payoff: nobody seen
                // deploying it) are independent chances of dropping a stage: one draw decides both,
                // against 1 − (1 − φ)(1 − g), so a probability is still resolved to 2^-32. At stage 2
                // with relapse on, relapsing under the pull of old routines takes giving up's place.
                int idle = Math.Min(byte.MaxValue, idleWeeks + 1);
                bool forgets = idle >= _forgetGraceWeeks;
                bool drops;
                if (stage == (int)Stage.ConsciousCompetence && _relapse > 0)
                {
                    drops = (uint)random * TwoToMinus32 < DropChance(forgets ? _forgetRates[repetitions] : 0, _relapse * Pull(exposure, inverseStrength));
                }
                else
                {
                    bool givesUp = stage == (int)Stage.ConsciousIncompetence && exposure == 0;
                    ulong drop = forgets ? (givesUp ? _forgetOrGiveUpThresholds[repetitions] : _forgetThresholds[repetitions]) : (givesUp ? _giveUpThreshold : 0);
                    drops = (uint)random < drop;
                }

                if (drops)
                {
                    repetitions = 0;
                    idleWeeks = 0;
                    return stage - 1;
                }

                idleWeeks = (byte)idle;
                return stage;

            default:
                // Erosion: the pull of old routines, the share of contacts who did not deploy it, on the low half.
                if ((uint)random * TwoToMinus32 < _habitErosion * Pull(exposure, inverseStrength))
                {
                    repetitions = 0;
                    idleWeeks = 0;
                    return (int)Stage.ConsciousCompetence;
                }

                // With limited active weeks (classic mode), count the weeks since reaching it.
                if (_countWeeksAtHabit && repetitions < byte.MaxValue)
                {
                    repetitions++;
                }

                return stage;
        }
    }

    /// <summary>The pull of old routines: the strength-weighted share of contacts who did not deploy the competency this week, 1 − min(1, <paramref name="exposure"/> × <paramref name="inverseStrength"/>); 1 without contacts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Pull(double exposure, double inverseStrength) => 1.0 - Math.Min(1.0, exposure * inverseStrength);

    /// <summary>The chance that at least one of two independent events happens: 1 − (1 − a)(1 − b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double DropChance(double a, double b) => 1.0 - ((1.0 - a) * (1.0 - b));

    /// <summary>
    /// The factor on each competency's repetition chance, lane c = competency c: as the engine
    /// multiplies them for one competency, <c>practiceScale × prerequisite (circularity only) ×
    /// support × flow</c>, in that order, so that each lane is the scalar product bit for bit.
    /// </summary>
    /// <param name="practiceScale"><see cref="RubPatScale"/> × the feedforward catalyst.</param>
    /// <param name="stageWord">The agent's four stages, byte c = competency c.</param>
    /// <param name="supported">Bit c set if the agent's manager (or mentor, or coach) is competent in c.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> PracticeScales(double practiceScale, uint stageWord, int supported)
    {
        // The prerequisite and flow lanes depend on the four stages alone: one table entry per combination.
        int combination = Combination(stageWord);
        return Vector256.Create(practiceScale) * _prerequisiteLanes[combination] * _supportScales[supported & 0xF] * _flowLanes[combination];
    }

    /// <summary>The four stages of <paramref name="stageWord"/> packed two bits each, 0..255.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Combination(uint stageWord) =>
        (int)((stageWord & 3) | ((stageWord >> 6) & 0xC) | ((stageWord >> 12) & 0x30) | ((stageWord >> 18) & 0xC0));

    /// <summary>The stage word (byte c = competency c) of a combination of <see cref="Combination"/>.</summary>
    private static uint StageWordOf(int combination) =>
        (uint)(combination & 3) | ((uint)((combination >> 2) & 3) << 8) | ((uint)((combination >> 4) & 3) << 16) | ((uint)((combination >> 6) & 3) << 24);

    /// <summary><see cref="AdoptionChance"/> for the four competencies at once, lane c = competency c, bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> AdoptionChances(Vector256<double> keep, Vector256<double> exposure, Vector256<double> count, double bar, bool barIsCount, double totalStrength) => _adoption switch
    {
        AdoptionRule.SimpleContagion => Vector256<double>.One - keep,
        AdoptionRule.FractionalThreshold => Vector256<double>.One & Vector256.GreaterThanOrEqual(barIsCount ? count : exposure, Vector256.Create(bar)),
        AdoptionRule.AbsoluteThreshold => Vector256<double>.One & Vector256.GreaterThanOrEqual(count, Vector256.Create(bar)),
        AdoptionRule.Bass => Vector256.Create(_bassInnovation) + (Vector256.Create(_bassImitation) * (totalStrength > 0 ? exposure / Vector256.Create(totalStrength) : Vector256<double>.Zero)),
        _ => Vector256<double>.Zero,
    };

    /// <summary>Whether an agent unaware of everything adopts some competency this week: what <see cref="ApplyAll"/> decides at stage 0, alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyAdopts(Vector256<double> adoption, Vector256<ulong> random) =>
        Vector256.LessThan(LearnLanes(random), adoption) != Vector256<double>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> LearnLanes(Vector256<ulong> random) =>
        Vector256.ConvertToDouble(Vector256.ShiftRightLogical(random, 32)) * Vector256.Create(TwoToMinus32);

    /// <summary>
    /// <see cref="Apply"/> for the four competencies of one agent at once, lane c = competency c,
    /// without a branch: every lane's outcome is computed and the lane's stage picks it. Gives
    /// <see cref="Apply"/>'s results bit for bit (the same comparisons of the same doubles), and
    /// writes every counter back, changed or not.
    /// </summary>
    /// <remarks>
    /// Why: the scalar rules branch on each competency's stage, on whether it was practised and on
    /// the dice, and those branches are unpredictable; they were about half of a tick at 10^6 agents
    /// (benchmarks/README.md, issue 12).
    /// </remarks>
    /// <param name="stageWord">The four stages; updated.</param>
    /// <param name="repetitionWord">The four repetition counters; updated.</param>
    /// <param name="idleWord">The four idle-week counters; updated.</param>
    /// <param name="practised">Bit c set if competency c was deployed or followed up this week.</param>
    /// <param name="adoption">Per competency, the chance of becoming aware (<see cref="AdoptionChances"/>); read at stage 0.</param>
    /// <param name="exposure">Per competency, Σ strength over deploying contacts.</param>
    /// <param name="practiceScale">Per competency, the factor on the repetition chance (<see cref="PracticeScales"/>).</param>
    /// <param name="random">Per competency, the 64 random bits of the week.</param>
    /// <param name="inverseStrength">1 / Σ strength over all the agent's contacts (0 without any), for the pull of old routines; read only when relapse or erosion is on.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ApplyAll(ref uint stageWord, ref uint repetitionWord, ref uint idleWord, int practised, Vector256<double> adoption, Vector256<double> exposure, Vector256<double> practiceScale, Vector256<ulong> random, double inverseStrength = 0)
    {
        Vector256<ulong> one = Vector256<ulong>.One;
        Vector256<ulong> stage = ByteLanes.Widen(stageWord), repetitions = ByteLanes.Widen(repetitionWord), idleWeeks = ByteLanes.Widen(idleWord);
        Vector256<double> learn = LearnLanes(random);

        // Stage 0: aware at the adoption chance.
        Vector256<ulong> adopts = Vector256.Equals(stage, Vector256<ulong>.Zero) & Vector256.LessThan(learn, adoption).AsUInt64();

        // Stages 1 and 2: a repetition when practised or at the practice chance; else perhaps forgetting or giving up.
        Vector256<ulong> aware = Vector256.Equals(stage, one);
        Vector256<ulong> practising = _learning ? aware | Vector256.Equals(stage, Vector256.Create(2UL)) : Vector256<ulong>.Zero;
        Vector256<double> chance = (Vector256.Create(_practiceBase) + (Vector256.Create(_practiceFromExposure) * exposure)) * practiceScale;
        Vector256<ulong> success = practising & (ByteLanes.Mask(practised) | Vector256.LessThan(learn, chance).AsUInt64());
        Vector256<ulong> done = repetitions + one;
        Vector256<ulong> needed = Vector256.ConditionalSelect(aware, Vector256.Create((ulong)_repetitionsToPractised), Vector256.Create((ulong)_repetitionsToHabit));
        Vector256<ulong> up = success & Vector256.GreaterThanOrEqual(done, needed);
        Vector256<ulong> idle = Vector256.Min(idleWeeks + one, Vector256.Create((ulong)byte.MaxValue));
        Vector256<ulong> forgets = Vector256.GreaterThanOrEqual(idle, Vector256.Create((ulong)_forgetGraceWeeks));
        Vector256<ulong> givesUp = aware & Vector256.Equals(exposure, Vector256<double>.Zero).AsUInt64();
        Vector256<ulong> forgetting = Vector256.Create(
            _forgetThresholds[repetitionWord & 0xFF], _forgetThresholds[(repetitionWord >> 8) & 0xFF],
            _forgetThresholds[(repetitionWord >> 16) & 0xFF], _forgetThresholds[repetitionWord >> 24]);
        Vector256<ulong> forgettingOrGivingUp = Vector256.Create(
            _forgetOrGiveUpThresholds[repetitionWord & 0xFF], _forgetOrGiveUpThresholds[(repetitionWord >> 8) & 0xFF],
            _forgetOrGiveUpThresholds[(repetitionWord >> 16) & 0xFF], _forgetOrGiveUpThresholds[repetitionWord >> 24]);
        Vector256<ulong> drop = Vector256.ConditionalSelect(forgets, Vector256.ConditionalSelect(givesUp, forgettingOrGivingUp, forgetting), givesUp & Vector256.Create(_giveUpThreshold));
        Vector256<ulong> failed = practising & ~success;
        Vector256<ulong> lowBits = random & Vector256.Create((ulong)uint.MaxValue);
        Vector256<ulong> dropped = Vector256.LessThan(lowBits, drop);
        Vector256<double> low = Vector256<double>.Zero, pull = Vector256<double>.Zero;
        if (_relapse > 0 || _habitErosion > 0)
        {
            low = Vector256.ConvertToDouble(lowBits) * Vector256.Create(TwoToMinus32);
            pull = Vector256<double>.One - Vector256.Min(Vector256<double>.One, exposure * Vector256.Create(inverseStrength));
        }

        if (_relapse > 0)
        {
            // Stage 2: forgetting and relapsing under the pull of old routines, in doubles (the chance varies with the pull).
            Vector256<double> forgetRate = Vector256.Create(
                _forgetRates[repetitionWord & 0xFF], _forgetRates[(repetitionWord >> 8) & 0xFF],
                _forgetRates[(repetitionWord >> 16) & 0xFF], _forgetRates[repetitionWord >> 24]) & forgets.AsDouble();
            Vector256<double> chance2 = Vector256<double>.One - ((Vector256<double>.One - forgetRate) * (Vector256<double>.One - (Vector256.Create(_relapse) * pull)));
            Vector256<ulong> practitioner = Vector256.Equals(stage, Vector256.Create(2UL));
            dropped = Vector256.ConditionalSelect(practitioner, Vector256.LessThan(low, chance2).AsUInt64(), dropped);
        }

        Vector256<ulong> down = failed & dropped;

        // Stage 3 with limited active weeks: one more week at the habit.
        Vector256<ulong> counting = _countWeeksAtHabit
            ? Vector256.Equals(stage, Vector256.Create(3UL)) & Vector256.LessThan(repetitions, Vector256.Create((ulong)byte.MaxValue))
            : Vector256<ulong>.Zero;

        // Stage 3 with erosion on: the pull of old routines, on the low half of the draw.
        Vector256<ulong> erodes = Vector256<ulong>.Zero;
        if (_habitErosion > 0)
        {
            Vector256<double> erosion = Vector256.Create(_habitErosion) * pull;
            erodes = Vector256.Equals(stage, Vector256.Create(3UL)) & Vector256.LessThan(low, erosion).AsUInt64();
            counting &= ~erodes;
        }

        Vector256<ulong> reset = adopts | up | down | erodes;
        Vector256<ulong> nextStage = Vector256.ConditionalSelect(
            adopts, Vector256.Create(_learning ? 1UL : 3UL), stage + (up & one) - (down & one) - (erodes & one));
        Vector256<ulong> nextRepetitions = Vector256.ConditionalSelect(
            reset, Vector256<ulong>.Zero, Vector256.ConditionalSelect(success | counting, done, repetitions));
        Vector256<ulong> nextIdle = Vector256.ConditionalSelect(
            reset | success, Vector256<ulong>.Zero, Vector256.ConditionalSelect(failed, idle, idleWeeks));
        stageWord = ByteLanes.Narrow(nextStage);
        repetitionWord = ByteLanes.Narrow(nextRepetitions);
        idleWord = ByteLanes.Narrow(nextIdle);
    }

    private const int FlowSums = (3 * Competencies.Count) + 1;

    private static double[] FlowTable(double sensitivity)
    {
        var table = new double[Stages.Count * FlowSums];
        for (int stage = 0; stage < Stages.Count; stage++)
        {
            for (int sum = 0; sum < FlowSums; sum++)
            {
                double mismatch = Math.Abs(stage - (sum / (double)Competencies.Count));
                table[(stage * FlowSums) + sum] = 1.0 / (1.0 + (sensitivity * mismatch));
            }
        }

        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Learn(ulong random) => (random >> 32) * TwoToMinus32;

    /// <summary>⌊p · 2^32⌋: a uniform 32-bit integer is below it with probability p, to within 2^-32.</summary>
    private static ulong Threshold(double probability) => (ulong)Math.Floor(probability * 4294967296.0);
}
