using System.Text.Json;

namespace OrgSim.Experiments.Scenarios;

/// <summary>A <see cref="ParameterDefinition"/> of a record <typeparamref name="T"/>: how the value is read from and written into it.</summary>
/// <typeparam name="T">The record the key sets: <see cref="OrgSim.Core.Model.ModelParameters"/>, <see cref="MetricsSpec"/> or <see cref="ScenarioSpec"/>.</typeparam>
public abstract class ParameterDefinition<T> : ParameterDefinition
    where T : class
{
    private protected ParameterDefinition(string path, string unit, string description)
        : base(path, unit, description)
    {
    }

    /// <summary>
    /// Whether the key means anything for <paramref name="record"/> (e.g. <c>threshold.low</c> only for a
    /// uniform distribution). A key that does not apply is neither read nor written, so giving it is an error.
    /// </summary>
    public Func<T, bool>? AppliesWhen { get; init; }

    /// <summary>
    /// Whether <c>run.json</c> writes the key for <paramref name="record"/> when it applies; null (always)
    /// by default. A key added later and left at its default is left out, so that the settings hash of
    /// a results folder made before it existed stays the same and the folder still resumes and merges.
    /// </summary>
    public Func<T, bool>? WrittenWhen { get; init; }

    /// <summary>The default in words, for a key whose default depends on other keys; otherwise it is read from the defaults.</summary>
    public string? DocumentedDefault { get; init; }

    /// <summary>
    /// The record whose value of this key is the documented default, made from the section's defaults
    /// (e.g. the defaults with a uniform threshold, for <c>threshold.low</c>); the defaults themselves when null.
    /// </summary>
    public Func<T, T>? DefaultsWhenApplied { get; init; }

    /// <inheritdoc/>
    public override string DefaultText => DocumentedDefault ?? Text((DefaultsWhenApplied ?? (d => d))(Defaults));

    /// <summary>The record with every default, set by the section that holds this key.</summary>
    internal T Defaults { get; set; } = null!;

    /// <summary>Whether the key applies to <paramref name="record"/>; see <see cref="AppliesWhen"/>.</summary>
    public bool AppliesTo(T record) => AppliesWhen?.Invoke(record) ?? true;

    /// <summary>The value in <paramref name="record"/> as a scenario file writes it, e.g. <c>0.05</c>, <c>true</c>, <c>bass</c>.</summary>
    public abstract string Text(T record);

    /// <summary>
    /// <paramref name="record"/> with the value read from <paramref name="name"/> in <paramref name="reader"/>;
    /// when the key is absent, or its value wrong (an error is recorded), the record is returned unchanged.
    /// </summary>
    internal abstract T Read(YamlMappingReader reader, string name, T record);

    /// <summary>Writes the value as the JSON property <paramref name="name"/>.</summary>
    internal abstract void Write(Utf8JsonWriter json, string name, T record);
}
