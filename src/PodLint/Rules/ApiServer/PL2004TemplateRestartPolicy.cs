using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2004: the restart policy a workload's Pod template must have. Deployments, StatefulSets, DaemonSets, ReplicaSets
/// and ReplicationControllers keep their Pods running, so only <c>Always</c> (the default) is accepted; Jobs and
/// CronJobs run to completion, so only <c>OnFailure</c> or <c>Never</c> is, and the default does not do.
/// </summary>
internal sealed class PL2004TemplateRestartPolicy : IPodRule
{
    public static readonly MessageTemplate OnlyAlways = new("only-always",
        "the Pods of a {kind} always restart: `restartPolicy: {value}` is not supported (supported values: `Always`)",
        "remove `restartPolicy` (it defaults to `Always`); a Pod that should run to completion belongs in a Job", ApiErrorType.NotSupported);

    public static readonly MessageTemplate JobNeedsPolicy = new("job-needs-policy",
        "the Pod template of a {kind} needs `restartPolicy: OnFailure` or `Never`; {actual}",
        "add `restartPolicy: OnFailure` (retry in the same Pod) or `restartPolicy: Never` (a new Pod per retry) to the template's spec", ApiErrorType.NotSupported);

    public static readonly MessageTemplate JobPolicyNotSupported = new("job-not-supported",
        "`restartPolicy: {value}` is not supported in the Pod template of a {kind} (supported values: `OnFailure`, `Never`)",
        "write `restartPolicy: OnFailure` or `restartPolicy: Never`", ApiErrorType.NotSupported);

    public static readonly RuleDescriptor Rule = new(RuleIds.TemplateRestartPolicy, "template-restart-policy", RuleCategory.ApiServer, Severity.Error,
        "The Pod template of a workload must have the restart policy its kind allows: `Always` for Deployments and the other controllers, `OnFailure` or `Never` for Jobs and CronJobs",
        messages: [OnlyAlways, JobNeedsPolicy, JobPolicyNotSupported]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        // A PodTemplate is only a template: the API server asks nothing of its restart policy.
        if (!context.IsTemplate || context.Object is PodTemplate || context.Spec is not { } spec) return;
        var kind = context.Object.Kind.Value ?? context.Object.GetType().Name;
        var policy = spec.RestartPolicy;
        if (policy.IsInvalid) return;
        // The API server defaults an unset (or empty) restart policy to `Always` before it validates.
        var value = policy.Value is { Length: > 0 } v ? v : null;
        if (context.Object is Job or CronJob)
        {
            if (value is null or "Always")
            {
                var actual = value is null ? "without one it defaults to `Always`, which is not allowed" : "`Always` is not allowed";
                context.Report(JobNeedsPolicy, policy.IsValid ? policy.Location : policy.MissingAt, [("kind", kind), ("actual", actual)]);
            }
            else if (value is not ("OnFailure" or "Never"))
            {
                context.Report(JobPolicyNotSupported, policy, [("kind", kind), ("value", value)]);
            }

            return;
        }

        if (value is not null and not "Always")
        {
            context.Report(OnlyAlways, policy, [("kind", kind), ("value", value)]);
        }
    }
}
