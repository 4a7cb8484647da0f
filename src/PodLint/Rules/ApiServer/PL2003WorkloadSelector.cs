using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2003: a workload's selector must select the Pods of its own template. The API server refuses a Deployment,
/// StatefulSet, DaemonSet, ReplicaSet, ReplicationController or Job whose selector does not match the template's
/// labels ("`selector` does not match template `labels`"), an empty selector, and a selector in a CronJob's job
/// template (the Job controller generates it). A missing selector of the apps/v1 kinds is a missing required field
/// (PL1003) and is not reported again.
/// </summary>
internal sealed class PL2003WorkloadSelector : IPodRule
{
    public static readonly MessageTemplate Mismatch = new("mismatch",
        "the template's labels do not match the selector `{selector}`: {reason}",
        "label the template so that the selector selects it (the API server rejects the {kind}: \"`selector` does not match template `labels`\")", ApiErrorType.Invalid);

    public static readonly MessageTemplate Empty = new("empty", "`{path}` is empty: the API server refuses an empty selector for a {kind}",
        "select the template's labels, e.g. `matchLabels:` with `app: web`", ApiErrorType.Invalid);

    public static readonly MessageTemplate Required = new("required", "`{path}` is required: {reason}", "{help}", ApiErrorType.Required);

    public static readonly MessageTemplate Generated = new("generated",
        "`{path}` must not be set: the selector of a CronJob's Jobs is generated",
        "remove it; each Job gets a selector of its own, which matches its Pods", ApiErrorType.Invalid);

    public static readonly MessageTemplate ManualSelector = new("manual-selector",
        "`{path}: true` is not supported in a CronJob's job template (supported values: nil, false)",
        "remove `manualSelector`", ApiErrorType.NotSupported);

