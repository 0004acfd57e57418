using OrgSim.Experiments.Running;

namespace OrgSim.Experiments.Output;

/// <summary>A run record that failed its check when a folder was claimed to resume, and was removed so the run is done again.</summary>
/// <param name="Run">The run it held.</param>
/// <param name="Problem">What was wrong: "empty", "checksum mismatch", "truncated (…)", …</param>
public sealed record DamagedRecord(RunCoordinates Run, string Problem)
{
    /// <summary>The record's file name and what was wrong with it: "p000000-a001-r000003.run (checksum mismatch)".</summary>
    public override string ToString() => $"{Run.FileName} ({Problem})";
}
