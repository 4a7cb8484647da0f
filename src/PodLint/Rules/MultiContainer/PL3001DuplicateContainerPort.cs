using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Rules.ApiServer;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3001: two containers that run at the same time declare the same containerPort and protocol. They share
/// one network namespace, so the second process cannot bind the port. The API server only warns.
/// </summary>
internal sealed class PL3001DuplicateContainerPort : IPodRule
{
    public static readonly MessageTemplate AlreadyDeclared = new("already-declared",
        "container port `{port}` of `{container}` is already declared by `{first}`",
        "containers of a Pod share one network namespace, so only one of them can bind {port}: give `{container}` another port");

    public static readonly RuleDescriptor Rule = new(RuleIds.DuplicateContainerPort, "duplicate-container-port", RuleCategory.MultiContainer,
        Severity.Warning, "Containers that run at the same time must not declare the same `containerPort` and protocol",
        messages: [AlreadyDeclared], appliesTo: ContainerRoles.App | ContainerRoles.NativeSidecar | ContainerRoles.Init);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        // The API server's visit order: initContainers, then containers. The later declaration is reported.
        var declared = new List<(Container Container, ContainerPort Port, Field<int> Number, string Protocol)>();
        var hostNetwork = context.Spec?.UsesHostNetwork == true;
        foreach (var container in context.ContainersWithRole(ContainerRoles.NativeSidecar | ContainerRoles.Init)
                     .Concat(context.ContainersWithRole(ContainerRoles.App)))
        {
            foreach (var port in container.Ports)
            {
                var number = port.ContainerPortNumber;
                if (!number.IsValid) continue;
                var protocol = PortNames.ProtocolOf(port);
                var clash = declared.FindIndex(d => d.Number.Value == number.Value && d.Protocol == protocol && d.Container.RunsAlongside(container));
                if (clash >= 0 && declared[clash] is var first && !BindsTheSameHostPort(first.Container, first.Port, container, port, hostNetwork))
                {
                    var key = number.Value.ToString(CultureInfo.InvariantCulture) + "/" + protocol;
                    context.Report(AlreadyDeclared, number,
                        [("port", key), ("container", container.DisplayName), ("first", first.Container.DisplayName)],
                        [RelatedLocation.At(first.Number, $"first declared here, by `{first.Container.DisplayName}`")]);
                }

                declared.Add((container, port, number, protocol));
            }
        }
    }

    /// <summary>
    /// Whether the two ports of app containers bind the same host port (the same <c>hostPort</c>, or with
    /// <c>hostNetwork</c> the same <c>containerPort</c>, protocol and <c>hostIP</c>): the API server then rejects the
    /// Pod, and PL2005 reports it as an error. One cause, one finding.
    /// </summary>
    private static bool BindsTheSameHostPort(Container first, ContainerPort firstPort, Container second, ContainerPort secondPort, bool hostNetwork)
        => first.Role == ContainerRole.App && second.Role == ContainerRole.App
            && PL2005DuplicateHostPort.HostKey(firstPort, hostNetwork) is { } a && PL2005DuplicateHostPort.HostKey(secondPort, hostNetwork) is { } b
            && string.Equals(a.Key, b.Key, StringComparison.Ordinal);
}
