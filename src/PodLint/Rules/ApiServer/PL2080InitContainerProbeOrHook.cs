using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2080: a plain init container (without <c>restartPolicy: Always</c>) may have no lifecycle hooks and no probes (spec
/// §1.J I2, I3). Native sidecars may; their probes and hooks are checked like an app container's (PL2050, I4).
/// </summary>
internal sealed class PL2080InitContainerProbeOrHook : ContainerRule
{
    public static readonly MessageTemplate NotASidecar = new("not-a-sidecar",
        "`{field}` may not be set for init containers without restartPolicy=Always (container `{container}`)",
        "a plain init container runs once, to completion: remove `{field}`, or make the container a native sidecar with `restartPolicy: Always` if it should keep running beside the app",
        ApiErrorType.Forbidden);

    public static readonly RuleDescriptor Rule = new(RuleIds.InitContainerProbeOrHook, "init-container-probe-or-hook", RuleCategory.ApiServer,
        Severity.Error, "An init container without `restartPolicy: Always` may not have `lifecycle` hooks or liveness, readiness or startup probes",
        messages: [NotASidecar], appliesTo: ContainerRoles.Init);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        Check(context, container, container.Lifecycle, "lifecycle");
        Check(context, container, container.LivenessProbe, "livenessProbe");
        Check(context, container, container.ReadinessProbe, "readinessProbe");
        Check(context, container, container.StartupProbe, "startupProbe");
    }

    private static void Check<T>(PodContext context, Container container, Field<T> field, string name)
    {
        if (field.IsValid) context.Report(NotASidecar, field.Location.AtKey, [("field", name), ("container", container.DisplayName)]);
    }
}
