using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Model;
using PodLint.Parsing;
using PodLint.Rules;
using PodLint.Schema;

namespace PodLint.Objects;

/// <summary>What checking one document produced: its findings and what it held.</summary>
internal sealed class DocumentResult
{
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Findings that suppressions silenced.</summary>
    public List<Diagnostic> Suppressed { get; } = [];

    /// <summary>The suppression comments of the document (line and next-line ones), when it has any.</summary>
    public SuppressionScope? Comments { get; set; }

    /// <summary>The file-wide suppression comments written in the document, applied once the whole file is checked.</summary>
    public List<SuppressionDirective> FileWide { get; } = [];

    /// <summary>Objects checked, by kind (List items counted one by one).</summary>
    public Dictionary<string, int>? Checked { get; private set; }

    /// <summary>Objects of kinds PodLint does not check, by kind.</summary>
    public Dictionary<string, int>? Skipped { get; private set; }

    /// <summary>Whether the document is not a Kubernetes object at all (neither <c>apiVersion</c> nor <c>kind</c>).</summary>
    public bool IsNotKubernetes { get; set; }

    public void CountChecked(string kind) => Count(Checked ??= new(StringComparer.Ordinal), kind);

    public void CountSkipped(string kind) => Count(Skipped ??= new(StringComparer.Ordinal), kind);

    private static void Count(Dictionary<string, int> counts, string kind) => counts[kind] = counts.GetValueOrDefault(kind) + 1;
}

/// <summary>
/// Checks the objects of one parsed document: tells what the document is (a Pod, a workload with a Pod template, a
/// List of objects, an object of another kind, or not a Kubernetes object at all), validates each object against its
/// kind's schema, binds the typed model, and runs the Pod rules on the Pod or the template.
/// </summary>
internal sealed partial class ObjectChecker(RuleSet rules, PodLintOptions options)
{
    private readonly ILogger _logger = options.Logger;
    private readonly string _version = options.KubernetesVersion!;
    private readonly Rules.MultiContainer.LongLivedHelpers _helpers = options.LongLivedImages.Count == 0 ? Rules.MultiContainer.LongLivedHelpers.Default
        : new Rules.MultiContainer.LongLivedHelpers(options.LongLivedImages.Select(i => new Rules.MultiContainer.HelperImage(i, "long-lived helper")));

    public void Check(ParsedDocument document, DocumentResult result, CancellationToken cancellationToken)
    {
        var fileSink = Sink(result);
        var root = document.Root;
        var resolved = root?.Resolve();
        var isObject = resolved is MappingNode map && IsKubernetesObject(map) && !IsHelmChart(map, root!.Span.File);
        if (resolved is MappingNode && !isObject)
        {
            // Neither apiVersion nor kind: a Helm values file, a seccomp profile, a tool's configuration. Not ours to judge.
            result.IsNotKubernetes = true;
            return;
        }

        // The document's own findings (YAML, duplicate keys) are about the object it holds, when it is one PodLint checks.
        var objects = new Dictionary<int, ObjectRef>();
        switch (resolved)
        {
            case null:
                break;
            case ScalarNode { Type: ScalarType.Null }:
                fileSink.Report(InputRules.NullDocument, root!.Span, null);
                break;
            case MappingNode mapping:
                if (CheckObject(root!, mapping, FieldPath.Root, result, cancellationToken) is { } reference) objects[-1] = reference;
                else if (ObjectKinds.IsList(mapping)) CheckList(mapping, FieldPath.Root, result, objects, cancellationToken);
                break;
            default:
                fileSink.Report(InputRules.NotMapping, root!.Span.FirstLine(), null, [("shape", Shape(root!))]);
                break;
        }

        var documentSink = objects.TryGetValue(-1, out var documentObject) ? Sink(result, documentObject) : fileSink;
        foreach (var d in document.Diagnostics) documentSink.Add(d);
        ReportDuplicates(document, objects, result);
    }

    private DiagnosticSink Sink(DocumentResult result, ObjectRef? @object = null, SuppressionScope? scope = null)
        => new(rules.LevelOf, result.Diagnostics, @object, scope ?? result.Comments);

    private static bool IsKubernetesObject(MappingNode map) => IsSet(map, "apiVersion") || IsSet(map, "kind");

    /// <summary>
    /// A Helm chart's <c>Chart.yaml</c>: Helm's own <c>apiVersion</c> (<c>v1</c>, <c>v2</c>), a <c>name</c>, and no
    /// <c>kind</c>. It sits beside the manifests of every chart; it is not a Kubernetes object.
    /// </summary>
    private static bool IsHelmChart(MappingNode map, string file)
        => Path.GetFileName(file) is "Chart.yaml" or "Chart.yml" && !IsSet(map, "kind") && IsSet(map, "name")
            && map.Find("apiVersion")?.Value.Resolve() is ScalarNode { Value: "v1" or "v2" };

    private static bool IsSet(MappingNode map, string key) => map.Find(key) is { } e && !e.Value.IsNull;

