using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Model;
using OrgSim.Core.Randomness;

namespace OrgSim.Core.Tests.Engine;

public partial class WeeklyRulesTests
{
    private const ulong Key = 12345;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    public void Deploys_AtTheConfiguredRate(double p)
    {
        // 100,000 draws: the share's standard error is sqrt(p(1-p)/n) <= 0.00158; 5 SE = 0.0079.
        var rules = new WeeklyRules(new ModelParameters { DeployProbabilityPractised = p, DeployProbabilityHabit = p });
        const int n = 100_000;
        int practised = 0, habit = 0;
        for (ulong i = 0; i < n; i++)
        {
            uint random = (uint)CounterRng.Bits(Key, i);
            practised += rules.Deploys((int)Stage.ConsciousCompetence, random) ? 1 : 0;
            habit += rules.Deploys((int)Stage.UnconsciousCompetence, random) ? 1 : 0;
            Assert.False(rules.Deploys((int)Stage.ConsciousIncompetence, random));
            Assert.False(rules.Deploys((int)Stage.UnconsciousIncompetence, random));
        }

        Assert.InRange((double)practised / n, p - 0.0079, p + 0.0079);
        Assert.Equal(practised, habit);
        if (p is 0.0 or 1.0)
        {
            Assert.Equal(p * n, practised);
        }
    }

    [Fact]
    public void Apply_MakesAnUnawareAgentAwareAtTheGivenChance()
    {
        // 100,000 draws at chance 0.3: standard error 0.00145; 5 SE = 0.0072.
        var rules = new WeeklyRules(new ModelParameters());
        const int n = 100_000;
        int aware = 0;
        for (ulong i = 0; i < n; i++)
        {
            byte repetitions = 0, idle = 0;
            aware += rules.Apply(0, ref repetitions, ref idle, false, 0.3, 0, 1, CounterRng.Bits(Key, i));
        }

        Assert.InRange((double)aware / n, 0.3 - 0.0072, 0.3 + 0.0072);
    }

    [Fact]
    public void Apply_CountsADeployingWeekAsARepetitionAndPromotesAtTheTarget()
    {
        var rules = new WeeklyRules(new ModelParameters { PracticeBase = 0, PracticeFromExposure = 0, RepetitionsToHabit = 3 });
        byte repetitions = 1, idle = 2;
        Assert.Equal(2, rules.Apply(2, ref repetitions, ref idle, deployed: true, 0, 0, 1, ulong.MaxValue));
        Assert.Equal((2, 0), (repetitions, idle));
        Assert.Equal(3, rules.Apply(2, ref repetitions, ref idle, deployed: true, 0, 0, 1, ulong.MaxValue));
        Assert.Equal(0, repetitions);
    }

    [Fact]
    public void Apply_ForgetsOnlyAfterTheGracePeriod()
    {
        var rules = new WeeklyRules(new ModelParameters { PracticeBase = 0, PracticeFromExposure = 0, ForgetGraceWeeks = 3, ForgetRate = 1, GiveUpRate = 0 });
        byte repetitions = 4, idle = 0;
        Assert.Equal(1, rules.Apply(1, ref repetitions, ref idle, false, 0, 0, 1, 0));
        Assert.Equal(1, rules.Apply(1, ref repetitions, ref idle, false, 0, 0, 1, 0));
        Assert.Equal((4, 2), (repetitions, idle));
        Assert.Equal(0, rules.Apply(1, ref repetitions, ref idle, false, 0, 0, 1, 0));
        Assert.Equal((0, 0), (repetitions, idle));
    }

