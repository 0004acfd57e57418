namespace OrgSim.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl-C stops cleanly: finished runs stay saved for a resume and no table is half-written; a second one kills the process.
            e.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        };
        return OrgSimCli.Run(args, Console.Out, Console.Error, cancellation.Token);
    }
}
