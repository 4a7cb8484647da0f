using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2095: when a Pod sets both a legacy seccomp or AppArmor annotation and the field that replaced it, the two must
/// agree (spec §1.B.2 CR5–CR8, checked by <c>ValidatePodCreate</c> on Pods only). Seccomp: the pod annotation against
/// <c>spec.securityContext.seccompProfile</c>, each container's annotation against its own field. AppArmor: each
/// container's annotation against the container's own <c>appArmorProfile</c>; a profile inherited from the Pod is
/// not compared, because on create the server first syncs the annotation into a container that has no field.
/// </summary>
internal sealed class PL2095ProfileAnnotationMismatch : IPodRule
{
    public static readonly MessageTemplate TypeMismatch = new("type-mismatch",
        "{kind} type in annotation and field must match: the field says `{type}`, annotation `{key}` says `{value}`",
        "remove the annotation `{key}` (the field replaced it), or make both name the same profile", ApiErrorType.Forbidden);

    public static readonly MessageTemplate ProfileMismatch = new("profile-mismatch",
        "{kind} profile in annotation and field must match: the field says `{profile}`, annotation `{key}` says `{value}`",
        "remove the annotation `{key}` (the field replaced it), or make both name the same profile", ApiErrorType.Forbidden);

    public static readonly RuleDescriptor Rule = new(RuleIds.ProfileAnnotationMismatch, "profile-annotation-mismatch", RuleCategory.ApiServer, Severity.Error,
        "A legacy seccomp or AppArmor annotation and the `securityContext` field that replaced it must name the same profile",
        messages: [TypeMismatch, ProfileMismatch]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.IsTemplate || context.Spec is not { } spec || context.Metadata is not { } metadata) return;
        var annotations = metadata.Annotations;
        if (annotations.Count == 0) return;

        if (spec.SecurityContext is { IsValid: true, Value.SeccompProfile: { IsValid: true, Value: { } podSeccomp } }
            && annotations.TryGetValue(PL2014PodAnnotations.SeccompPodKey, out var podAnnotation) && podAnnotation.IsValid)
        {
            Compare(context, "seccomp", podSeccomp.Type, podSeccomp.LocalhostProfile, podSeccomp.Location, PL2014PodAnnotations.SeccompPodKey, podAnnotation.Value,
                unconfined: ["unconfined"], runtimeDefault: ["runtime/default", "docker/default"]);
        }

        var windows = spec.Os is { IsValid: true, Value.Name: { IsValid: true, Value: "windows" } };
        foreach (var container in context.Containers)
        {
            if (container.SecurityContext is not { IsValid: true, Value: { } security } || !container.Name.TryGetValue(out var name)) continue;
            if (security.SeccompProfile is { IsValid: true, Value: { } seccomp }
                && annotations.TryGetValue(PL2014PodAnnotations.SeccompContainerPrefix + name, out var seccompAnnotation) && seccompAnnotation.IsValid)
            {
                Compare(context, "seccomp", seccomp.Type, seccomp.LocalhostProfile, seccomp.Location, PL2014PodAnnotations.SeccompContainerPrefix + name,
                    seccompAnnotation.Value, unconfined: ["unconfined"], runtimeDefault: ["runtime/default", "docker/default"]);
            }

            // The AppArmor comparison is skipped for Windows Pods.
            if (!windows && security.AppArmorProfile is { IsValid: true, Value: { } appArmor }
                && annotations.TryGetValue(PL2014PodAnnotations.AppArmorContainerPrefix + name, out var appArmorAnnotation) && appArmorAnnotation.IsValid)
            {
                Compare(context, "apparmor", appArmor.Type, appArmor.LocalhostProfile, appArmor.Location, PL2014PodAnnotations.AppArmorContainerPrefix + name,
                    appArmorAnnotation.Value, unconfined: ["unconfined"], runtimeDefault: ["runtime/default"]);
            }
        }
    }

    private static void Compare(PodContext context, string kind, Field<string> type, Field<string> localhostProfile, Location profileAt, string key, string value,
        string[] unconfined, string[] runtimeDefault)
    {
        if (!type.TryGetValue(out var fieldType)) return;
        var matches = fieldType switch
        {
            "Unconfined" => unconfined.Contains(value, StringComparer.Ordinal),
            "RuntimeDefault" => runtimeDefault.Contains(value, StringComparer.Ordinal),
            "Localhost" => value.StartsWith("localhost/", StringComparison.Ordinal),
            _ => true, // another type is the field's own error
        };
        if (!matches)
        {
            context.Report(TypeMismatch, type, [("kind", kind), ("type", fieldType), ("key", key), ("value", value)]);
            return;
        }

        if (fieldType != "Localhost") return;
        var profile = localhostProfile.IsValid ? localhostProfile.Value : null;
        if (profile == value["localhost/".Length..]) return;
        var at = localhostProfile.IsValid ? localhostProfile.Location : new Location(profileAt.Span, profileAt.KeySpan, localhostProfile.Path);
        context.Report(ProfileMismatch, at, [("kind", kind), ("profile", profile ?? "(none)"), ("key", key), ("value", value)]);
    }
}
