using System.Globalization;

namespace PodLint.Model;

/// <summary>A value that is an integer or a string (Kubernetes' IntOrString), such as a probe's port.</summary>
/// <param name="IntValue">The integer, when it is one.</param>
/// <param name="StringValue">The string, when it is one.</param>
public readonly record struct IntOrString(int? IntValue, string? StringValue)
{
    /// <summary>Whether the value is an integer.</summary>
    public bool IsInt => IntValue.HasValue;

    /// <inheritdoc />
    public override string ToString() => IntValue?.ToString(CultureInfo.InvariantCulture) ?? StringValue ?? string.Empty;
}

/// <summary>A value of a field whose content the API leaves free (e.g. <c>metadata.managedFields[].fieldsV1</c>): the
/// model records that it is there, not what it holds.</summary>
public readonly record struct Opaque
{
    /// <inheritdoc />
    public override string ToString() => "…";
}
