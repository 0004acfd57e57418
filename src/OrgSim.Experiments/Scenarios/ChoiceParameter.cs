using System.Text.Json;

namespace OrgSim.Experiments.Scenarios;

/// <summary>A key whose value is one of a few names, each standing for a <typeparamref name="TValue"/>.</summary>
/// <typeparam name="T">The record the key sets.</typeparam>
/// <typeparam name="TValue">The value the names stand for.</typeparam>
/// <param name="path">The dotted key path from the top of a scenario.</param>
/// <param name="get">Reads the value from a record.</param>
/// <param name="set">A copy of the record with the value replaced (a <c>with</c> expression).</param>
/// <param name="choices">The names, in the order the documentation lists them, each with its value.</param>
/// <param name="description">What the value does, as the documentation gives it.</param>
public sealed class ChoiceParameter<T, TValue>(string path, Func<T, TValue> get, Func<T, TValue, T> set, IReadOnlyDictionary<string, TValue> choices, string description)
    : ParameterDefinition<T>(path, string.Empty, description)
    where T : class
    where TValue : notnull
{
    /// <inheritdoc/>
    public override string Type => "text";

    /// <inheritdoc/>
    public override string Range => string.Join(", ", choices.Keys.Select(k => $"`{k}`"));

    /// <summary>The value in <paramref name="record"/>.</summary>
    public TValue Get(T record) => get(record);

    /// <inheritdoc/>
    public override string Text(T record)
    {
        TValue value = get(record);
        return choices.First(c => EqualityComparer<TValue>.Default.Equals(c.Value, value)).Key;
    }

    internal override T Read(YamlMappingReader reader, string name, T record) => set(record, reader.Choice(name, get(record), choices));

    internal override void Write(Utf8JsonWriter json, string name, T record) => json.WriteString(name, Text(record));
}
