using OrgSim.Core.Graph;

namespace OrgSim.Experiments.Import;

/// <summary>How <see cref="HrExportImporter"/> reads an HR export and turns it into an organisation.</summary>
public sealed record HrImportOptions
{
    /// <summary>The largest <see cref="MaxTeamSize"/> accepted.</summary>
    public const int LargestMaxTeamSize = 1_000;

    /// <summary>The column names. Default: <see cref="HrColumns"/>' defaults.</summary>
    public HrColumns Columns { get; init; } = new();

    /// <summary>
    /// How many top levels count as <see cref="Role.Executive"/> when the role column does not say,
    /// in [0, 255]. Default 2 (the top and their reports), as <see cref="HierarchyOptions.ExecutiveLevels"/>.
    /// </summary>
    public int ExecutiveLevels { get; init; } = 2;

    /// <summary>
    /// Mean number of random informal ties each agent gets into other teams, in [0, 100]. Default 0:
    /// an HR export records no informal ties, and inventing them is a modelling choice the scenario
    /// should make openly. Drawn from the import seed, so the same seed gives the same ties.
    /// </summary>
    public double CrossTeamTiesPerAgent { get; init; }

    /// <summary>
    /// Weight of a tie between agents at different sites or involving a remote agent, in (0, 1];
    /// 1 = remote ties are as strong as any. Default 0.5, as <see cref="HierarchyOptions.RemoteTieWeight"/>.
    /// </summary>
    /// <remarks>A weight below 1 makes the engine observe those agents tie by tie, which is slower; see docs/organisations.md.</remarks>
    public double RemoteTieWeight { get; init; } = 0.5;

    /// <summary>
    /// The largest team whose members are all tied to each other, in [2, 1,000]. Default 50. In a
    /// larger team each member is tied to the <c>MaxTeamSize / 2</c> colleagues on either side in
    /// agent order (a ring lattice), so a warehouse team of 400 gives 10,000 ties, not 80,000.
    /// </summary>
    public int MaxTeamSize { get; init; } = 50;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Columns, nameof(Columns));
        Columns.Validate();
        if (ExecutiveLevels is < 0 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(ExecutiveLevels), ExecutiveLevels, "should be in range [0, 255]");
        }

        if (!(CrossTeamTiesPerAgent >= 0 && CrossTeamTiesPerAgent <= HierarchyOptions.MaxCrossTeamTies))
        {
            throw new ArgumentOutOfRangeException(nameof(CrossTeamTiesPerAgent), CrossTeamTiesPerAgent, $"should be in range [0, {HierarchyOptions.MaxCrossTeamTies}]");
        }

        if (!(RemoteTieWeight > 0 && RemoteTieWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RemoteTieWeight), RemoteTieWeight, "should be in range (0, 1]");
        }

        if (MaxTeamSize is < 2 or > LargestMaxTeamSize)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTeamSize), MaxTeamSize, $"should be in range [2, {LargestMaxTeamSize}]");
        }
    }
}
