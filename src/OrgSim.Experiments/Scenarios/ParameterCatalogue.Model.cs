using OrgSim.Core.Graph;
using OrgSim.Core.Model;

namespace OrgSim.Experiments.Scenarios;

/// <content>The <c>model</c> keys, in the order <c>run.json</c> writes them.</content>
public static partial class ParameterCatalogue
{
    private const string ChancePerWeek = "chance per week";
    private const string ThresholdUnit = "share of contacts (fractional), contacts (absolute)";
    private const string ThresholdRange = "0 … 1 (fractional), 0 … 10,000 (absolute)";

    /// <summary>The <c>model</c> keys: the learning dynamics. An arm's <c>model</c> takes the same keys without the prefix.</summary>
    public static ParameterSection<ModelParameters> Model { get; } = new("model", new ModelParameters(), ModelKeys());

    private static IEnumerable<ParameterDefinition<ModelParameters>> ModelKeys()
    {
        yield return Number("transmission", m => m.Transmission, (m, v) => m with { Transmission = v }, 0, 1, "chance per interaction", "β: chance that one interaction with a deploying contact of weight 1 makes an unaware agent aware");
        yield return new FlagParameter<ModelParameters>("model.learning", m => m.Learning, (m, v) => m with { Learning = v }, "false = classic mode: adopting moves straight to stage 3, stages 1–2 neither practise nor forget");
        yield return Whole("active_weeks", m => m.ActiveWeeks, (m, v) => m with { ActiveWeeks = v }, 0, 255, "weeks", "weeks after reaching stage 3 in which an agent deploys; 0 = for ever, 1 = independent cascade");
        yield return Whole("pacing_interval_weeks", m => m.PacingIntervalWeeks, (m, v) => m with { PacingIntervalWeeks = v }, 0, 520, "weeks", "quarterly follow-up: every this many weeks, agents competent in pacing, their team peers and their reports count the week as a repetition in everything they practise; 0 = off");

        yield return new ChoiceParameter<ModelParameters, AdoptionRule>("model.adoption.rule", m => m.Adoption, (m, v) => m with { Adoption = v }, ScenarioNames.AdoptionRules, "how an unaware agent adopts ([model.md](model.md#one-tick))");
        yield return new ChoiceParameter<ModelParameters, ThresholdKind>("model.adoption.threshold.distribution", m => m.Threshold.Kind, (m, v) => m with { Threshold = Switched(m, v) }, ScenarioNames.ThresholdKinds, "where each agent's threshold comes from");
        yield return Threshold("value", ThresholdKind.Fixed, first: true, "fixed: every agent's threshold");
        yield return Threshold("low", ThresholdKind.Uniform, first: true, "uniform: the lower bound");
        yield return Threshold("high", ThresholdKind.Uniform, first: false, "uniform: the upper bound", "the maximum: 1 (fractional), 10,000 (absolute)");
        yield return Threshold("mean", ThresholdKind.Normal, first: true, "normal: the mean (each draw is clamped at 0)");
        yield return Threshold("sd", ThresholdKind.Normal, first: false, "normal: the standard deviation");
        yield return new TextParameter<ModelParameters>("model.adoption.threshold.column", m => m.Threshold.Column, (m, v) => m with { Threshold = m.Threshold with { Column = v } }, "column: the column of `organisation.attributes` (or of the HR export) that holds each agent's threshold ([model.md](model.md#thresholds-agent-by-agent))")
        {
            AppliesWhen = m => m.Threshold.Kind == ThresholdKind.Column,
            DefaultsWhenApplied = m => m with { Threshold = Switched(m, ThresholdKind.Column) },
            DocumentedDefault = "required",
        };
        yield return Number("adoption.innovation", m => m.BassInnovation, (m, v) => m with { BassInnovation = v }, 0, 1, ChancePerWeek, "Bass *p*: weekly chance of adopting unprompted");
        yield return Number("adoption.imitation", m => m.BassImitation, (m, v) => m with { BassImitation = v }, 0, 1, ChancePerWeek, "Bass *q*: added chance per unit share of deploying contacts");

        yield return Number("deploy_probability.conscious_competence", m => m.DeployProbabilityPractised, (m, v) => m with { DeployProbabilityPractised = v }, 0, 1, ChancePerWeek, "weekly chance that a stage-2 agent deploys the competency");
        yield return Number("deploy_probability.unconscious_competence", m => m.DeployProbabilityHabit, (m, v) => m with { DeployProbabilityHabit = v }, 0, 1, ChancePerWeek, "weekly chance that a stage-3 agent (habit) deploys it");

        yield return Number("practice.base", m => m.PracticeBase, (m, v) => m with { PracticeBase = v }, 0, 1, ChancePerWeek, "weekly chance of a successful repetition on one's own");
        yield return Number("practice.from_exposure", m => m.PracticeFromExposure, (m, v) => m with { PracticeFromExposure = v }, 0, 1, "chance per week per unit of exposure", "added to that chance per unit of exposure to deploying contacts");
        yield return Whole("practice.repetitions_to_practised", m => m.RepetitionsToPractised, (m, v) => m with { RepetitionsToPractised = v }, 1, 255, "repetitions", "repetitions from stage 1 to stage 2");
        yield return Whole("practice.repetitions_to_habit", m => m.RepetitionsToHabit, (m, v) => m with { RepetitionsToHabit = v }, 1, 255, "repetitions", "repetitions from stage 2 to stage 3");
        yield return Number("practice.rub_pat_factor", m => m.RubPatFactor, (m, v) => m with { RubPatFactor = v }, 0.001, 1, "factor", "rub-pat barrier: each further competency practised at once multiplies the repetition chance by this; 1 = off");
        yield return Number("practice.prerequisite_boost", m => m.PrerequisiteBoost, (m, v) => m with { PrerequisiteBoost = v }, 0, 10, "relative boost", "circularity's repetition chance is multiplied by 1 + this once decisiveness is at stage ≥ 2; 0 = off");
        yield return Number("practice.support_boost", m => m.SupportBoost, (m, v) => m with { SupportBoost = v }, 0, 10, "relative boost", "background support: the repetition chance is multiplied by 1 + this while the agent's manager is competent in the competency; 0 = off");
        yield return Number("practice.feedforward_boost", m => m.FeedforwardBoost, (m, v) => m with { FeedforwardBoost = v }, 0, 10, "relative boost", "feedforward catalyst: the repetition chance in every competency is multiplied by 1 + this × the strength-weighted share of contacts competent in feedforward; 0 = off");
        yield return Number("practice.give_up_rate", m => m.GiveUpRate, (m, v) => m with { GiveUpRate = v }, 0, 1, ChancePerWeek, "weekly chance that an aware agent with no repetition and nobody seen deploying gives up (back to stage 0); 0 = off");
        yield return Whole("practice.entry_trick_repetitions", m => m.EntryTrickRepetitions, (m, v) => m with { EntryTrickRepetitions = v }, 0, 254, "repetitions", "entry trick: agents trained to stage 1 by a seeding start with this many of the repetitions to stage 2 made (at least one is always left); 0 = off");
        yield return Number("practice.flow_sensitivity", m => m.FlowSensitivity, (m, v) => m with { FlowSensitivity = v }, 0, 10, "per stage", "flow: the repetition chance of a competency at stage *s* is divided by 1 + this × \\|*s* − the agent's mean stage\\|; 0 = off");

        yield return Whole("forgetting.grace_weeks", m => m.ForgetGraceWeeks, (m, v) => m with { ForgetGraceWeeks = v }, 1, 255, "weeks", "forgetting can start in this consecutive week without a repetition (4: three safe weeks, then a chance each week)");
        yield return Number("forgetting.rate", m => m.ForgetRate, (m, v) => m with { ForgetRate = v }, 0, 1, ChancePerWeek, "then, weekly chance of dropping one stage, 1 → 0 or 2 → 1 (habits erode instead: `habit_erosion_rate`)");
        yield return Number("forgetting.strengthening", m => m.ForgetStrengthening, (m, v) => m with { ForgetStrengthening = v }, 0, 10, "per repetition", "forgetting curve: after *r* repetitions at the current stage the weekly chance is rate / (1 + strengthening × *r*); 0 = the same whatever was practised");
        yield return Number("forgetting.relapse_rate", m => m.RelapseRate, (m, v) => m with { RelapseRate = v }, 0, 1, ChancePerWeek, "relapse: weekly chance that a stage-2 agent with no repetition drops back to stage 1, times the pull of old routines (the strength-weighted share of contacts who did not deploy it that week); 0 = off");
        yield return Number("forgetting.habit_erosion_rate", m => m.HabitErosionRate, (m, v) => m with { HabitErosionRate = v }, 0, 1, ChancePerWeek, "habit erosion: weekly chance that a habit drops to stage 2, times the same pull; 0 = off (habits never decay)");

        foreach (EdgeType type in EdgeTypes.All)
        {
            string name = EdgeTypes.Name(type);
            yield return Number($"relationships.{name}.weight", m => m.Relationships.For(type).Weight, (m, v) => m with { Relationships = m.Relationships.With(type, m.Relationships.For(type) with { Weight = v }) }, 0, Relationship.MaxWeight, "relative weight", "how much an observer models this kind of contact: multiplies β per interaction, and exposure");
            yield return Number($"relationships.{name}.interactions_per_week", m => m.Relationships.For(type).InteractionsPerWeek, (m, v) => m with { Relationships = m.Relationships.With(type, m.Relationships.For(type) with { InteractionsPerWeek = v }) }, 0, Relationship.MaxInteractionsPerWeek, "interactions per week", "interactions per week (1 weekly, 0.5 fortnightly, 0.23 monthly, 5 daily), each an independent chance to transmit");
        }
    }

