using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2026: the API server's warnings about port definitions (spec §2 W-33–W-36) that concern one container: a
/// <c>hostIP</c> without <c>hostPort</c>, and the same <c>containerPort</c> and protocol declared twice in one
/// container (duplicate, overlapping or dangerously ambiguous). The same port in two containers is PL3001's, and
/// the same host port twice is PL2005's error: one cause, one finding.
/// </summary>
internal sealed class PL2026PortDefinitionWarning : ContainerRule
{
    public static readonly MessageTemplate HostIPWithoutHostPort = new("hostip-without-hostport",
        "`hostIP: {hostIP}` is set without `hostPort`, so it has no effect",
        "add the `hostPort` to expose on that node address, or remove `hostIP`");

    public static readonly MessageTemplate DuplicateDefinition = new("duplicate",
        "duplicate port definition: port `{port}` is already declared by `ports[{first}]` of this container",
        "remove one of the two declarations");

    public static readonly MessageTemplate OverlappingDefinition = new("overlapping",
        "overlapping port definition: port `{port}` is already declared by `ports[{first}]` of this container, one with `hostPort` and one without",
        "keep one declaration of the port: the one with the `hostPort` if it should be reachable on the node");

    public static readonly MessageTemplate AmbiguousDefinition = new("ambiguous",
        "dangerously ambiguous port definition: port `{port}` is already declared by `ports[{first}]` of this container with the same `hostPort` {which}",
        "keep one declaration: with a `hostIP` to bind one node address, or without to bind all");

    public static readonly RuleDescriptor Rule = new(RuleIds.PortDefinitionWarning, "port-definition-warning", RuleCategory.ApiServer,
        Severity.Warning, "A port should not set `hostIP` without `hostPort`, nor be declared twice in one container (the API server warns)",
        messages: [HostIPWithoutHostPort, DuplicateDefinition, OverlappingDefinition, AmbiguousDefinition], appliesTo: ContainerRoles.All);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        var hostNetwork = context.Spec?.UsesHostNetwork == true;
        var ports = container.Ports;
        for (var j = 0; j < ports.Count; j++)
        {
            var port = ports[j];
            var hostIP = port.HostIP.IsValid ? port.HostIP.Value : string.Empty;
            var hostPort = HostPort(port, hostNetwork);
            if (hostIP.Length > 0 && port.HostPort is not { IsValid: true, Value: not 0 } && !port.HostPort.IsInvalid)
            {
                // With hostNetwork a Pod's hostPort is defaulted to its containerPort, and the server checks the defaulted port.
                if (hostPort == 0) context.Report(HostIPWithoutHostPort, port.HostIP, [("hostIP", hostIP)]);
            }

            var number = port.ContainerPortNumber;
            if (!number.IsValid || port.HostPort.IsInvalid) continue;
            var protocol = PortNames.ProtocolOf(port);
            for (var k = 0; k < j; k++)
            {
                var other = ports[k];
                if (!other.ContainerPortNumber.IsValid || other.ContainerPortNumber.Value != number.Value || other.HostPort.IsInvalid) continue;
                if (!string.Equals(PortNames.ProtocolOf(other), protocol, StringComparison.Ordinal)) continue;
                var otherIP = other.HostIP.IsValid ? other.HostIP.Value : string.Empty;
                var otherHostPort = HostPort(other, hostNetwork);
                var at = number.Location with { Path = port.Location.Path };
                var args = new MessageArgument[]
                {
                    ("port", number.Value.ToString(CultureInfo.InvariantCulture) + "/" + protocol),
                    ("first", (other.Location.Path.LastIndex ?? k).ToString(CultureInfo.InvariantCulture)),
                };
                var related = RelatedLocation.At(other.ContainerPortNumber, "first declared here");
                if (string.Equals(hostIP, otherIP, StringComparison.Ordinal) && hostPort == otherHostPort)
                {
                    // The same host port twice is the server's error (PL2005), not this warning.
                    if (hostPort == 0) context.Report(DuplicateDefinition, at, [.. args], [related]);
                }
                else if (hostPort == 0 || otherHostPort == 0)
                {
                    context.Report(OverlappingDefinition, at, [.. args], [related]);
                }
                else if (hostPort == otherHostPort && (hostIP.Length == 0) != (otherIP.Length == 0))
                {
                    var which = hostIP.Length == 0 ? $"and `hostIP: {otherIP}`, this one for all addresses" : $"for all addresses, this one for `hostIP: {hostIP}`";
                    context.Report(AmbiguousDefinition, at, [.. args, ("which", which)], [related]);
                }
            }
        }
    }

    /// <summary>The port's host port as the server sees it after defaulting (with <c>hostNetwork</c>, 0 becomes the
    /// container port), as PL2005 keys it; 0 for none.</summary>
    private static int HostPort(ContainerPort port, bool hostNetwork) => PL2005DuplicateHostPort.HostKey(port, hostNetwork)?.Number ?? 0;
}
