using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2021: the enumerated values of a container (spec §1.C C7–C10, §1.D P6, P7): <c>imagePullPolicy</c>,
/// <c>terminationMessagePolicy</c> and <c>ports[].protocol</c> must be one of the values the API server supports
/// (case-sensitive). Empty values are defaulted before validation (§0.3), so the server's "Required value" for them
/// cannot be reached and is not reported.
/// </summary>
internal sealed class PL2021UnsupportedContainerValue : ContainerRule
{
    public static readonly MessageTemplate NotSupported = new("not-supported",
        "`{field}: {value}` is not supported (supported values: {supported})", "{help}", ApiErrorType.NotSupported);

    public static readonly RuleDescriptor Rule = new(RuleIds.UnsupportedContainerValue, "unsupported-container-value", RuleCategory.ApiServer,
        Severity.Error, "A container's `imagePullPolicy`, `terminationMessagePolicy` and port `protocol` must be one of the values the API server supports",
        messages: [NotSupported], appliesTo: ContainerRoles.All);

    // The server's lists, in the order it prints them (protocols sorted, the others as declared).
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];
    private static readonly string[] MessagePolicies = ["File", "FallbackToLogsOnError"];
    private static readonly string[] Protocols = ["SCTP", "TCP", "UDP"];

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        Check(context, container.TerminationMessagePolicy, "terminationMessagePolicy", MessagePolicies);
        foreach (var port in container.Ports) Check(context, port.Protocol, "protocol", Protocols);
        Check(context, container.ImagePullPolicy, "imagePullPolicy", PullPolicies);
    }

    private static void Check(PodContext context, Field<string> field, string name, string[] supported)
    {
        // Absent or empty: defaulted (IfNotPresent or Always, File, TCP) before validation.
        if (!field.IsValid || ServerDefaults.FillsIn(field)) return;
        var value = field.Value;
        if (SupportedValues.Contains(supported, value)) return;
        var list = SupportedValues.List(supported);
        var help = SupportedValues.Help(supported, value, $"use one of {list}, or remove `{name}` to get the default");
        context.Report(NotSupported, field, [("field", name), ("value", value), ("supported", list), ("help", help)]);
    }
}
