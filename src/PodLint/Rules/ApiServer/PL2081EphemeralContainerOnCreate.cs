using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2081: ephemeral containers (spec §1.B.2 CR1, §1.K EC2–EC5). A Pod cannot be created with them (they are added to
/// a running Pod through its <c>ephemeralcontainers</c> subresource, as <c>kubectl debug</c> does), nor can a Pod
/// template hold them (<c>ValidatePodTemplateSpec</c>). The server checks each one anyway: its
/// <c>targetContainerName</c> must name a container or init container, and only the fields of its allow-list may be
/// set (no ports, resources, probes, lifecycle hooks, resize or restart policy, and no <c>subPath</c> on its mounts).
/// A duplicate name is PL2001's.
/// </summary>
internal sealed class PL2081EphemeralContainerOnCreate : IPodRule
{
    public static readonly MessageTemplate NotOnCreate = new("not-on-create", "`ephemeralContainers` cannot be set on create",
        "remove them: an ephemeral container is added to a running Pod, e.g. with `kubectl debug -it <pod> --image=busybox:1.37`", ApiErrorType.Forbidden);

    public static readonly MessageTemplate NotInTemplate = new("not-in-template", "ephemeral containers not allowed in pod template",
        "remove `ephemeralContainers`: add one to a running Pod of the workload, e.g. with `kubectl debug -it <pod> --image=busybox:1.37`", ApiErrorType.Forbidden);

    public static readonly MessageTemplate TargetNotFound = new("target-not-found",
        "`targetContainerName: {value}` of ephemeral container `{container}` names no container or init container of the Pod",
        "name the container whose namespaces the debugger should join, or remove `targetContainerName`", ApiErrorType.NotFound);

    public static readonly MessageTemplate NotAllowed = new("not-allowed", "`{field}` cannot be set for an Ephemeral Container (container `{container}`)",
        "remove it: an ephemeral container has no ports, resources, probes, lifecycle hooks, resize or restart policy", ApiErrorType.Forbidden);

    public static readonly MessageTemplate SubPathNotAllowed = new("sub-path-not-allowed", "`{field}` cannot be set for an Ephemeral Container (container `{container}`)",
        "mount the whole volume: remove `{field}` and look in the subdirectory", ApiErrorType.Forbidden);

    public static readonly RuleDescriptor Rule = new(RuleIds.EphemeralContainerOnCreate, "ephemeral-container-on-create", RuleCategory.ApiServer,
        Severity.Error, "A Pod cannot be created with `ephemeralContainers`, nor a Pod template hold them; each one may only set the fields ephemeral containers allow",
        messages: [NotOnCreate, NotInTemplate, TargetNotFound, NotAllowed, SubPathNotAllowed], appliesTo: ContainerRoles.Ephemeral);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec || !spec.EphemeralContainers.IsValid || spec.EphemeralContainers.Count == 0) return;
        var list = spec.EphemeralContainers;
        context.Report(context.IsTemplate ? NotInTemplate : NotOnCreate, list.Location.AtKey);

        HashSet<string>? names = null;
        foreach (var container in context.ContainersWithRole(ContainerRoles.Ephemeral))
        {
            var name = container.DisplayName;
            if (container.TargetContainerName is { IsValid: true, Value.Length: > 0 } target)
            {
                names ??= [.. context.ContainersWithRole(ContainerRoles.App | ContainerRoles.NativeSidecar | ContainerRoles.Init)
                    .Where(c => c.Name.IsValid).Select(c => c.Name.Value)];
                if (!names.Contains(target.Value)) context.Report(TargetNotFound, target, [("value", target.Value), ("container", name)]);
            }

            // The fields outside the allow-list, in the API's field order (the server walks the struct with reflection).
            Forbid(context, container.Ports.IsValid && container.Ports.Count > 0, container.Ports, "ports", name);
            Forbid(context, HasResources(container), container.Resources, "resources", name);
            Forbid(context, container.ResizePolicy.IsValid && container.ResizePolicy.Count > 0, container.ResizePolicy, "resizePolicy", name);
            Forbid(context, container.RestartPolicy.IsValid, container.RestartPolicy, "restartPolicy", name);
            Forbid(context, container.RestartPolicyRules.IsValid && container.RestartPolicyRules.Count > 0, container.RestartPolicyRules, "restartPolicyRules", name);
            Forbid(context, container.LivenessProbe.IsValid, container.LivenessProbe, "livenessProbe", name);
            Forbid(context, container.ReadinessProbe.IsValid, container.ReadinessProbe, "readinessProbe", name);
            Forbid(context, container.StartupProbe.IsValid, container.StartupProbe, "startupProbe", name);
            Forbid(context, container.Lifecycle.IsValid, container.Lifecycle, "lifecycle", name);

            foreach (var mount in container.VolumeMounts)
            {
                if (mount.SubPath is { IsValid: true, Value.Length: > 0 } subPath)
                {
                    context.Report(SubPathNotAllowed, subPath, [("field", "subPath"), ("container", name)]);
                }

                if (mount.SubPathExpr is { IsValid: true, Value.Length: > 0 } subPathExpr)
                {
                    context.Report(SubPathNotAllowed, subPathExpr, [("field", "subPathExpr"), ("container", name)]);
                }
            }
        }
    }

    /// <summary>Whether <c>resources</c> holds anything: an empty one is the zero value the server lets pass. (An empty
    /// <c>limits: {}</c> may be refused too; it is not reported.)</summary>
    private static bool HasResources(Container container)
        => container.Resources.Value is { } r && container.Resources.IsValid
            && ((r.Limits.IsValid && r.Limits.Count > 0) || (r.Requests.IsValid && r.Requests.Count > 0) || (r.Claims.IsValid && r.Claims.Count > 0));

    private static void Forbid(PodContext context, bool set, ILocated at, string field, string container)
    {
        if (set) context.Report(NotAllowed, at.Location.AtKey, [("field", field), ("container", container)]);
    }
}
