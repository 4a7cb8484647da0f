namespace PodLint.Diagnostics;

/// <summary>
/// Descriptors of the findings the loader and the typed-model binder report themselves (input, parsing and
/// value types); they are configured like every other rule.
/// </summary>
public static class InputRules
{
    /// <summary>PL0001: the document is not valid YAML.</summary>
    public static readonly RuleDescriptor InvalidYaml = new(RuleIds.InvalidYaml, "invalid-yaml", RuleCategory.Input, Severity.Error,
        "The document is not valid YAML");

    /// <summary>PL0002: a mapping declares the same key twice.</summary>
    public static readonly RuleDescriptor DuplicateKey = new(RuleIds.DuplicateKey, "duplicate-key", RuleCategory.Input, Severity.Error,
        "A mapping declares the same key twice; the API server rejects it");

    /// <summary>PL0003: a document holds no content.</summary>
    public static readonly RuleDescriptor EmptyDocument = new(RuleIds.EmptyDocument, "empty-document", RuleCategory.Input, Severity.Info,
        "A document of the stream, or the whole file, holds no content");

    /// <summary>PL0004: a document is not a mapping.</summary>
    public static readonly RuleDescriptor DocumentNotMapping = new(RuleIds.DocumentNotMapping, "document-not-mapping", RuleCategory.Input, Severity.Error,
        "A document is a scalar or a sequence, so it cannot be a Kubernetes object");

    /// <summary>PL0005: the object has no apiVersion.</summary>
    public static readonly RuleDescriptor MissingApiVersion = new(RuleIds.MissingApiVersion, "missing-api-version", RuleCategory.Input, Severity.Error,
        "The object has no `apiVersion`");

    /// <summary>PL0006: the object has no kind.</summary>
    public static readonly RuleDescriptor MissingKind = new(RuleIds.MissingKind, "missing-kind", RuleCategory.Input, Severity.Error,
        "The object has no `kind`");

    /// <summary>PL0007: the object is not a Pod and was skipped.</summary>
    public static readonly RuleDescriptor UnsupportedKind = new(RuleIds.UnsupportedKind, "unsupported-kind", RuleCategory.Input, Severity.Info,
        "The object is not a Pod; PodLint skips it");

    /// <summary>PL0008: a Pod whose apiVersion is not v1.</summary>
    public static readonly RuleDescriptor UnsupportedApiVersion = new(RuleIds.UnsupportedApiVersion, "unsupported-api-version", RuleCategory.Input, Severity.Error,
        "A Pod's `apiVersion` is not `v1`, the only version the API server serves Pods in");

    /// <summary>PL0009: the file is binary.</summary>
    public static readonly RuleDescriptor BinaryFile = new(RuleIds.BinaryFile, "binary-file", RuleCategory.Input, Severity.Error,
        "The file is binary, not a YAML or JSON manifest");

    /// <summary>PL0010: the file is not valid UTF-8.</summary>
    public static readonly RuleDescriptor InvalidEncoding = new(RuleIds.InvalidEncoding, "invalid-encoding", RuleCategory.Input, Severity.Error,
        "The file is not valid UTF-8");

    /// <summary>PL0011: a path that does not exist or cannot be read.</summary>
    public static readonly RuleDescriptor UnreadableFile = new(RuleIds.UnreadableFile, "unreadable-file", RuleCategory.Input, Severity.Error,
        "A path does not exist or cannot be read");

    /// <summary>PL0012: aliases would expand into too many nodes.</summary>
    public static readonly RuleDescriptor AliasExpansionLimit = new(RuleIds.AliasExpansionLimit, "alias-expansion-limit", RuleCategory.Input, Severity.Error,
        "YAML aliases would expand into more nodes than any Pod needs (an alias bomb)");

    /// <summary>PL0013: the document is nested too deeply.</summary>
    public static readonly RuleDescriptor NestingDepthLimit = new(RuleIds.NestingDepthLimit, "nesting-depth-limit", RuleCategory.Input, Severity.Error,
        "The document is nested deeper than any Pod can be");

    /// <summary>PL0014: a rule failed; a bug in PodLint or in a custom rule.</summary>
    public static readonly RuleDescriptor InternalError = new(RuleIds.InternalError, "internal-error", RuleCategory.Input, Severity.Error,
        "A rule failed while checking a document (a bug in PodLint or in a custom rule)");

    /// <summary>PL1001: a value has the wrong type for its field.</summary>
    public static readonly RuleDescriptor InvalidValueType = new(RuleIds.InvalidValueType, "invalid-value-type", RuleCategory.Schema, Severity.Error,
        "A value has the wrong type for its field, so the API server cannot decode the Pod");

    /// <summary>All of the above, in id order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        InvalidYaml, DuplicateKey, EmptyDocument, DocumentNotMapping, MissingApiVersion, MissingKind, UnsupportedKind,
        UnsupportedApiVersion, BinaryFile, InvalidEncoding, UnreadableFile, AliasExpansionLimit, NestingDepthLimit,
        InternalError, InvalidValueType,
    ];
}
