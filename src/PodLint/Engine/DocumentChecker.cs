using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;
using PodLint.Rules;

namespace PodLint.Engine;

/// <summary>Checks one input: splits it into documents, parses, binds Pods, runs the rules.</summary>
internal sealed partial class DocumentChecker(RuleSet rules, PodLintOptions options)
{
    private readonly ILogger _logger = options.Logger;

    public FileOutcome Check(string file, ILineSource source, string? keptText, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var documents = 0;
        var pods = 0;
        var chunker = new DocumentChunker(source);
        var anyContent = false;
        var chunkCount = 0;
        try
        {
            while (chunker.TryRead(out var chunk))
            {
                cancellationToken.ThrowIfCancellationRequested();
                chunkCount++;
                if (!chunk.HasContent)
                {
                    if (chunk.MarkerLine != 0 && !(chunk.IsLast && anyContent))
                    {
                        documents++;
                        AddConfigured(diagnostics, InputRules.EmptyDocument, new SourceSpan(file, chunk.MarkerLine, 1, chunk.MarkerLine, 4),
                            "empty document", "remove the extra `---` separator");
                    }
                    else if (chunk.IsLast && chunkCount == 1)
                    {
                        AddConfigured(diagnostics, InputRules.EmptyDocument, SourceSpan.StartOfFile(file), "the file holds no documents",
                            "add a Pod manifest, or remove the file");
                    }

                    continue;
                }

                anyContent = true;
                foreach (var document in YamlTreeBuilder.Parse(chunk, file, options.Limits))
                {
                    documents++;
                    if (CheckDocument(document, diagnostics, cancellationToken)) pods++;
                }
            }

            if (chunkCount == 0)
            {
                AddConfigured(diagnostics, InputRules.EmptyDocument, SourceSpan.StartOfFile(file), "the file is empty", "add a Pod manifest, or remove the file");
            }
        }
        catch (InvalidEncodingException ex)
        {
            AddConfigured(diagnostics, InputRules.InvalidEncoding, SourceSpan.At(file, ex.Line, ex.Column), ex.Message,
                "documents after this point are not checked; re-save the file as UTF-8");
        }
        catch (BinaryInputException)
        {
            AddConfigured(diagnostics, InputRules.BinaryFile, SourceSpan.StartOfFile(file), "binary file: it contains NUL bytes, so it is not a YAML or JSON manifest",
                "pass only manifest files; folders are searched for *.yaml, *.yml and *.json");
        }
        catch (IOException ex)
        {
            AddConfigured(diagnostics, InputRules.UnreadableFile, SourceSpan.StartOfFile(file), $"cannot read the file: {ex.Message}", null);
        }

        return new FileOutcome(file, diagnostics, documents, pods, keptText);
    }

    /// <summary>Checks one parsed document; returns whether it was a Pod.</summary>
    private bool CheckDocument(ParsedDocument document, List<Diagnostic> fileDiagnostics, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>(document.Diagnostics);
        var isPod = false;
        ObjectReference? reference = null;
        switch (document.Root?.Resolve())
        {
            case null:
                break;
            case ScalarNode { Type: ScalarType.Null }:
                Add(diagnostics, InputRules.EmptyDocument, document.Root.Span, "empty document: it holds only `null`", "remove the document");
                break;
            case MappingNode map:
                (isPod, reference) = CheckObject(document.Root, map, diagnostics, cancellationToken);
                break;
            default:
                Add(diagnostics, InputRules.DocumentNotMapping, document.Root.Span.FirstLine(),
                    $"the document is {Article(document.Root.Describe())}, not a mapping, so it cannot be a Kubernetes object",
                    "a manifest is a mapping with `apiVersion`, `kind`, `metadata` and `spec`");
                break;
        }

        foreach (var d in diagnostics)
        {
            if (Configure(d) is { } configured) fileDiagnostics.Add(reference is null || configured.Object is not null ? configured : configured with { Object = reference });
        }

        return isPod;
    }

