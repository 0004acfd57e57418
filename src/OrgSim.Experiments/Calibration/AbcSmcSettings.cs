using System.Globalization;

namespace OrgSim.Experiments.Calibration;

/// <summary>
/// The knobs of an ABC-SMC calibration: how many particles a population holds, how fast the
/// tolerance falls and when to stop. Defaults follow Drovandi and Pettitt (2011) and Lenormand,
/// Jabot and Deffuant (2013).
/// </summary>
public sealed record AbcSmcSettings
{
    /// <summary>
    /// N, the fewest accepted particles that complete a population; at least 2. A generation
    /// proposes batches of candidates until N are accepted, so a population may hold a few more.
    /// Default 1000.
    /// </summary>
    public int PopulationSize { get; init; } = 1000;

    /// <summary>
    /// α in (0, 1): the next tolerance is the α-quantile of the current population's distances, so
    /// roughly a fraction α of the population would survive it. Default 0.5.
    /// </summary>
    public double Alpha { get; init; } = 0.5;

    /// <summary>
    /// Stop when a generation accepts fewer than this fraction of its candidates; in (0, 1].
    /// Default 0.05: a generation then costs at most 20 N runs.
    /// </summary>
    public double MinAcceptanceRate { get; init; } = 0.05;

    /// <summary>
    /// Stop when the next tolerance is less than this fraction below the current one; in [0, 1).
    /// Default 0.01.
    /// </summary>
    public double MinToleranceDecrease { get; init; } = 0.01;

    /// <summary>The most populations, counting generation 0 drawn from the priors; at least 1. Default 20.</summary>
    public int MaxGenerations { get; init; } = 20;

    /// <summary>Everything wrong with these settings, one sentence each; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (PopulationSize < 2)
        {
            problems.Add($"population size is {PopulationSize}; must be at least 2");
        }

        if (!(Alpha > 0 && Alpha < 1))
        {
            problems.Add($"alpha is {Format(Alpha)}; must be in range (0, 1)");
        }

        if (!(MinAcceptanceRate > 0 && MinAcceptanceRate <= 1))
        {
            problems.Add($"minimum acceptance rate is {Format(MinAcceptanceRate)}; must be in range (0, 1]");
        }

        if (!(MinToleranceDecrease >= 0 && MinToleranceDecrease < 1))
        {
            problems.Add($"minimum tolerance decrease is {Format(MinToleranceDecrease)}; must be in range [0, 1)");
        }

        if (MaxGenerations < 1)
        {
            problems.Add($"maximum generations is {MaxGenerations}; must be at least 1");
        }

        return problems;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
