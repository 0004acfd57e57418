namespace OrgSim.Cli;

/// <summary>The process exit codes, documented in README.md.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The input (scenario file, option value, output folder) is wrong; the message says what to fix.</summary>
    public const int BadInput = 1;

    /// <summary>The command line itself could not be parsed (unknown verb or option).</summary>
    public const int BadUsage = 2;

    /// <summary>An unexpected failure inside orgsim; the message asks for a report.</summary>
    public const int InternalError = 70;

    /// <summary>Cancelled with Ctrl-C or SIGTERM: no table is half-written, and a run's finished runs are kept for a resume.</summary>
    public const int Cancelled = 130;
}
