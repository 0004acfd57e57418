using System.Text.RegularExpressions;

namespace OrgSim.Experiments.Jobs;

/// <summary>
/// A path or name as one word of a command the user can paste into a POSIX shell or PowerShell:
/// as it is when it is plain, "./-x" for a relative path that would read as an option, and in
/// double quotes otherwise (a space, a quote, a $). Hints like 'orgsim plot DIR' use it, so the
/// command they print runs as printed.
/// </summary>
public static partial class ShellWord
{
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && Plain().IsMatch(word))
        {
            return word[0] == '-' ? "./" + word : word;
        }

        // Inside double quotes a POSIX shell still expands $, ` and \, and ends at "; escape those.
        return "\"" + Special().Replace(word, @"\$0") + "\"";
    }

    [GeneratedRegex(@"^[A-Za-z0-9_./:@%+=,\-\\]+$")]
    private static partial Regex Plain();

    [GeneratedRegex("[\"$`]")]
    private static partial Regex Special();
}
