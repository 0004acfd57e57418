namespace OrgSim.Experiments.Import;

/// <summary>
/// The column names of an HR export, matched exactly or else ignoring case. The employee id and
/// manager id columns are required.
/// </summary>
/// <remarks>
/// An optional column left at its default name is read when the file has it and ignored when it
/// does not. One given another name must be in the file: the user named it, so its absence is a
/// mistake. One set to null is not read even if the file has it.
/// </remarks>
public sealed record HrColumns
{
    /// <summary>The default name of the employee id column.</summary>
    public const string DefaultId = "employee_id";

    /// <summary>The default name of the manager id column.</summary>
    public const string DefaultManager = "manager_id";

    /// <summary>The default name of the team column.</summary>
    public const string DefaultTeam = "team";

    /// <summary>The default name of the function (department) column.</summary>
    public const string DefaultFunction = "function";

    /// <summary>The default name of the site column.</summary>
    public const string DefaultSite = "site";

    /// <summary>The default name of the role column.</summary>
    public const string DefaultRole = "role";

    /// <summary>The default name of the remote flag column.</summary>
    public const string DefaultRemote = "remote";

    /// <summary>The employee's id, unique in the file. Required. Default <c>employee_id</c>.</summary>
    public string Id { get; init; } = DefaultId;

    /// <summary>The id of the employee's manager; blank for the top of the organisation. Required. Default <c>manager_id</c>.</summary>
    public string Manager { get; init; } = DefaultManager;

    /// <summary>The team name; null = not read. Default <c>team</c>.</summary>
    public string? Team { get; init; } = DefaultTeam;

    /// <summary>The function (department) name; null = not read. Default <c>function</c>.</summary>
    public string? Function { get; init; } = DefaultFunction;

    /// <summary>The site name; null = not read. Default <c>site</c>.</summary>
    public string? Site { get; init; } = DefaultSite;

    /// <summary>The role: <c>executive</c>, <c>manager</c> or <c>front_line</c>, or blank to derive it; null = not read. Default <c>role</c>.</summary>
    public string? Role { get; init; } = DefaultRole;

    /// <summary>Whether the employee works remotely: true/false, yes/no, y/n, 1/0; null = not read. Default <c>remote</c>.</summary>
    public string? Remote { get; init; } = DefaultRemote;

    /// <summary>Every column in file-reading order with its default name and whether it is required.</summary>
    internal IEnumerable<(string Key, string? Name, string Default, bool Required)> All =>
    [
        ("id", Id, DefaultId, true),
        ("manager", Manager, DefaultManager, true),
        ("team", Team, DefaultTeam, false),
        ("function", Function, DefaultFunction, false),
        ("site", Site, DefaultSite, false),
        ("role", Role, DefaultRole, false),
        ("remote", Remote, DefaultRemote, false),
    ];

    /// <summary>Throws <see cref="ArgumentException"/> when a name is blank or two columns share a name.</summary>
    public void Validate()
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string key, string? name, _, bool required) in All)
        {
            if (name is null && !required)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"the {key} column name should not be blank", key);
            }

            if (!seen.TryAdd(name.Trim(), key))
            {
                throw new ArgumentException($"the {key} and {seen[name.Trim()]} columns should not have the same name \"{name}\"", key);
            }
        }
    }
}
