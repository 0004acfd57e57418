using OrgSim.Core.Graph;

namespace OrgSim.Core.Model;

/// <summary>
/// The parameters of the learning dynamics, all with documented defaults. One tick is one week.
/// See <c>docs/model.md</c> for the equations each parameter enters.
/// </summary>
public sealed record ModelParameters
{
    /// <summary>β, the chance that one interaction with a deploying contact of weight 1 makes an unaware agent aware, in [0, 1]. Default 0.05.</summary>
    public double Transmission { get; init; } = 0.05;

    /// <summary>Chance that an agent at stage 2 (conscious competence) deploys the competency in a given week, in [0, 1]. Default 0.5.</summary>
    public double DeployProbabilityPractised { get; init; } = 0.5;

    /// <summary>Chance that an agent at stage 3 (habit) deploys the competency in a given week, in [0, 1]. Default 0.9.</summary>
    public double DeployProbabilityHabit { get; init; } = 0.9;

    /// <summary>Weekly chance that an aware agent manages a successful repetition on its own, in [0, 1]. Default 0.1.</summary>
    public double PracticeBase { get; init; } = 0.1;

    /// <summary>Added to the weekly repetition chance per unit of exposure to deploying contacts, in [0, 1]. Default 0.1.</summary>
    public double PracticeFromExposure { get; init; } = 0.1;

    /// <summary>Successful repetitions needed to go from stage 1 to stage 2, in [1, 255]. Default 6.</summary>
    public int RepetitionsToPractised { get; init; } = 6;

    /// <summary>Successful repetitions needed to go from stage 2 to stage 3 (habit), in [1, 255]. Default 12.</summary>
    public int RepetitionsToHabit { get; init; } = 12;

    /// <summary>Forgetting can start in the this-many-th consecutive week without a successful repetition (1 = at once), in [1, 255]. Default 4: three safe weeks.</summary>
    public int ForgetGraceWeeks { get; init; } = 4;

    /// <summary>Weekly chance, once past the grace period, of dropping one stage (1 → 0 or 2 → 1), in [0, 1]. Default 0.1.</summary>
    public double ForgetRate { get; init; } = 0.1;

    /// <summary>
    /// Forgetting curve (seed <c>003_d95c99c2ac01ab95.txt</c>): each repetition already made at the
    /// current stage strengthens the memory, dividing the weekly forgetting chance by
    /// 1 + this strengthening × repetitions, in [0, 10]; 0 makes the chance the same whatever was
    /// practised. Default 0.25.
    /// </summary>
    public double ForgetStrengthening { get; init; } = 0.25;

    /// <summary>
    /// Relapse without reinforcement (seed <c>000_4cfcd769e7dde9b2.txt</c>: routines pull people
    /// back into old habits): weekly chance that an agent at stage 2 who made no repetition that
    /// week drops back to stage 1, in [0, 1], times the pull of old routines — the strength-weighted
    /// share of its contacts who did not deploy the competency that week (1 for an agent without
    /// contacts). Independent of forgetting. 0 switches it off.
    /// </summary>
    public double RelapseRate { get; init; } = DefaultRelapseRate;

    /// <summary>
    /// Habit erosion under the pull of old routines (seeds <c>000_4cfcd769e7dde9b2.txt</c>, routines
    /// as blocked energy, and <c>003_d95c99c2ac01ab95.txt</c>, the forgetting curve): weekly chance
    /// that a habit (stage 3) drops to stage 2, in [0, 1], times the pull — the strength-weighted
    /// share of the agent's contacts who did not deploy the competency that week (1 for an agent
    /// without contacts). 0 switches it off: habits never decay.
    /// </summary>
    public double HabitErosionRate { get; init; } = DefaultHabitErosionRate;

    /// <summary>The default <see cref="RelapseRate"/>; docs/model.md explains the choice.</summary>
    public const double DefaultRelapseRate = 0.1;

    /// <summary>The default <see cref="HabitErosionRate"/>; docs/model.md explains the choice.</summary>
    public const double DefaultHabitErosionRate = 0.02;

    /// <summary>Whether habits can erode (<see cref="HabitErosionRate"/> above 0, with learning on): the engine then reads the contacts of habits too.</summary>
    public bool Erodes => Learning && HabitErosionRate > 0;

    /// <summary>Whether a rule reads the pull of old routines (relapse or erosion on, with learning on): the engine then needs each agent's total contact strength.</summary>
    public bool ReadsPull => Learning && (HabitErosionRate > 0 || RelapseRate > 0);

