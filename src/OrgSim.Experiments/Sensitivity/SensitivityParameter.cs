namespace OrgSim.Experiments.Sensitivity;

/// <summary>
/// One varied key of a scenario's <c>sensitivity</c> section: its key path, its range and scale,
/// and whether the scenario takes it as a whole number (a budget, a span), in which case a design
/// value is rounded to the nearest whole number before the run reads it.
/// </summary>
/// <param name="Path">The key path, as in a sweep (<c>model.transmission</c>, <c>arms.bottom-up.seeding.budget</c>).</param>
/// <param name="Low">The smallest value.</param>
/// <param name="High">The largest value.</param>
/// <param name="Scale">Uniform or log-uniform.</param>
/// <param name="Whole">Whether the key takes whole numbers only.</param>
public sealed record SensitivityParameter(string Path, double Low, double High, ParameterScale Scale, bool Whole)
{
    /// <summary>The range the designs sample.</summary>
    public ParameterRange Range() => new(Path, Low, High, Scale);

    /// <summary>
    /// The value a run uses for a design value <paramref name="value"/>: rounded half away from zero
    /// when the key takes whole numbers, kept within the whole numbers of the range; else to 15 significant digits, so that a level one third of
    /// the way along [0, 0.3] runs as 0.1 rather than 0.09999999999999999 (a difference far below
    /// anything the model can tell, and files that read as the design meant).
    /// </summary>
    public double RunValue(double value) => Whole
        ? Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), Math.Ceiling(Low), Math.Floor(High))
        : Math.Clamp(double.Parse(value.ToString("G15", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture), Low, High);
}
