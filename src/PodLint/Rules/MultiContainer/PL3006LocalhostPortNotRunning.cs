using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// PL3006: a container reaches <c>localhost:PORT</c> (in its command, args or env) and the only containers of the Pod
/// that declare that port are not running at that time: a native sidecar declared after the init container that
/// calls it, an app container called by an init container, or a plain init container (exited, or not started)
/// called by another container.
/// </summary>
internal sealed class PL3006LocalhostPortNotRunning : IPodRule
{
    public static readonly MessageTemplate SidecarDeclaredLater = new("sidecar-declared-later",
        "`{container}` reaches `{address}`, but `{server}`, the native sidecar that serves port {port}, is declared after it and has not started yet",
        "move `{server}` before `{container}` in `initContainers`: init containers start in the order they are written");

    public static readonly MessageTemplate ServedByAppContainer = new("served-by-app-container",
        "`{container}` reaches `{address}`, but port {port} is served by the app container `{server}`, which starts only after every init container has finished",
        "an init container cannot reach an app container: run `{server}` as a native sidecar declared before `{container}`, or make the call from an app container");

    public static readonly MessageTemplate ServedByInitContainer = new("served-by-init-container",
        "`{container}` reaches `{address}`, but port {port} is declared only by the init container `{server}`, and init containers run one at a time",
        "if `{server}` should keep serving, make it a native sidecar with `restartPolicy: Always`, declared before `{container}`");

    public static readonly MessageTemplate InitContainerExited = new("init-container-exited",
        "`{container}` reaches `{address}`, but port {port} is declared only by the init container `{server}`, which has exited before the app containers start",
        "if `{server}` should keep serving, make it a native sidecar with `restartPolicy: Always`");

    public static readonly RuleDescriptor Rule = new(RuleIds.LocalhostPortNotRunning, "localhost-port-not-running", RuleCategory.MultiContainer,
        Severity.Warning, "A container must not reach a `localhost` port that only a container not running at that time declares",
        messages: [SidecarDeclaredLater, ServedByAppContainer, ServedByInitContainer, InitContainerExited],
        appliesTo: ContainerRoles.Init | ContainerRoles.App);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        List<Container>? candidates = null;
        foreach (var container in context.ContainersWithRole(Descriptor.AppliesTo))
        {
            var references = LocalhostReferences.Find(container);
            if (references.Count == 0) continue;
            candidates ??= [.. context.ContainersWithRole(ContainerRoles.App | ContainerRoles.NativeSidecar | ContainerRoles.Init)];
            var seen = new HashSet<(SourceSpan Span, int Port)>();
            foreach (var reference in references)
            {
                if (!seen.Add((reference.At.Span, reference.Port))) continue;
                if (container.DeclaredPort(reference.Port) is not null) continue;
                var servers = candidates.Where(c => !ReferenceEquals(c, container))
                    .Select(c => (Container: c, Port: c.DeclaredPort(reference.Port)))
                    .Where(s => s.Port is not null).ToList();
                if (servers.Count == 0 || servers.Any(s => container.RunsAlongside(s.Container))) continue;
                var (server, message) = Pick(container, servers.ConvertAll(s => s.Container));
                var port = servers.First(s => ReferenceEquals(s.Container, server)).Port!;
                context.Report(message, reference.At,
                    [("container", container.DisplayName), ("address", reference.Address), ("server", server.DisplayName),
                     ("port", reference.Port.ToString(CultureInfo.InvariantCulture))],
                    [RelatedLocation.At(port.ContainerPortNumber, $"port {reference.Port.ToString(CultureInfo.InvariantCulture)} declared here, by `{server.DisplayName}`")]);
            }
        }
    }

    /// <summary>The server that explains the finding best: a native sidecar declared later (move it), then an app
    /// container, then a plain init container.</summary>
    private static (Container Server, MessageTemplate Message) Pick(Container container, List<Container> servers)
    {
        if (container.Role == ContainerRole.Init)
        {
            if (servers.FirstOrDefault(s => s.Role == ContainerRole.NativeSidecar) is { } later) return (later, SidecarDeclaredLater);
            if (servers.FirstOrDefault(s => s.Role == ContainerRole.App) is { } app) return (app, ServedByAppContainer);
            return (servers[0], ServedByInitContainer);
        }

        return (servers[0], InitContainerExited);
    }
}