    private void ReportDuplicates(ParsedDocument document, Dictionary<int, ObjectRef> objects, DocumentResult result)
    {
        if (document.Duplicates is not { Count: > 0 } duplicates) return;
        foreach (var (first, duplicate) in duplicates)
        {
            var key = first.KeyText!;
            var sink = Sink(result, ObjectOf(duplicate.Key, objects));
            sink.Report(InputRules.DuplicateKeyMessage, duplicate.Key.Span, SchemaPaths.PathOf(duplicate.Value, _version), [("key", key)],
                related: [new RelatedLocation(first.Key.Span, "first declared here", SchemaPaths.PathOf(first.Value, _version).ToString())]);
        }
    }

    /// <summary>The checked object a node is in: the document's, or that of the item of a List it is in.</summary>
    private static ObjectRef? ObjectOf(YamlNode node, Dictionary<int, ObjectRef> objects)
    {
        if (objects.TryGetValue(-1, out var documentObject)) return documentObject;
        var n = node;
        while (n.Parent?.Parent is { } grandparent)
        {
            if (grandparent.Parent is null && n.IndexInParent >= 0 && n.Parent.KeyInParent == "items") return objects.GetValueOrDefault(n.IndexInParent);
            n = n.Parent;
        }

        return null;
    }

    /// <summary>Checks an object (not a List); returns its reference when it is of a kind PodLint checks.</summary>
    private ObjectRef? CheckObject(YamlNode root, MappingNode map, FieldPath basePath, DocumentResult result, CancellationToken cancellationToken)
    {
        var sink = Sink(result);
        var firstKey = FirstKey(map, root);
        var kindEntry = map.Find("kind");
        var apiVersionEntry = map.Find("apiVersion");
        var apiVersion = apiVersionEntry?.Value.Resolve() as ScalarNode;
        var hasApiVersion = apiVersionEntry is { } a && !a.Value.IsNull;
        if (kindEntry is not { } kindField || kindField.Value.IsNull)
        {
            // Only called for objects with one of the two: this one has an apiVersion.
            sink.Report(InputRules.NoKind, firstKey, basePath.Field("kind"));
            return null;
        }

        if (kindField.Value.Resolve() is not ScalarNode { Type: ScalarType.String } kindNode)
        {
            sink.Report(SchemaRules.ExpectedType, kindField.Value.Span, basePath.Field("kind"),
                [("path", basePath.Field("kind").ToString()), ("expected", "string"), ("actual", kindField.Value.Describe())], "set `kind: Pod`");
            return null;
        }

        var kind = kindNode.Value;
        var apiVersionText = apiVersion is { Type: ScalarType.String } ? apiVersion.Value : null;
        if (ObjectKinds.IsList(kind, apiVersionText))
        {
            // Lists are unpacked by the caller (a List in a List is an item like any other).
            if (!basePath.IsRoot) CheckList(map, basePath, result, null, cancellationToken);
            return null;
        }

        var known = ObjectKinds.Find(kind);
        KindSchema? shadowed = null;
        if (known is not null && apiVersionText is not null && apiVersionText != known.ApiVersion && !ObjectKinds.IsBuiltInGroup(apiVersionText))
        {
            // A custom resource that happens to share the kind's name (`kind: Deployment` in `example.com/v1`).
            (shadowed, known) = (known, null);
        }

        if (known is null)
        {
            if (ObjectKinds.IsBuiltInGroup(apiVersionText) && ObjectKinds.FindIgnoringCase(kind) is { } spelled && spelled != kind)
            {
                sink.Report(InputRules.KindCase, kindField.Value.Span, basePath.Field("kind"), [("kind", kind), ("expected", spelled)]);
                result.CountSkipped(kind);
                return null;
            }

            if (!hasApiVersion) sink.Report(InputRules.NoApiVersion, firstKey, basePath.Field("apiVersion"), help: "add the object's `apiVersion`");
            var skipped = Reference(kind, map);
            var objectSink = Sink(result, skipped);
            var what = skipped.Name is null ? "an object" : $"`{skipped.Name}`";
            if (shadowed is not null)
            {
                objectSink.Report(InputRules.SkippedCustomResource, kindField.Value.Span, basePath.Field("kind"),
                    [("object", what), ("kind", kind), ("apiVersion", apiVersionText!), ("builtIn", shadowed.ApiVersion)]);
                // Counted as kubectl names such kinds: kind.group.
                result.CountSkipped(kind + "." + apiVersionText![..apiVersionText!.IndexOf('/', StringComparison.Ordinal)]);
            }
            else
            {
                objectSink.Report(InputRules.SkippedKind, kindField.Value.Span, basePath.Field("kind"), [("object", what), ("kind", kind)]);
                result.CountSkipped(kind);
            }

            return null;
        }

        var reference = Reference(known.Kind, map);
        // The object's suppression annotations cover the findings about it, before its document's comments.
        var annotations = SuppressionParser.ReadAnnotations(map, known.Kind, basePath, rules.Find);
        sink = Sink(result, reference, annotations.Count > 0 ? new SuppressionScope(annotations, result.Suppressed, result.Comments) : null);
        if (!hasApiVersion)
        {
            sink.Report(InputRules.NoApiVersion, firstKey, basePath.Field("apiVersion"), help: $"add `apiVersion: {known.ApiVersion}`");
        }
        else if (apiVersionText is not null && apiVersionText != known.ApiVersion)
        {
            sink.Report(InputRules.WrongApiVersion, apiVersionEntry!.Value.Value.Span, basePath.Field("apiVersion"),
                [("apiVersion", apiVersionText), ("kind", known.Kind), ("expected", known.ApiVersion)]);
        }

        CheckKnownObject(root, known, basePath, sink, result, cancellationToken);
        if (annotations.Count > 0) SuppressionParser.ReportUnused(annotations, Sink(result, reference), rules.Suggest);
        return reference;
    }

