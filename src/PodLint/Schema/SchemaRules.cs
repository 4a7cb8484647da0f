using PodLint.Diagnostics;

namespace PodLint.Schema;

/// <summary>Descriptors of the schema-conformance findings (PL1xxx), reported by <see cref="SchemaValidator"/> alone:
/// the one authority on types, unknown fields, required fields and quantities.</summary>
public static class SchemaRules
{
    internal static readonly MessageTemplate ExpectedType = new("expected-type", "`{path}`: expected {expected}, got {actual}",
        "give the field a value of type {expected}");
    internal static readonly MessageTemplate DoesNotFit = new("out-of-range", "`{path}`: the integer {value} is too {direction} for this field, which holds {bits}-bit integers",
        "the API server cannot decode it; the field takes {range}");
    internal static readonly MessageTemplate NotTimestamp = new("not-a-timestamp", "`{path}`: expected an RFC 3339 timestamp, got {actual}",
        "write a date and time in UTC, `2024-05-01T12:00:00Z`, or with an offset, `2024-05-01T14:00:00+02:00`");

    internal static readonly MessageTemplate Unknown = new("unknown", "unknown field `{field}` {where}",
        "remove the field; the API server rejects unknown fields (strict field validation)");
    internal static readonly MessageTemplate UnknownDidYouMean = new("did-you-mean", "unknown field `{field}` {where}; did you mean `{suggestion}`?", "rename it to `{name}`");
    internal static readonly MessageTemplate Misplaced = new("misplaced", "unknown field `{field}` {where}; it belongs {place}",
        "move the field to where it belongs");
    internal static readonly MessageTemplate OtherVersion = new("other-version", "`{path}` {availability}",
        "choose the Kubernetes version of your cluster with `--kubernetes-version`, or remove the field");

    internal static readonly MessageTemplate Missing = new("missing", "required field `{path}` is missing", "add `{field}:`");
    internal static readonly MessageTemplate MissingNull = new("null", "required field `{path}` is null",
        "give `{field}` a value: in YAML, a key with nothing after it (or `~`, `null`) is null, which Kubernetes reads as not set");
    internal static readonly MessageTemplate MissingSpec = new("missing-spec", "required field `{path}` is missing", "add `{field}:` with the object's specification");

    internal static readonly MessageTemplate NotQuantity = new("not-a-quantity", "`{path}`: {value} is not a quantity",
        "write a number with an optional suffix: `500m`, `0.5`, `128Mi`, `1Gi`, `1e3` (binary suffixes Ki Mi Gi Ti Pi Ei, decimal n u m k M G T P E)");

    /// <summary>PL1001: a value has the wrong type for its field.</summary>
    public static readonly RuleDescriptor InvalidValueType = new(RuleIds.InvalidValueType, "invalid-value-type", RuleCategory.Schema, Severity.Error,
        "A value has the wrong type for its field, so the API server cannot decode the object", messages: [ExpectedType, DoesNotFit, NotTimestamp]);

    /// <summary>PL1002: a field the schema of the selected Kubernetes version does not have.</summary>
    public static readonly RuleDescriptor UnknownField = new(RuleIds.UnknownField, "unknown-field", RuleCategory.Schema, Severity.Error,
        "A field the schema of the selected Kubernetes version does not have; the API server's strict decoding rejects it",
        messages: [Unknown, UnknownDidYouMean, Misplaced, OtherVersion]);

    /// <summary>PL1003: a field the schema requires is missing.</summary>
    public static readonly RuleDescriptor MissingRequiredField = new(RuleIds.MissingRequiredField, "missing-required-field", RuleCategory.Schema, Severity.Error,
        "A field the schema requires is missing", messages: [Missing, MissingNull, MissingSpec]);

    /// <summary>PL1004: a resource quantity that does not parse.</summary>
    public static readonly RuleDescriptor InvalidQuantity = new(RuleIds.InvalidQuantity, "invalid-quantity", RuleCategory.Schema, Severity.Error,
        "A resource quantity does not follow the API server's quantity syntax (`500m`, `1.5`, `128Mi`, `1e3`)", messages: [NotQuantity]);

    /// <summary>All of the above, in id order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [InvalidValueType, UnknownField, MissingRequiredField, InvalidQuantity];
}
