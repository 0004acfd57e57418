using OrgSim.Core.Agents;
using OrgSim.Core.Model;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Organisations;

namespace OrgSim.Experiments.Scenarios;

/// <summary>The words a scenario file uses for enumerations, in one place for the parser, run.json and docs.</summary>
public static class ScenarioNames
{
    /// <summary>Seeding strategy names.</summary>
    public static IReadOnlyDictionary<string, SeedingStrategy> Strategies { get; } = new Dictionary<string, SeedingStrategy>(StringComparer.Ordinal)
    {
        ["top-down"] = SeedingStrategy.TopDown,
        ["bottom-up-scattered"] = SeedingStrategy.BottomUpScattered,
        ["bottom-up-teams"] = SeedingStrategy.BottomUpTeams,
        ["random"] = SeedingStrategy.Random,
        ["middle-out"] = SeedingStrategy.MiddleOut,
        ["most-connected"] = SeedingStrategy.MostConnected,
        ["mentors"] = SeedingStrategy.Mentors,
        ["coaches"] = SeedingStrategy.Coaches,
        ["none"] = SeedingStrategy.None,
        ["neighbourhood"] = SeedingStrategy.Neighbourhood,
        ["random-neighbourhoods"] = SeedingStrategy.RandomNeighbourhoods,
    };

    /// <summary>Stage names; the digits 0..3 are accepted too.</summary>
    public static IReadOnlyDictionary<string, Stage> StageNames { get; } = new Dictionary<string, Stage>(StringComparer.Ordinal)
    {
        ["unconscious_incompetence"] = Stage.UnconsciousIncompetence,
        ["conscious_incompetence"] = Stage.ConsciousIncompetence,
        ["conscious_competence"] = Stage.ConsciousCompetence,
        ["unconscious_competence"] = Stage.UnconsciousCompetence,
        ["0"] = Stage.UnconsciousIncompetence,
        ["1"] = Stage.ConsciousIncompetence,
        ["2"] = Stage.ConsciousCompetence,
        ["3"] = Stage.UnconsciousCompetence,
    };

    /// <summary>The stages an intervention can seed: 1 to 3 (seeding stage 0 would seed nobody).</summary>
    public static IReadOnlyDictionary<string, Stage> SeedStageNames { get; } =
        StageNames.Where(kv => kv.Value != Stage.UnconsciousIncompetence).ToDictionary(StringComparer.Ordinal);

    /// <summary>Competency names, plus <c>all</c>.</summary>
    public static IReadOnlyDictionary<string, CompetencySet> CompetencyNames { get; } =
        Competencies.All.ToDictionary(Competencies.Name, CompetencySet.Of, StringComparer.Ordinal)
            .Append(new KeyValuePair<string, CompetencySet>("all", CompetencySet.All))
            .ToDictionary(StringComparer.Ordinal);

    /// <summary>Organisation generator names.</summary>
    public static IReadOnlyDictionary<string, NetworkKind> Generators { get; } = new Dictionary<string, NetworkKind>(StringComparer.Ordinal)
    {
        ["hierarchy"] = NetworkKind.Hierarchy,
        ["complete"] = NetworkKind.Complete,
        ["ring"] = NetworkKind.Ring,
        ["grid"] = NetworkKind.Grid,
        ["erdos-renyi"] = NetworkKind.ErdosRenyi,
        ["watts-strogatz"] = NetworkKind.WattsStrogatz,
        ["barabasi-albert"] = NetworkKind.BarabasiAlbert,
        ["teams"] = NetworkKind.Teams,
        ["hr-export"] = NetworkKind.HrExport,
        ["edge-list"] = NetworkKind.EdgeList,
    };

    /// <summary>Adoption rule names.</summary>
    public static IReadOnlyDictionary<string, AdoptionRule> AdoptionRules { get; } = new Dictionary<string, AdoptionRule>(StringComparer.Ordinal)
    {
        ["simple-contagion"] = AdoptionRule.SimpleContagion,
        ["fractional-threshold"] = AdoptionRule.FractionalThreshold,
        ["absolute-threshold"] = AdoptionRule.AbsoluteThreshold,
        ["bass"] = AdoptionRule.Bass,
    };

    /// <summary>Threshold distribution names.</summary>
    public static IReadOnlyDictionary<string, ThresholdKind> ThresholdKinds { get; } = new Dictionary<string, ThresholdKind>(StringComparer.Ordinal)
    {
        ["fixed"] = ThresholdKind.Fixed,
        ["uniform"] = ThresholdKind.Uniform,
        ["normal"] = ThresholdKind.Normal,
        ["column"] = ThresholdKind.Column,
    };

    /// <summary>The names of <c>organisation_per_point</c>.</summary>
    public static IReadOnlyDictionary<string, OrganisationPerPoint> OrganisationsPerPoint { get; } = new Dictionary<string, OrganisationPerPoint>(StringComparer.Ordinal)
    {
        ["shared"] = OrganisationPerPoint.Shared,
        ["fresh"] = OrganisationPerPoint.Fresh,
    };

    /// <summary>The file name of <paramref name="strategy"/>.</summary>
    public static string Name(SeedingStrategy strategy) => Strategies.First(kv => kv.Value == strategy).Key;

    /// <summary>The file name of <paramref name="kind"/>.</summary>
    public static string Name(NetworkKind kind) => Generators.First(kv => kv.Value == kind).Key;

    /// <summary>The file name of <paramref name="rule"/>.</summary>
    public static string Name(AdoptionRule rule) => AdoptionRules.First(kv => kv.Value == rule).Key;

    /// <summary>The file name of <paramref name="kind"/>.</summary>
    public static string Name(ThresholdKind kind) => ThresholdKinds.First(kv => kv.Value == kind).Key;
}
