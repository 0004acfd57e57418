using System.Runtime.Intrinsics;
using OrgSim.Core.Engine;
using OrgSim.Core.Model;
using OrgSim.Core.Randomness;

namespace OrgSim.Core.Tests.Engine;

/// <summary>The four-lane rules (<see cref="WeeklyRules.ApplyAll"/> and its inputs) against the scalar rules, lane by lane.</summary>
public partial class WeeklyRulesTests
{
    public static TheoryData<string> ParameterSets => ["default", "classic", "active weeks", "no grace, always give up", "one repetition", "bass", "fractional", "absolute", "relapse and erosion", "erosion and active weeks", "erosion always"];

    private static ModelParameters ParametersNamed(string name) => name switch
    {
        "default" => new ModelParameters(),
        "classic" => new ModelParameters { Learning = false, DeployProbabilityHabit = 1 },
        "active weeks" => new ModelParameters { ActiveWeeks = 8 },
        "no grace, always give up" => new ModelParameters { ForgetGraceWeeks = 0, GiveUpRate = 1, ForgetRate = 0.5 },
        "one repetition" => new ModelParameters { RepetitionsToPractised = 1, RepetitionsToHabit = 1, PracticeBase = 0.5 },
        "bass" => new ModelParameters { Adoption = AdoptionRule.Bass },
        "fractional" => new ModelParameters { Adoption = AdoptionRule.FractionalThreshold },
        "absolute" => new ModelParameters { Adoption = AdoptionRule.AbsoluteThreshold },
        "relapse and erosion" => new ModelParameters { RelapseRate = 0.3, HabitErosionRate = 0.5, ForgetGraceWeeks = 2 },
        "erosion and active weeks" => new ModelParameters { HabitErosionRate = 0.6, ActiveWeeks = 8 },
        "erosion always" => new ModelParameters { HabitErosionRate = 1, RelapseRate = 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void ApplyAll_GivesApplysResultsInEveryLane(string parameterSet)
    {
        ModelParameters parameters = ParametersNamed(parameterSet);
        var rules = new WeeklyRules(parameters);
        for (ulong trial = 0; trial < 20_000; trial++)
        {
            ulong bits = CounterRng.Bits(Key, trial), more = CounterRng.Bits(Key + 1, trial);
            uint stageWord = (uint)bits & 0x03030303;
            uint repetitionWord = (uint)(bits >> 32) & (trial % 3 == 0 ? 0xFFFFFFFF : 0x0F0F0F0F); // small counters mostly, any byte sometimes
            uint idleWord = (uint)more & (trial % 5 == 0 ? 0xFFFFFFFF : 0x07070707);
            int practised = (int)(more >> 32) & 0xF;
            Vector256<double> adoption = Lanes(trial, 2, zeroEvery: 3, oneEvery: 7);
            Vector256<double> exposure = Lanes(trial, 3, zeroEvery: 2, oneEvery: 0) * 4;
            Vector256<double> scale = Lanes(trial, 4, zeroEvery: 0, oneEvery: 5) * 2;
            Vector256<ulong> random = Vector256.Create(CounterRng.Bits(Key, trial + 1_000_000), CounterRng.Bits(Key, trial + 2_000_000), CounterRng.Bits(Key, trial + 3_000_000), CounterRng.Bits(Key, trial + 4_000_000));
            double inverseStrength = trial % 4 == 0 ? 0 : 1 / (0.25 + (CounterRng.Uniform(Key + 5, trial) * 4)); // 0: no contacts; else shares below and above 1

            uint laneStages = stageWord, laneRepetitions = repetitionWord, laneIdle = idleWord;
            rules.ApplyAll(ref laneStages, ref laneRepetitions, ref laneIdle, practised, adoption, exposure, scale, random, inverseStrength);

            for (int c = 0; c < 4; c++)
            {
                int stage = (int)(stageWord >> (8 * c)) & 0xFF;
                byte repetitions = (byte)(repetitionWord >> (8 * c)), idle = (byte)(idleWord >> (8 * c));
                bool deployed = ((practised >> c) & 1) != 0;

                // As the engine called the scalar rules for one competency.
                if (stage == 0 && adoption.GetElement(c) > 0)
                {
                    stage = rules.Apply(stage, ref repetitions, ref idle, false, adoption.GetElement(c), 0, 1, random.GetElement(c));
                }
                else if (stage != 0 && (stage != 3 || parameters.ActiveWeeks > 0 || parameters.Erodes))
                {
                    // A habit's draw decides its erosion whether it deployed or not.
                    stage = rules.Apply(stage, ref repetitions, ref idle, deployed, 0, exposure.GetElement(c), scale.GetElement(c), deployed && stage != 3 ? 0 : random.GetElement(c), inverseStrength);
                }

                Assert.Equal((stage, repetitions, idle), ((int)(laneStages >> (8 * c)) & 0xFF, (byte)(laneRepetitions >> (8 * c)), (byte)(laneIdle >> (8 * c))));
            }
        }
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void AdoptionChances_AreAdoptionChanceInEveryLane(string parameterSet)
    {
        var rules = new WeeklyRules(ParametersNamed(parameterSet));
        for (ulong trial = 0; trial < 2_000; trial++)
        {
            Vector256<double> keep = Lanes(trial, 5, zeroEvery: 4, oneEvery: 3);
            Vector256<double> exposure = Lanes(trial, 6, zeroEvery: 2, oneEvery: 0) * 3;
            Vector256<double> count = Vector256.Floor(Lanes(trial, 7, zeroEvery: 2, oneEvery: 0) * 6);
            double bar = trial % 4 == 0 ? 0 : CounterRng.Uniform(Key, trial) * 3;
            double total = trial % 6 == 0 ? 0 : 1 + (CounterRng.Uniform(Key + 9, trial) * 5);
            bool barIsCount = trial % 2 == 0;
            Vector256<double> lanes = rules.AdoptionChances(keep, exposure, count, bar, barIsCount, total);
            for (int c = 0; c < 4; c++)
            {
                Assert.Equal(rules.AdoptionChance(keep.GetElement(c), exposure.GetElement(c), count.GetElement(c), bar, barIsCount, total), lanes.GetElement(c));
            }
        }
    }

    [Fact]
    public void PracticeScales_AreTheScalarProductsInEveryLane()
    {
        var rules = new WeeklyRules(new ModelParameters { PrerequisiteBoost = 0.5, SupportBoost = 0.5, FlowSensitivity = 0.7 });
        for (uint trial = 0; trial < 4096; trial++)
        {
            uint stageWord = (uint)CounterRng.Bits(Key, trial) & 0x03030303;
            int supported = (int)(trial & 0xF);
            double practiceScale = 0.3 + (CounterRng.Uniform(Key, trial) * 2);
            Vector256<double> lanes = rules.PracticeScales(practiceScale, stageWord, supported);
            for (int c = 0; c < 4; c++)
            {
                int stage = (int)(stageWord >> (8 * c)) & 0xFF;
                double expected = practiceScale * (c == 1 ? rules.PrerequisiteScale(stageWord) : 1) * rules.SupportScale((supported >> c) & 1) * rules.FlowScale(stage, WeeklyRules.StageSum(stageWord));
                Assert.Equal(expected, lanes.GetElement(c));
            }
        }
    }

    [Theory]
    [InlineData(0.5, 0.9)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.0)]
    public void Deployments_AreDeploysInEveryLane(double practised, double habit)
    {
        var rules = new WeeklyRules(new ModelParameters { DeployProbabilityPractised = practised, DeployProbabilityHabit = habit });
        for (ulong trial = 0; trial < 20_000; trial++)
        {
            uint stageWord = (uint)CounterRng.Bits(Key, trial) & 0x03030303;
            Vector128<ulong> draws = Vector128.Create(CounterRng.Bits(Key + 1, trial), CounterRng.Bits(Key + 2, trial));
            int expected = 0;
            for (int c = 0; c < 4; c++)
            {
                uint random = (uint)(draws.GetElement(c / 2) >> (32 * (c & 1)));
                expected |= (rules.Deploys((int)(stageWord >> (8 * c)) & 0xFF, random) ? 1 : 0) << c;
            }

            Assert.Equal(expected, rules.Deployments(stageWord, draws));
        }
    }

    /// <summary>Four doubles in [0, 1) for a trial, with exact zeros and ones mixed in (every n-th trial, 0 = never).</summary>
    private static Vector256<double> Lanes(ulong trial, ulong stream, int zeroEvery, int oneEvery)
    {
        Span<double> lanes = stackalloc double[4];
        for (int c = 0; c < 4; c++)
        {
            ulong at = (trial * 4) + (ulong)c;
            lanes[c] = zeroEvery > 0 && at % (ulong)zeroEvery == 0 ? 0
                : oneEvery > 0 && at % (ulong)oneEvery == 0 ? 1
                : CounterRng.Uniform(Key + stream, at);
        }

        return Vector256.Create<double>(lanes);
    }
}
