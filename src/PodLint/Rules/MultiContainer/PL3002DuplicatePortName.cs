using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3002: two containers that run at the same time declare the same port name (and protocol). A Service's
/// <c>targetPort: http</c> is resolved by name across the Pod's containers, and only the first one that has it is used.
/// </summary>
internal sealed class PL3002DuplicatePortName : IPodRule
{
    public static readonly MessageTemplate AlreadyDeclared = new("already-declared",
        "port name `{name}` is already declared by `{first}`: a Service's `targetPort: {name}` reaches `{first}`'s port {firstPort}, never this one ({port})",
        "give each container's port a name of its own, and point Services, probes and monitors at the one they mean");

    public static readonly RuleDescriptor Rule = new(RuleIds.DuplicatePortName, "duplicate-port-name", RuleCategory.MultiContainer,
        Severity.Warning, "Containers that run at the same time must not declare the same port `name`, or a Service's named `targetPort` is ambiguous",
        messages: [AlreadyDeclared], appliesTo: ContainerRoles.App | ContainerRoles.NativeSidecar);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        // The endpoints controller's order (FindPort): the app containers, then the native sidecars; the first port
        // with the name and the Service port's protocol wins, so the later declaration is the one never reached.
        List<(string Name, string Protocol, Container Container, ContainerPort Port)>? declared = null;
        List<(string Name, string Protocol, Container Container)>? reported = null;

        // Containers lists the app containers before the init containers, which is that order.
        var containers = context.Containers;
        for (var c = 0; c < containers.Count; c++)
        {
            var container = containers[c];
            if (!container.HasRole(Rule.AppliesTo)) continue;
            foreach (var port in container.Ports)
            {
                if (port.Name.Value is not { } name || !PortNames.IsValid(name)) continue;
                var protocol = PortNames.ProtocolOf(port);
                declared ??= [];
                var first = IndexOf(declared, name, protocol);
                if (first < 0)
                {
                    declared.Add((name, protocol, container, port));
                    continue;
                }

                var (_, _, firstContainer, firstPort) = declared[first];

                // The same name twice in one container is the API server's error (P2). The same name for the same
                // port number reaches the same port either way; PL3001 reports the port clash itself.
                if (ReferenceEquals(firstContainer, container) || !firstContainer.RunsAlongside(container)) continue;
                if (port.ContainerPortNumber.IsValid && firstPort.ContainerPortNumber.IsValid
                    && port.ContainerPortNumber.Value == firstPort.ContainerPortNumber.Value) continue;

                // A container that repeats the name (the API server's error) is reported once.
                reported ??= [];
                if (reported.Contains((name, protocol, container))) continue;
                reported.Add((name, protocol, container));
                context.Report(AlreadyDeclared, port.Name,
                    [("name", name), ("first", firstContainer.DisplayName), ("firstPort", Show(firstPort, protocol)), ("port", Show(port, protocol))],
                    [RelatedLocation.At(firstPort.Name, $"first declared here, by `{firstContainer.DisplayName}`")]);
            }
        }
    }

    private static int IndexOf(List<(string Name, string Protocol, Container Container, ContainerPort Port)> declared, string name, string protocol)
    {
        for (var i = 0; i < declared.Count; i++)
        {
            if (string.Equals(declared[i].Name, name, StringComparison.Ordinal) && string.Equals(declared[i].Protocol, protocol, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    private static string Show(ContainerPort port, string protocol)
        => (port.ContainerPortNumber.IsValid ? port.ContainerPortNumber.Value.ToString(CultureInfo.InvariantCulture) : "?") + "/" + protocol;
}
