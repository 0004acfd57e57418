using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Graph;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;

namespace OrgSim.Core.Tests.Engine;

/// <summary>
/// Each micromastery mechanism switched off changes nothing, and switched on moves its metric in
/// the direction docs/model.md states. "Changes nothing" is checked bit for bit: a competency's
/// dynamics read only its own signals and draws, so with the mechanisms that couple competencies
/// off, what happens in the others cannot touch it.
/// </summary>
public class MechanismTests
{
    private static readonly OrgGraph Graph = TestOrganisations.Hierarchy(3_000, 8, 2.0);

    private static readonly ModelParameters Uncoupled = new() { RubPatFactor = 1, PrerequisiteBoost = 0, PacingIntervalWeeks = 0, FeedforwardBoost = 0, FlowSensitivity = 0 };

    [Fact]
    public void RubPat_Off_PractisingOtherCompetenciesLeavesEachUntouched()
    {
        int[] alone = History(Uncoupled, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness);
        int[] together = History(Uncoupled, CompetencySet.All, Competency.Decisiveness);
        Assert.Equal(alone, together);
    }

    [Fact]
    public void RubPat_On_PractisingFourAtOnceSlowsEach()
    {
        // Seeds aware (stage 1) in one competency or in all four; a factor of 0.5 makes each of four
        // practised competencies learn at 0.5³ = 1/8 of the rate. Competent seeds after 26 weeks:
        int alone = History(Uncoupled with { RubPatFactor = 0.5 }, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness)[^1];
        int together = History(Uncoupled with { RubPatFactor = 0.5 }, CompetencySet.All, Competency.Decisiveness)[^1];
        Assert.True(together < alone * 0.6, $"competent in decisiveness: {together} practising four, {alone} practising one");
    }

    [Fact]
    public void Prerequisite_Off_DecisivenessLeavesCircularityUntouched()
    {
        int[] alone = History(Uncoupled, CompetencySet.Of(Competency.Circularity), Competency.Circularity, decisivenessToo: false);
        int[] withDecisiveness = History(Uncoupled, CompetencySet.Of(Competency.Circularity), Competency.Circularity, decisivenessToo: true);
        Assert.Equal(alone, withDecisiveness);
    }

    [Fact]
    public void Prerequisite_On_CircularityIsLearntFasterOnceDecisivenessIsCompetent()
    {
        ModelParameters ordered = Uncoupled with { PrerequisiteBoost = 2 };
        int without = History(ordered, CompetencySet.Of(Competency.Circularity), Competency.Circularity, decisivenessToo: false)[^1];
        int with = History(ordered, CompetencySet.Of(Competency.Circularity), Competency.Circularity, decisivenessToo: true)[^1];
        Assert.True(with > without * 1.3, $"competent in circularity: {with} with decisiveness, {without} without");
    }

    [Fact]
    public void GiveUp_On_FewerAwareAgentsReachCompetence()
    {
        int off = History(Uncoupled with { GiveUpRate = 0 }, CompetencySet.Of(Competency.Pacing), Competency.Pacing)[^1];
        int on = History(Uncoupled with { GiveUpRate = 0.3 }, CompetencySet.Of(Competency.Pacing), Competency.Pacing)[^1];
        Assert.True(on < off, $"competent in pacing: {on} with give-up, {off} without");
    }

    [Fact]
    public void Pacing_Off_PacersLeaveOtherCompetenciesUntouched()
    {
        int[] without = History(Uncoupled, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness);
        int[] withPacers = History(Uncoupled, CompetencySet.Of(Competency.Decisiveness).With(Competency.Pacing), Competency.Decisiveness, pacingToo: true);
        Assert.Equal(without, withPacers);
    }

