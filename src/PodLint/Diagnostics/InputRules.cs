namespace PodLint.Diagnostics;

/// <summary>
/// Descriptors of the findings about the input itself (PL0xxx): files, encodings, YAML, and documents that are not
/// objects PodLint can check. They are configured like every other rule.
/// </summary>
public static class InputRules
{
    internal static readonly MessageTemplate YamlSyntax = new("syntax", "invalid YAML: {reason}",
        "fix the syntax at this position; other documents of the stream are still checked");
    internal static readonly MessageTemplate UndefinedAlias = new("undefined-alias", "invalid YAML: alias `*{anchor}` refers to no anchor `&{anchor}` defined before it",
        "define `&{anchor}` on an earlier node, or remove the alias");
    internal static readonly MessageTemplate SelfAlias = new("self-alias", "invalid YAML: alias `*{anchor}` is inside the node anchored as `&{anchor}`, which would contain itself",
        "refer to the anchored node only from outside it");
    internal static readonly MessageTemplate UnclosedFlow = new("unclosed-flow", "invalid YAML: flow {collection} `{open}` is never closed", "close it with `{close}`");
    internal static readonly MessageTemplate UnexpectedStructure = new("unexpected-structure", "invalid YAML: unexpected structure after this position",
        "check the indentation and quoting near this position");

    internal static readonly MessageTemplate NonScalarKey = new("non-scalar-key",
        "invalid manifest: this mapping key is {shape}; Kubernetes objects are JSON, whose keys are strings, so the API server rejects it",
        "write the key as a plain string (`name: value`); `?` complex keys have no JSON form");

    internal static readonly MessageTemplate HelmTemplate = new("helm-template",
        "this document is a Helm template (`{action}`), not a manifest: it must be rendered before it can be checked",
        "lint what Helm renders: `helm template RELEASE CHART | podlint check -`");

    internal static readonly MessageTemplate DuplicateKeyMessage = new("duplicate", "duplicate key `{key}` in this mapping",
        "remove one of the two `{key}` entries; the API server rejects duplicate fields");

    internal static readonly MessageTemplate EmptyDocumentMessage = new("empty-document", "empty document", "remove the extra `---` separator");
    internal static readonly MessageTemplate NullDocument = new("null-document", "empty document: it holds only `null`", "remove the document");
    internal static readonly MessageTemplate NoDocuments = new("no-documents", "the file holds no documents", "add a Pod manifest, or remove the file");
    internal static readonly MessageTemplate EmptyFile = new("empty-file", "the file is empty", "add a Pod manifest, or remove the file");

    internal static readonly MessageTemplate NotMapping = new("not-mapping", "the document is {shape}, not a mapping, so it cannot be a Kubernetes object",
        "a manifest is a mapping with `apiVersion`, `kind`, `metadata` and `spec`");
    internal static readonly MessageTemplate ItemNotMapping = new("item-not-mapping", "item `{path}` of the list is {shape}, not a mapping, so it cannot be a Kubernetes object",
        "each item of `items` is a whole object, with `apiVersion`, `kind`, `metadata` and `spec`");

    internal static readonly MessageTemplate NoApiVersion = new("missing", "the object has no `apiVersion`", "add the object's `apiVersion`, e.g. `apiVersion: v1` for a Pod");
    internal static readonly MessageTemplate NoKind = new("missing", "the object has no `kind`", "add the object's `kind`, e.g. `kind: Pod`");

    internal static readonly MessageTemplate SkippedKind = new("skipped", "skipped {object} of kind `{kind}`: PodLint checks Pods and the Pod templates of workloads",
        "PodLint checks Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, PodTemplate, Job and CronJob, and the items of Lists");
    internal static readonly MessageTemplate SkippedCustomResource = new("skipped-custom-resource",
        "skipped {object} of kind `{kind}` in `{apiVersion}`: a custom resource, not the built-in `{kind}` PodLint checks",
        "the built-in kind is served as `apiVersion: {builtIn}`");
    internal static readonly MessageTemplate KindCase = new("case", "`{kind}` is not a kind the API server knows: kinds are case-sensitive",
        "write `kind: {expected}`");

