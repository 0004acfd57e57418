using System.Text.RegularExpressions;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// The commented starter scenario <c>orgsim init</c> writes: top-down versus bottom-up training at
/// equal budget, with the most useful keys written out at their default values, so that a
/// consultant can read it, run it as it is, and change one thing at a time.
/// </summary>
public static partial class StarterScenario
{
    /// <summary>Where the starter's comments start, so that they line up.</summary>
    private const int CommentColumn = 34;

    /// <summary>The text, with each <c>{key.path}</c> standing for that key's default from <see cref="ParameterCatalogue"/>.</summary>
    internal static string Template { get; } = """
        # The question: does a new way of working spread faster, further and more durably when it
        # starts top-down (the executives are trained) or bottom-up (whole front-line teams are
        # trained), at the same budget of 50 people?
        #
        # How to read the answer: 'orgsim run' prints one line per arm with the share of people x
        # competencies that are competent (stage 2 or 3) at the end, and the weeks until 50% and
        # 90% got there, each with a 95% confidence interval over the replicates. Where the
        # intervals of two arms do not overlap, the difference is unlikely to be chance. The results
        # folder holds the same numbers (summary.csv) and the curves week by week (timeseries.csv).
        #
        # Change one thing at a time and run again. The organisation and model below are the
        # defaults; every key, its default and its range are in docs/scenarios.md. Check an edit
        # with 'orgsim validate FILE' before running it.
        # The results folder is named after this file; add 'name: my-study' to choose another.

        description: Top-down versus bottom-up training of the four micro competencies at equal budget.
        title: Train the leaders or train whole teams? # the heading of the report
        question: >-                      # the question the report opens with, in plain words
          We can train 50 of our 1,000 people in the new way of working. Does it spread faster,
          further and for longer if we train the executive team, or whole front-line teams?
        seed: 1                           # the same seed gives the same results; change it to see the spread
        horizon_weeks: {horizon_weeks} # two years, one step a week
        replicates: {replicates} # independent runs of each arm, for the confidence intervals

        organisation:
          generator: hierarchy            # a generated org chart; 'hr-export' reads your own (docs/import.md)
          agents: 1000                    # employees
          span: 8                         # direct reports per manager
          cross_team_ties_per_agent: 2    # informal ties into other teams, on average
          executive_levels: 2             # the chief and their direct reports are the executives

        model:                            # how people learn from each other (docs/model.md)
          transmission: {model.transmission} # chance that one interaction with someone using it makes you aware of it
          deploy_probability:
            conscious_competence: {model.deploy_probability.conscious_competence} # stage 2 (practising) uses it in half of the weeks
            unconscious_competence: {model.deploy_probability.unconscious_competence} # stage 3 (habit) nearly always
          practice:
            base: {model.practice.base} # weekly chance of a successful repetition on your own
            from_exposure: {model.practice.from_exposure} # added per interaction seen with someone using it (a teammate, daily: +0.5)
            repetitions_to_practised: {model.practice.repetitions_to_practised} # repetitions from stage 1 (aware) to stage 2 (practising)
            repetitions_to_habit: {model.practice.repetitions_to_habit} # repetitions from stage 2 to stage 3 (habit)
            support_boost: {model.practice.support_boost} # a competent manager or mentor makes practice 50% more likely
            feedforward_boost: {model.practice.feedforward_boost} # competent advisers (feedforward) around you speed practice up
            give_up_rate: {model.practice.give_up_rate} # weekly chance of giving up, in a week with no repetition and no example
          forgetting:
            grace_weeks: {model.forgetting.grace_weeks} # forgetting can start in the 4th week without practice
            rate: {model.forgetting.rate} # then, weekly chance of dropping a stage
            relapse_rate: {model.forgetting.relapse_rate} # stage 2 slips back when the people around you don't do it
            habit_erosion_rate: {model.forgetting.habit_erosion_rate} # even habits fade where nobody around keeps them up
          pacing_interval_weeks: {model.pacing_interval_weeks} # people competent in pacing make their teams follow up every quarter

        metrics:
          retention_weeks: {metrics.retention_weeks} # retention is measured one year after the training

        arms:                             # the interventions to compare, at the same budget
          - name: top-down
            seeding:
              strategy: top-down          # the 50 most senior people
              budget: 50
              competencies: all           # or a list, e.g. [decisiveness, pacing]
              stage: conscious_competence # the trained start at stage 2 (practising)
          - name: bottom-up-teams
            seeding:
              strategy: bottom-up-teams   # whole front-line teams, until 50 people
              budget: 50
              competencies: all
              stage: conscious_competence

        """.ReplaceLineEndings("\n");

    /// <summary>The scenario's YAML text, with LF line endings and a final newline.</summary>
    public static string Text { get; } = Fill(Template);

    /// <summary>Replaces each placeholder by the key's default, and lines the comment of its line up again.</summary>
    internal static string Fill(string template) => string.Join('\n', template.Split('\n').Select(line =>
    {
        string filled = Placeholder().Replace(line, m => ParameterCatalogue.Find(m.Groups[1].Value)?.DefaultText
            ?? throw new InvalidOperationException($"the starter scenario names {m.Groups[1].Value}, which is not in the parameter catalogue"));
        int comment = filled.IndexOf(" #", StringComparison.Ordinal);
        return filled == line || comment < 0 ? filled : filled[..comment].PadRight(CommentColumn - 1) + filled[comment..];
    }));

    [GeneratedRegex(@"\{([a-z_.]+)\}")]
    private static partial Regex Placeholder();
}
