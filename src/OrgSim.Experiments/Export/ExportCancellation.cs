namespace OrgSim.Experiments.Export;

/// <summary>
/// How the export writers observe a cancellation: once before the first line, then every
/// <see cref="Every"/> agents or ties, so Ctrl-C or SIGTERM stops even a complete network of
/// 46,341 agents within a few milliseconds, at a cost too small to measure.
/// </summary>
internal static class ExportCancellation
{
    /// <summary>Agents or ties written between two looks at the token: 4,096.</summary>
    internal const int Every = 4096;

    /// <summary>Counts one more agent or tie written; every <see cref="Every"/>th, throws if <paramref name="cancellation"/> was cancelled.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    internal static void Tick(ref int written, CancellationToken cancellation)
    {
        if ((++written & (Every - 1)) == 0)
        {
            cancellation.ThrowIfCancellationRequested();
        }
    }
}
