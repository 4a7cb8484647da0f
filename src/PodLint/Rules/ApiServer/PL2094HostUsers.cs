using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2094: a Pod in its own user namespace (<c>hostUsers: false</c>) may not share the node's network, PID or IPC
/// namespace (spec §1.B.1 H1–H3). The gate UserNamespacesSupport is on by default from 1.33: before, the server drops
/// <c>hostUsers</c> and nothing is checked. H4, <c>procMount: Unmasked</c> without <c>hostUsers: false</c>, is the same
/// check as SC5 and PL2070's. The paths and wording of H1–H3 changed after 1.33 (§7.8: <c>spec.hostNetwork</c>,
/// ``when `hostUsers` is false``); PodLint uses the later form from 1.34, the version in which it was first seen.
/// </summary>
internal sealed class PL2094HostUsers : IPodRule
{
    public static readonly MessageTemplate HostNamespace = new("host-namespace-with-user-namespace",
        "`{field}: true` is forbidden {detail}",
        "remove `{field}: true`, or remove `hostUsers: false`: a Pod in its own user namespace cannot share the node's {namespace} namespace", ApiErrorType.Forbidden);

    public static readonly RuleDescriptor Rule = new(RuleIds.HostUsers, "host-users", RuleCategory.ApiServer, Severity.Error,
        "A Pod with `hostUsers: false` may not set `hostNetwork`, `hostPID` or `hostIPC`",
        messages: [HostNamespace]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec || !FeatureGates.UserNamespacesSupport.IsOn(context.KubernetesVersion)) return;
        if (spec.HostUsers is not { IsValid: true, Value: false }) return;
        var later = KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 34);
        var root = later ? spec.Location.Path : spec.Location.Path.Field("securityContext");
        var detail = later ? "when `hostUsers` is false" : "when `pod.Spec.HostUsers` is false";
        // The server's own spelling: hostNetwork, but HostPID and HostIPC.
        Forbid(context, spec.HostNetwork, "hostNetwork", root.Field("hostNetwork"), detail, "network");
        Forbid(context, spec.HostPID, "hostPID", root.Field("HostPID"), detail, "process (PID)");
        Forbid(context, spec.HostIPC, "hostIPC", root.Field("HostIPC"), detail, "IPC");
    }

    private static void Forbid(PodContext context, Field<bool> field, string name, FieldPath path, string detail, string ns)
    {
        if (field is { IsValid: true, Value: true }) context.Report(HostNamespace, field.Location with { Path = path }, [("field", name), ("detail", detail), ("namespace", ns)]);
    }
}
