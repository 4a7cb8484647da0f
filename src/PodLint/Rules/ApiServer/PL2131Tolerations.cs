using System.Globalization;
using System.Text.Json;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2131: tolerations as the API server validates them (<c>ValidateTolerations</c>, spec §1.N T1–T7): the key a label
/// key, an empty key only with <c>Exists</c>, <c>tolerationSeconds</c> only with <c>NoExecute</c>, the value a label value
/// (<c>Equal</c>) or empty (<c>Exists</c>), the operator and the effect from their lists. Also the alpha annotation
/// <c>scheduler.alpha.kubernetes.io/tolerations</c>, which the server still parses as a JSON list of tolerations and checks
/// the same way (§1.A.1 A2, A3; dotted paths <c>metadata.annotations.scheduler.alpha.kubernetes.io/tolerations[0].key</c>).
/// </summary>
internal sealed class PL2131Tolerations : IPodRule
{
    public const string AnnotationKey = "scheduler.alpha.kubernetes.io/tolerations";

    public static readonly MessageTemplate InvalidKey = new("invalid-key", "toleration key `{key}` is invalid: {detail}",
        "use the taint's key: an optional DNS subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` and `.` (e.g. `node.kubernetes.io/not-ready`)", ApiErrorType.Invalid);

    public static readonly MessageTemplate EmptyKeyNeedsExists = new("empty-key-needs-exists",
        "operator `{operator}` with an empty `key`: operator must be Exists when `key` is empty, which means match all values and all keys",
        "set the taint's `key`, or use `operator: Exists` to tolerate every taint", ApiErrorType.Invalid);

    public static readonly MessageTemplate SecondsNeedNoExecute = new("seconds-need-no-execute",
        "`tolerationSeconds` is set {effect}: effect must be 'NoExecute' when `tolerationSeconds` is set",
        "set `effect: NoExecute` (only eviction has a delay), or remove `tolerationSeconds`", ApiErrorType.Invalid);

    public static readonly MessageTemplate InvalidValue = new("invalid-value", "toleration value `{value}` is not a valid label value: {detail}",
        "use the taint's value: empty, or at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit", ApiErrorType.Invalid);

    public static readonly MessageTemplate ValueWithExists = new("value-with-exists",
        "toleration value `{value}` with operator `Exists`: value must be empty when `operator` is 'Exists'",
        "remove `value` (`Exists` tolerates any value), or use `operator: Equal`", ApiErrorType.Invalid);

    public static readonly MessageTemplate UnsupportedOperator = new("unsupported-operator",
        "toleration operator `{operator}` is not supported: supported values: `Equal`, `Exists`",
        "use `Equal` (the default) to match the taint's value, or `Exists` to match any value", ApiErrorType.NotSupported);

    public static readonly MessageTemplate UnsupportedEffect = new("unsupported-effect",
        "toleration effect `{effect}` is not supported: supported values: `NoSchedule`, `PreferNoSchedule`, `NoExecute`",
        "use one of the taint effects, or leave `effect` out to tolerate all effects", ApiErrorType.NotSupported);

    public static readonly MessageTemplate AnnotationNotTolerations = new("annotation-not-tolerations",
        "annotation `scheduler.alpha.kubernetes.io/tolerations` is not a JSON list of tolerations: {detail}",
        "move the tolerations to `spec.tolerations` and remove the annotation (it is an alpha leftover)", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.Tolerations, "tolerations", RuleCategory.ApiServer, Severity.Error,
        "Tolerations must be well-formed: a label key (or none with `Exists`), a label value (none with `Exists`), a known operator and effect, `tolerationSeconds` only with `NoExecute`",
        messages: [InvalidKey, EmptyKeyNeedsExists, SecondsNeedNoExecute, InvalidValue, ValueWithExists, UnsupportedOperator, UnsupportedEffect, AnnotationNotTolerations]);

    public RuleDescriptor Descriptor => Rule;

    /// <summary>One field of a toleration: its value ("" when not set), whether it can be checked, where it was written.</summary>
    private readonly record struct Part(string Value, bool Usable, Location At);

    /// <summary>A toleration as the server sees it: from <c>spec.tolerations</c> or from the annotation's JSON.</summary>
    private readonly record struct View(Part Key, Part Operator, Part Value, Part Effect, Part Seconds, bool HasSeconds);

    public void Analyze(PodContext context)
    {
        if (context.Spec is { } spec)
        {
            foreach (var toleration in spec.Tolerations) Check(context, FromModel(toleration));
        }

        if (context.Metadata is { } metadata && metadata.Annotations.TryGetValue(AnnotationKey, out var annotation) && annotation.IsValid)
        {
            Annotation(context, metadata, annotation);
        }
    }

    private static View FromModel(Toleration t)
    {
        Part Of(Field<string> f) => new(f.IsValid ? f.Value : string.Empty, !f.IsInvalid, f.IsUnset ? f.MissingAt : f.Location);
        var seconds = t.TolerationSeconds;
        return new View(Of(t.Key), Of(t.Operator), Of(t.Value), Of(t.Effect),
            new Part(string.Empty, !seconds.IsInvalid, seconds.IsUnset ? seconds.MissingAt : seconds.Location), seconds.IsValid);
    }

