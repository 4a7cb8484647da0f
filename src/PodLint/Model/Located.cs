using PodLint.Diagnostics;
using PodLint.Parsing;

namespace PodLint.Model;

/// <summary>A typed value together with the node it was written as and its field path.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="Node">The node it was read from (an alias node when written as an alias).</param>
/// <param name="Path">Its field path, e.g. <c>spec.containers[1].ports[0].containerPort</c>.</param>
public readonly record struct Located<T>(T Value, YamlNode Node, FieldPath Path)
{
    /// <summary>Where the value was written.</summary>
    public SourceSpan Span => Node.Span;

    /// <inheritdoc />
    public override string ToString() => $"{Value}";
}

/// <summary>A value that is an integer or a string (Kubernetes' IntOrString), such as a probe's port.</summary>
/// <param name="IntValue">The integer, when it is one.</param>
/// <param name="StringValue">The string, when it is one.</param>
public readonly record struct IntOrString(long? IntValue, string? StringValue)
{
    /// <summary>Whether the value is an integer.</summary>
    public bool IsInt => IntValue.HasValue;

    /// <inheritdoc />
    public override string ToString() => IntValue?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? StringValue ?? string.Empty;
}

/// <summary>One entry of a string map (labels, annotations, resource lists, node selectors).</summary>
/// <param name="Key">The key, positioned.</param>
/// <param name="Value">The value, positioned; null when the value was null or of a wrong type.</param>
public sealed record MapEntry(Located<string> Key, Located<string>? Value);

/// <summary>The base of every typed model object: the mapping it was read from and its field path.</summary>
public abstract class ModelObject
{
    /// <summary>The mapping node the object was read from (an alias node when written as an alias).</summary>
    public required YamlNode Node { get; init; }

    /// <summary>The object's field path, e.g. <c>spec.containers[1]</c>.</summary>
    public required FieldPath Path { get; init; }

    /// <summary>Where the object was written.</summary>
    public SourceSpan Span => Node.Span;

    /// <summary>The mapping the object was read from.</summary>
    public MappingNode Mapping => (MappingNode)Node.Resolve();

    /// <summary>The span of a field's key, for findings about a field that has the wrong value or is missing
    /// one; falls back to the object's own span.</summary>
    public SourceSpan KeySpan(string field) => Mapping.Find(field)?.Key.Span ?? Span;
}
