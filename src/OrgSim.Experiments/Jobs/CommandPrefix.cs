namespace OrgSim.Experiments.Jobs;

/// <summary>
/// The words a user types before a verb to start orgsim: <c>orgsim</c> where it is installed as a
/// .NET tool, <c>dotnet run --project src/OrgSim.Cli -c Release --</c> in a clone without it.
/// Messages write a command to type in single quotes, as <c>'orgsim run …'</c>;
/// <see cref="Rewrite"/> turns them into what this user can type.
/// </summary>
/// <param name="Text">The words before the verb.</param>
/// <param name="FromRepository">Whether the command works only from the repository's folder.</param>
public sealed record CommandPrefix(string Text, bool FromRepository)
{
    /// <summary>The file the .NET SDK puts beside a tool's assembly in its package, and nowhere in a build's output.</summary>
    public const string ToolSettingsFile = "DotnetToolSettings.xml";

    /// <summary>orgsim installed as a .NET tool: the name the docs use.</summary>
    public static readonly CommandPrefix Tool = new("orgsim", false);

    /// <summary>orgsim run from a clone of the repository.</summary>
    public static readonly CommandPrefix Repository = new("dotnet run --project src/OrgSim.Cli -c Release --", true);

    /// <summary>How the process started from <paramref name="appBaseDirectory"/> (its assembly's folder) was invoked.</summary>
    public static CommandPrefix Detect(string appBaseDirectory) =>
        File.Exists(Path.Combine(appBaseDirectory, ToolSettingsFile)) ? Tool : Repository;

    /// <summary>The command <c>PREFIX verbAndArguments</c>.</summary>
    public string Command(string verbAndArguments) => $"{Text} {verbAndArguments}";

    /// <summary><paramref name="message"/> with every quoted command, <c>'orgsim …</c>, starting with this prefix.</summary>
    public string Rewrite(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ReferenceEquals(this, Tool) || Text == Tool.Text
            ? message
            : message.Replace("'" + Tool.Text + " ", "'" + Text + " ", StringComparison.Ordinal);
    }
}
