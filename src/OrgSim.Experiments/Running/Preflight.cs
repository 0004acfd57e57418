using OrgSim.Core.Graph;
using OrgSim.Core.Graph.Overlays;
using OrgSim.Core.Seeding;
using OrgSim.Experiments.Organisations;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Running;

/// <summary>The checks a scenario gets before any run: what the parser alone cannot tell.</summary>
public static class Preflight
{
    /// <summary>
    /// Checks what the parser cannot: first that the scenario fits in memory
    /// (<see cref="ScenarioLimits"/>), then, against a generated organisation, that every arm's
    /// budget fits the agents its strategy can choose. Which agents are front line does not depend
    /// on the seed (random networks are flat: everyone is), so replicate 0's organisation answers for all.
    /// </summary>
    public static IReadOnlyList<ScenarioError> Check(LoadedScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Check(scenario, scenario.ErrorAt, null, default);
    }

    /// <summary>
    /// The checks of <see cref="Check(LoadedScenario)"/>, each problem located by <paramref name="errorAt"/>
    /// from its key path; the organisation they generate is left in <paramref name="organisations"/>, if given.
    /// </summary>
    private static IReadOnlyList<ScenarioError> Check(LoadedScenario scenario, Func<string, string, ScenarioError> errorAt, OrganisationCache? organisations, CancellationToken cancellation)
    {
        if (ScenarioLimits.Check(scenario) is { Count: > 0 } tooLarge)
        {
            return tooLarge;
        }

        ScenarioSpec spec = scenario.Spec;
        ulong seed = RunSeeds.Organisation(spec, 0, 0);
        OrgGraph graph = organisations?.BuildAndHold(spec.Organisation, seed, cancellation) ?? OrganisationFactory.Build(spec.Organisation, seed, cancellation);
        var errors = new List<ScenarioError>();
        for (int i = 0; i < spec.Arms.Count; i++)
        {
            for (int w = 0; w < spec.Arms[i].Waves.Count; w++)
            {
                SeedingPlan plan = spec.Arms[i].Waves[w];
                string path = spec.Arms[i].Waves.Count == 1 && !scenario.Locations.ContainsKey($"arms[{i}].seeding[0]") ? $"arms[{i}].seeding" : $"arms[{i}].seeding[{w}]";
                int eligible = SeedSelector.EligibleCount(graph, plan.Strategy);
                if (plan.Strategy == SeedingStrategy.None)
                {
                    continue;
                }

                if (plan.Strategy == SeedingStrategy.Neighbourhood)
                {
                    if (plan.Centre >= graph.NodeCount)
                    {
                        errors.Add(errorAt($"{path}.centre", $"{path}.centre is {plan.Centre}, but the organisation's agents are 0 … {graph.NodeCount - 1}; choose an agent id in that range"));
                    }

                    continue;
                }

                if (plan.Strategy == SeedingStrategy.RandomNeighbourhoods && plan.Budget > eligible)
                {
                    errors.Add(errorAt($"{path}.neighbourhoods", $"{path}.neighbourhoods is {plan.Budget}, but only {eligible} employees can be a centre in this organisation; lower it to at most {eligible}"));
                    continue;
                }

                if (eligible == 0)
                {
                    errors.Add(errorAt(
                        $"{path}.strategy",
                        $"{path}.strategy {ScenarioNames.Name(plan.Strategy)} has no agent to choose from in this organisation ({NobodyBecause(plan.Strategy, spec.Organisation.Overlays)}); {NobodyFix(plan.Strategy, spec.Organisation.Overlays)}"));
                }
                else if (plan.Budget > eligible)
                {
                    errors.Add(errorAt(
                        $"{path}.budget",
                        $"{path}.budget is {plan.Budget}, but strategy {ScenarioNames.Name(plan.Strategy)} can choose from only {eligible} agents in this organisation; lower the budget to at most {eligible}"));
                }
            }
        }

        errors.AddRange(AttributeProblems(spec, graph));
        return errors;
    }

    /// <summary>
    /// Whether the file of per-agent values (thresholds from a column) has a row for every employee
    /// of replicate 0's organisation and no row for anyone else: the loader checked the values, but
    /// the agents are known only once the organisation is built.
    /// </summary>
    private static IEnumerable<ScenarioError> AttributeProblems(ScenarioSpec spec, OrgGraph graph)
    {
        if (!AttributeReader.ColumnUsers(spec).Any() || Import.AgentAttributes.SourceOf(spec.Organisation) is not { } source || source.Path.Length == 0)
        {
            return [];
        }

        try
        {
            // Named as the loader names it: the path as the user would reach it from here.
            string shown = Path.GetRelativePath(Environment.CurrentDirectory, source.Path);
            return Import.AgentAttributes.Read(source.Path, shown, source.IdColumn, []).Match(graph).Select(p => new ScenarioError(p.File, p.Row, 0, p.Message));
        }
        catch (Import.ImportException e)
        {
            return e.Errors.Select(p => new ScenarioError(p.File, p.Row, 0, p.Message));
        }
    }

