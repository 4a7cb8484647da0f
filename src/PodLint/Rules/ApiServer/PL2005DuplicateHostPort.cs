using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2005: the API server rejects the same host port (protocol, hostIP and hostPort) declared twice across the regular
/// containers, or twice within one init container (spec §1.D P8, P9; §1.J I5).
/// </summary>
internal sealed class PL2005DuplicateHostPort : IPodRule
{
    public static readonly MessageTemplate AlreadyDeclared = new("already-declared",
        "host port `{port}` is already declared by `{first}` (duplicate value: `{key}`)",
        "a node binds each host port once per address: give this port another `hostPort`, or drop the `hostPort` and reach the container through a Service", ApiErrorType.Duplicate);

    public static readonly MessageTemplate HostNetworkPort = new("host-network-port",
        "with `hostNetwork: true` container port `{port}` is a host port, already declared by `{first}` (duplicate value: `{key}`)",
        "with `hostNetwork: true` the containers listen on the node itself, where each port can be bound once: give this container another port", ApiErrorType.Duplicate);

    public static readonly RuleDescriptor Rule = new(RuleIds.DuplicateHostPort, "duplicate-host-port", RuleCategory.ApiServer,
        Severity.Error, "The same `hostPort`, protocol and `hostIP` may be declared only once across the app containers, and once within an init container",
        messages: [AlreadyDeclared, HostNetworkPort], appliesTo: ContainerRoles.App | ContainerRoles.NativeSidecar | ContainerRoles.Init);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        // The API server's defaulting: with hostNetwork, a port without hostPort gets hostPort = containerPort (Pods
        // only since 1.28; the Pods a workload creates from its template are defaulted so, and rejected).
        var hostNetwork = context.Spec?.UsesHostNetwork == true;

        // The app containers share one set of keys; each init container is checked alone (AccumulateUniqueHostPorts).
        // Containers lists the app containers first; ephemeral containers cannot declare ports.
        List<(string Key, Container Container, ILocated At)>? seen = null;
        var containers = context.Containers;
        for (var c = 0; c < containers.Count; c++)
        {
            var container = containers[c];
            if (container.Role == ContainerRole.Ephemeral) continue;
            if (container.IsInitContainer) seen?.Clear();
            Check(context, container, hostNetwork, ref seen);
        }
    }

    private static void Check(PodContext context, Container container, bool hostNetwork, ref List<(string Key, Container Container, ILocated At)>? seen)
    {
        foreach (var port in container.Ports)
        {
            if (HostKey(port, hostNetwork) is not { } hostKey) continue;
            var (key, number, at, defaulted, hostIP, protocol) = hostKey;
            seen ??= [];
            var first = seen.FindIndex(s => string.Equals(s.Key, key, StringComparison.Ordinal));
            if (first < 0)
            {
                seen.Add((key, container, at));
                continue;
            }

            var (_, firstContainer, firstAt) = seen[first];
            var address = hostIP.Contains(':', StringComparison.Ordinal) ? "[" + hostIP + "]:" : hostIP.Length > 0 ? hostIP + ":" : string.Empty;
            var shown = address + number.ToString(CultureInfo.InvariantCulture) + "/" + protocol;
            context.Report(defaulted ? HostNetworkPort : AlreadyDeclared, at,
                [("port", shown), ("first", firstContainer.DisplayName), ("key", key)],
                [RelatedLocation.At(firstAt, $"first declared here, by `{firstContainer.DisplayName}`")]);
        }
    }

    /// <summary>
    /// The key the API server compares a port by (<c>TCP//8080</c>: protocol, hostIP, host port), when the port binds a
    /// host port after defaulting (<see cref="ServerDefaults.HostPort"/>). Null for a port that binds none. Shared with
    /// PL3001, which leaves these clashes to this rule.
    /// </summary>
    internal static (string Key, int Number, ILocated At, bool Defaulted, string HostIP, string Protocol)? HostKey(ContainerPort port, bool hostNetwork)
    {
        if (ServerDefaults.HostPort(port, hostNetwork) is not (var number, var defaulted)) return null;
        ILocated at = defaulted ? port.ContainerPortNumber : port.HostPort;

        var protocol = PortNames.ProtocolOf(port);
        var hostIP = port.HostIP.IsValid ? port.HostIP.Value : string.Empty;
        return (protocol + "/" + hostIP + "/" + number.ToString(CultureInfo.InvariantCulture), number, at, defaulted, hostIP, protocol);
    }
}
