using OrgSim.Core.Agents;
using OrgSim.Core.Graph;

namespace OrgSim.Core.Metrics;

/// <summary>
/// The retention curve: of the agent–competency pairs a seeding wave trained, the share at stage 2
/// or 3 <em>k</em> weeks after their own wave, for k = 0 … horizon. Pairs of different waves are
/// lined up by the weeks since their training, so a curve of several waves reads like one of a
/// single cohort. At k only the pairs trained at least k weeks before the horizon count.
/// </summary>
/// <remarks>
/// A pair trained by two waves belongs to the cohort of the first. External coaches are not
/// employees and are left out, as from every outcome. Recording costs O(trained pairs) a week and
/// allocates nothing.
/// </remarks>
public sealed class CohortRetention
{
    private readonly OrgGraph _graph;
    private readonly int[] _trainedWeek; // [agent * 4 + competency]: the week of its first wave, or −1
    private readonly List<int> _pairs = [];
    private readonly int[] _members;
    private readonly int[] _competent;

    /// <summary>Room for weeks since training 0..<paramref name="horizon"/> in <paramref name="graph"/>.</summary>
    public CohortRetention(OrgGraph graph, int horizon)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        _graph = graph;
        _trainedWeek = new int[graph.NodeCount * Competencies.Count];
        Array.Fill(_trainedWeek, -1);
        _members = new int[horizon + 1];
        _competent = new int[horizon + 1];
    }

    /// <summary>The last week since training the curve has room for.</summary>
    public int Horizon => _members.Length - 1;

    /// <summary>Agent–competency pairs in the cohort.</summary>
    public int TrainedPairs => _pairs.Count;

    /// <summary>Adds the pairs a wave at <paramref name="week"/> trained: <paramref name="seeds"/> in <paramref name="competencies"/>.</summary>
    public void Train(ReadOnlySpan<int> seeds, CompetencySet competencies, int week)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(week);
        foreach (int v in seeds)
        {
            if (_graph.Role(v) == Role.External)
            {
                continue;
            }

            foreach (Competency c in Competencies.All)
            {
                int i = (v * Competencies.Count) + (int)c;
                if (competencies.Contains(c) && _trainedWeek[i] < 0)
                {
                    _trainedWeek[i] = week;
                    _pairs.Add(i);
                }
            }
        }
    }

    /// <summary>Counts, for each trained pair, whether it is competent at <paramref name="week"/>, <paramref name="week"/> − its wave weeks after its training.</summary>
    public void Record(ReadOnlySpan<byte> stages, int week)
    {
        foreach (int i in _pairs)
        {
            int since = week - _trainedWeek[i];
            if (since >= 0 && since < _members.Length)
            {
                _members[since]++;
                _competent[since] += stages[i] >= (int)Stage.ConsciousCompetence ? 1 : 0;
            }
        }
    }

    /// <summary>The share of the cohort competent <paramref name="weeksSinceTraining"/> weeks after its training; NaN when no pair was recorded that long after it.</summary>
    public double CompetentShare(int weeksSinceTraining)
    {
        if ((uint)weeksSinceTraining >= (uint)_members.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(weeksSinceTraining), weeksSinceTraining, $"should be in range [0, {Horizon}]");
        }

        int members = _members[weeksSinceTraining];
        return members == 0 ? double.NaN : _competent[weeksSinceTraining] / (double)members;
    }
}