    internal static readonly MessageTemplate WrongApiVersion = new("not-served", "`{apiVersion}` is not an API version of {kind}s: {kind}s are served only as `{expected}`",
        "write `apiVersion: {expected}`");

    internal static readonly MessageTemplate Binary = new("binary", "binary file: it contains NUL bytes, so it is not a YAML or JSON manifest",
        "pass only manifest files; folders are searched for *.yaml, *.yml and *.json");
    internal static readonly MessageTemplate BadEncoding = new("invalid-utf8", "{reason}", "documents after this point are not checked; re-save the file as UTF-8");
    internal static readonly MessageTemplate CannotReadPath = new("cannot-read-path", "cannot read `{file}`: {problem}", "check the path and its permissions");
    internal static readonly MessageTemplate CannotReadFile = new("cannot-read", "cannot read the file: {problem}", "check that the file is readable, and run again");
    internal static readonly MessageTemplate NotRegularFile = new("not-regular-file", "skipped `{file}`: it is {kind}, not a regular file, so it is not read",
        "rename it so that it does not end in .yaml, .yml or .json, or name it explicitly to read it");
    internal static readonly MessageTemplate TooLarge = new("too-large", "the input is larger than {limit}, the most PodLint reads; it is not checked",
        "split it into smaller files, or raise the limit with `--max-input-size` (`ParserLimits.MaxInputBytes` in the library)");
    internal static readonly MessageTemplate TooManyAliasNodes = new("too-many-nodes",
        "aliases in this document would expand into more than {limit} nodes; the document is not checked",
        "write the repeated values out, or reuse fewer nested aliases");
    internal static readonly MessageTemplate TooDeep = new("too-deep", "the document is nested deeper than {limit} levels; the rest of it is not checked",
        "no Pod needs this depth: check for a generator bug or a malicious input");
    internal static readonly MessageTemplate RuleFailed = new("rule-failed", "rule {rule} ({name}) failed on this {kind}: {exception}",
        "this is a bug: please report it with the manifest");

    /// <summary>PL0001: the document is not valid YAML.</summary>
    public static readonly RuleDescriptor InvalidYaml = new(RuleIds.InvalidYaml, "invalid-yaml", RuleCategory.Input, Severity.Error,
        "The document is not valid YAML, or not a manifest the API server can read (a non-string key, a Helm template)", messages: [YamlSyntax, UndefinedAlias, SelfAlias, UnclosedFlow, UnexpectedStructure, NonScalarKey, HelmTemplate]);

    /// <summary>PL0002: a mapping declares the same key twice.</summary>
    public static readonly RuleDescriptor DuplicateKey = new(RuleIds.DuplicateKey, "duplicate-key", RuleCategory.Input, Severity.Error,
        "A mapping declares the same key twice; the API server rejects it", messages: [DuplicateKeyMessage]);

    /// <summary>PL0003: a document holds no content.</summary>
    public static readonly RuleDescriptor EmptyDocument = new(RuleIds.EmptyDocument, "empty-document", RuleCategory.Input, Severity.Info,
        "A document of the stream, or the whole file, holds no content", messages: [EmptyDocumentMessage, NullDocument, NoDocuments, EmptyFile]);

    /// <summary>PL0004: a document is not a mapping.</summary>
    public static readonly RuleDescriptor DocumentNotMapping = new(RuleIds.DocumentNotMapping, "document-not-mapping", RuleCategory.Input, Severity.Error,
        "A document (or an item of a List) is a scalar or a sequence, so it cannot be a Kubernetes object", messages: [NotMapping, ItemNotMapping]);

    /// <summary>PL0005: the object has no apiVersion.</summary>
    public static readonly RuleDescriptor MissingApiVersion = new(RuleIds.MissingApiVersion, "missing-api-version", RuleCategory.Input, Severity.Error,
        "The object has a `kind` but no `apiVersion`", messages: [NoApiVersion]);

    /// <summary>PL0006: the object has no kind.</summary>
    public static readonly RuleDescriptor MissingKind = new(RuleIds.MissingKind, "missing-kind", RuleCategory.Input, Severity.Error,
        "The object has an `apiVersion` but no `kind`", messages: [NoKind]);

