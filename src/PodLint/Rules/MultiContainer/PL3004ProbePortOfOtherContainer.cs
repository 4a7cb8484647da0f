using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3004: a probe or lifecycle handler targets, by number, a port that another container of the Pod declares and its
/// own container does not. The containers share one network namespace, so it reaches the other process.
/// </summary>
internal sealed class PL3004ProbePortOfOtherContainer : ContainerRule
{
    public static readonly MessageTemplate OtherContainersPort = new("other-containers-port",
        "`{handler}` of `{container}` targets port {port}, which `{other}` declares and `{container}` does not",
        "a probe or hook runs for its own container: target a port that `{container}` serves (and declare it), or give `{other}` the probe");

    public static readonly RuleDescriptor Rule = new(RuleIds.ProbePortOfOtherContainer, "probe-port-of-other-container", RuleCategory.MultiContainer,
        Severity.Warning, "A probe or lifecycle handler should not target a port number that another container of the Pod declares instead of its own",
        messages: [OtherContainersPort], appliesTo: ContainerRoles.App | ContainerRoles.NativeSidecar);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        // Most containers have no probe or hook. Ports whose list or numbers the schema check rejected may hold the
        // number: say nothing more about them.
        if (!HandlerPorts.Has(container) || container.Ports.IsInvalid) return;
        foreach (var port in container.Ports)
        {
            if (port.ContainerPortNumber.IsInvalid) return;
        }

        foreach (var reference in HandlerPorts.Of(container))
        {
            // An undeclared port is common and fine (an app may serve its health endpoint on a port it does not
            // declare); a probe sent to another host does not reach this Pod's containers.
            if (reference.Number is not { } number || !reference.TargetsThePod || container.DeclaredPort(number) is not null) continue;
            var containers = context.Containers;
            for (var c = 0; c < containers.Count; c++)
            {
                var other = containers[c];
                // Probes and HTTP hooks connect over TCP: a UDP or SCTP port of the number is another socket.
                if (!other.RunsAlongside(container) || other.DeclaredPort(number, "TCP") is not { } port) continue;
                context.Report(OtherContainersPort, reference.At,
                    [("handler", reference.Handler), ("container", container.DisplayName), ("port", number.ToString(CultureInfo.InvariantCulture)), ("other", other.DisplayName)],
                    [RelatedLocation.At(port.ContainerPortNumber, $"declared here, by `{other.DisplayName}`")]);
                break;
            }
        }
    }

}
