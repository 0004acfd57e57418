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
        // Schedulers (Slurm, Kubernetes) stop a job with SIGTERM first: treat it as a Ctrl-C, so the
        // claim on the output folder is released and the finished runs stay saved for a resume.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        // Installed as a .NET tool, the user types 'orgsim'; in a clone, 'dotnet run --project src/OrgSim.Cli -c Release --'.
        return OrgSimCli.Run(args, Console.Out, Console.Error, OrgSim.Experiments.Jobs.CommandPrefix.Detect(AppContext.BaseDirectory), cancellation.Token);
    }
}
