using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2012: label keys and values, annotation keys and the annotations' total size (spec §1.A M7–M10), on a Pod's
/// metadata and on a workload's Pod template. Paths are the server's: apimachinery's <c>ValidateLabels</c> reports
/// key and value errors alike at <c>metadata.labels</c>, without <c>[key]</c>; on a template the server drops
/// <c>metadata</c> (<c>spec.template.labels</c>, <c>spec.template.annotations</c>).
/// </summary>
internal sealed class PL2012LabelsAndAnnotations : IPodRule
{
    public const int TotalAnnotationSizeLimit = 256 * 1024;

    public static readonly MessageTemplate InvalidLabelKey = new("invalid-label-key", "label key `{key}` is invalid: {detail}",
        "use an optional DNS subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit (e.g. `app.kubernetes.io/name`)", ApiErrorType.Invalid);

    public static readonly MessageTemplate InvalidLabelValue = new("invalid-label-value", "label value `{value}` of `{key}` is invalid: {detail}",
        "use at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit, or an empty value; free text belongs in an annotation", ApiErrorType.Invalid);

    public static readonly MessageTemplate InvalidAnnotationKey = new("invalid-annotation-key", "annotation key `{key}` is invalid: {detail}",
        "use an optional DNS subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit (e.g. `example.com/owner`)", ApiErrorType.Invalid);

    public static readonly MessageTemplate AnnotationsTooLong = new("annotations-too-long", "the annotations' keys and values take {size} bytes: {detail}",
        "move large data out of the annotations, into a ConfigMap or a volume", ApiErrorType.TooLong);

    public static readonly RuleDescriptor Rule = new(RuleIds.LabelsAndAnnotations, "labels-and-annotations", RuleCategory.ApiServer, Severity.Error,
        "Label keys and annotation keys must be qualified names, label values at most 63 characters of `[A-Za-z0-9-_.]`, and all annotations together at most 256 KiB",
        messages: [InvalidLabelKey, InvalidLabelValue, InvalidAnnotationKey, AnnotationsTooLong]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Metadata is not { } metadata) return;
        var root = ServerMetadataPath(context, metadata);
        var version = context.KubernetesVersion;

        var labels = metadata.Labels;
        foreach (var label in labels)
        {
            if (label.Key is not { } key) continue;
            foreach (var detail in NameFormats.QualifiedName(key, version))
            {
                context.Report(InvalidLabelKey, new Location(label.KeySpan, label.KeySpan, root.Field("labels")), [("key", key), ("detail", detail)]);
            }

            if (!label.IsValid) continue;
            foreach (var detail in NameFormats.LabelValue(label.Value, version))
            {
                context.Report(InvalidLabelValue, new Location(label.Span, label.KeySpan, root.Field("labels")),
                    [("value", label.Value), ("key", key), ("detail", detail)]);
            }
        }

        var annotations = metadata.Annotations;
        long size = 0;
        foreach (var annotation in annotations)
        {
            if (annotation.Key is not { } key) continue;
            // Annotation keys are case-insensitive: the server lower-cases the key before checking it.
            foreach (var detail in NameFormats.QualifiedName(key.ToLowerInvariant(), version))
            {
                context.Report(InvalidAnnotationKey, new Location(annotation.KeySpan, annotation.KeySpan, root.Field("annotations")), [("key", key), ("detail", detail)]);
            }

            size += NameFormats.ByteLength(key) + (annotation.IsValid ? NameFormats.ByteLength(annotation.Value) : 0);
        }

        if (size > TotalAnnotationSizeLimit)
        {
            var limit = TotalAnnotationSizeLimit.ToString(CultureInfo.InvariantCulture);
            // field.TooLong's detail: "may not be more than N bytes" since 1.32, "must have at most N bytes" before.
            var detail = KubernetesVersions.AtLeast(version, 1, 32) ? $"may not be more than {limit} bytes" : $"must have at most {limit} bytes";
            context.Report(AnnotationsTooLong, new Location(annotations.KeySpan, annotations.KeySpan, root.Field("annotations")),
                [("size", size.ToString(CultureInfo.InvariantCulture)), ("detail", detail)]);
        }
    }

    /// <summary>
    /// Where the server reports the metadata's labels and annotations: <c>metadata</c> for a Pod; for a Pod template,
    /// the template itself (<c>ValidatePodTemplateSpec</c> uses <c>spec.template.labels</c>, without <c>metadata</c>).
    /// </summary>
    internal static FieldPath ServerMetadataPath(PodContext context, ObjectMeta metadata)
        => context.Template is { } template ? template.ObjectPath : metadata.ObjectPath;
}
