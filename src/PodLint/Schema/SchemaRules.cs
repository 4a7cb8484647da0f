using PodLint.Diagnostics;

namespace PodLint.Schema;

/// <summary>Descriptors of the schema-conformance findings (PL1xxx) reported by <see cref="SchemaValidator"/>.</summary>
public static class SchemaRules
{
    /// <summary>PL1002: a field the Pod schema of the selected Kubernetes version does not have.</summary>
    public static readonly RuleDescriptor UnknownField = new(RuleIds.UnknownField, "unknown-field", RuleCategory.Schema, Severity.Error,
        "A field the Pod schema of the selected Kubernetes version does not have; the API server's strict decoding rejects it");

    /// <summary>PL1003: a field the schema requires is missing.</summary>
    public static readonly RuleDescriptor MissingRequiredField = new(RuleIds.MissingRequiredField, "missing-required-field", RuleCategory.Schema, Severity.Error,
        "A field the Pod schema requires is missing");

    /// <summary>PL1004: a resource quantity that does not parse.</summary>
    public static readonly RuleDescriptor InvalidQuantity = new(RuleIds.InvalidQuantity, "invalid-quantity", RuleCategory.Schema, Severity.Error,
        "A resource quantity does not follow the API server's quantity syntax (`500m`, `1.5`, `128Mi`, `1e3`)");

    /// <summary>All of the above, in id order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [UnknownField, MissingRequiredField, InvalidQuantity];
}