    [Fact]
    public void Apply_NeverChangesAHabit_WithErosionOff()
    {
        var rules = new WeeklyRules(new ModelParameters { ForgetGraceWeeks = 1, ForgetRate = 1, PracticeBase = 0, HabitErosionRate = 0, RelapseRate = 1 });
        byte repetitions = 0, idle = 200;
        for (ulong i = 0; i < 1_000; i++)
        {
            Assert.Equal(3, rules.Apply(3, ref repetitions, ref idle, false, 1, 100, 1, CounterRng.Bits(Key, i)));
        }
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.3, 0.3)]
    public void Apply_GivesUpOnlyWhenAwareWithoutPayoff(double giveUp, double expected)
    {
        // Within the grace weeks, with no repetition: an aware agent who saw nobody deploy drops
        // to stage 0 with the give-up chance; one who saw a contact deploy (exposure > 0) never
        // does, nor does a practised agent. 100,000 draws: SE ≤ 0.00145; 5 SE = 0.0073.
        var rules = new WeeklyRules(new ModelParameters { PracticeBase = 0, PracticeFromExposure = 0, ForgetGraceWeeks = 10, GiveUpRate = giveUp, RelapseRate = 0 });
        const int n = 100_000;
        int gaveUp = 0, gaveUpWithPayoff = 0, practisedDropped = 0;
        for (ulong i = 0; i < n; i++)
        {
            ulong random = CounterRng.Bits(Key, i);
            byte r = 0, idle = 0;
            gaveUp += rules.Apply(1, ref r, ref idle, false, 0, 0, 1, random) == 0 ? 1 : 0;
            r = 0;
            idle = 0;
            gaveUpWithPayoff += rules.Apply(1, ref r, ref idle, false, 0, 0.5, 0, random) == 0 ? 1 : 0;
            r = 0;
            idle = 0;
            practisedDropped += rules.Apply(2, ref r, ref idle, false, 0, 0, 1, random) == 1 ? 1 : 0;
        }

        Assert.InRange((double)gaveUp / n, expected - 0.0073, expected + 0.0073);
        Assert.Equal(0, gaveUpWithPayoff);
        Assert.Equal(0, practisedDropped);
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0)]      // relapse off: a practitioner never drops within the grace weeks
    [InlineData(0.3, 0.0, 0.3)]      // nobody around deployed it: the full pull, the full rate
    [InlineData(0.3, 0.25, 0.225)]   // a quarter of the contacts' strength deployed it: 0.3 × 0.75
    [InlineData(0.3, 1.0, 0.0)]      // every contact deployed it: no pull
    public void Apply_RelapsesAPractitionerWithTheRateTimesThePull(double relapse, double shareDeploying, double expected)
    {
        // Stage 2, within the grace weeks, no repetition: the only way down is relapse, at
        // rate × (1 − share of contact strength deploying). Contacts' strength 4, so exposure = 4 × share.
        // 100,000 draws: SE ≤ 0.00145; 5 SE = 0.0073.
        var rules = new WeeklyRules(new ModelParameters { PracticeBase = 0, PracticeFromExposure = 0, ForgetGraceWeeks = 10, RelapseRate = relapse, GiveUpRate = 0 });
        const int n = 100_000;
        int relapsed = 0, relapsedAfterRepetition = 0;
        for (ulong i = 0; i < n; i++)
        {
            ulong random = CounterRng.Bits(Key, i);
            byte r = 5, idle = 0;
            relapsed += rules.Apply(2, ref r, ref idle, false, 0, 4 * shareDeploying, 1, random, inverseStrength: 0.25) == 1 ? 1 : 0;
            r = 5;
            idle = 0;
            relapsedAfterRepetition += rules.Apply(2, ref r, ref idle, deployed: true, 0, 4 * shareDeploying, 1, random, inverseStrength: 0.25) == 1 ? 1 : 0;
        }

        Assert.InRange((double)relapsed / n, expected - 0.0073, expected + 0.0073);
        Assert.Equal(0, relapsedAfterRepetition);
    }

    [Theory]
    [InlineData(0.0, 0.0, 0.0, 0.0)]  // erosion off: habits never change
    [InlineData(0.2, 0.0, 0.0, 0.2)]  // no contacts at all (1 / strength = 0): the full pull
    [InlineData(0.2, 0.25, 0.0, 0.2)] // contacts, none deploying
    [InlineData(0.2, 0.25, 2.0, 0.1)] // half the contacts' strength deploying: 0.2 × 0.5
    [InlineData(0.2, 0.25, 9.0, 0.0)] // exposure beyond the total (rounding): the pull is clipped at 0
    public void Apply_ErodesAHabitWithTheRateTimesThePull(double erosion, double inverseStrength, double exposure, double expected)
    {
        // A habit drops to stage 2 (counters cleared) at rate × pull, whether or not it deployed.
        // 100,000 draws: SE ≤ 0.00127; 5 SE = 0.0064.
        var rules = new WeeklyRules(new ModelParameters { HabitErosionRate = erosion, RelapseRate = 0 });
        const int n = 100_000;
        int eroded = 0;
        for (ulong i = 0; i < n; i++)
        {
            byte r = 0, idle = 0;
            int stage = rules.Apply(3, ref r, ref idle, deployed: (i & 1) == 0, 0, exposure, 1, CounterRng.Bits(Key, i), inverseStrength);
            Assert.True(stage == 3 || (stage == 2 && r == 0 && idle == 0), $"a habit moves at most to stage 2 with cleared counters, not {stage}");
            eroded += stage == 2 ? 1 : 0;
        }

        Assert.InRange((double)eroded / n, expected - 0.0064, expected + 0.0064);
    }

    [Fact]
    public void Apply_NeitherRelapsesNorErodes_InClassicMode()
    {
        var rules = new WeeklyRules(new ModelParameters { Learning = false, HabitErosionRate = 1, RelapseRate = 1 });
        for (ulong i = 0; i < 1_000; i++)
        {
            byte r = 0, idle = 0;
            Assert.Equal(3, rules.Apply(3, ref r, ref idle, false, 0, 0, 1, CounterRng.Bits(Key, i)));
            Assert.Equal(2, rules.Apply(2, ref r, ref idle, false, 0, 0, 1, CounterRng.Bits(Key, i)));
        }
    }

    [Theory]
    [InlineData(0x00000001u, 1.0)]             // practising one competency: no barrier
    [InlineData(0x01010101u, 0.512)]           // four at stage 1: 0.8³
    [InlineData(0x03020101u, 0.64)]            // stages 1, 1, 2, 3: three practised, 0.8²
    [InlineData(0x00000102u, 0.8)]             // stages 2 and 1: two practised
    public void RubPatScale_AppliesTheBarrierForEachCompetencyPractisedBeyondTheFirst(uint stageWord, double expected)
    {
        var rules = new WeeklyRules(new ModelParameters { RubPatFactor = 0.8 });
        Assert.Equal(expected, rules.RubPatScale(stageWord), 12);
    }

    [Theory]
    [InlineData(0x00000102u, 1.5)]             // decisiveness at 2: prerequisite met
    [InlineData(0x00000103u, 1.5)]             // decisiveness at 3
    [InlineData(0x00000101u, 1.0)]             // decisiveness at 1: not met
    public void PrerequisiteScale_AppliesTheBoostOnceDecisivenessIsCompetent(uint stageWord, double expected)
    {
        var rules = new WeeklyRules(new ModelParameters { PrerequisiteBoost = 0.5 });
        Assert.Equal(expected, rules.PrerequisiteScale(stageWord));
    }

    [Fact]
    public void RubPatAndPrerequisiteScales_AreOneWhenTheMechanismsAreOff()
    {
        var rules = new WeeklyRules(new ModelParameters { RubPatFactor = 1, PrerequisiteBoost = 0 });
        for (uint word = 0; word < 256; word++)
        {
            uint spread = (word & 3) | ((word >> 2 & 3) << 8) | ((word >> 4 & 3) << 16) | ((word >> 6 & 3) << 24);
            Assert.Equal(1.0, rules.RubPatScale(spread));
            Assert.Equal(1.0, rules.PrerequisiteScale(spread));
        }
    }

    [Fact]
    public void SupportScale_AppliesTheBoostOnlyUnderACompetentManager()
    {
        var rules = new WeeklyRules(new ModelParameters { SupportBoost = 0.5 });
        Assert.Equal(1.5, rules.SupportScale(1));
        Assert.Equal(1.0, rules.SupportScale(0));
        Assert.Equal(1.0, new WeeklyRules(new ModelParameters { SupportBoost = 0 }).SupportScale(1));
    }
}
