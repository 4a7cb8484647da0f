using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2090: the Pod-level scalars of <c>ValidatePodSpec</c> (spec §1.B S1, S4, S6, S7, S14, S15, S24, S25) and the
/// create-only check of <c>nodeName</c> with scheduling gates (§1.B.2 CR2): at least one container; the enumerated
/// <c>restartPolicy</c>, <c>dnsPolicy</c>, <c>preemptionPolicy</c> and <c>os.name</c>; <c>activeDeadlineSeconds</c> in
/// range. Empty <c>restartPolicy</c> and <c>dnsPolicy</c> are defaulted before validation (§0.3) and not reported.
/// </summary>
internal sealed class PL2090PodSpecValue : IPodRule
{
    public static readonly MessageTemplate NoContainers = new("no-containers", "the Pod has no containers: `containers` needs at least one",
        "add a container with a `name` and an `image`", ApiErrorType.Required);

    public static readonly MessageTemplate NotSupported = new("not-supported",
        "`{field}: {value}` is not supported (supported values: {supported})", "{help}", ApiErrorType.NotSupported);

    public static readonly MessageTemplate DeadlineOutOfRange = new("active-deadline-out-of-range",
        "`activeDeadlineSeconds: {value}` is invalid: must be between 1 and 2147483647, inclusive",
        "give the seconds the Pod may run before it is stopped (at least 1), or remove `activeDeadlineSeconds` for no limit", ApiErrorType.Invalid);

    public static readonly MessageTemplate EmptyPreemptionPolicy = new("empty-preemption-policy", "`preemptionPolicy` is empty",
        "write `PreemptLowerPriority` or `Never`, or remove `preemptionPolicy` to take the priority class's", ApiErrorType.Required);

    public static readonly MessageTemplate EmptyOsName = new("empty-os-name", "`os.name` cannot be empty",
        "write `linux` or `windows`, or remove `os`", ApiErrorType.Required);

    public static readonly MessageTemplate NodeNameWithGates = new("node-name-with-scheduling-gates",
        "`nodeName` cannot be set until all schedulingGates have been cleared",
        "remove `nodeName` and let the scheduler place the Pod once its gates are removed, or remove `schedulingGates`", ApiErrorType.Forbidden);

    public static readonly RuleDescriptor Rule = new(RuleIds.PodSpecValue, "pod-spec-value", RuleCategory.ApiServer, Severity.Error,
        "A Pod needs at least one container, a supported `restartPolicy`, `dnsPolicy`, `preemptionPolicy` and `os.name`, an `activeDeadlineSeconds` of at least 1, and no `nodeName` while it has scheduling gates",
        messages: [NoContainers, NotSupported, DeadlineOutOfRange, EmptyPreemptionPolicy, EmptyOsName, NodeNameWithGates]);

    // The server's lists, in the order it prints them.
    private static readonly string[] RestartPolicies = ["Always", "OnFailure", "Never"];
    private static readonly string[] DnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
    private static readonly string[] PreemptionPolicies = ["PreemptLowerPriority", "Never"];
    private static readonly string[] OsNames = ["linux", "windows"];

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;

        // A missing list is PL1003's; an empty one is the server's Required.
        if (spec.Containers is { IsValid: true, Count: 0 } containers)
        {
            context.Report(NoContainers, containers);
        }

        // A workload template's restart policy is PL2004's: its kind allows fewer values than a Pod.
        if (!context.IsTemplate) CheckSupported(context, spec.RestartPolicy, "restartPolicy", RestartPolicies, spec.RestartPolicy.Location.Path);
        CheckSupported(context, spec.DnsPolicy, "dnsPolicy", DnsPolicies, spec.DnsPolicy.Location.Path);

        if (spec.ActiveDeadlineSeconds.TryGetValue(out var deadline) && deadline is < 1 or > int.MaxValue)
        {
            context.Report(DeadlineOutOfRange, spec.ActiveDeadlineSeconds, [("value", deadline.ToString(CultureInfo.InvariantCulture))]);
        }

        if (spec.PreemptionPolicy.TryGetValue(out var preemption))
        {
            if (preemption.Length == 0) context.Report(EmptyPreemptionPolicy, spec.PreemptionPolicy);
            else CheckSupported(context, spec.PreemptionPolicy, "preemptionPolicy", PreemptionPolicies, spec.PreemptionPolicy.Location.Path);
        }

        if (spec.Os is { IsValid: true, Value: { } os } && os.Name.TryGetValue(out var osName))
        {
            // A missing name is PL1003's; the server reports an unsupported one at `spec.os`, not `spec.os.name`.
            if (osName.Length == 0) context.Report(EmptyOsName, os.Name);
            else CheckSupported(context, os.Name, "os.name", OsNames, spec.Os.Location.Path);
        }

        // ValidatePodCreate's own check: a Pod, not a template.
        if (!context.IsTemplate && spec.NodeName.TryGetValue(out var nodeName) && nodeName.Length > 0 && spec.SchedulingGates.Count > 0)
        {
            context.Report(NodeNameWithGates, spec.NodeName);
        }
    }

    private static void CheckSupported(PodContext context, Field<string> field, string name, string[] supported, FieldPath path)
    {
        // Absent or empty: defaulted (restartPolicy Always, dnsPolicy ClusterFirst) before validation.
        if (ServerDefaults.FillsIn(field) || !field.TryGetValue(out var value) || SupportedValues.Contains(supported, value)) return;
        var list = SupportedValues.List(supported);
        context.Report(NotSupported, field.Location with { Path = path },
            [("field", name), ("value", value), ("supported", list), ("help", SupportedValues.Help(supported, value, $"use one of {list}"))]);
    }
}
