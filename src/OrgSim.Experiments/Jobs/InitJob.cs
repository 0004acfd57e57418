using OrgSim.Experiments.Output;
using OrgSim.Experiments.Scenarios;

namespace OrgSim.Experiments.Jobs;

/// <summary><c>orgsim init</c>: writes the commented starter scenario, never over an existing file unless asked.</summary>
public static class InitJob
{
    /// <summary>The file written when none is named.</summary>
    public const string DefaultFile = "scenario.yaml";

    /// <summary>
    /// Writes the starter scenario to <paramref name="target"/> (or <see cref="DefaultFile"/>);
    /// the hint names the run command as the user can type it (<paramref name="command"/>).
    /// </summary>
    public static JobOutcome Execute(string? target, bool overwrite, CommandPrefix command)
    {
        ArgumentNullException.ThrowIfNull(command);
        string file = string.IsNullOrWhiteSpace(target) ? DefaultFile : target;
        if (Directory.Exists(file))
        {
            return JobOutcome.Bad($"orgsim init: {file} is a folder; give a file name, e.g. --out {ShellWord.Quote(Path.Combine(file, DefaultFile))}");
        }

        if (File.Exists(file) && !overwrite)
        {
            return JobOutcome.Bad($"orgsim init: {file} exists and was left as it is; give another --out, or --overwrite to replace it");
        }

        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            using var files = new AtomicFileSet(overwrite);
            files.Stage(file, w => w.Write(StarterScenario.Text));
            files.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return JobOutcome.Bad($"orgsim init: cannot write {file}: {e.Message}; check the folder's permissions and free space");
        }

        // 'dotnet run --project' works from the repository's folder only, so it names the file by its full path.
        return command.FromRepository
            ? JobOutcome.Done($"Wrote {Quoted(file)}. Run it from the repository's folder with: {command.Command("run " + Quoted(Path.GetFullPath(file)))}")
            : JobOutcome.Done($"Wrote {Quoted(file)}. Run it with: {command.Command("run " + Quoted(file))}");
    }

    /// <summary>The path as a shell reads it: single-quoted when it holds anything but letters, digits and <c>/._-</c>.</summary>
    private static string Quoted(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '\\' or ':') ? path : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
