namespace OrgSim.Experiments.Scenarios;

/// <summary>One problem found in a scenario file: where it is and what to do about it.</summary>
/// <param name="File">The scenario file as the user named it.</param>
/// <param name="Line">1-based line, or 0 when the problem has no place in the file (e.g. it is missing).</param>
/// <param name="Column">1-based column, or 0.</param>
/// <param name="Message">What is wrong and how to fix it, in one sentence.</param>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    /// <summary>The compiler-style one-line form: <c>file:line:column: message</c>.</summary>
    public override string ToString() => Line <= 0 ? $"{File}: {Message}" : Column > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}: {Message}";
}
