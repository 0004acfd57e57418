namespace OrgSim.Experiments.Output;

/// <summary>How a value read from a file is quoted in a message.</summary>
internal static class MessageText
{
    /// <summary>
    /// <paramref name="field"/> as a message can show it: at most 40 characters and an ellipsis (a
    /// broken quote can make one field of the rest of a file), no control character reaching the terminal.
    /// </summary>
    public static string Shown(string field)
    {
        string text = field.Length <= 40 ? field : string.Concat(field.AsSpan(0, 40), "…");
        return new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
    }
}
