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

    public static readonly MessageTemplate RulesWithoutPolicy = new("rules-without-policy",
        "container `{container}` has `restartPolicyRules` but no `restartPolicy`: it must specify restartPolicy when restart rules are used",
        "add the `restartPolicy` that applies when no rule matches, e.g. `restartPolicy: Never`", ApiErrorType.Required);

    public static readonly MessageTemplate TooManyRules = new("too-many-rules", "container `{container}` has {count} `restartPolicyRules`, more than 20",
        "merge rules: one rule can list many exit codes", ApiErrorType.TooMany);

    public static readonly MessageTemplate RuleAction = new("rule-action", "restart rule `action: {value}` is not supported (supported values: `Restart`)",
        "write `action: Restart`", ApiErrorType.NotSupported);

    public static readonly MessageTemplate RuleExitCodes = new("rule-exit-codes", "restart rule has no `exitCodes`",
        "add `exitCodes:` with `operator: In` (or `NotIn`) and the exit codes the rule matches", ApiErrorType.Required);

    public static readonly MessageTemplate RuleOperator = new("rule-operator", "restart rule `operator: {value}` is not supported (supported values: `In`, `NotIn`)",
        "write `operator: In` or `operator: NotIn`", ApiErrorType.NotSupported);

    public static readonly MessageTemplate TooManyExitCodes = new("too-many-exit-codes", "restart rule lists {count} exit codes, more than 255",
        "list at most 255 exit codes; use `operator: NotIn` for the few codes that should not match", ApiErrorType.TooMany);

    public static readonly RuleDescriptor Rule = new(RuleIds.ContainerRestartPolicy, "container-restart-policy", RuleCategory.ApiServer,
        Severity.Error, "A regular container may not set `restartPolicy` before Kubernetes 1.34 (1.34 ignores it), and from 1.35 only to `Always`, `Never` or `OnFailure`",
        messages: [NonInit, NotSupported, RulesWithoutPolicy, TooManyRules, RuleAction, RuleExitCodes, RuleOperator, TooManyExitCodes], appliesTo: ContainerRoles.App);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        var policy = container.RestartPolicy;
        if (KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 35)) CheckRules(context, container);
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

    /// <summary>The restart rules of a regular container (spec §7.2, from 1.35; dropped with the gate off in 1.34).</summary>
    private static void CheckRules(PodContext context, Container container)
    {
        var rules = container.RestartPolicyRules;
        if (!rules.IsValid || rules.Count == 0) return;
        var name = container.DisplayName;
        if (container.RestartPolicy.IsUnset) context.Report(RulesWithoutPolicy, container.RestartPolicy.MissingAt, [("container", name)]);
        if (rules.Count > 20) context.Report(TooManyRules, rules, [("container", name), ("count", rules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        foreach (var rule in rules)
        {
            if (rule.Action is { IsValid: true, Value: not "Restart" } action) context.Report(RuleAction, action, [("value", action.Value)]);
            var exitCodes = rule.ExitCodes;
            if (exitCodes.IsUnset)
            {
                context.Report(RuleExitCodes, exitCodes.MissingAt);
                continue;
            }

            if (exitCodes.Value is not { } codes) continue;
            if (codes.Operator is { IsValid: true, Value: not ("In" or "NotIn") } op) context.Report(RuleOperator, op, [("value", op.Value)]);
            if (codes.Values.Count > 255)
            {
                context.Report(TooManyExitCodes, codes.Values, [("count", codes.Values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            }
        }
    }
}