    private static NumberParameter<ModelParameters> Number(string key, Func<ModelParameters, double> get, Func<ModelParameters, double, ModelParameters> set, double min, double max, string unit, string description) =>
        new($"model.{key}", get, set, min, max, unit, description);

    private static WholeNumberParameter<ModelParameters> Whole(string key, Func<ModelParameters, int> get, Func<ModelParameters, int, ModelParameters> set, int min, int max, string unit, string description) =>
        new($"model.{key}", get, set, min, max, unit, description);

    /// <summary>A threshold parameter: the distribution's first (value, low, mean) or second (high, sd) number, read only for its distribution.</summary>
    private static NumberParameter<ModelParameters> Threshold(string key, ThresholdKind kind, bool first, string description, string? documentedDefault = null) =>
        new(
            $"model.adoption.threshold.{key}",
            m => first ? m.Threshold.A : m.Threshold.B,
            (m, v) => m with { Threshold = first ? m.Threshold with { A = v } : m.Threshold with { B = v } },
            0,
            1,
            ThresholdUnit,
            description)
        {
            MaxFor = MostThreshold,
            DocumentedRange = ThresholdRange,
            AppliesWhen = m => m.Threshold.Kind == kind,
            DefaultsWhenApplied = m => m with { Threshold = Switched(m, kind) },
            DocumentedDefault = documentedDefault,
        };

    /// <summary>The largest threshold the rule accepts: a share (1) or a number of contacts.</summary>
    private static double MostThreshold(ModelParameters m) => m.Adoption == AdoptionRule.AbsoluteThreshold ? ModelParameters.MaxAbsoluteThreshold : 1;

    /// <summary>
    /// The threshold after its distribution is set to <paramref name="kind"/>: unchanged if it already
    /// is; otherwise the new distribution's defaults — fixed keeps the value, uniform spans the whole
    /// range, normal is centred on the value with a standard deviation of 0.1.
    /// </summary>
    private static ThresholdDistribution Switched(ModelParameters m, ThresholdKind kind) => kind == m.Threshold.Kind ? m.Threshold : kind switch
    {
        ThresholdKind.Uniform => new ThresholdDistribution(kind, 0, MostThreshold(m)),
        ThresholdKind.Normal => new ThresholdDistribution(kind, m.Threshold.A, 0.1),
        ThresholdKind.Column => new ThresholdDistribution(kind, m.Threshold.A),
        _ => ThresholdDistribution.Fixed(m.Threshold.A),
    };
}