    public static readonly RuleDescriptor Rule = new(RuleIds.WorkloadSelector, "workload-selector", RuleCategory.ApiServer, Severity.Error,
        "A workload's selector must select its own Pod template's labels, and must not be empty; a CronJob's job template has none",
        messages: [Mismatch, Empty, Required, Generated, ManualSelector]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Template is not { } template) return;
        var kind = context.Object.Kind.Value ?? context.Object.GetType().Name;
        switch (context.Object)
        {
            case Deployment { Spec.Value: { } d }:
                CheckSelector(context, kind, d.Selector, template, "deployment", []);
                break;
            case ReplicaSet { Spec.Value: { } rs }:
                CheckSelector(context, kind, rs.Selector, template, "deployment", []);
                break;
            case StatefulSet { Spec.Value: { } s }:
                CheckSelector(context, kind, s.Selector, template, "statefulset", []);
                break;
            case DaemonSet { Spec.Value: { } ds }:
                CheckSelector(context, kind, ds.Selector, template, "daemonset", []);
                break;
            case Job { Spec.Value: { } job } j:
                CheckJob(context, kind, j, job, template);
                break;
            case CronJob { Spec.Value.JobTemplate.Value.Spec.Value: { } job }:
                if (!job.Selector.IsUnset && !job.Selector.IsInvalid) context.Report(Generated, job.Selector, [("path", job.Selector.Path.ToString())]);
                if (job.ManualSelector is { IsValid: true, Value: true } manual) context.Report(ManualSelector, manual, [("path", manual.Path.ToString())]);
                break;
            case ReplicationController { Spec.Value: { } rc }:
                CheckReplicationController(context, kind, rc, template);
                break;
        }
    }

    private static void CheckJob(PodContext context, string kind, Job job, JobSpec spec, PodTemplateSpec template)
    {
        var selector = spec.Selector;
        if (selector.IsInvalid) return;
        if (spec.ManualSelector is { IsValid: true, Value: true })
        {
            if (selector.IsUnset)
            {
                context.Report(Required, selector.MissingAt, [("path", selector.Path.ToString()),
                    ("reason", "with `manualSelector: true` the Job controller does not generate one"),
                    ("help", "add a `selector` that matches the template's labels, or remove `manualSelector`")]);
                return;
            }

            CheckSelector(context, kind, selector, template, null, []);
            return;
        }

        // Without manualSelector the API server adds the Job's own labels to the template and to the selector before it
        // validates: a selector of the user's must still match the template, whose labels then include these.
        var name = job.Metadata.Value?.Name.Value;
        var generated = name is null ? new Dictionary<string, string>() : new Dictionary<string, string>
        {
            ["job-name"] = name,
            ["batch.kubernetes.io/job-name"] = name,
        };
        if (!selector.IsUnset) CheckSelector(context, kind, selector, template, null, generated);
    }

    private static void CheckReplicationController(PodContext context, string kind, ReplicationControllerSpec spec, PodTemplateSpec template)
    {
        var selector = spec.Selector;
        if (selector.IsInvalid) return;
        var labels = TemplateLabels(template, []);
        if (labels is null) return;
        if (selector.Count == 0)
        {
            // An empty selector is defaulted to the template's labels: it needs some.
            if (labels.Count == 0)
            {
                context.Report(Required, selector.IsAbsent ? selector.MissingAt : selector.Location, [("path", selector.Path.ToString()),
                    ("reason", "it defaults to the template's labels, and the template has none"),
                    ("help", "label the template (`metadata.labels`), or give `selector` labels to select")]);
            }

            return;
        }

        if (Equalities(selector) is not { } requirements) return;
        if (FirstUnmet(requirements, labels) is { } reason)
        {
            ReportMismatch(context, kind, template, selector.Location, Describe(requirements), reason);
        }
    }

    private static void CheckSelector(PodContext context, string kind, Field<LabelSelector> field, PodTemplateSpec template, string? emptyName,
        Dictionary<string, string> generated)
    {
        if (field.Value is not { } selector) return;
        if (selector.MatchLabels.IsInvalid || selector.MatchExpressions.IsInvalid) return;
        if (emptyName is not null && selector.MatchLabels.Count == 0 && selector.MatchExpressions.Count == 0)
        {
            context.Report(Empty, field, [("path", field.Path.ToString()), ("kind", emptyName)]);
            return;
        }

        if (Equalities(selector.MatchLabels) is not { } requirements) return;
        foreach (var expression in selector.MatchExpressions)
        {
            // An invalid expression makes the selector invalid: that is a finding of its own, not a mismatch.
            var op = expression.Operator.Value;
            if (expression.Key.Value is not { Length: > 0 } key || op is not ("In" or "NotIn" or "Exists" or "DoesNotExist")) return;
            var values = new List<string>();
            foreach (var v in expression.Values)
            {
                if (!v.IsValid) return;
                values.Add(v.Value);
            }

            requirements.Add(new Requirement(key, op, values));
        }

        // The controller's own uid label is only known once the object exists; nothing written can be checked against it.
        requirements.RemoveAll(r => r.Key is "controller-uid" or "batch.kubernetes.io/controller-uid");
        if (TemplateLabels(template, generated) is not { } labels) return;
        if (FirstUnmet(requirements, labels) is { } reason)
        {
            ReportMismatch(context, kind, template, field.Location, Describe(requirements), reason);
        }
    }

    private static void ReportMismatch(PodContext context, string kind, PodTemplateSpec template, Location selector, string selectorText, string reason)
    {
        var metadata = template.Metadata;
        // The API server reports `….template.metadata.labels`; without labels (or metadata) the finding points where they go.
        var at = metadata.Value is { } m
            ? m.Labels.IsAbsent ? m.Labels.MissingAt : m.Labels.Location.AtKey
            : metadata.MissingAt with { Path = metadata.Path.Field("labels") };
        context.Report(Mismatch, at, [("selector", selectorText), ("reason", reason), ("kind", kind)],
            [RelatedLocation.At(selector.AtKey, "the selector")]);
    }

    /// <summary>The template's labels (with any the API server adds), or null when they are invalid (already reported).</summary>
    private static Dictionary<string, string>? TemplateLabels(PodTemplateSpec template, Dictionary<string, string> generated)
    {
        var labels = new Dictionary<string, string>(generated, StringComparer.Ordinal);
        if (template.Metadata.IsInvalid) return null;
        if (template.Metadata.Value is not { } metadata) return labels;
        if (metadata.Labels.IsInvalid) return null;
        foreach (var label in metadata.Labels)
        {
            if (!label.IsValid) return null;
            labels.TryAdd(label.Key!, label.Value);
        }

        return labels;
    }

    private sealed record Requirement(string Key, string Operator, List<string> Values);

    /// <summary>The requirements of a map of labels to select (<c>key=value</c> each), or null when a value is invalid (already reported).</summary>
    private static List<Requirement>? Equalities(MapField<string> labels)
    {
        var requirements = new List<Requirement>(labels.Count);
        foreach (var entry in labels)
        {
            if (!entry.IsValid) return null;
            requirements.Add(new Requirement(entry.Key!, "In", [entry.Value]));
        }

        return requirements;
    }

    /// <summary>Why the labels do not satisfy the requirements (the first unmet one), or null when they do.</summary>
    private static string? FirstUnmet(List<Requirement> requirements, Dictionary<string, string> labels)
    {
        foreach (var r in requirements)
        {
            var has = labels.TryGetValue(r.Key, out var value);
            switch (r.Operator)
            {
                case "In" when !has:
                    return r.Values.Count == 1 ? $"the template has no label `{r.Key}`" : $"the template has no label `{r.Key}` (one of {List(r.Values)} is needed)";
                case "In" when !r.Values.Contains(value!):
                    return r.Values.Count == 1 ? $"the template's `{r.Key}` is `{value}`, not `{r.Values[0]}`" : $"the template's `{r.Key}` is `{value}`, not one of {List(r.Values)}";
                case "NotIn" when has && r.Values.Contains(value!):
                    return $"the template's `{r.Key}` is `{value}`, which the selector excludes";
                case "Exists" when !has:
                    return $"the template has no label `{r.Key}`";
                case "DoesNotExist" when has:
                    return $"the template has the label `{r.Key}`, which the selector excludes";
            }
        }

        return null;
    }

    private static string Describe(List<Requirement> requirements) => string.Join(", ", requirements.Select(r => r.Operator switch
    {
        "In" when r.Values.Count == 1 => $"{r.Key}={r.Values[0]}",
        "In" => $"{r.Key} in ({string.Join(",", r.Values)})",
        "NotIn" => $"{r.Key} notin ({string.Join(",", r.Values)})",
        "Exists" => r.Key,
        _ => "!" + r.Key,
    }));

    private static string List(List<string> values) => string.Join(", ", values.Select(v => $"`{v}`"));
}
