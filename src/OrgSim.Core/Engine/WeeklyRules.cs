using System.Runtime.CompilerServices;
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
    private readonly ulong _forgetThreshold;

    public WeeklyRules(ModelParameters parameters)
    {
        _deployPractisedThreshold = Threshold(parameters.DeployProbabilityPractised);
        _deployHabitThreshold = Threshold(parameters.DeployProbabilityHabit);
        _practiceBase = parameters.PracticeBase;
        _practiceFromExposure = parameters.PracticeFromExposure;
        _repetitionsToPractised = parameters.RepetitionsToPractised;
        _repetitionsToHabit = parameters.RepetitionsToHabit;
        _forgetGraceWeeks = parameters.ForgetGraceWeeks;
        _forgetThreshold = Threshold(parameters.ForgetRate);
    }

    /// <summary>Whether an agent at <paramref name="stage"/> deploys this week, given 32 random bits.</summary>
    /// <remarks>A comparison per stage and a select, not a switch: the stage is unpredictable, a mispredicted branch costs more.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Deploys(int stage, uint random)
    {
        ulong threshold = stage == (int)Stage.UnconsciousCompetence ? _deployHabitThreshold : _deployPractisedThreshold;
        return stage >= (int)Stage.ConsciousCompetence & random < threshold;
    }

    /// <summary>
    /// Applies one week to a competency at <paramref name="stage"/> with counters
    /// <paramref name="repetitions"/> and <paramref name="idleWeeks"/>; returns the new stage,
    /// which differs from the old by at most one.
    /// </summary>
    /// <param name="stage">The stage at the start of the week, 0..3.</param>
    /// <param name="repetitions">Repetitions towards the next stage; updated.</param>
    /// <param name="idleWeeks">Weeks without a repetition; updated.</param>
    /// <param name="deployed">Whether the agent deployed the competency itself this week.</param>
    /// <param name="aware">Chance of becoming aware this week: 1 − Π(1 − hit) over deploying contacts.</param>
    /// <param name="exposure">Σ strength over deploying contacts.</param>
    /// <param name="random">64 random bits for this agent, competency and week.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Apply(int stage, ref byte repetitions, ref byte idleWeeks, bool deployed, double aware, double exposure, ulong random)
    {
        switch (stage)
        {
            case (int)Stage.UnconsciousIncompetence:
                if (Learn(random) < aware)
                {
                    repetitions = 0;
                    idleWeeks = 0;
                    return (int)Stage.ConsciousIncompetence;
                }

                return stage;

            case (int)Stage.ConsciousIncompetence:
            case (int)Stage.ConsciousCompetence:
                // Practising by doing: a week in which the agent deployed counts as a repetition.
                if (deployed || Learn(random) < _practiceBase + (_practiceFromExposure * exposure))
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

                int idle = Math.Min(byte.MaxValue, idleWeeks + 1);
                if (idle >= _forgetGraceWeeks && (uint)random < _forgetThreshold)
                {
                    repetitions = 0;
                    idleWeeks = 0;
                    return stage - 1;
                }

                idleWeeks = (byte)idle;
                return stage;

            default:
                return stage; // Habits do not decay.
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Learn(ulong random) => (random >> 32) * TwoToMinus32;

    /// <summary>⌊p · 2^32⌋: a uniform 32-bit integer is below it with probability p, to within 2^-32.</summary>
    private static ulong Threshold(double probability) => (ulong)Math.Floor(probability * 4294967296.0);
}
