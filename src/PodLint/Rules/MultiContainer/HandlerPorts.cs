using System.Net;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// A port that a probe or lifecycle handler of a container connects to: the kubelet dials it in the Pod's network
/// namespace (or on <see cref="Host"/>, when set). <see cref="Number"/> is set when the port is written as a number,
/// <see cref="Name"/> when it is a string (a name the kubelet looks up in the container's own <c>ports</c>).
/// </summary>
/// <param name="Handler">Where the port is written, as users know it: <c>readinessProbe</c>, <c>lifecycle.preStop</c>.</param>
/// <param name="At">The <c>port</c> value.</param>
/// <param name="Number">The port number, when written as one.</param>
/// <param name="Name">The port name, when written as a string.</param>
/// <param name="Host">The handler's <c>host</c>, when it has one and it is set.</param>
internal readonly record struct HandlerPort(string Handler, ILocated At, int? Number, string? Name, string? Host)
{
    /// <summary>Whether the handler connects inside the Pod: no <c>host</c> (the Pod's IP), or a loopback address.</summary>
    public bool TargetsThePod => Host is not { Length: > 0 } host
        || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}

/// <summary>The ports a container's probes and lifecycle handlers connect to.</summary>
internal static class HandlerPorts
{
    /// <summary>
    /// The <c>httpGet</c>, <c>tcpSocket</c> and <c>grpc</c> ports of the container's liveness, readiness and startup
    /// probes, and the <c>httpGet</c> ports of its <c>postStart</c> and <c>preStop</c> hooks. A hook's <c>tcpSocket</c> is
    /// left out: the kubelet never runs it (the API keeps the field for compatibility only), so its port means nothing.
    /// </summary>
    public static IEnumerable<HandlerPort> Of(Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        foreach (var port in OfProbe("livenessProbe", container.LivenessProbe)) yield return port;
        foreach (var port in OfProbe("readinessProbe", container.ReadinessProbe)) yield return port;
        foreach (var port in OfProbe("startupProbe", container.StartupProbe)) yield return port;
        if (container.Lifecycle.IsValid)
        {
            var lifecycle = container.Lifecycle.Value;
            if (lifecycle.PostStart.IsValid && FromHttpGet("lifecycle.postStart", lifecycle.PostStart.Value.HttpGet) is { } postStart) yield return postStart;
            if (lifecycle.PreStop.IsValid && FromHttpGet("lifecycle.preStop", lifecycle.PreStop.Value.HttpGet) is { } preStop) yield return preStop;
        }
    }

    private static IEnumerable<HandlerPort> OfProbe(string handler, Field<Probe> field)
    {
        if (!field.IsValid) yield break;
        var probe = field.Value;
        if (FromHttpGet(handler, probe.HttpGet) is { } httpGet) yield return httpGet;
        if (probe.TcpSocket.IsValid)
        {
            var tcp = probe.TcpSocket.Value;
            if (From(handler, tcp.Port, tcp.Host) is { } port) yield return port;
        }

        if (probe.Grpc.IsValid && probe.Grpc.Value.Port is { IsValid: true } grpc)
        {
            yield return new HandlerPort(handler, grpc, grpc.Value, null, null);
        }
    }

    private static HandlerPort? FromHttpGet(string handler, Field<HTTPGetAction> field)
        => field.IsValid ? From(handler, field.Value.Port, field.Value.Host) : null;

    private static HandlerPort? From(string handler, Field<IntOrString> port, Field<string> host)
    {
        if (!port.IsValid) return null;
        var value = port.Value;
        return new HandlerPort(handler, port, value.IntValue, value.IsInt ? null : value.StringValue, host.IsValid ? host.Value : null);
    }
}