    /// <summary>Checks the items of a List; <paramref name="objects"/> (for a document's List) gets the reference of each item checked, by index.</summary>
    private void CheckList(MappingNode map, FieldPath basePath, DocumentResult result, Dictionary<int, ObjectRef>? objects, CancellationToken cancellationToken)
    {
        var sink = Sink(result);
        if (map.Find("items") is not { } items || items.Value.IsNull) return;
        var itemsPath = basePath.Field("items");
        if (items.Value.Resolve() is not SequenceNode sequence)
        {
            if (items.Value.IsInvalid) return;
            sink.Report(SchemaRules.ExpectedType, items.Value.Span, itemsPath,
                [("path", itemsPath.ToString()), ("expected", "array"), ("actual", items.Value.Describe())], "write `items:` as a list, one `- ` item per object");
            return;
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = sequence.Items[i];
            var itemPath = itemsPath.Index(i);
            switch (item.Resolve())
            {
                case MappingNode itemMap when IsKubernetesObject(itemMap):
                    if (CheckObject(item, itemMap, itemPath, result, cancellationToken) is { } reference && objects is not null) objects[i] = reference;
                    break;
                case MappingNode itemMap:
                    // kubectl needs both to send an item; one missing is reported, neither is an object that is not there.
                    sink.Report(InputRules.NoKind, FirstKey(itemMap, item), itemPath.Field("kind"));
                    break;
                case ScalarNode { Type: ScalarType.Null } or { IsInvalid: true }:
                    break;
                default:
                    sink.Report(InputRules.ItemNotMapping, item.Span.FirstLine(), itemPath, [("path", itemPath.ToString()), ("shape", Shape(item))]);
                    break;
            }
        }
    }

    private void CheckKnownObject(YamlNode root, KindSchema kind, FieldPath basePath, DiagnosticSink sink, DocumentResult result, CancellationToken cancellationToken)
    {
        var map = (MappingNode)root.Resolve();
        var rejected = SchemaValidator.Validate(root, _version, kind, basePath, sink);
        var model = ModelKinds.Create(kind.Kind)!;
        ModelBinder.BindRoot(model, root, basePath, rejected);
        var (metadata, spec, template) = Workloads.PodOf(model);
        var context = new PodContext(model, metadata, spec, template, _version, sink, cancellationToken) { Helpers = _helpers };
        foreach (var rule in rules.Enabled)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                rule.Analyze(context);
            }
#pragma warning disable CA1031 // A failing rule is reported as a finding and logged; it must not hide the other rules' findings.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogRuleFailure(_logger, ex, rule.Descriptor.Id, root.Span.File);
                sink.Report(InputRules.RuleFailed, FirstKey(map, root), basePath.IsRoot ? null : basePath,
                    [("rule", rule.Descriptor.Id), ("name", rule.Descriptor.Name), ("kind", kind.Kind), ("exception", $"{ex.GetType().Name}: {ex.Message}")]);
            }
        }

        result.CountChecked(kind.Kind);
    }

    private static SourceSpan FirstKey(MappingNode map, YamlNode root) => map.Entries.Count > 0 ? map.Entries[0].Key.Span.FirstLine() : root.Span.FirstLine();

    private static ObjectRef Reference(string kind, MappingNode map)
    {
        var metadata = map.Find("metadata")?.Value.Resolve() as MappingNode;
        string? Text(string key) => metadata?.Find(key)?.Value.Resolve() is ScalarNode { Type: ScalarType.String } s && s.Value.Length > 0 ? s.Value : null;
        return new ObjectRef(kind, Text("namespace"), Text("name") ?? Text("generateName"));
    }

    private static string Shape(YamlNode node) => node.Describe().StartsWith("array", StringComparison.Ordinal) ? "a sequence" : "a scalar (" + node.Describe() + ")";

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule {RuleId} failed on an object in {File}")]
    private static partial void LogRuleFailure(ILogger logger, Exception exception, string ruleId, string file);
}
