using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2022: <c>restartPolicy</c> on a regular container (spec §1.C C11, §7.2). Up to Kubernetes 1.33 only init
/// containers may set it (<c>Always</c> makes a native sidecar). In 1.34 the gate ContainerRestartRules exists but is
/// off, and the server silently drops the field of a regular container before validation
/// (<c>dropContainerRestartRules</c>): nothing to report. From 1.35 (beta, on) a regular container may set
/// <c>Always</c>, <c>OnFailure</c> or <c>Never</c>.
/// </summary>
internal sealed class PL2022ContainerRestartPolicy : ContainerRule
{
    public static readonly MessageTemplate NonInit = new("non-init",
        "`restartPolicy` may not be set for non-init containers (container `{container}`, Kubernetes {version})",
        "remove it: a regular container follows the Pod's `restartPolicy`; to run a helper beside the app, move it to `initContainers` with `restartPolicy: Always` (a native sidecar)", ApiErrorType.Forbidden);

    public static readonly MessageTemplate NotSupported = new("not-supported",
        "`restartPolicy: {value}` is not supported for container `{container}` (supported values: `Always`, `Never`, `OnFailure`)",
        "use `Always`, `Never` or `OnFailure`, or remove it to follow the Pod's `restartPolicy`", ApiErrorType.NotSupported);

    public static readonly RuleDescriptor Rule = new(RuleIds.ContainerRestartPolicy, "container-restart-policy", RuleCategory.ApiServer,
        Severity.Error, "A regular container may not set `restartPolicy` before Kubernetes 1.34 (1.34 ignores it), and from 1.35 only to `Always`, `Never` or `OnFailure`",
        messages: [NonInit, NotSupported], appliesTo: ContainerRoles.App);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        var policy = container.RestartPolicy;
        if (!policy.IsValid) return;
        if (!KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 34))
        {
            context.Report(NonInit, policy, [("container", container.DisplayName), ("version", context.KubernetesVersion)]);
        }
        else if (KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 35) && policy.Value is not ("Always" or "Never" or "OnFailure"))
        {
            context.Report(NotSupported, policy, [("value", policy.Value), ("container", container.DisplayName)]);
        }
    }
}
