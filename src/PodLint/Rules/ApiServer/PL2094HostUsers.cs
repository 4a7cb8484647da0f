using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2094: a Pod in its own user namespace (<c>hostUsers: false</c>) may not share the node's network, PID or IPC
/// namespace, and only such a Pod may use <c>procMount: Unmasked</c> (spec §1.B.1 H1–H4). Both depend on gates that
/// are on by default from 1.33 (UserNamespacesSupport, ProcMountType): before, the server drops <c>hostUsers</c> and
/// <c>procMount</c> and nothing is checked. The paths and wording of H1–H3 changed after 1.33 (§7.8: <c>spec.hostNetwork</c>,
/// ``when `hostUsers` is false``); PodLint uses the later form from 1.34, the version in which it was first seen.
/// </summary>
internal sealed class PL2094HostUsers : IPodRule
{
    public static readonly MessageTemplate HostNamespace = new("host-namespace-with-user-namespace",
        "`{field}: true` is forbidden {detail}",
        "remove `{field}: true`, or remove `hostUsers: false`: a Pod in its own user namespace cannot share the node's {namespace} namespace", ApiErrorType.Forbidden);

    public static readonly MessageTemplate Unmasked = new("unmasked-proc-mount", "`hostUsers` must be false to use `Unmasked`",
        "add `hostUsers: false` to the Pod's spec, or use `procMount: Default`", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.HostUsers, "host-users", RuleCategory.ApiServer, Severity.Error,
        "A Pod with `hostUsers: false` may not set `hostNetwork`, `hostPID` or `hostIPC`, and `procMount: Unmasked` needs `hostUsers: false`",
        messages: [HostNamespace, Unmasked]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec || !KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 33)) return;
        var userNamespace = spec.HostUsers is { IsValid: true, Value: false };
        if (userNamespace)
        {
            var later = KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 34);
            var root = later ? spec.Location.Path : spec.Location.Path.Field("securityContext");
            var detail = later ? "when `hostUsers` is false" : "when `pod.Spec.HostUsers` is false";
            // The server's own spelling: hostNetwork, but HostPID and HostIPC.
            Forbid(context, spec.HostNetwork, "hostNetwork", root.Field("hostNetwork"), detail, "network");
            Forbid(context, spec.HostPID, "hostPID", root.Field("HostPID"), detail, "process (PID)");
            Forbid(context, spec.HostIPC, "hostIPC", root.Field("HostIPC"), detail, "IPC");
            return;
        }

        foreach (var container in context.Containers)
        {
            if (container.SecurityContext is { IsValid: true, Value.ProcMount: { IsValid: true, Value: "Unmasked" } procMount })
            {
                context.Report(Unmasked, procMount);
            }
        }
    }

    private static void Forbid(PodContext context, Field<bool> field, string name, FieldPath path, string detail, string ns)
    {
        if (field is { IsValid: true, Value: true }) context.Report(HostNamespace, field.Location with { Path = path }, [("field", name), ("detail", detail), ("namespace", ns)]);
    }
}