    /// <summary>
    /// Entry trick (seed <c>003_d95c99c2ac01ab95.txt</c>): an agent trained by the intervention
    /// (seeded at stage 1) starts with this many of the repetitions to stage 2 already made, in
    /// [0, 254]; at least one repetition is always left to make. 0 switches it off. Default 3.
    /// </summary>
    public int EntryTrickRepetitions { get; init; } = 3;

    /// <summary>
    /// Flow (seed <c>001_2b6610652edaba09.txt</c>: challenge matched to skill): the repetition chance
    /// of a competency at stage s is divided by 1 + this sensitivity × |s − m|, where m is the
    /// agent's mean stage over the four competencies — a step one stage above the agent's level
    /// flows, a step far below (trivial) or far above it does not. In [0, 10]; 0 switches it off.
    /// Default 0.5.
    /// </summary>
    public double FlowSensitivity { get; init; } = 0.5;

    /// <summary>
    /// Rub-pat barrier (seed <c>003_d95c99c2ac01ab95.txt</c>): each further competency an agent
    /// practises at the same time (stage 1 or 2) multiplies its weekly repetition chance in each by
    /// this factor, in (0, 1]; 1 switches the barrier off. Default 0.8.
    /// </summary>
    public double RubPatFactor { get; init; } = 0.8;

    /// <summary>
    /// Prerequisite ordering (seed <c>000_4cfcd769e7dde9b2.txt</c>: decisiveness comes first): the
    /// repetition chance in circularity is multiplied by 1 + this boost once the agent is at stage 2
    /// or more in decisiveness, in [0, 10]; 0 switches it off. Default 0.
    /// </summary>
    public double PrerequisiteBoost { get; init; }

    /// <summary>
    /// Give-up without payoff (seed <c>003_d95c99c2ac01ab95.txt</c>): weekly chance that an aware
    /// agent (stage 1) who neither made a repetition nor saw anybody deploy the competency that week
    /// abandons it (back to stage 0), in [0, 1]; 0 switches it off. Default 0.05.
    /// </summary>
    public double GiveUpRate { get; init; } = 0.05;

    /// <summary>
    /// Background support (seed <c>003_d95c99c2ac01ab95.txt</c>): an agent's repetition chance in a
    /// competency is multiplied by 1 + this boost while its manager, or its mentor (else its coach),
    /// is at stage 2 or more in it, in [0, 10]; 0 switches it off. Default 0.5.
    /// </summary>
    public double SupportBoost { get; init; } = 0.5;

    /// <summary>
    /// Feedforward as a catalyst (seed <c>000_4cfcd769e7dde9b2.txt</c>: "how do we do better next
    /// time"): an agent's repetition chance in every competency is multiplied by 1 + this boost
    /// times the strength-weighted share of its contacts at stage 2 or more in feedforward, in
    /// [0, 10]; 0 switches it off. Default 0.5.
    /// </summary>
    public double FeedforwardBoost { get; init; } = 0.5;

    /// <summary>
    /// Pacing in quarters (seed <c>000_4cfcd769e7dde9b2.txt</c>): every this many weeks, agents at
    /// stage 2 or more in pacing, and the team peers and reports of such agents, follow up — that
    /// week counts as a repetition in every competency they are practising (stage 1 or 2), which
    /// also resets their forgetting. In [0, 520]; 0 switches it off. Default 13 (a quarter).
    /// </summary>
    public int PacingIntervalWeeks { get; init; } = 13;

    /// <summary>Weight and frequency of each kind of relationship.</summary>
    public Relationships Relationships { get; init; } = new();

    /// <summary>How an unaware agent becomes aware from its contacts. Default <see cref="AdoptionRule.SimpleContagion"/>.</summary>
    public AdoptionRule Adoption { get; init; } = AdoptionRule.SimpleContagion;

    /// <summary>Each agent's threshold for the threshold rules: a share in [0, 1] (fractional) or a count in [0, 10,000] (absolute). Default fixed 0.25.</summary>
    public ThresholdDistribution Threshold { get; init; } = ThresholdDistribution.Fixed(0.25);

    /// <summary>Bass p: weekly chance of adopting with no deploying contact (innovation), in [0, 1]. Default 0.01.</summary>
    public double BassInnovation { get; init; } = 0.01;

    /// <summary>Bass q: added weekly chance per unit share of deploying contacts (imitation), in [0, 1]. Default 0.3.</summary>
    public double BassImitation { get; init; } = 0.3;

    /// <summary>
    /// Whether agents learn through the four stages. Default true. When false (classic mode), an
    /// agent that adopts moves straight to stage 3 and deploys from the next week, and stages 1
    /// and 2 neither practise nor forget: the engine is then a classic diffusion model.
    /// </summary>
    public bool Learning { get; init; } = true;

