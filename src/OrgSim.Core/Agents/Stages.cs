namespace OrgSim.Core.Agents;

/// <summary>Constants and names for <see cref="Stage"/>.</summary>
public static class Stages
{
    /// <summary>The number of stages: 4.</summary>
    public const int Count = 4;

    /// <summary>The lowest stage at which an agent deploys a competency and counts as competent.</summary>
    public const Stage Competent = Stage.ConsciousCompetence;

    /// <summary>All stages in order.</summary>
    public static IReadOnlyList<Stage> All { get; } =
        [Stage.UnconsciousIncompetence, Stage.ConsciousIncompetence, Stage.ConsciousCompetence, Stage.UnconsciousCompetence];

    /// <summary>The snake-case name used in scenario files and CSV headers.</summary>
    public static string Name(Stage stage) => stage switch
    {
        Stage.UnconsciousIncompetence => "unconscious_incompetence",
        Stage.ConsciousIncompetence => "conscious_incompetence",
        Stage.ConsciousCompetence => "conscious_competence",
        Stage.UnconsciousCompetence => "unconscious_competence",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "should be 0..3"),
    };
}
