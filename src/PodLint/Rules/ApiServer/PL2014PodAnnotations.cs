using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2014: the annotations the API server reads on a Pod, and checks (<c>ValidatePodSpecificAnnotations</c>, spec §1.A.1
/// A1, A4–A8): the mirror-pod annotation needs <c>spec.nodeName</c>, the pod deletion cost must be a canonical 32-bit
/// integer, the seccomp annotations must name a profile, and each AppArmor annotation must name a container of the Pod
/// and a profile. On Pods and Pod templates, with the server's paths (the seccomp ones dotted:
/// <c>metadata.annotations.seccomp.security.alpha.kubernetes.io/pod</c>; on a template without <c>metadata</c>).
/// </summary>
internal sealed class PL2014PodAnnotations : IPodRule
{
    public const string MirrorKey = "kubernetes.io/config.mirror";
    public const string DeletionCostKey = "controller.kubernetes.io/pod-deletion-cost";
    public const string SeccompPodKey = "seccomp.security.alpha.kubernetes.io/pod";
    public const string SeccompContainerPrefix = "container.seccomp.security.alpha.kubernetes.io/";
    public const string AppArmorContainerPrefix = "container.apparmor.security.beta.kubernetes.io/";

    public static readonly MessageTemplate MirrorWithoutNode = new("mirror-without-node",
        "annotation `kubernetes.io/config.mirror` marks a mirror pod: must set spec.nodeName if mirror pod annotation is set",
        "remove the annotation: the kubelet creates mirror pods for its static pods", ApiErrorType.Invalid);

    public static readonly MessageTemplate DeletionCost = new("deletion-cost",
        "pod deletion cost `{value}` is invalid: must be a 32bit integer",
        "write an integer from -2147483648 to 2147483647 as a string, without `+`, spaces or leading zeros (e.g. `\"100\"`)", ApiErrorType.Invalid);

    public static readonly MessageTemplate SeccompProfile = new("seccomp-profile",
        "seccomp profile `{value}` of annotation `{key}` is invalid: {detail}",
        "use `runtime/default`, `unconfined` or `localhost/<path relative to the kubelet's seccomp directory>`; better, set `securityContext.seccompProfile` (the annotation has no effect since 1.27)", ApiErrorType.Invalid);

    public static readonly MessageTemplate AppArmorContainer = new("apparmor-container",
        "annotation `{key}` names container `{container}`: container not found",
        "name one of the Pod's containers after the `/`; better, set `securityContext.appArmorProfile` in the container", ApiErrorType.Invalid);

    public static readonly MessageTemplate AppArmorProfile = new("apparmor-profile",
        "annotation `{key}`: invalid AppArmor profile name: {quoted}",
        "use `runtime/default`, `unconfined` or `localhost/<profile>`; better, set `securityContext.appArmorProfile`", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.PodAnnotations, "pod-annotations", RuleCategory.ApiServer, Severity.Error,
        "The annotations the API server checks on a Pod must be valid: mirror pod, pod deletion cost, seccomp and AppArmor profiles",
        messages: [MirrorWithoutNode, DeletionCost, SeccompProfile, AppArmorContainer, AppArmorProfile]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Metadata is not { } metadata) return;
        var annotations = metadata.Annotations;
        if (annotations.Count == 0) return;
        var root = PL2012LabelsAndAnnotations.ServerMetadataPath(context, metadata).Field("annotations");
        foreach (var annotation in annotations)
        {
            if (annotation.Key is not { } key || !annotation.IsValid) continue;
            var value = annotation.Value;
            var keyed = new Location(annotation.Span, annotation.KeySpan, root.Key(key));
            switch (key)
            {
                case MirrorKey:
                    if (context.Spec is not { } spec || !spec.NodeName.IsValid || spec.NodeName.Value.Length == 0)
                    {
                        context.Report(MirrorWithoutNode, keyed.AtKey);
                    }

                    break;
                case DeletionCostKey:
                    // The PodDeletionCost gate is on in every supported version (beta since 1.22).
                    if (!IsCanonicalInt32(value)) context.Report(DeletionCost, keyed, [("value", value)]);
                    break;
                case SeccompPodKey:
                    Seccomp(context, annotation, root, key, value);
                    break;
                default:
                    if (key.StartsWith(SeccompContainerPrefix, StringComparison.Ordinal))
                    {
                        Seccomp(context, annotation, root, key, value);
                    }
                    else if (key.StartsWith(AppArmorContainerPrefix, StringComparison.Ordinal))
                    {
                        AppArmor(context, keyed, key, value);
                    }

                    break;
            }
        }
    }

    /// <summary><c>GetDeletionCostFromPodAnnotations</c>: <c>-</c>, exactly <c>0</c> or <c>1</c>–<c>9</c> first, then a base-10 int32.</summary>
    internal static bool IsCanonicalInt32(string value)
    {
        if (value.Length == 0) return false;
        var first = value[0];
        if (!(first == '-' || (first == '0' && value == "0") || (first >= '1' && first <= '9'))) return false;
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is < '0' or > '9') return false;
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) && value != "-";
    }

    private static void Seccomp(PodContext context, Field<string> annotation, Parsing.FieldPath root, string key, string value)
    {
        // The server uses .Child(key) here: the path is dotted, not bracketed.
        var at = new Location(annotation.Span, annotation.KeySpan, root.Field(key));
        foreach (var detail in SeccompErrors(value))
        {
            context.Report(SeccompProfile, at, [("value", value), ("key", key), ("detail", detail)]);
        }
    }

    /// <summary><c>ValidateSeccompProfile</c>: the details the server gives for an annotation's profile.</summary>
    internal static List<string> SeccompErrors(string profile)
    {
        if (profile is "runtime/default" or "docker/default" or "unconfined") return [];
        if (!profile.StartsWith("localhost/", StringComparison.Ordinal)) return ["must be a valid seccomp profile"];
        return PathFormats.LocalDescendingPathErrors(profile["localhost/".Length..]);
    }

    private static void AppArmor(PodContext context, Location at, string key, string value)
    {
        var container = key[AppArmorContainerPrefix.Length..];
        if (!context.Containers.Any(c => c.Name.IsValid && c.Name.Value == container))
        {
            context.Report(AppArmorContainer, at.AtKey, [("key", key), ("container", container)]);
        }

        if (value.Length > 0 && value is not ("runtime/default" or "unconfined") && !value.StartsWith("localhost/", StringComparison.Ordinal))
        {
            context.Report(AppArmorProfile, at, [("key", key), ("quoted", "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")]);
        }
    }
}
