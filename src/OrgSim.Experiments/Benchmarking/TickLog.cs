using System.Diagnostics;
using OrgSim.Core.Agents;
using OrgSim.Core.Engine;

namespace OrgSim.Experiments.Benchmarking;

/// <summary>
/// Steps a simulation one week at a time and keeps, for every week, the wall time and processor
/// time of its tick and the stage shares it ended with; index 0 of the shares is the seeded state.
/// </summary>
/// <param name="simulation">The simulation, seeded, at tick 0.</param>
/// <param name="competentStage">The lowest stage that counts as having adopted: 2 with learning, 3 in the classic model.</param>
public sealed class TickLog(Simulation simulation, Stage competentStage)
{
    private readonly List<double> _wallMs = [];
    private readonly List<double> _cpuMs = [];
    private readonly List<double[]> _stageShares = [Shares(simulation)];
    private readonly List<double> _competent = [Competent(simulation, competentStage)];

    /// <summary>Weeks stepped so far.</summary>
    public int Weeks => _wallMs.Count;

    /// <summary>Weeks in a row, up to the last, in which no agent changed stage.</summary>
    public int QuietWeeks { get; private set; }

    /// <summary>The competent share of agent–competency pairs: after seeding (index 0), then after each week.</summary>
    public IReadOnlyList<double> CompetentShares => _competent;

    /// <summary>Steps one week and records it.</summary>
    public void Step()
    {
        TimeSpan cpu = Environment.CpuUsage.TotalTime;
        long start = Stopwatch.GetTimestamp();
        simulation.Step();
        long end = Stopwatch.GetTimestamp();

        // A tick shorter than the timer's resolution still took time: never report 0.
        _wallMs.Add(Math.Max(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds, 1000.0 / Stopwatch.Frequency));
        _cpuMs.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
        double[] shares = Shares(simulation);
        _stageShares.Add(shares);
        _competent.Add(Competent(simulation, competentStage));
        QuietWeeks = simulation.AgentsChangedLastStep == 0 ? QuietWeeks + 1 : 0;
    }

    /// <summary>The timing of the consecutive weeks <paramref name="first"/> to <paramref name="first"/> + <paramref name="window"/> − 1, all stepped already.</summary>
    public PhaseTiming Phase(int first, int window)
    {
        if (first < 1 || first + window - 1 > Weeks)
        {
            throw new ArgumentOutOfRangeException(nameof(first), first, $"should leave a window of {window} weeks within the {Weeks} stepped");
        }

        List<double> wall = _wallMs.GetRange(first - 1, window), cpu = _cpuMs.GetRange(first - 1, window);
        return new PhaseTiming(first, first + window - 1, _competent[first - 1], _stageShares[first - 1], Median(wall), Median(cpu), wall);
    }

    /// <summary>
    /// The timing of week <paramref name="week"/> in each of <paramref name="replays"/>, logs of the same
    /// deterministic run stepped again from the seeds: the median over the replays, and the state from the first.
    /// </summary>
    public static PhaseTiming Replayed(IReadOnlyList<TickLog> replays, int week)
    {
        ArgumentNullException.ThrowIfNull(replays);
        ArgumentOutOfRangeException.ThrowIfZero(replays.Count, nameof(replays));
        if (week < 1 || replays.Any(r => r.Weeks < week))
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, "should be a week every replay has stepped");
        }

        List<double> wall = [.. replays.Select(r => r._wallMs[week - 1])], cpu = [.. replays.Select(r => r._cpuMs[week - 1])];
        TickLog first = replays[0];
        return new PhaseTiming(week, week, first._competent[week - 1], first._stageShares[week - 1], Median(wall), Median(cpu), wall);
    }

    /// <summary>The middle value; the mean of the two middle values of an even count.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count, nameof(values));
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The share of agent–competency pairs at stage 0, 1, 2 and 3.</summary>
    private static double[] Shares(Simulation simulation)
    {
        ReadOnlySpan<int> counts = simulation.StageCounts;
        double pairs = (double)simulation.Graph.NodeCount * Competencies.Count;
        var shares = new double[Stages.Count];
        for (int c = 0; c < Competencies.Count; c++)
        {
            for (int s = 0; s < Stages.Count; s++)
            {
                shares[s] += counts[(c * Stages.Count) + s];
            }
        }

        for (int s = 0; s < Stages.Count; s++)
        {
            shares[s] /= pairs;
        }

        return shares;
    }

    /// <summary>The share of agent–competency pairs at <paramref name="competentStage"/> or above, from whole counts, so that everybody is exactly 1.</summary>
    private static double Competent(Simulation simulation, Stage competentStage)
    {
        ReadOnlySpan<int> counts = simulation.StageCounts;
        long competent = 0;
        for (int c = 0; c < Competencies.Count; c++)
        {
            for (int s = (int)competentStage; s < Stages.Count; s++)
            {
                competent += counts[(c * Stages.Count) + s];
            }
        }

        return competent / ((double)simulation.Graph.NodeCount * Competencies.Count);
    }
}
