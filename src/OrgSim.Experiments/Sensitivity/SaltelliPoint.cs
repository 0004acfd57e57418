namespace OrgSim.Experiments.Sensitivity;

/// <summary>Where a point of a <see cref="SaltelliDesign"/> comes from: a row of one of its matrices.</summary>
/// <param name="Row">The row n, 0 … N − 1, shared by A, B and every A_B^(i).</param>
/// <param name="Matrix">A, B, or A_B^(i).</param>
/// <param name="Parameter">For A_B^(i), the parameter i whose column comes from B; −1 for A and B.</param>
public readonly record struct SaltelliPoint(int Row, SaltelliMatrix Matrix, int Parameter);
