using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2023: a container's <c>resizePolicy</c> (spec §1.C C12–C17): each resource once, only <c>cpu</c> and
/// <c>memory</c>, a restart policy of <c>NotRequired</c> or <c>RestartContainer</c>, and <c>NotRequired</c> when the
/// Pod's <c>restartPolicy</c> is <c>Never</c>. The field is dropped before validation while the gate
/// InPlacePodVerticalScaling is off (alpha up to 1.32), so the rule checks from Kubernetes 1.33. The server reports
/// all but the duplicate on <c>resizePolicy</c> itself, without the index; the finding points at the value to change.
/// </summary>
internal sealed class PL2023InvalidResizePolicy : ContainerRule
{
    public static readonly MessageTemplate Duplicate = new("duplicate", "resize policy for `{resource}` is already given in `resizePolicy[{first}]`",
        "keep one entry per resource", ApiErrorType.Duplicate);

    public static readonly MessageTemplate Empty = new("empty", "`{field}` of a resize policy is empty",
        "{help}", ApiErrorType.Required);

    public static readonly MessageTemplate NotSupported = new("not-supported", "`{field}: {value}` is not supported in a resize policy (supported values: {supported})",
        "{help}", ApiErrorType.NotSupported);

    public static readonly MessageTemplate NeverRestart = new("never-restart",
        "resize policy `restartPolicy: {value}` must be `NotRequired` when the Pod's `restartPolicy` is `Never`",
        "write `restartPolicy: NotRequired`: a Pod that never restarts cannot restart a container to resize it", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.InvalidResizePolicy, "invalid-resize-policy", RuleCategory.ApiServer,
        Severity.Error, "A container's `resizePolicy` names `cpu` and `memory` at most once each, with `restartPolicy` `NotRequired` or `RestartContainer` (only `NotRequired` in a Pod that never restarts)",
        messages: [Duplicate, Empty, NotSupported, NeverRestart], appliesTo: ContainerRoles.All);

    private static readonly string[] Resources = ["cpu", "memory"];
    private static readonly string[] Policies = ["NotRequired", "RestartContainer"];

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        // InPlacePodVerticalScaling: alpha (off) before 1.33, when the server drops `resizePolicy` unchecked.
        if (!FeatureGates.InPlacePodVerticalScaling.IsOn(context.KubernetesVersion)) return;
        var list = container.ResizePolicy;
        if (!list.IsValid) return;
        var podNever = context.Spec?.RestartPolicy is { IsValid: true, Value: "Never" };
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var entry = list[i];
            var index = entry.Location.Path.LastIndex ?? i;
            var resource = entry.ResourceName;
            if (resource.IsValid)
            {
                if (seen.TryGetValue(resource.Value, out var first))
                {
                    context.Report(Duplicate, resource.Location with { Path = entry.Location.Path },
                        [("resource", resource.Value), ("first", first.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                }
                else
                {
                    seen.Add(resource.Value, index);
                }

                Check(context, resource, list.Path, "resourceName", Resources,
                    "name the resource to resize: `cpu` or `memory`");
            }

            var policy = entry.RestartPolicy;
            if (!policy.IsValid) continue;
            Check(context, policy, list.Path, "restartPolicy", Policies,
                "write `NotRequired` (resize in place) or `RestartContainer` (restart the container to apply the new resources)");
            if (podNever && policy.Value.Length > 0 && policy.Value != "NotRequired")
            {
                context.Report(NeverRestart, policy.Location with { Path = list.Path }, [("value", policy.Value)]);
            }
        }
    }

    private static void Check(PodContext context, Field<string> field, FieldPath listPath, string name, string[] supported, string emptyHelp)
    {
        var at = field.Location with { Path = listPath };
        if (field.Value.Length == 0)
        {
            context.Report(Empty, at, [("field", name), ("help", emptyHelp)]);
            return;
        }

        if (SupportedValues.Contains(supported, field.Value)) return;
        var list = SupportedValues.List(supported);
        context.Report(NotSupported, at, [("field", name), ("value", field.Value), ("supported", list),
            ("help", SupportedValues.Help(supported, field.Value, $"use one of {list}"))]);
    }
}
