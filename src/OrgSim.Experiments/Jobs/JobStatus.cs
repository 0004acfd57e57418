namespace OrgSim.Experiments.Jobs;

/// <summary>How a job ended; the command line turns it into the documented exit code.</summary>
public enum JobStatus
{
    /// <summary>Done as asked.</summary>
    Success,

    /// <summary>The input was wrong (scenario, option value, folder); the errors say what to fix, and nothing was written or replaced.</summary>
    BadInput,

    /// <summary>Stopped by the user; what was finished is kept for a resume.</summary>
    Cancelled,

}
