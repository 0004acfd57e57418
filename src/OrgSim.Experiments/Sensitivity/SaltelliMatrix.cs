namespace OrgSim.Experiments.Sensitivity;

/// <summary>Which of Saltelli's matrices a point of a <see cref="SaltelliDesign"/> is a row of.</summary>
public enum SaltelliMatrix
{
    /// <summary>A: the first k columns of the Sobol' sequence.</summary>
    A,

    /// <summary>A_B^(i): A with column i taken from B.</summary>
    AB,

    /// <summary>B: the next k columns of the Sobol' sequence.</summary>
    B,
}
