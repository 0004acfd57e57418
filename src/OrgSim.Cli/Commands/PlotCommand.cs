namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim plot DIR</c>: redraws the charts and the report from existing CSV files.</summary>
public static class PlotCommand
{
    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(PlotOptions options, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!Directory.Exists(options.Folder))
        {
            stderr.WriteLine($"orgsim plot: {options.Folder} is not a folder; name the --out folder of an orgsim run");
            return ExitCodes.BadInput;
        }

        try
        {
            var (charts, error) = ReportFiles.Write(options.Folder, options.Png, stderr);
            if (error is not null)
            {
                stderr.WriteLine("orgsim plot: " + error);
                return ExitCodes.BadInput;
            }

            stdout.WriteLine($"Drew {charts} SVG files and report.html in {options.Folder}{Path.DirectorySeparatorChar}");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"orgsim plot: cannot write into {options.Folder}: {e.Message}; check its permissions and free space");
            return ExitCodes.BadInput;
        }
    }
}
