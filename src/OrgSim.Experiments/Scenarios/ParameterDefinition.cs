using System.Globalization;

namespace OrgSim.Experiments.Scenarios;

/// <summary>
/// One scenario key, declared once: its path as written in a scenario file, its type, unit,
/// default, range and meaning. The loader reads and range-checks the key from this declaration,
/// <c>run.json</c> writes it, <c>orgsim init</c> writes its default, and a test checks that
/// <c>docs/scenarios.md</c> documents it the same way.
/// </summary>
public abstract class ParameterDefinition
{
    private protected ParameterDefinition(string path, string unit, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        Unit = unit;
        Description = description;
    }

    /// <summary>The dotted key path from the top of a scenario file, e.g. <c>model.practice.base</c>.</summary>
    public string Path { get; }

    /// <summary>What one unit of the value is (e.g. <c>chance per week</c>, <c>weeks</c>); empty for flags and names.</summary>
    public string Unit { get; }

    /// <summary>What the value does, as the documentation's table gives it (Markdown).</summary>
    public string Description { get; }

    /// <summary>The kind of value, as the documentation names it: number, whole number, true/false or text.</summary>
    public abstract string Type { get; }

    /// <summary>The default, as written in a scenario file (or, where it depends on other keys, in words).</summary>
    public abstract string DefaultText { get; }

    /// <summary>The accepted values: <c>min … max</c>, the names of a choice, or empty for a flag.</summary>
    public abstract string Range { get; }

    /// <summary>The numbers the key takes, [min, max]; null for a key that takes no number (a choice, a flag, a text).</summary>
    public virtual (double Min, double Max)? Numbers => null;

    /// <summary>Whether the key takes whole numbers only.</summary>
    public virtual bool TakesWholeNumbers => false;

    /// <summary>A number as the documentation and error messages write it: invariant, with thousands separators.</summary>
    private protected static string Format(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
