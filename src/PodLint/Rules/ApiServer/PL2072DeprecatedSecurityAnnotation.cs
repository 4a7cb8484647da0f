using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2072: the API server warns about the legacy seccomp and AppArmor annotations when the field that replaced them is
/// not set (spec §2 W-29–W-31): <c>seccomp.security.alpha.kubernetes.io/pod</c> without
/// <c>spec.securityContext.seccompProfile</c>, <c>container.seccomp.security.alpha.kubernetes.io/&lt;c&gt;</c> without that
/// container's <c>seccompProfile</c> (non-functional since 1.27), and from 1.30
/// <c>container.apparmor.security.beta.kubernetes.io/&lt;c&gt;</c> without an <c>appArmorProfile</c> on the container or
/// the Pod. The values of these annotations are PL2014's.
/// </summary>
internal sealed class PL2072DeprecatedSecurityAnnotation : IPodRule
{
    public static readonly MessageTemplate Seccomp = new("seccomp",
        "annotation `{key}` is non-functional in v1.27+; use the `seccompProfile` field instead",
        "remove the annotation and set `{field}` (e.g. `type: RuntimeDefault`)");

    public static readonly MessageTemplate AppArmor = new("apparmor",
        "annotation `{key}` is deprecated since v1.30; use the `appArmorProfile` field instead",
        "remove the annotation and set `securityContext.appArmorProfile` in container `{container}` (e.g. `type: RuntimeDefault`)");

    public static readonly RuleDescriptor Rule = new(RuleIds.DeprecatedSecurityAnnotation, "deprecated-security-annotation", RuleCategory.ApiServer,
        Severity.Warning, "The legacy seccomp and AppArmor annotations should be replaced by the `seccompProfile` and `appArmorProfile` fields",
        messages: [Seccomp, AppArmor]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Metadata is not { } metadata || metadata.Annotations.Count == 0) return;
        var annotations = metadata.Annotations;
        var pod = context.Spec?.SecurityContext.Value;
        if (pod?.SeccompProfile.IsUnset != false && annotations.TryGetValue(PL2014PodAnnotations.SeccompPodKey, out var podAnnotation))
        {
            context.Report(Seccomp, podAnnotation.Location.AtKey, [("key", PL2014PodAnnotations.SeccompPodKey), ("field", "spec.securityContext.seccompProfile")]);
        }

        var podAppArmor = pod is not null && !pod.AppArmorProfile.IsUnset;
        var appArmorFields = KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 30);
        foreach (var container in context.Containers)
        {
            if (!container.Name.TryGetValue(out var name) || name.Length == 0) continue;
            var sc = container.SecurityContext.Value;
            var key = PL2014PodAnnotations.SeccompContainerPrefix + name;
            if (sc?.SeccompProfile.IsUnset != false && annotations.TryGetValue(key, out var seccomp))
            {
                context.Report(Seccomp, seccomp.Location.AtKey, [("key", key), ("field", "securityContext.seccompProfile` of container `" + name)]);
            }

            key = PL2014PodAnnotations.AppArmorContainerPrefix + name;
            if (appArmorFields && !podAppArmor && sc?.AppArmorProfile.IsUnset != false && annotations.TryGetValue(key, out var appArmor))
            {
                context.Report(AppArmor, appArmor.Location.AtKey, [("key", key), ("container", name)]);
            }
        }
    }
}
