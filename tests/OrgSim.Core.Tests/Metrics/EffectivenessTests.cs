using OrgSim.Core.Metrics;

namespace OrgSim.Core.Tests.Metrics;

public class EffectivenessTests
{
    private static readonly EffectivenessWeights Defaults = new();

    [Fact]
    public void Score_IsOneForFourHabitsAndZeroForNothing()
    {
        Assert.Equal(1.0, Effectiveness.Score(1, 1, 1, 1, Defaults), 12);
        Assert.Equal(0.0, Effectiveness.Score(0, 0, 0, 0, Defaults), 12);
    }

    [Fact]
    public void Score_PenalisesCircularityWithoutDecisiveness()
    {
        // Same mean level, same spread: only which of the two leads differs.
        double chaotic = Effectiveness.Score(decisiveness: 0, circularity: 1, pacing: 1, feedforward: 1, Defaults);
        double decided = Effectiveness.Score(decisiveness: 1, circularity: 0, pacing: 1, feedforward: 1, Defaults);
        Assert.True(chaotic < decided, $"circularity without decisiveness {chaotic}, decisiveness without circularity {decided}");
        Assert.Equal(0.75 - 0.5 - 0.1, chaotic, 12);
    }

    [Fact]
    public void Score_ChaoticActionAloneIsWorseThanNothing()
    {
        Assert.Equal(0.25 - 0.5 - 0.1, Effectiveness.Score(decisiveness: 0, circularity: 1, pacing: 0, feedforward: 0, Defaults), 12);
        Assert.Equal(-1.0, Effectiveness.Score(0, 1, 0, 0, new EffectivenessWeights { ChaosPenalty = 1, ImbalancePenalty = 1 }), 12); // 0.25 − 1 − 1, clamped
    }

    [Fact]
    public void Score_PenalisesDecisionsWithoutFollowThrough()
    {
        double stalled = Effectiveness.Score(decisiveness: 1, circularity: 0, pacing: 0, feedforward: 0, new EffectivenessWeights { ImbalancePenalty = 0 });
        Assert.Equal(0.25 - (0.25 * 1.0), stalled, 12);
        double followed = Effectiveness.Score(decisiveness: 1, circularity: 0, pacing: 1, feedforward: 0, new EffectivenessWeights { ImbalancePenalty = 0 });
        Assert.Equal(0.5 - (0.25 * 0.5), followed, 12);
    }

    [Fact]
    public void Score_RewardsBalanceAtTheSameMeanLevel()
    {
        double balanced = Effectiveness.Score(2 / 3.0, 2 / 3.0, 2 / 3.0, 2 / 3.0, Defaults);
        double lopsided = Effectiveness.Score(1, 1, 1 / 3.0, 1 / 3.0, Defaults);
        Assert.True(balanced > lopsided, $"balanced {balanced}, lopsided {lopsided}");
    }

    [Fact]
    public void Score_WithEveryPenaltyOff_IsTheMeanLevel()
    {
        var none = new EffectivenessWeights { ChaosPenalty = 0, FollowThroughPenalty = 0, ImbalancePenalty = 0 };
        Assert.Equal(0.4, Effectiveness.Score(0.1, 0.9, 0.2, 0.4, none), 12);
    }

    [Fact]
    public void StageTable_AgreesWithTheScoreForEveryCombinationOfStages()
    {
        double[] table = Effectiveness.StageTable(Defaults);
        for (uint d = 0; d < 4; d++)
        {
            for (uint c = 0; c < 4; c++)
            {
                for (uint p = 0; p < 4; p++)
                {
                    for (uint f = 0; f < 4; f++)
                    {
                        uint word = d | (c << 8) | (p << 16) | (f << 24);
                        Assert.Equal(Effectiveness.Score(d / 3.0, c / 3.0, p / 3.0, f / 3.0, Defaults), table[Effectiveness.PackedIndex(word)], 12);
                    }
                }
            }
        }
    }

    [Fact]
    public void Weights_OutOfRangeAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EffectivenessWeights { ChaosPenalty = 1.5 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new EffectivenessWeights { ImbalancePenalty = -0.1 }.Validate());
    }
}