    /// <summary><c>ValidateTolerations</c> for one toleration.</summary>
    private static void Check(PodContext context, View t)
    {
        var (key, op, value, effect) = (t.Key, t.Operator, t.Value, t.Effect);
        if (key.Usable && key.Value.Length > 0)
        {
            foreach (var detail in NameFormats.QualifiedName(key.Value, context.KubernetesVersion))
            {
                context.Report(InvalidKey, key.At, [("key", key.Value), ("detail", detail)]);
            }
        }

        if (key.Usable && op.Usable && key.Value.Length == 0 && op.Value != "Exists")
        {
            context.Report(EmptyKeyNeedsExists, op.At, [("operator", op.Value.Length == 0 ? "Equal" : op.Value)]);
        }

        if (t.HasSeconds && effect.Usable && effect.Value != "NoExecute")
        {
            // The path is the effect's; a toleration without one gets the finding at its `tolerationSeconds`.
            var at = effect.Value.Length > 0 ? effect.At : t.Seconds.At with { Path = effect.At.Path };
            context.Report(SecondsNeedNoExecute, at, [("effect", effect.Value.Length == 0 ? "without an effect" : "with effect `" + effect.Value + "`")]);
        }

        if (op.Usable && value.Usable)
        {
            // The server reports the value's errors at the operator's path.
            switch (op.Value)
            {
                case "Equal" or "":
                    var errors = NameFormats.LabelValue(value.Value, context.KubernetesVersion);
                    if (errors.Count > 0) context.Report(InvalidValue, value.At with { Path = op.At.Path }, [("value", value.Value), ("detail", string.Join(";", errors))]);
                    break;
                case "Exists":
                    if (value.Value.Length > 0) context.Report(ValueWithExists, value.At with { Path = op.At.Path }, [("value", value.Value)]);
                    break;
                default:
                    context.Report(UnsupportedOperator, op.At, [("operator", op.Value)]);
                    break;
            }
        }

        if (effect.Usable && effect.Value.Length > 0 && effect.Value is not ("NoSchedule" or "PreferNoSchedule" or "NoExecute"))
        {
            context.Report(UnsupportedEffect, effect.At, [("effect", effect.Value)]);
        }
    }

    /// <summary>
    /// <c>ValidateTolerationsInPodAnnotations</c>: a non-empty annotation is decoded as a JSON list of tolerations (Go's
    /// <c>encoding/json</c>: field names matched case-insensitively, unknown fields ignored, a wrong type is an error); an
    /// error is reported at <c>metadata.annotations</c>, else each toleration is checked with the annotation's dotted path.
    /// Every finding points at the annotation's value.
    /// </summary>
    private static void Annotation(PodContext context, ObjectMeta metadata, Field<string> annotation)
    {
        var text = annotation.Value;
        if (text.Length == 0) return;
        var root = PL2012LabelsAndAnnotations.ServerMetadataPath(context, metadata).Field("annotations");
        var at = new Location(annotation.Span, annotation.KeySpan, root);
        List<Dictionary<string, JsonElement>?> items;
        try
        {
            if (Decode(text, out items) is { } error)
            {
                context.Report(AnnotationNotTolerations, at, [("detail", error)]);
                return;
            }
        }
        catch (JsonException e)
        {
            var position = e.BytePositionInLine is { } b ? " at byte " + (b + 1).ToString(CultureInfo.InvariantCulture) : string.Empty;
            context.Report(AnnotationNotTolerations, at, [("detail", "not valid JSON" + position)]);
            return;
        }

        var listPath = root.Field(AnnotationKey);
        for (var i = 0; i < items.Count; i++)
        {
            var path = listPath.Index(i);
            var fields = items[i] ?? [];
            Part Of(string name) => new(fields.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : string.Empty, true,
                at with { Path = path.Field(name) });
            var hasSeconds = fields.TryGetValue("tolerationSeconds", out var s) && s.ValueKind == JsonValueKind.Number;
            Check(context, new View(Of("key"), Of("operator"), Of("value"), Of("effect"), Of("tolerationSeconds"), hasSeconds));
        }
    }

    private static readonly string[] StringFields = ["key", "operator", "value", "effect"];

    /// <summary>Decodes the annotation as Go would into <c>[]Toleration</c>; returns the reason it cannot, or null.</summary>
    private static string? Decode(string text, out List<Dictionary<string, JsonElement>?> items)
    {
        items = [];
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Null) return null;
        if (root.ValueKind != JsonValueKind.Array) return "expected a JSON list, found " + Kind(root);
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Null)
            {
                items.Add(null);
            }
            else if (item.ValueKind != JsonValueKind.Object)
            {
                return $"item [{index}] is {Kind(item)}, not a toleration object";
            }
            else
            {
                var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in item.EnumerateObject())
                {
                    var name = StringFields.Concat(["tolerationSeconds"]).FirstOrDefault(f => string.Equals(f, property.Name, StringComparison.OrdinalIgnoreCase));
                    if (name is null) continue;
                    var value = property.Value;
                    if (value.ValueKind == JsonValueKind.Null) { fields.Remove(name); continue; }
                    if (name == "tolerationSeconds" ? value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out _) : value.ValueKind != JsonValueKind.String)
                    {
                        return $"`{name}` of item [{index}] must be {(name == "tolerationSeconds" ? "an integer" : "a string")}, found {Kind(value)}";
                    }

                    fields[name] = value.Clone();
                }

                items.Add(fields);
            }

            index++;
        }

        return null;
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number " + e.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
