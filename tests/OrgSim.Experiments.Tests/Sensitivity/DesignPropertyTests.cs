using FsCheck.Xunit;
using OrgSim.Core.Randomness;
using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Tests.Sensitivity;

/// <summary>
/// Properties of every design, over designs FsCheck draws: sizes, levels and seeds from its
/// generators, ranges from a drawn seed (wide and narrow, negative and positive, uniform and
/// log-uniform). Replay fixes FsCheck's own seed, so every run checks the same cases.
/// </summary>
public class DesignPropertyTests
{
    private const string Replay = "(20260501,7654321)";

    [Property(MaxTest = 200, Replay = Replay)]
    public bool MorrisPoints_LieInTheirRanges(byte parameters, byte trajectories, byte halfLevels, ulong seed, ulong rangeSeed)
    {
        ParameterRange[] ranges = Ranges(1 + (parameters % 6), rangeSeed);
        MorrisDesign design = MorrisDesign.Create(ranges, 2 + (trajectories % 5), 2 * (1 + (halfLevels % 5)), seed);
        return AllInRange(design);
    }

    [Property(MaxTest = 200, Replay = Replay)]
    public bool SaltelliPoints_LieInTheirRanges(byte parameters, byte log2N, ulong seed, ulong rangeSeed, bool scrambled)
    {
        ParameterRange[] ranges = Ranges(1 + (parameters % 6), rangeSeed);
        SaltelliDesign design = SaltelliDesign.Create(ranges, 1 << (1 + (log2N % 5)), seed, scrambled);
        return AllInRange(design);
    }

    [Property(MaxTest = 200, Replay = Replay)]
    public bool MorrisTrajectories_MoveEveryParameterOnceByDelta(byte parameters, byte halfLevels, ulong seed)
    {
        int k = 1 + (parameters % 8);
        MorrisDesign design = MorrisDesign.Create(Ranges(k, seed), 3, 2 * (1 + (halfLevels % 5)), seed);
        for (int t = 0; t < design.Trajectories; t++)
        {
            var moved = new bool[k];
            for (int step = 1; step <= k; step++)
            {
                int i = design.MovedParameter(t, step), point = design.PointIndex(t, step);
                moved[i] = true;
                for (int j = 0; j < k; j++)
                {
                    double difference = design.UnitCoordinate(point, j) - design.UnitCoordinate(point - 1, j);
                    double expected = j == i ? design.Direction(t, i) * design.Delta : 0;
                    if (Math.Abs(difference - expected) > 1e-12)
                    {
                        return false;
                    }
                }
            }

            if (moved.Contains(false))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 300, Replay = Replay)]
    public bool ValueAt_IsMonotoneAndInsideTheRange(ulong rangeSeed, ushort u1, ushort u2)
    {
        ParameterRange range = Ranges(1, rangeSeed)[0];
        double a = Math.Min(u1, u2) / (double)ushort.MaxValue, b = Math.Max(u1, u2) / (double)ushort.MaxValue;
        double va = range.ValueAt(a), vb = range.ValueAt(b);
        return va <= vb && va >= range.Low && vb <= range.High;
    }

    private static bool AllInRange(SensitivityDesign design)
    {
        var values = new double[design.Parameters.Count];
        for (int point = 0; point < design.PointCount; point++)
        {
            design.ValuesAt(point, values);
            for (int i = 0; i < values.Length; i++)
            {
                if (!(values[i] >= design.Parameters[i].Low && values[i] <= design.Parameters[i].High))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>k ranges drawn from <paramref name="seed"/>: bounds from 1e-6 to 1e6 in size, either sign, a third log-uniform.</summary>
    private static ParameterRange[] Ranges(int k, ulong seed)
    {
        var ranges = new ParameterRange[k];
        for (int i = 0; i < k; i++)
        {
            ulong key = CounterRng.Key(seed, (ulong)i);
            bool log = CounterRng.Below(key, 0, 3) == 0;
            double low = Math.Pow(10, -6 + (12 * CounterRng.Uniform(key, 1)));
            double width = Math.Pow(10, -6 + (12 * CounterRng.Uniform(key, 2)));
            if (!log && CounterRng.Below(key, 3, 2) == 0)
            {
                low = -low;
            }

            ranges[i] = new ParameterRange($"p{i}", low, low + width, log ? ParameterScale.LogUniform : ParameterScale.Uniform);
        }

        return ranges;
    }
}
