using OrgSim.Core.Agents;

namespace OrgSim.Core.Metrics;

/// <summary>
/// A stretch of ticks during which an agent held one stage of one competency: from
/// <paramref name="FromTick"/> (inclusive) to <paramref name="ToTick"/> (exclusive), or, when
/// <paramref name="ToTick"/> is null, to the last recorded tick and beyond.
/// </summary>
/// <param name="FromTick">The first tick at this stage.</param>
/// <param name="ToTick">The first tick at another stage, or null if the stage held to the end of the record.</param>
/// <param name="Stage">The stage held.</param>
public readonly record struct StageSpell(int FromTick, int? ToTick, Stage Stage);