    [Fact]
    public void Pacing_On_QuarterlyFollowUpKeepsPractisedAgentsFromForgetting()
    {
        // No practice but follow-ups: practised agents who never deploy forget within weeks, unless
        // they, or a team peer or their manager, are competent in pacing and follow up each quarter.
        ModelParameters idle = Uncoupled with
        {
            PracticeBase = 0, PracticeFromExposure = 0, DeployProbabilityPractised = 0, Transmission = 0,
            ForgetGraceWeeks = 8, ForgetRate = 0.05, PacingIntervalWeeks = 13,
        };
        int withoutPacers = History(idle, CompetencySet.None, Competency.Decisiveness, decisivenessToo: true)[^1];
        int withPacers = History(idle, CompetencySet.None, Competency.Decisiveness, decisivenessToo: true, pacingToo: true)[^1];
        Assert.True(withPacers > withoutPacers * 1.2, $"competent in decisiveness after 26 weeks: {withPacers} with pacers, {withoutPacers} without");
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(2.0, true)]
    public void Support_ACompetentManagerSpeedsItsReportsPracticeOnlyWhenOn(double boost, bool faster)
    {
        // Every manager's reports are aware of circularity; in one world the managers are also
        // competent in it (stage 2) but never deploy it (d₂ = 0), so they give support and no
        // exposure (and, relapse off, they stay competent). Only background support can tell the worlds apart.
        ModelParameters parameters = Uncoupled with { SupportBoost = boost, DeployProbabilityPractised = 0, Transmission = 0, GiveUpRate = 0, RelapseRate = 0 };
        int[] managers = Enumerable.Range(0, Graph.NodeCount).Where(v => Graph.EdgeTypesOf(v).ToArray().Contains(EdgeType.Report)).ToArray();
        int[] reports = Enumerable.Range(0, Graph.NodeCount).Where(v => Graph.Manager(v) >= 0 && managers.Contains(Graph.Manager(v))).Except(managers).ToArray();
        int Competent(bool managersCompetent)
        {
            using var simulation = new Simulation(Graph, parameters, seed: 21);
            simulation.Seed(reports, CompetencySet.Of(Competency.Circularity), Stage.ConsciousIncompetence);
            if (managersCompetent)
            {
                simulation.Seed(managers, CompetencySet.Of(Competency.Circularity), Stage.ConsciousCompetence);
            }

            for (int t = 0; t < 26; t++)
            {
                simulation.Step();
            }

            return reports.Count(v => simulation.State.GetStage(v, Competency.Circularity) >= Stage.ConsciousCompetence);
        }

        int unsupported = Competent(false), supported = Competent(true);
        if (faster)
        {
            Assert.True(supported > unsupported * 1.5, $"reports competent: {supported} supported, {unsupported} not");
        }
        else
        {
            Assert.Equal(unsupported, supported);
        }
    }

    [Fact]
    public void Feedforward_Off_CompetentAdvisersLeaveOtherCompetenciesUntouched()
    {
        int[] without = History(Uncoupled, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness);
        int[] withAdvisers = History(Uncoupled, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness, feedforwardToo: true);
        Assert.Equal(without, withAdvisers);
    }

    [Fact]
    public void Feedforward_On_CompetentAdvisersAroundSpeedLearning()
    {
        ModelParameters catalysed = Uncoupled with { FeedforwardBoost = 3 };
        int without = History(catalysed, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness)[^1];
        int with = History(catalysed, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness, feedforwardToo: true)[^1];
        Assert.True(with > without * 1.2, $"competent in decisiveness: {with} among feedforward advisers, {without} without");
    }

    [Fact]
    public void EntryTrick_Off_TrainedAgentsStartWithNoRepetitions()
    {
        using var simulation = new Simulation(Graph, Uncoupled with { EntryTrickRepetitions = 0 }, seed: 1);
        simulation.Seed([5, 6], CompetencySet.All, Stage.ConsciousIncompetence);
        Assert.All(Competencies.All, c => Assert.Equal(0, simulation.State.GetRepetitions(5, c)));
    }

    [Fact]
    public void EntryTrick_On_TrainedAgentsReachCompetenceSooner()
    {
        int without = History(Uncoupled with { EntryTrickRepetitions = 0 }, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness)[8];
        int with = History(Uncoupled with { EntryTrickRepetitions = 4 }, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness)[8];
        Assert.True(with > without * 1.5, $"competent in decisiveness after 8 weeks: {with} with the entry trick, {without} without");
    }

    [Fact]
    public void EntryTrick_LeavesAtLeastOneRepetitionToMake()
    {
        using var simulation = new Simulation(Graph, Uncoupled with { EntryTrickRepetitions = 200, RepetitionsToPractised = 6 }, seed: 1);
        simulation.Seed([5], CompetencySet.Of(Competency.Pacing), Stage.ConsciousIncompetence);
        Assert.Equal(5, simulation.State.GetRepetitions(5, Competency.Pacing));
    }

    [Fact]
    public void Flow_Off_LevelsInOtherCompetenciesLeaveEachUntouched()
    {
        // Habits in pacing raise the agent's mean stage; with flow off (and pacing's checkpoints off) nothing reads it.
        int[] alone = History(Uncoupled, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness);
        int[] withHabit = History(Uncoupled, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness, pacingToo: true);
        Assert.Equal(alone, withHabit);
    }

    [Fact]
    public void Flow_On_AStepNearTheAgentsLevelIsPractisedFaster()
    {
        // Aware of decisiveness (stage 1) and nothing else: mean stage 0.25, mismatch 0.75. With a
        // habit in pacing too: mean 1, mismatch 0 — the step fits the agent's level.
        ModelParameters flow = Uncoupled with { FlowSensitivity = 2 };
        int beyond = History(flow, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness)[^1];
        int fitting = History(flow, CompetencySet.Of(Competency.Decisiveness), Competency.Decisiveness, pacingToo: true)[^1];
        Assert.True(fitting > beyond * 1.2, $"competent in decisiveness: {fitting} when the step fits, {beyond} when it is beyond");
    }

