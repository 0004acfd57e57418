namespace OrgSim.Experiments.Running;

/// <summary>
/// A run that cannot go on for a reason in the scenario that only its own organisation shows —
/// for example a seeding budget larger than the mentors one replicate's pods happen to have.
/// The message is one line that says what to fix; the runs already finished are kept.
/// </summary>
public sealed class RunFailureException(string message) : Exception(message);
