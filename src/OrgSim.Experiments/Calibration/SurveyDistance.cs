using OrgSim.Core.Agents;

namespace OrgSim.Experiments.Calibration;

/// <summary>
/// The distance between an observed survey and one run's simulated shares (docs/calibration.md,
/// "The distance"): the root of the mean, over rows and the shares compared, of the squared
/// difference of simulated and observed share in units of the observed share's binomial standard
/// error. The observed share is floored away from 0 and 1 as (count + ½) / (ratings + 1), so a
/// share of 0 or 1 in a small wave does not make its error 0. A large wave measures its share more
/// precisely, so it weighs more.
/// </summary>
public static class SurveyDistance
{
    /// <summary>The distance; +∞ when a simulated share is undefined (an empty group), which the engine rejects.</summary>
    public static double Of(ObservedSurvey observed, IReadOnlyList<double[]> simulatedStageShares, CalibrationCompare compare)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(simulatedStageShares);
        double sum = 0;
        int terms = 0;
        for (int i = 0; i < observed.Rows.Count; i++)
        {
            ObservedRow row = observed.Rows[i];
            double[] simulated = simulatedStageShares[i];
            if (compare == CalibrationCompare.Stages)
            {
                for (int s = 0; s < Stages.Count; s++)
                {
                    sum += Squared(simulated[s], row.StageCount((Stage)s), row.Ratings);
                    terms++;
                }
            }
            else
            {
                sum += Squared(simulated[2] + simulated[3], row.Competent, row.Ratings);
                terms++;
            }
        }

        double distance = Math.Sqrt(sum / terms);
        return double.IsNaN(distance) ? double.PositiveInfinity : distance;
    }

    /// <summary>The compare a section leaves unset: stages when the file has stage columns.</summary>
    public static CalibrationCompare DefaultFor(ObservedSurvey observed) =>
        observed.Counts == ObservedCounts.Stages ? CalibrationCompare.Stages : CalibrationCompare.Competent;

    private static double Squared(double simulated, int count, int ratings)
    {
        double observed = count / (double)ratings;
        double floored = (count + 0.5) / (ratings + 1.0);
        double variance = floored * (1 - floored) / ratings;
        double z = simulated - observed;
        return z * z / variance;
    }
}
