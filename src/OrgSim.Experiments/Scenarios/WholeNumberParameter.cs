using System.Globalization;
using System.Text.Json;

namespace OrgSim.Experiments.Scenarios;

/// <summary>A whole-number key with a closed range.</summary>
/// <typeparam name="T">The record the key sets.</typeparam>
public sealed class WholeNumberParameter<T> : ParameterDefinition<T>
    where T : class
{
    private readonly Func<T, int> _get;
    private readonly Func<T, int, T> _set;

    /// <summary>Declares the key.</summary>
    /// <param name="path">The dotted key path from the top of a scenario.</param>
    /// <param name="get">Reads the value from a record.</param>
    /// <param name="set">A copy of the record with the value replaced (a <c>with</c> expression).</param>
    /// <param name="min">The smallest value accepted.</param>
    /// <param name="max">The largest value accepted.</param>
    /// <param name="unit">What one unit of the value is.</param>
    /// <param name="description">What the value does, as the documentation gives it.</param>
    public WholeNumberParameter(string path, Func<T, int> get, Func<T, int, T> set, int min, int max, string unit, string description)
        : base(path, unit, description)
    {
        _get = get;
        _set = set;
        Min = min;
        Max = max;
    }

    /// <summary>The smallest value accepted.</summary>
    public int Min { get; }

    /// <summary>The largest value accepted.</summary>
    public int Max { get; }

    /// <inheritdoc/>
    public override string Type => "whole number";

    /// <inheritdoc/>
    public override string Range => $"{Format(Min)} … {Format(Max)}";

    /// <inheritdoc/>
    public override (double Min, double Max)? Numbers => (Min, Max);

    /// <inheritdoc/>
    public override bool TakesWholeNumbers => true;

    /// <summary>The value in <paramref name="record"/>.</summary>
    public int Get(T record) => _get(record);

    /// <summary><paramref name="record"/> with the value <paramref name="value"/>, unchecked.</summary>
    public T Set(T record, int value) => _set(record, value);

    /// <inheritdoc/>
    public override string Text(T record) => _get(record).ToString(CultureInfo.InvariantCulture);

    internal override T Read(YamlMappingReader reader, string name, T record) => _set(record, reader.Int(name, _get(record), Min, Max));

    internal override void Write(Utf8JsonWriter json, string name, T record) => json.WriteNumber(name, _get(record));
}
