using OrgSim.Experiments.Output;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Cli.Commands;

/// <summary><c>orgsim init</c>: writes the commented starter scenario, never over an existing file unless asked.</summary>
public static class InitCommand
{
    /// <summary>Executes the command; returns the process exit code.</summary>
    public static int Execute(InitOptions options, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string target = string.IsNullOrWhiteSpace(options.Out) ? InitOptions.DefaultFile : options.Out;
        if (Directory.Exists(target))
        {
            return Fail(stderr, $"orgsim init: {target} is a folder; give a file name, e.g. --out {Path.Combine(target, InitOptions.DefaultFile)}");
        }

        if (File.Exists(target) && !options.Overwrite)
        {
            return Fail(stderr, $"orgsim init: {target} exists and was left as it is; give another --out, or --overwrite to replace it");
        }

        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(target));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            using var files = new AtomicFileSet(options.Overwrite);
            files.Stage(target, w => w.Write(StarterScenario.Text));
            files.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(stderr, $"orgsim init: cannot write {target}: {e.Message}; check the folder's permissions and free space");
        }

        string shown = target.Any(char.IsWhiteSpace) ? $"\"{target}\"" : target;
        stdout.WriteLine($"Wrote {shown}. Run it with: orgsim run {shown}");
        return ExitCodes.Success;
    }

    private static int Fail(TextWriter stderr, string line)
    {
        stderr.WriteLine(line);
        return ExitCodes.BadInput;
    }
}