    /// <summary>PL0007: the object is of a kind PodLint does not check; off by default (skipped objects are counted in the summary).</summary>
    public static readonly RuleDescriptor UnsupportedKind = new(RuleIds.UnsupportedKind, "unsupported-kind", RuleCategory.Input, Severity.Info,
        "Lists each object of a kind PodLint does not check (Service, ConfigMap, custom resources …); off by default, as they are counted in the summary",
        isEnabledByDefault: false, messages: [SkippedKind, SkippedCustomResource]);

    /// <summary>PL0008: an object whose apiVersion does not serve its kind.</summary>
    public static readonly RuleDescriptor UnsupportedApiVersion = new(RuleIds.UnsupportedApiVersion, "unsupported-api-version", RuleCategory.Input, Severity.Error,
        "An object's `apiVersion` is not the one the API server serves its kind in (Pods `v1`, Deployments `apps/v1`, Jobs `batch/v1` …)",
        messages: [WrongApiVersion]);

    /// <summary>PL0009: the file is binary.</summary>
    public static readonly RuleDescriptor BinaryFile = new(RuleIds.BinaryFile, "binary-file", RuleCategory.Input, Severity.Error,
        "The file is binary, not a YAML or JSON manifest", messages: [Binary]);

    /// <summary>PL0010: the file is not valid UTF-8.</summary>
    public static readonly RuleDescriptor InvalidEncoding = new(RuleIds.InvalidEncoding, "invalid-encoding", RuleCategory.Input, Severity.Error,
        "The file is not valid UTF-8", messages: [BadEncoding]);

    /// <summary>PL0011: a path that does not exist or cannot be read.</summary>
    public static readonly RuleDescriptor UnreadableFile = new(RuleIds.UnreadableFile, "unreadable-file", RuleCategory.Input, Severity.Error,
        "A path does not exist or cannot be read, is not a regular file, or is larger than the input size limit", messages: [CannotReadPath, CannotReadFile, NotRegularFile, TooLarge]);

    /// <summary>PL0012: aliases would expand into too many nodes.</summary>
    public static readonly RuleDescriptor AliasExpansionLimit = new(RuleIds.AliasExpansionLimit, "alias-expansion-limit", RuleCategory.Input, Severity.Error,
        "YAML aliases would expand into more nodes than any Pod needs (an alias bomb)", messages: [TooManyAliasNodes]);

    /// <summary>PL0013: the document is nested too deeply.</summary>
    public static readonly RuleDescriptor NestingDepthLimit = new(RuleIds.NestingDepthLimit, "nesting-depth-limit", RuleCategory.Input, Severity.Error,
        "The document is nested deeper than any Pod can be", messages: [TooDeep]);

    /// <summary>PL0014: a rule failed; a bug in PodLint or in a custom rule.</summary>
    public static readonly RuleDescriptor InternalError = new(RuleIds.InternalError, "internal-error", RuleCategory.Input, Severity.Error,
        "A rule failed while checking a document (a bug in PodLint or in a custom rule)", messages: [RuleFailed]);

    /// <summary>PL0015: a kind PodLint checks, written with the wrong case.</summary>
    public static readonly RuleDescriptor MisspeltKind = new(RuleIds.MisspeltKind, "misspelt-kind", RuleCategory.Input, Severity.Error,
        "A `kind` that differs from a kind PodLint checks only in case (`pod`, `deployment`); the API server knows no such kind",
        messages: [KindCase]);

    /// <summary>PL0016: a suppression (annotation or comment) that suppresses nothing, or names a rule that does not exist.</summary>
    public static readonly RuleDescriptor UnusedSuppression = new(RuleIds.UnusedSuppression, "unused-suppression", RuleCategory.Input, Severity.Warning,
        "A suppression (annotation or comment) suppresses nothing, or names a rule that does not exist",
        messages: [SuppressionRules.Unused, SuppressionRules.UnknownRule, SuppressionRules.NoRule, SuppressionRules.NoSuchContainer]);

    /// <summary>All of the above, in id order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        InvalidYaml, DuplicateKey, EmptyDocument, DocumentNotMapping, MissingApiVersion, MissingKind, UnsupportedKind,
        UnsupportedApiVersion, BinaryFile, InvalidEncoding, UnreadableFile, AliasExpansionLimit, NestingDepthLimit,
        InternalError, MisspeltKind, UnusedSuppression,
    ];
}
