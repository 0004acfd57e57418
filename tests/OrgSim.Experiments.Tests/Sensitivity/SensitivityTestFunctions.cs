using OrgSim.Experiments.Sensitivity;

namespace OrgSim.Experiments.Tests.Sensitivity;

/// <summary>Test functions with known Sobol' indices, and a helper that evaluates a function over a design.</summary>
internal static class SensitivityTestFunctions
{
    /// <summary>The outputs of <paramref name="f"/> at every point of <paramref name="design"/>, fed back in point order.</summary>
    public static DesignOutputs Evaluate(SensitivityDesign design, Func<double[], double> f)
    {
        var outputs = new DesignOutputs(design);
        var x = new double[design.Parameters.Count];
        for (int point = 0; point < design.PointCount; point++)
        {
            design.ValuesAt(point, x);
            outputs.Set(point, f(x));
        }

        return outputs;
    }

    /// <summary>The Ishigami function's three inputs, each uniform on [−π, π].</summary>
    public static ParameterRange[] IshigamiRanges() =>
        [new("x1", -Math.PI, Math.PI), new("x2", -Math.PI, Math.PI), new("x3", -Math.PI, Math.PI)];

    /// <summary>Ishigami and Homma (1990): sin x1 + a sin² x2 + b x3⁴ sin x1.</summary>
    public static double Ishigami(double[] x, double a, double b) =>
        Math.Sin(x[0]) + (a * Math.Sin(x[1]) * Math.Sin(x[1])) + (b * Math.Pow(x[2], 4) * Math.Sin(x[0]));

    /// <summary>
    /// The analytic indices of the Ishigami function (Saltelli et al. 2008, "Global Sensitivity
    /// Analysis: The Primer", 2.3): partial variances V1 = (1 + bπ⁴/5)²/2, V2 = a²/8,
    /// V13 = 8b²π⁸/225, and V = V1 + V2 + V13; x3 acts only with x1.
    /// </summary>
    public static (double[] First, double[] Total) IshigamiIndices(double a, double b)
    {
        double pi4 = Math.Pow(Math.PI, 4);
        double v1 = 0.5 * Math.Pow(1 + (b * pi4 / 5), 2), v2 = a * a / 8, v13 = 8 * b * b * pi4 * pi4 / 225;
        double v = v1 + v2 + v13;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v]);
    }

    /// <summary>Inputs of Sobol's G function, each uniform on [0, 1].</summary>
    public static ParameterRange[] GRanges(int k) => [.. Enumerable.Range(1, k).Select(i => new ParameterRange($"x{i}", 0, 1))];

    /// <summary>Sobol's G function: the product of (|4x_i − 2| + a_i) / (1 + a_i); a small a_i makes x_i important.</summary>
    public static double G(double[] x, double[] a)
    {
        double product = 1;
        for (int i = 0; i < a.Length; i++)
        {
            product *= (Math.Abs((4 * x[i]) - 2) + a[i]) / (1 + a[i]);
        }

        return product;
    }

    /// <summary>
    /// The analytic indices of the G function (Saltelli et al. 2010, section 4): each factor has
    /// mean 1 and variance V_i = 1 / (3(1 + a_i)²), V = Π(1 + V_i) − 1, S1_i = V_i / V and
    /// ST_i = V_i Π_{j≠i}(1 + V_j) / V.
    /// </summary>
    public static (double[] First, double[] Total) GIndices(double[] a)
    {
        double[] vi = [.. a.Select(ai => 1 / (3 * (1 + ai) * (1 + ai)))];
        double all = vi.Aggregate(1.0, (p, v) => p * (1 + v));
        double v = all - 1;
        return ([.. vi.Select(x => x / v)], [.. vi.Select(x => x * (all / (1 + x)) / v)]);
    }
}
