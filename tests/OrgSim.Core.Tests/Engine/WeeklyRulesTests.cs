using OrgSim.Core.Agents;
using OrgSim.Core.Engine;
using OrgSim.Core.Model;
using OrgSim.Core.Randomness;

namespace OrgSim.Core.Tests.Engine;

public class WeeklyRulesTests
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
            aware += rules.Apply(0, ref repetitions, ref idle, false, 0.3, 0, CounterRng.Bits(Key, i));
        }

        Assert.InRange((double)aware / n, 0.3 - 0.0072, 0.3 + 0.0072);
    }

    [Fact]
    public void Apply_CountsADeployingWeekAsARepetitionAndPromotesAtTheTarget()
    {
        var rules = new WeeklyRules(new ModelParameters { PracticeBase = 0, PracticeFromExposure = 0, RepetitionsToHabit = 3 });
        byte repetitions = 1, idle = 2;
        Assert.Equal(2, rules.Apply(2, ref repetitions, ref idle, deployed: true, 0, 0, ulong.MaxValue));
        Assert.Equal((2, 0), (repetitions, idle));
        Assert.Equal(3, rules.Apply(2, ref repetitions, ref idle, deployed: true, 0, 0, ulong.MaxValue));
        Assert.Equal(0, repetitions);
    }

    [Fact]
    public void Apply_ForgetsOnlyAfterTheGracePeriod()
    {
        var rules = new WeeklyRules(new ModelParameters { PracticeBase = 0, PracticeFromExposure = 0, ForgetGraceWeeks = 3, ForgetRate = 1 });
        byte repetitions = 4, idle = 0;
        Assert.Equal(1, rules.Apply(1, ref repetitions, ref idle, false, 0, 0, 0));
        Assert.Equal(1, rules.Apply(1, ref repetitions, ref idle, false, 0, 0, 0));
        Assert.Equal((4, 2), (repetitions, idle));
        Assert.Equal(0, rules.Apply(1, ref repetitions, ref idle, false, 0, 0, 0));
        Assert.Equal((0, 0), (repetitions, idle));
    }

    [Fact]
    public void Apply_NeverChangesAHabit()
    {
        var rules = new WeeklyRules(new ModelParameters { ForgetGraceWeeks = 1, ForgetRate = 1, PracticeBase = 0 });
        byte repetitions = 0, idle = 200;
        for (ulong i = 0; i < 1_000; i++)
        {
            Assert.Equal(3, rules.Apply(3, ref repetitions, ref idle, false, 1, 100, CounterRng.Bits(Key, i)));
        }
    }
}
