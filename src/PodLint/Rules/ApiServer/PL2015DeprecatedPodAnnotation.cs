using PodLint.Diagnostics;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2015: the API server warns about annotations that no longer do anything, and names the field that replaced
/// them (spec §2 W-9, W-10): <c>scheduler.alpha.kubernetes.io/critical-pod</c> (use <c>priorityClassName</c>) and
/// <c>security.alpha.kubernetes.io/sysctls</c>, <c>…/unsafe-sysctls</c> (use <c>securityContext.sysctls</c>). On Pods and
/// Pod templates (<c>spec.template.metadata.annotations[…]</c>, as the server's warning prints it).
/// </summary>
internal sealed class PL2015DeprecatedPodAnnotation : IPodRule
{
    public static readonly MessageTemplate NonFunctional = new("non-functional",
        "annotation `{key}` is non-functional in v{version}+; use the `{field}` field instead",
        "remove the annotation and set {replacement}");

    public static readonly RuleDescriptor Rule = new(RuleIds.DeprecatedPodAnnotation, "deprecated-pod-annotation", RuleCategory.ApiServer, Severity.Warning,
        "Annotations that Kubernetes no longer reads (`critical-pod`, the alpha sysctls ones) should be replaced by their fields",
        messages: [NonFunctional]);

    private static readonly Dictionary<string, (string Version, string Field, string Replacement)> Deprecated = new(StringComparer.Ordinal)
    {
        ["scheduler.alpha.kubernetes.io/critical-pod"] = ("1.16", "priorityClassName", "`spec.priorityClassName` (e.g. `system-cluster-critical`)"),
        ["security.alpha.kubernetes.io/sysctls"] = ("1.11", "sysctls", "`spec.securityContext.sysctls`"),
        ["security.alpha.kubernetes.io/unsafe-sysctls"] = ("1.11", "sysctls", "`spec.securityContext.sysctls`"),
    };

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Metadata is not { } metadata) return;
        foreach (var annotation in metadata.Annotations)
        {
            if (annotation.Key is not { } key || !Deprecated.TryGetValue(key, out var d)) continue;
            context.Report(NonFunctional, annotation.Location.AtKey,
                [("key", key), ("version", d.Version), ("field", d.Field), ("replacement", d.Replacement)]);
        }
    }
}
