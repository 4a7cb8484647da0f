using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2022: <c>restartPolicy</c> on a regular container (spec §1.C C11, §7.2). Up to Kubernetes 1.33 only init
/// containers may set it (<c>Always</c> makes a native sidecar). In 1.34 the gate ContainerRestartRules exists but is
/// off, and the server silently drops the field of a regular container before validation
/// (<c>dropContainerRestartRules</c>): nothing to report. From 1.35 (beta, on) a regular container may set
/// <c>Always</c>, <c>OnFailure</c> or <c>Never</c>. An init container (§1.J I1) may set <c>Always</c> (a native sidecar,
/// gate SidecarContainers, beta on from 1.29), from 1.35 also <c>Never</c> and <c>OnFailure</c>, and from 1.35 restart
/// rules unless it is a native sidecar (§7.2).
/// </summary>
internal sealed class PL2022ContainerRestartPolicy : ContainerRule
{
    public static readonly MessageTemplate NonInit = new("non-init",
        "`restartPolicy` may not be set for non-init containers (container `{container}`, Kubernetes {version})",
        "remove it: a regular container follows the Pod's `restartPolicy`; to run a helper beside the app, move it to `initContainers` with `restartPolicy: Always` (a native sidecar)", ApiErrorType.Forbidden);

    public static readonly MessageTemplate NotSupported = new("not-supported",
        "`restartPolicy: {value}` is not supported for container `{container}` (supported values: {supported})",
        "{help}", ApiErrorType.NotSupported);

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

    public static readonly MessageTemplate SidecarRules = new("sidecar-rules",
        "`restartPolicyRules` are not allowed for init containers with restart policy Always (container `{container}`)",
        "a native sidecar is always restarted: remove `restartPolicyRules`, or drop `restartPolicy: Always` to make it a plain init container", ApiErrorType.Forbidden);

    public static readonly RuleDescriptor Rule = new(RuleIds.ContainerRestartPolicy, "container-restart-policy", RuleCategory.ApiServer,
        Severity.Error, "A container's `restartPolicy` must be one the Kubernetes version supports: none on a regular container before 1.34 (1.34 ignores it), `Always` on an init container, and from 1.35 `Always`, `Never` or `OnFailure` with valid restart rules",
        messages: [NonInit, NotSupported, RulesWithoutPolicy, TooManyRules, RuleAction, RuleExitCodes, RuleOperator, TooManyExitCodes, SidecarRules],
        appliesTo: ContainerRoles.App | ContainerRoles.NativeSidecar | ContainerRoles.Init);

    private const string AllPolicies = "`Always`, `Never`, `OnFailure`";

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        if (container.IsInitContainer)
        {
            AnalyzeInitContainer(context, container);
            return;
        }

        var policy = container.RestartPolicy;
        if (FeatureGates.ContainerRestartRules.IsOn(context.KubernetesVersion)) CheckRules(context, container);
        if (!policy.IsValid) return;
        if (!KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 34))
        {
            context.Report(NonInit, policy, [("container", container.DisplayName), ("version", context.KubernetesVersion)]);
        }
        else if (FeatureGates.ContainerRestartRules.IsOn(context.KubernetesVersion) && policy.Value is not ("Always" or "Never" or "OnFailure"))
        {
            context.Report(NotSupported, policy, [("value", policy.Value), ("container", container.DisplayName), ("supported", AllPolicies),
                ("help", "use `Always`, `Never` or `OnFailure`, or remove it to follow the Pod's `restartPolicy`")]);
        }
    }

    /// <summary>
    /// An init container's <c>restartPolicy</c> (§1.J I1): only <c>Always</c> before 1.35; from 1.35 (ContainerRestartRules)
    /// also <c>Never</c> and <c>OnFailure</c>, and restart rules, but not on a native sidecar (§7.2). In 1.34 the server drops
    /// the rules (gate off); before, the field does not exist (PL1002).
    /// </summary>
    private static void AnalyzeInitContainer(PodContext context, Container container)
    {
        var policy = container.RestartPolicy;
        var rulesEnabled = FeatureGates.ContainerRestartRules.IsOn(context.KubernetesVersion);
        if (policy.IsValid && !rulesEnabled && policy.Value != "Always")
        {
            context.Report(NotSupported, policy, [("value", policy.Value), ("container", container.DisplayName), ("supported", "`Always`"),
                ("help", $"write `restartPolicy: Always` to make it a native sidecar, or remove it for an init container that runs once (Kubernetes {context.KubernetesVersion})")]);
        }
        else if (policy.IsValid && rulesEnabled && policy.Value is not ("Always" or "Never" or "OnFailure"))
        {
            context.Report(NotSupported, policy, [("value", policy.Value), ("container", container.DisplayName), ("supported", AllPolicies),
                ("help", "write `Always` for a native sidecar, or `Never` or `OnFailure`, or remove it to follow the Pod's `restartPolicy`")]);
        }

        if (!rulesEnabled || !container.RestartPolicyRules.IsValid || container.RestartPolicyRules.Count == 0) return;
        if (policy.Value == "Always" && policy.IsValid)
        {
            context.Report(SidecarRules, container.RestartPolicyRules.Location.AtKey, [("container", container.DisplayName)]);
            return;
        }

        CheckRules(context, container);
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