    private (bool IsPod, ObjectReference? Reference) CheckObject(YamlNode root, MappingNode map, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var firstKey = map.Entries.Count > 0 ? map.Entries[0].Key.Span.FirstLine() : root.Span.FirstLine();
        var kindNode = map.Find("kind")?.Value.Resolve();
        var apiVersionNode = map.Find("apiVersion")?.Value.Resolve();
        if (apiVersionNode is null or ScalarNode { Type: ScalarType.Null })
        {
            Add(diagnostics, InputRules.MissingApiVersion, firstKey, "the object has no `apiVersion`",
                kindNode is ScalarNode { Value: "Pod" } ? "add `apiVersion: v1`" : "add the object's `apiVersion`, e.g. `apiVersion: v1` for a Pod", FieldPath.Root.Field("apiVersion"));
        }

        if (kindNode is null or ScalarNode { Type: ScalarType.Null })
        {
            Add(diagnostics, InputRules.MissingKind, firstKey, "the object has no `kind`", "add the object's `kind`, e.g. `kind: Pod`", FieldPath.Root.Field("kind"));
            return (false, null);
        }

        if (kindNode is not ScalarNode { Type: ScalarType.String } kind)
        {
            var kindEntry = map.Find("kind")!.Value;
            Add(diagnostics, InputRules.InvalidValueType, kindEntry.Value.Span, $"kind: expected string, got {kindEntry.Value.Describe()}",
                "set `kind: Pod`", FieldPath.Root.Field("kind"));
            return (false, null);
        }

        if (!string.Equals(kind.Value, "Pod", StringComparison.Ordinal))
        {
            var name = (map.Find("metadata")?.Value.Resolve() as MappingNode)?.Find("name")?.Value.Resolve() as ScalarNode;
            var kindEntry = map.Find("kind")!.Value;
            Add(diagnostics, InputRules.UnsupportedKind, kindEntry.Value.Span,
                $"skipped {(name is null ? "an object" : $"`{name.Value}`")} of kind `{kind.Value}`: PodLint checks Pods only",
                string.Equals(kind.Value, "pod", StringComparison.OrdinalIgnoreCase) ? "kinds are case-sensitive: write `kind: Pod`" : null,
                FieldPath.Root.Field("kind"));
            return (false, null);
        }

        // Schema validation is the authority on value types; the binder's own type findings only fill the gaps.
        var bound = new List<Diagnostic>();
        var pod = PodBinder.Bind(root, bound);
        var schemaFindings = new List<Diagnostic>();
        Schema.SchemaValidator.Validate(root, options.KubernetesVersion!, schemaFindings);
        diagnostics.AddRange(schemaFindings);
        var covered = schemaFindings.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        diagnostics.AddRange(bound.Where(d => !covered.Contains(d.Path ?? string.Empty)));
        if (pod.ApiVersion is { } apiVersion && apiVersion.Value != "v1")
        {
            Add(diagnostics, InputRules.UnsupportedApiVersion, apiVersion.Span,
                $"`{apiVersion.Value}` is not an API version of Pods: Pods are served only as `v1`", "write `apiVersion: v1`", apiVersion.Path);
        }

        var context = new PodContext(pod, diagnostics, rules.LevelOf, cancellationToken);
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
                LogRuleFailure(_logger, ex, rule.Descriptor.Id, pod.Span.File);
                Add(diagnostics, InputRules.InternalError, root.Span.FirstLine(),
                    $"rule {rule.Descriptor.Id} ({rule.Descriptor.Name}) failed on this Pod: {ex.GetType().Name}: {ex.Message}",
                    "this is a bug: please report it with the manifest");
            }
        }

        return (true, pod.Reference);
    }

    private Diagnostic? Configure(Diagnostic d)
    {
        var level = rules.LevelOf(d.Rule);
        if (level == RuleLevel.Off) return null;
        return (Severity)level == d.Severity ? d : d with { Severity = (Severity)level };
    }

    private void AddConfigured(List<Diagnostic> target, RuleDescriptor rule, SourceSpan span, string message, string? help)
    {
        if (Configure(new Diagnostic(rule, rule.DefaultSeverity, message, span, null, null, help)) is { } d) target.Add(d);
    }

    private static void Add(List<Diagnostic> target, RuleDescriptor rule, SourceSpan span, string message, string? help, FieldPath? path = null)
        => target.Add(new Diagnostic(rule, rule.DefaultSeverity, message, span, path?.ToString(), null, help));

    private static string Article(string what) => what.StartsWith("array", StringComparison.Ordinal) ? "a sequence" : "a scalar (" + what + ")";

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule {RuleId} failed on a Pod in {File}")]
    private static partial void LogRuleFailure(ILogger logger, Exception exception, string ruleId, string file);
}