    /// <summary>
    /// Every point's checks, each problem once: what <c>orgsim run</c> and <c>orgsim validate</c>
    /// report. A problem of a sweep names the first point that has it and how many more do
    /// ("sweep point 2 (organisation.agents=5) and 3 more points: …"), and is placed at the
    /// point's value when the point gives the key.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="organisations">
    /// Where to leave the organisation of the first point's replicate 0 (the first run's, in
    /// canonical order) for <see cref="RunScheduler.Execute"/>; null to keep none.
    /// </param>
    /// <param name="cancellation">Stops the generation of an organisation (see <see cref="OrganisationFactory.Build"/>).</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static IReadOnlyList<ScenarioError> CheckAllPoints(LoadedScenario scenario, OrganisationCache? organisations = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.ParameterPaths.Count == 0)
        {
            return Check(scenario, scenario.ErrorAt, organisations, cancellation);
        }

        var found = new List<(ScenarioError Error, SweepPoint Point)>();
        foreach (SweepPoint point in scenario.PointsOrBase)
        {
            LoadedScenario atPoint = scenario with { Spec = point.Spec };
            found.AddRange(Check(atPoint, (path, message) => ErrorAtPoint(atPoint, point, path, message), point.Index == 0 ? organisations : null, cancellation).Select(e => (e, point)));
        }

        return found.GroupBy(f => f.Error.ToString(), StringComparer.Ordinal).Select(g =>
        {
            int more = g.Count() - 1;
            string also = more == 0 ? string.Empty : $" and {more} more point{(more == 1 ? string.Empty : "s")}";
            ScenarioError first = g.First().Error;
            return first with { Message = $"{g.First().Point.Label}{also}: {first.Message}" };
        }).ToList();
    }

    /// <summary>A point's problem with the key at <paramref name="path"/>: at the point's value if it gives the key (a --set wins, as it does over the point), else as in the base.</summary>
    private static ScenarioError ErrorAtPoint(LoadedScenario scenario, SweepPoint point, string path, string message)
    {
        ScenarioOverride? value = point.Parameters.LastOrDefault(o => !o.IsBaseValue && scenario.Covers(o.Path, path));
        if (value is null || scenario.Sets.Any(set => scenario.Covers(set.Path, path)))
        {
            return scenario.ErrorAt(path, message);
        }

        YamlDotNet.Core.Mark at = value.Value.Start;
        return value.Source == "--set" ? new ScenarioError(scenario.ReadFrom, 0, 0, message)
            : at.Equals(YamlDotNet.Core.Mark.Empty) ? scenario.ErrorAt(path, message)
            : new ScenarioError(scenario.ReadFrom, (int)at.Line, (int)at.Column, message);
    }

    /// <summary>
    /// Why nobody is eligible. Mentoring that is on can still form no pod: in a small or dense
    /// organisation every mentee may already be tied to every possible mentor (pods only make new
    /// ties), so then the overlay is not what is missing.
    /// </summary>
    private static string NobodyBecause(SeedingStrategy strategy, OverlayOptions overlays) => strategy switch
    {
        SeedingStrategy.BottomUpScattered or SeedingStrategy.BottomUpTeams => "no front-line agents, or no team of front-line agents only",
        SeedingStrategy.MiddleOut => "no managers below the executive levels",
        SeedingStrategy.Mentors when overlays.MenteeShare > 0 =>
            "organisation.overlays.mentoring formed no pod: no function has a mentee and a mentor below the executive levels who are not already tied",
        SeedingStrategy.Mentors => "no mentoring pods",
        SeedingStrategy.Coaches => "no coaches",
        _ => "no employees",
    };

    /// <summary>What to change; coaches always exist once the overlays add one, so only their absence needs a fix.</summary>
    private static string NobodyFix(SeedingStrategy strategy, OverlayOptions overlays) => strategy switch
    {
        SeedingStrategy.Mentors when overlays.MenteeShare > 0 => "use more agents below the executive levels or a sparser organisation, or choose another strategy",
        SeedingStrategy.Mentors => "add organisation.overlays.mentoring with a mentee_share above 0, or choose another strategy",
        SeedingStrategy.Coaches => "add organisation.overlays.coaches with a count of at least 1, or a life_coach under mentoring, or choose another strategy",
        _ => "use more agents, fewer organisation.executive_levels, or another strategy",
    };
}
