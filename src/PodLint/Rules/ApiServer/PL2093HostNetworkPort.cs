using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2093: with <c>hostNetwork: true</c> a container's <c>hostPort</c> must equal its <c>containerPort</c> (spec §1.B
/// S26, <c>validateHostNetwork</c>): the container listens on the node itself. A <c>hostPort</c> of 0 or none is
/// defaulted to the <c>containerPort</c> before validation (§0.3, <see cref="PL2005DuplicateHostPort.HostKey"/>), so
/// only a different, written host port fails. The server checks <c>spec.containers</c> only, not init containers.
/// </summary>
internal sealed class PL2093HostNetworkPort : ContainerRule
{
    public static readonly MessageTemplate Mismatch = new("host-port-mismatch",
        "`hostPort: {hostPort}` must match `containerPort` ({containerPort}) when `hostNetwork` is true",
        "remove `hostPort` (it defaults to the `containerPort`) or make it `{containerPort}`: on the host network the container listens on the node's port itself", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.HostNetworkPort, "host-network-port", RuleCategory.ApiServer, Severity.Error,
        "With `hostNetwork: true` a container's `hostPort` must be its `containerPort` (or be left out)",
        messages: [Mismatch], appliesTo: ContainerRoles.App);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        if (context.Spec is not { HostNetwork: { IsValid: true, Value: true } }) return;
        foreach (var port in container.Ports)
        {
            if (PL2005DuplicateHostPort.HostKey(port, hostNetwork: true) is not { Defaulted: false, Number: var hostPort }) continue;
            if (!port.ContainerPortNumber.TryGetValue(out var containerPort) || containerPort == hostPort) continue;
            context.Report(Mismatch, port.HostPort,
                [("hostPort", hostPort.ToString(CultureInfo.InvariantCulture)), ("containerPort", containerPort.ToString(CultureInfo.InvariantCulture))]);
        }
    }
}
