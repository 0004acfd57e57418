namespace OrgSim.Cli.Tests;

/// <summary>Bounds for waits on other threads.</summary>
internal static class TestWaits
{
    /// <summary>
    /// How long a test waits for something another thread is sure to do before it calls it a hang.
    /// Only a broken test ever waits this long; no test measures time with it.
    /// </summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);
}
