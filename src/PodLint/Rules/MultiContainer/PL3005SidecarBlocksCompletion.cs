using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3005: a Pod meant to run to completion (<c>restartPolicy: Never</c> or <c>OnFailure</c>: a Job's, a CronJob's,
/// or a bare Pod's as written) runs a long-lived helper as a classic sidecar, in <c>containers</c> beside a container
/// that is not one. The helper keeps running after the main container exits, so the Pod never completes. A native
/// sidecar (an init container with <c>restartPolicy: Always</c>) is stopped by the kubelet once the app containers
/// are done.
/// </summary>
internal sealed class PL3005SidecarBlocksCompletion : IPodRule
{
    public static readonly MessageTemplate NeverCompletes = new("never-completes",
        "`{container}` keeps running after the other containers finish ({evidence}), so {outcome}",
        "make `{container}` a native sidecar: move it to `initContainers` with `restartPolicy: Always`, and the kubelet stops it once the other containers have finished");

    public static readonly RuleDescriptor Rule = new(RuleIds.SidecarBlocksCompletion, "sidecar-blocks-completion", RuleCategory.MultiContainer,
        Severity.Warning, "A Pod that should run to completion (a Job's, or `restartPolicy: Never`/`OnFailure`) must not run a long-lived helper in `containers`",
        messages: [NeverCompletes], appliesTo: ContainerRoles.App);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        // Other workloads keep their Pods running (PL2004 reports a template that says otherwise).
        if (context.Spec is not { } spec || context.Object is not (Pod or PodTemplate or Job or CronJob)) return;
        var policy = spec.RestartPolicy;
        if (!policy.IsValid || policy.Value is not ("Never" or "OnFailure")) return;
        var apps = context.ContainersWithRole(ContainerRoles.App).ToList();
        if (apps.Count < 2) return;
        var helpers = context.Helpers.HelpersAmong(apps);
        if (helpers.Count == 0 || helpers.Count == apps.Count) return;
        // A Job's containers are tasks by definition. A bare Pod's restart policy says less (`OnFailure` also serves a
        // server that should restart only after a crash): one of its other containers must look like a task, with no
        // evidence of being long-lived at all (no ports either) and no probes.
        var isJob = context.Object is Job or CronJob;
        if (!isJob && !apps.Any(c => !helpers.Any(h => ReferenceEquals(h.Container, c)) && LooksLikeTask(context.Helpers, c))) return;
        var running = context.ContainersWithRole(ContainerRoles.Running).ToList();
        var outcome = context.Object switch
        {
            Job => "the Job never completes",
            CronJob => "the CronJob's Jobs never complete",
            _ => "the Pod never completes",
        };
        var native = NativeSidecars.AreAvailable(context.KubernetesVersion);
        foreach (var (container, evidence) in helpers)
        {
            if (LongLivedHelpers.IsToldToExit(container, evidence, spec, running)) continue;
            var name = container.DisplayName;
            var related = new List<RelatedLocation>
            {
                RelatedLocation.At(policy, $"`restartPolicy: {policy.Value}`: the Pod is meant to run to completion"),
            };
            if (evidence.At is { } at) related.Add(RelatedLocation.At(at, evidence.Kind == HelperEvidenceKind.Ports ? $"a port: `{name}` looks like a server" : evidence.Description));
            var help = native
                ? null
                : $"native sidecars need Kubernetes 1.{NativeSidecars.FirstMinor} or newer: make `{name}` exit when the main container is done (call its shutdown endpoint, or have it wait for a file the main container writes)";
            context.Report(NeverCompletes, container.Name.IsValid ? container.Name.Location : container.Name.MissingAt,
                [("container", name), ("evidence", evidence.Description), ("outcome", outcome)], [.. related], help);
        }
    }

    private static bool LooksLikeTask(LongLivedHelpers helpers, Container container)
        => helpers.Classify(container).Kind == HelperEvidenceKind.None
            && container.ReadinessProbe.IsUnset && container.LivenessProbe.IsUnset && container.StartupProbe.IsUnset;
}