    [Fact]
    public void Flow_Scale_IsOneAtTheAgentsLevelAndFallsBothWays()
    {
        var rules = new WeeklyRules(new ModelParameters { FlowSensitivity = 1 });
        Assert.Equal(1.0, rules.FlowScale(1, 4), 12);           // stage 1, mean 1
        Assert.Equal(1 / 2.5, rules.FlowScale(1, 10), 12);      // trivial: mean 2.5, mismatch 1.5
        Assert.Equal(1 / 1.75, rules.FlowScale(1, 1), 12);      // beyond: mean 0.25
        Assert.Equal(1.0, new WeeklyRules(new ModelParameters { FlowSensitivity = 0 }).FlowScale(2, 0), 12);
    }

    [Fact]
    public void ForgettingCurve_Off_RepetitionsMadeDoNotChangeForgetting()
    {
        // No practice, nobody to see: aware agents only forget or give up. Without strengthening,
        // the repetitions the entry trick gave them do not matter.
        ModelParameters idle = Silent with { ForgetStrengthening = 0 };
        Assert.Equal(Aware(idle with { EntryTrickRepetitions = 0 }), Aware(idle with { EntryTrickRepetitions = 5 }));
    }

    [Fact]
    public void ForgettingCurve_On_RepetitionsMadeSlowForgetting()
    {
        ModelParameters idle = Silent with { ForgetStrengthening = 1 };
        int fresh = Aware(idle with { EntryTrickRepetitions = 0 })[^1];
        int practised = Aware(idle with { EntryTrickRepetitions = 5 })[^1];
        Assert.True(practised > fresh * 1.5, $"still aware after 26 weeks: {practised} after 5 repetitions, {fresh} after none");
    }

    /// <summary>Nobody practises, deploys or transmits: what was seeded can only be forgotten.</summary>
    private static ModelParameters Silent => Uncoupled with
    {
        PracticeBase = 0, PracticeFromExposure = 0, DeployProbabilityPractised = 0, Transmission = 0,
        GiveUpRate = 0, ForgetGraceWeeks = 2, ForgetRate = 0.1, RepetitionsToPractised = 10,
    };

    /// <summary>The number of the 300 seeds still aware of decisiveness (stage ≥ 1) each week of 26.</summary>
    private static int[] Aware(ModelParameters parameters)
    {
        using var simulation = new Simulation(Graph, parameters, seed: 40);
        simulation.Seed(SeedSelector.Select(Graph, SeedingStrategy.Random, 300, 41), CompetencySet.Of(Competency.Decisiveness), Stage.ConsciousIncompetence);
        var aware = new int[27];
        for (int t = 0; t <= 26; t++)
        {
            if (t > 0)
            {
                simulation.Step();
            }

            aware[t] = 3_000 - simulation.StageCounts[(int)Competency.Decisiveness * 4];
        }

        return aware;
    }

    /// <summary>
    /// 300 random agents seeded aware (stage 1) in <paramref name="seeded"/> — and, if asked, at
    /// stage 2 in decisiveness, and at stage 3 in pacing — then the number competent (stage ≥ 2) in <paramref name="watched"/>
    /// for each of 26 weeks, summed over 5 replicates.
    /// </summary>
    private static int[] History(ModelParameters parameters, CompetencySet seeded, Competency watched, bool decisivenessToo = false, bool pacingToo = false, bool feedforwardToo = false)
    {
        var history = new int[27];
        for (ulong replicate = 0; replicate < 5; replicate++)
        {
            using var simulation = new Simulation(Graph, parameters, seed: 100 + replicate);
            int[] seeds = SeedSelector.Select(Graph, SeedingStrategy.Random, 300, 7 + replicate);
            simulation.Seed(seeds, seeded, Stage.ConsciousIncompetence);
            if (decisivenessToo)
            {
                simulation.Seed(seeds, CompetencySet.Of(Competency.Decisiveness), Stage.ConsciousCompetence);
            }

            if (pacingToo)
            {
                simulation.Seed(seeds, CompetencySet.Of(Competency.Pacing), Stage.UnconsciousCompetence);
            }

            if (feedforwardToo)
            {
                // A tenth of everybody competent in feedforward: the advisers around the learners.
                simulation.Seed(Enumerable.Range(0, Graph.NodeCount).Where(v => v % 10 == 3).ToArray(), CompetencySet.Of(Competency.Feedforward), Stage.UnconsciousCompetence);
            }

            for (int t = 0; t <= 26; t++)
            {
                if (t > 0)
                {
                    simulation.Step();
                }

                int w = (int)watched * 4;
                history[t] += simulation.StageCounts[w + 2] + simulation.StageCounts[w + 3];
            }
        }

        return history;
    }
}
