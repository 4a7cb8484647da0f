using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2097: Windows HostProcess containers (spec §1.P W1–W3, <c>validateWindowsHostProcessPod</c>, whatever
/// <c>spec.os</c> says): a container's <c>hostProcess</c> must equal the Pod's when both are set; if any container
/// (init and ephemeral included) is a HostProcess container, all must be, and the Pod must use the host network. The
/// server's fourth check, that the cluster allows privileged containers (<c>--allow-privileged</c>), depends on the
/// cluster's flags and is not made.
/// </summary>
internal sealed class PL2097WindowsHostProcess : IPodRule
{
    public static readonly MessageTemplate Differs = new("host-process-differs",
        "`hostProcess: {value}` differs from the Pod's: pod hostProcess value must be identical if both are specified, was {pod}",
        "remove the container's `hostProcess` (it inherits the Pod's), or make it `{pod}`", ApiErrorType.Invalid);

    public static readonly MessageTemplate Mixed = new("mixed-host-process",
        "if pod contains any hostProcess containers then all containers must be HostProcess containers ({count} of {total} are)",
        "set `securityContext.windowsOptions.hostProcess: true` on the Pod (all containers inherit it), or on none", ApiErrorType.Invalid);

    public static readonly MessageTemplate NeedsHostNetwork = new("host-process-needs-host-network",
        "hostNetwork must be true if pod contains any hostProcess containers",
        "add `hostNetwork: true` to the Pod's spec: HostProcess containers run in the node's network namespace", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.WindowsHostProcess, "windows-host-process", RuleCategory.ApiServer, Severity.Error,
        "If any container of a Pod is a Windows HostProcess container, all must be, the Pod must use `hostNetwork: true`, and container and Pod must agree on `hostProcess`",
        messages: [Differs, Mixed, NeedsHostNetwork]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        var podHostProcess = HostProcessOf(spec.SecurityContext is { IsValid: true, Value: { } podSecurity } ? podSecurity.WindowsOptions : default);
        Field<bool>? first = null;
        int total = 0, hostProcess = 0;
        foreach (var container in context.Containers)
        {
            total++;
            var own = HostProcessOf(container.SecurityContext is { IsValid: true, Value: { } security } ? security.WindowsOptions : default);
            if (podHostProcess is { IsValid: true } pod && own is { IsValid: true } mine && pod.Value != mine.Value)
            {
                context.Report(Differs, mine, [("value", Bool(mine.Value)), ("pod", Bool(pod.Value))]);
            }

            var effective = own is { IsValid: true } ? own.Value : podHostProcess;
            if (effective is { IsValid: true, Value: true })
            {
                hostProcess++;
                first ??= effective;
            }
        }

        if (hostProcess == 0 || first is not { } at) return;
        if (hostProcess != total)
        {
            context.Report(Mixed, at.Location with { Path = spec.Location.Path },
                [("count", hostProcess.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("total", total.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }

        if (spec.HostNetwork is not { IsValid: true, Value: true })
        {
            context.Report(NeedsHostNetwork, spec.HostNetwork.IsValid ? spec.HostNetwork.Location : at.Location with { Path = spec.HostNetwork.Path });
        }
    }

    private static Field<bool>? HostProcessOf(Field<WindowsSecurityContextOptions> options)
        => options is { IsValid: true, Value: { } o } && !o.HostProcess.IsUnset ? o.HostProcess : null;

    private static string Bool(bool value) => value ? "true" : "false";
}
