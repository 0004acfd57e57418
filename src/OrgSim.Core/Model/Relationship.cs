namespace OrgSim.Core.Model;

/// <summary>How strongly and how often an agent interacts with one kind of contact.</summary>
/// <param name="Weight">How much the observer models this contact, in [0, 10]: multiplies the chance that one interaction transmits, and exposure.</param>
/// <param name="InteractionsPerWeek">Interactions per week, in [0, 7]: 1 is weekly, 0.5 fortnightly, 12/52 monthly, 5 daily. Each is an independent chance to transmit.</param>
public sealed record Relationship(double Weight, double InteractionsPerWeek)
{
    /// <summary>The largest weight accepted.</summary>
    public const double MaxWeight = 10;

    /// <summary>The largest interaction frequency accepted: daily.</summary>
    public const double MaxInteractionsPerWeek = 7;

    /// <summary>The weekly exposure one such deploying contact gives: weight × interactions per week.</summary>
    public double Strength => Weight * InteractionsPerWeek;
}