    /// <summary>
    /// Weeks after reaching stage 3 during which an agent deploys, in [0, 255]; 0 (default) means
    /// for ever. 1 gives every adopter one chance to pass it on: the independent cascade.
    /// </summary>
    public int ActiveWeeks { get; init; }

    /// <summary>The largest absolute threshold accepted.</summary>
    public const double MaxAbsoluteThreshold = 10_000;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first parameter out of range.</summary>
    public void Validate()
    {
        Probability(Transmission, nameof(Transmission));
        Probability(DeployProbabilityPractised, nameof(DeployProbabilityPractised));
        Probability(DeployProbabilityHabit, nameof(DeployProbabilityHabit));
        Probability(PracticeBase, nameof(PracticeBase));
        Probability(PracticeFromExposure, nameof(PracticeFromExposure));
        Probability(ForgetRate, nameof(ForgetRate));
        Count(RepetitionsToPractised, nameof(RepetitionsToPractised));
        Count(RepetitionsToHabit, nameof(RepetitionsToHabit));
        Count(ForgetGraceWeeks, nameof(ForgetGraceWeeks));
        Probability(BassInnovation, nameof(BassInnovation));
        Probability(GiveUpRate, nameof(GiveUpRate));
        Probability(RelapseRate, nameof(RelapseRate));
        Probability(HabitErosionRate, nameof(HabitErosionRate));
        Between(ForgetStrengthening, 0, 10, nameof(ForgetStrengthening));
        Between(FlowSensitivity, 0, 10, nameof(FlowSensitivity));
        if (EntryTrickRepetitions is < 0 or > 254)
        {
            throw new ArgumentOutOfRangeException(nameof(EntryTrickRepetitions), EntryTrickRepetitions, "should be in range [0, 254]");
        }

        if (!(RubPatFactor > 0 && RubPatFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RubPatFactor), RubPatFactor, "should be in range (0, 1]");
        }

        if (!(FeedforwardBoost >= 0 && FeedforwardBoost <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(FeedforwardBoost), FeedforwardBoost, "should be in range [0, 10]");
        }

        if (!(SupportBoost >= 0 && SupportBoost <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(SupportBoost), SupportBoost, "should be in range [0, 10]");
        }

        if (!(PrerequisiteBoost >= 0 && PrerequisiteBoost <= 10))
        {
            throw new ArgumentOutOfRangeException(nameof(PrerequisiteBoost), PrerequisiteBoost, "should be in range [0, 10]");
        }

        Probability(BassImitation, nameof(BassImitation));
        if (PacingIntervalWeeks is < 0 or > 520)
        {
            throw new ArgumentOutOfRangeException(nameof(PacingIntervalWeeks), PacingIntervalWeeks, "should be in range [0, 520]");
        }

        if (ActiveWeeks is < 0 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(ActiveWeeks), ActiveWeeks, "should be in range [0, 255]");
        }

        ArgumentNullException.ThrowIfNull(Threshold);
        double max = Adoption == AdoptionRule.AbsoluteThreshold ? MaxAbsoluteThreshold : 1;
        if (!(Threshold.A >= 0 && Threshold.A <= max) || !(Threshold.B >= 0 && Threshold.B <= max))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, $"threshold parameters should be in range [0, {max}]");
        }

        ArgumentNullException.ThrowIfNull(Relationships);
        foreach (EdgeType type in EdgeTypes.All)
        {
            Relationship r = Relationships.For(type);
            string name = $"{nameof(Relationships)}.{type}";
            if (!(r.Weight >= 0 && r.Weight <= Relationship.MaxWeight))
            {
                throw new ArgumentOutOfRangeException(name, r.Weight, $"weight should be in range [0, {Relationship.MaxWeight}]");
            }

            if (!(r.InteractionsPerWeek >= 0 && r.InteractionsPerWeek <= Relationship.MaxInteractionsPerWeek))
            {
                throw new ArgumentOutOfRangeException(name, r.InteractionsPerWeek, $"interactions per week should be in range [0, {Relationship.MaxInteractionsPerWeek}]");
            }
        }
    }

    private static void Probability(double value, string name)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentOutOfRangeException(name, value, "should be in range [0, 1]");
        }
    }

    private static void Between(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, $"should be in range [{min}, {max}]");
        }
    }

    private static void Count(int value, string name)
    {
        if (value is < 1 or > 255)
        {
            throw new ArgumentOutOfRangeException(name, value, "should be in range [1, 255]");
        }
    }
}
