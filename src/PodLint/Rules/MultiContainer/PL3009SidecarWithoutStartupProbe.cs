using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3009: a native sidecar serves a port that a container started after it (an app container, or a later init
/// container) reaches on <c>localhost</c>, and has neither a <c>startupProbe</c> nor a <c>postStart</c> hook. The
/// kubelet starts the next container as soon as the sidecar's process is running, so the caller may start before
/// the sidecar listens. A <c>readinessProbe</c> does not hold the next container back.
/// </summary>
internal sealed class PL3009SidecarWithoutStartupProbe : ContainerRule
{
    public static readonly MessageTemplate NoStartupProbe = new("no-startup-probe",
        "native sidecar `{sidecar}` has no `startupProbe`, so `{client}` may start before it listens on `{address}`",
        "add a `startupProbe` to `{sidecar}` (a `tcpSocket` probe on port {port} will do): the kubelet starts the next container only once it succeeds; a `readinessProbe` does not hold it back");

    public static readonly RuleDescriptor Rule = new(RuleIds.SidecarWithoutStartupProbe, "sidecar-without-startup-probe", RuleCategory.MultiContainer,
        Severity.Info, "A native sidecar that a later container reaches on `localhost` should have a `startupProbe`, so that the caller starts only once it listens",
        messages: [NoStartupProbe], appliesTo: ContainerRoles.NativeSidecar);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        if (!container.StartupProbe.IsUnset) return;
        if (container.Lifecycle.Value is { } lifecycle && !lifecycle.PostStart.IsUnset) return;
        if (container.Ports.Count == 0) return;
        foreach (var client in context.ContainersWithRole(ContainerRoles.App | ContainerRoles.NativeSidecar | ContainerRoles.Init))
        {
            var startsAfter = client.Role == ContainerRole.App || (client.IsInitContainer && client.Index > container.Index);
            if (!startsAfter || WaitsForItself(client)) continue;
            foreach (var reference in LocalhostReferences.Find(client))
            {
                if (reference.Waits || client.DeclaredPort(reference.Port) is not null) continue;
                if (container.DeclaredPort(reference.Port) is not { } port) continue;
                var number = reference.Port.ToString(CultureInfo.InvariantCulture);
                context.Report(NoStartupProbe, container.StartupProbe.MissingAt,
                    [("sidecar", container.DisplayName), ("client", client.DisplayName), ("address", reference.Address), ("port", number)],
                    [RelatedLocation.At(reference.At, $"reached here, by `{client.DisplayName}`"), RelatedLocation.At(port.ContainerPortNumber, $"port {number} declared here")]);
                return;
            }
        }
    }

    /// <summary>Whether the container waits for its dependencies itself, through a wrapper made for it.</summary>
    private static bool WaitsForItself(Container client)
        => ContainerCommands.Runs(client, "linkerd-await", "wait-for-it", "wait-for-it.sh", "wait-for", "wait-for.sh", "dockerize", "scuttle");
}
