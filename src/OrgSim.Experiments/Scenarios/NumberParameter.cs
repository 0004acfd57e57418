using System.Globalization;
using System.Text.Json;

namespace OrgSim.Experiments.Scenarios;

/// <summary>A real-valued key with a closed range.</summary>
/// <typeparam name="T">The record the key sets.</typeparam>
public sealed class NumberParameter<T> : ParameterDefinition<T>
    where T : class
{
    private readonly Func<T, double> _get;
    private readonly Func<T, double, T> _set;

    /// <summary>Declares the key.</summary>
    /// <param name="path">The dotted key path from the top of a scenario.</param>
    /// <param name="get">Reads the value from a record.</param>
    /// <param name="set">A copy of the record with the value replaced (a <c>with</c> expression).</param>
    /// <param name="min">The smallest value accepted.</param>
    /// <param name="max">The largest value accepted.</param>
    /// <param name="unit">What one unit of the value is.</param>
    /// <param name="description">What the value does, as the documentation gives it.</param>
    public NumberParameter(string path, Func<T, double> get, Func<T, double, T> set, double min, double max, string unit, string description)
        : base(path, unit, description)
    {
        _get = get;
        _set = set;
        Min = min;
        Max = max;
    }

    /// <summary>The smallest value accepted.</summary>
    public double Min { get; }

    /// <summary>The largest value accepted, unless <see cref="MaxFor"/> says otherwise for the record.</summary>
    public double Max { get; }

    /// <summary>A largest value that depends on the record's other values (the threshold's on the adoption rule).</summary>
    public Func<T, double>? MaxFor { get; init; }

    /// <summary>The range in words, where it depends on other keys.</summary>
    public string? DocumentedRange { get; init; }

    /// <inheritdoc/>
    public override string Type => "number";

    /// <inheritdoc/>
    /// <inheritdoc/>
    /// <remarks>With a maximum that depends on the record (<see cref="MaxFor"/>), the widest: the record's own is checked when it is read.</remarks>
    public override (double Min, double Max)? Numbers => (Min, MaxFor is null ? Max : double.MaxValue);

    public override string Range => DocumentedRange ?? $"{Format(Min)} … {Format(Max)}";

    /// <summary>The value in <paramref name="record"/>.</summary>
    public double Get(T record) => _get(record);

    /// <summary><paramref name="record"/> with the value <paramref name="value"/>, unchecked.</summary>
    public T Set(T record, double value) => _set(record, value);

    /// <summary>The largest value accepted in <paramref name="record"/>.</summary>
    public double MaxOf(T record) => MaxFor?.Invoke(record) ?? Max;

    /// <inheritdoc/>
    public override string Text(T record) => _get(record).ToString(CultureInfo.InvariantCulture);

    internal override T Read(YamlMappingReader reader, string name, T record) => _set(record, reader.Double(name, _get(record), Min, MaxOf(record)));

    internal override void Write(Utf8JsonWriter json, string name, T record) => json.WriteNumber(name, _get(record));
}
