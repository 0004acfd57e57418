namespace OrgSim.Core.Agents;

/// <summary>A set of competencies held in four bits, so it costs one byte and no allocation.</summary>
public readonly record struct CompetencySet(byte Bits)
{
    /// <summary>All four competencies.</summary>
    public static CompetencySet All => new(0b1111);

    /// <summary>No competency.</summary>
    public static CompetencySet None => new(0);

    /// <summary>The set holding only <paramref name="competency"/>.</summary>
    public static CompetencySet Of(Competency competency) => new((byte)(1 << (int)competency));

    /// <summary>Whether <paramref name="competency"/> is in the set.</summary>
    public bool Contains(Competency competency) => (Bits & (1 << (int)competency)) != 0;

    /// <summary>This set with <paramref name="competency"/> added.</summary>
    public CompetencySet With(Competency competency) => new((byte)(Bits | (1 << (int)competency)));

    /// <summary>The competencies in either set.</summary>
    public CompetencySet Union(CompetencySet other) => new((byte)(Bits | other.Bits));

    /// <summary>The number of competencies in the set, 0..4.</summary>
    public int Count => System.Numerics.BitOperations.PopCount(Bits);

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(",", Competencies.All.Where(Contains).Select(Competencies.Name));
}
