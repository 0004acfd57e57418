namespace OrgSim.Experiments.Scenarios;

/// <summary>A scenario cannot be run; <see cref="Errors"/> lists every problem found, each on its own line.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Wraps <paramref name="errors"/>, of which there is at least one.</summary>
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("a scenario exception needs at least one error", nameof(errors));
        }

        Errors = errors;
    }

    /// <summary>The problems, in file order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }
}
