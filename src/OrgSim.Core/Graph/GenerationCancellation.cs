using System.Runtime.CompilerServices;

namespace OrgSim.Core.Graph;

/// <summary>
/// How the organisation generators look at their cancellation token: once every
/// <see cref="Interval"/> iterations of a long loop (agents, ties, draws), a counter and a mask, so
/// the check costs nothing measurable and never touches a random draw. At 10^7 agents a generator
/// runs for seconds to a minute, and Slurm and Kubernetes kill 30 s after SIGTERM.
/// </summary>
internal static class GenerationCancellation
{
    /// <summary>Iterations between two looks at the token.</summary>
    public const int Interval = 1 << 14;

    private const long Mask = Interval - 1;

    /// <summary>Throws if <paramref name="cancellation"/> is cancelled and <paramref name="iteration"/> is a multiple of <see cref="Interval"/> (0 included, so a cancelled token stops a loop at once).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(long iteration, CancellationToken cancellation)
    {
        if ((iteration & Mask) == 0)
        {
            cancellation.ThrowIfCancellationRequested();
        }
    }
}
