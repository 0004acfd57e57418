using System.Text.Json;

namespace OrgSim.Experiments.Scenarios;

/// <summary>A key whose value is a free name, such as a column of a data file.</summary>
/// <typeparam name="T">The record the key sets.</typeparam>
/// <param name="path">The dotted key path from the top of a scenario.</param>
/// <param name="get">Reads the value from a record.</param>
/// <param name="set">A copy of the record with the value replaced (a <c>with</c> expression).</param>
/// <param name="description">What the value does, as the documentation gives it.</param>
public sealed class TextParameter<T>(string path, Func<T, string> get, Func<T, string, T> set, string description)
    : ParameterDefinition<T>(path, string.Empty, description)
    where T : class
{
    /// <inheritdoc/>
    public override string Type => "text";

    /// <inheritdoc/>
    public override string Range => string.Empty;

    /// <summary>The value in <paramref name="record"/>.</summary>
    public string Get(T record) => get(record);

    /// <inheritdoc/>
    public override string Text(T record) => get(record);

    internal override T Read(YamlMappingReader reader, string name, T record) => set(record, reader.String(name, get(record)));

    internal override void Write(Utf8JsonWriter json, string name, T record) => json.WriteString(name, get(record));
}
