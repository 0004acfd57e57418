using OrgSim.Experiments.Sensitivity;
using static OrgSim.Experiments.Tests.Sensitivity.SensitivityTestFunctions;

namespace OrgSim.Experiments.Tests.Sensitivity;

public class MorrisEstimatorTests
{
    [Fact]
    public void AnInertInput_HasNoEffectAtAllAndRanksLast()
    {
        // x3 is not read: every step that moves it leaves the output bit for bit the same.
        ParameterRange[] ranges = [new("x1", 0, 1), new("x2", 0, 1), new("x3", 0, 1), new("x4", 1, 100, ParameterScale.LogUniform)];
        MorrisDesign design = MorrisDesign.Create(ranges, trajectories: 20, levels: 4, seed: 3);
        MorrisAnalysis analysis = MorrisEstimator.Estimate(design, Evaluate(design, x => (2 * x[0]) + Math.Sin(3 * x[1]) + (x[0] * Math.Log(x[3]))));

        MorrisIndices inert = analysis.Indices[2];
        Assert.Equal(("x3", 0.0, 0.0, 0.0), (inert.Parameter, inert.Mu, inert.MuStar, inert.Sigma));
        Assert.All(analysis.Indices.Where(i => i.Parameter != "x3"), i => Assert.True(i.MuStar > 0.1, $"{i.Parameter}: μ* {i.MuStar}"));
        Assert.Equal("x3", analysis.RankedByMuStar()[^1].Parameter);
        Assert.Equal((20, 100), (analysis.Trajectories, analysis.Evaluations));
    }

    [Fact]
    public void ALinearFunction_HasItsCoefficientsAsEffects()
    {
        // On [0, 1] the unit coordinate is the value, so each elementary effect of c·x is c
        // exactly, up to rounding: μ = c, μ* = |c|, σ = 0.
        double[] c = [3, -2, 0.5, 0];
        ParameterRange[] ranges = [.. c.Select((_, i) => new ParameterRange($"x{i}", 0, 1))];
        MorrisDesign design = MorrisDesign.Create(ranges, trajectories: 10, levels: 6, seed: 4);
        MorrisAnalysis analysis = MorrisEstimator.Estimate(design, Evaluate(design, x => c.Select((ci, i) => ci * x[i]).Sum()));

        for (int i = 0; i < c.Length; i++)
        {
            Assert.Equal(c[i], analysis.Indices[i].Mu, 1e-12);
            Assert.Equal(Math.Abs(c[i]), analysis.Indices[i].MuStar, 1e-12);
            Assert.Equal(0, analysis.Indices[i].Sigma, 1e-12);
        }

        Assert.Equal(["x0", "x1", "x2", "x3"], analysis.RankedByMuStar().Select(i => i.Parameter));
    }

    [Fact]
    public void Effects_AreInUnitCoordinates()
    {
        // f = 2x on [10, 20] changes by 2·10 across the range: its effect per unit of the range
        // is 20. f = ln r on a log-uniform [1, e^4] is 4u: its effect is 4 wherever r is.
        ParameterRange[] ranges = [new("x", 10, 20), new("r", 1, Math.Exp(4), ParameterScale.LogUniform)];
        MorrisDesign design = MorrisDesign.Create(ranges, trajectories: 8, levels: 4, seed: 5);
        MorrisAnalysis analysis = MorrisEstimator.Estimate(design, Evaluate(design, x => (2 * x[0]) + Math.Log(x[1])));

        Assert.Equal(20, analysis.Indices[0].Mu, 1e-9);
        Assert.Equal(4, analysis.Indices[1].Mu, 1e-9);
        Assert.Equal(0, analysis.Indices[1].Sigma, 1e-9);
    }

    [Fact]
    public void Sigma_IsLargeForAnInteractionAndMuCancelsForAnEvenEffect()
    {
        // f = x1·x2 on [−1, 1]²: x1's effect is x2·2, positive or negative by where x2 is, so μ
        // is near 0 while μ* and σ are not. Over 50 trajectories x2 sits on ±1/3 and ±1 equally
        // often, so the absolute effect averages 2·(1/3 + 1)/2 = 4/3.
        ParameterRange[] ranges = [new("x1", -1, 1), new("x2", -1, 1)];
        MorrisDesign design = MorrisDesign.Create(ranges, trajectories: 50, levels: 4, seed: 6);
        MorrisAnalysis analysis = MorrisEstimator.Estimate(design, Evaluate(design, x => x[0] * x[1]));

        MorrisIndices x1 = analysis.Indices[0];
        Assert.True(Math.Abs(x1.Mu) < x1.MuStar / 2, $"μ {x1.Mu}, μ* {x1.MuStar}");
        Assert.InRange(x1.MuStar, 1.0, 1.7);
        Assert.True(x1.Sigma > 0.5, $"σ {x1.Sigma}");
    }

    [Fact]
    public void Estimate_RefusesIncompleteOutputs()
    {
        MorrisDesign design = MorrisDesign.Create([new ParameterRange("x", 0, 1)], trajectories: 2, levels: 4, seed: 1);
        var outputs = new DesignOutputs(design);
        outputs.Set(0, 1);

        ArgumentException e = Assert.Throws<ArgumentException>(() => MorrisEstimator.Estimate(design, outputs));
        Assert.Contains("3 of 4 points have no output yet, the first is point 1", e.Message, StringComparison.Ordinal);
    }
}
