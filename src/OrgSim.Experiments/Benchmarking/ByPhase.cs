namespace OrgSim.Experiments.Benchmarking;

/// <summary>One value for each phase of the spread (see <see cref="SpreadPhases"/>); written to JSON as <c>{"early": …, "mid": …, "late": …}</c>.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Early">Just after seeding.</param>
/// <param name="Mid">Once half of what the spread added is there.</param>
/// <param name="Late">Once nine tenths of it is there.</param>
public sealed record ByPhase<T>(T Early, T Mid, T Late)
{
    /// <summary>The three values in order, with their names.</summary>
    public IEnumerable<(string Name, T Value)> Named() => [("early", Early), ("mid", Mid), ("late", Late)];
}
