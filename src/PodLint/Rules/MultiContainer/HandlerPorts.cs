using System.Net;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// A port that a probe or lifecycle handler of a container connects to: the kubelet dials it in the Pod's network
/// namespace (or on <see cref="Host"/>, when set). <see cref="Number"/> is set when the port is written as a number,
/// <see cref="Name"/> when it is a string (a name the kubelet looks up in the container's own <c>ports</c>).
/// </summary>
internal readonly struct HandlerPort
{
    private readonly Field<IntOrString> _port;
    private readonly Field<int> _grpcPort;

    private HandlerPort(string handler, Field<IntOrString> port, Field<int> grpcPort, string? host)
    {
        Handler = handler;
        _port = port;
        _grpcPort = grpcPort;
        Host = host;
    }

    /// <summary>Where the port is written, as users know it: <c>readinessProbe</c>, <c>lifecycle.preStop</c>.</summary>
    public string Handler { get; }

    /// <summary>The handler's <c>host</c>, when it has one and it is set.</summary>
    public string? Host { get; }

    /// <summary>The port number, when written as one.</summary>
    public int? Number => _grpcPort.IsValid ? _grpcPort.Value : _port.Value.IntValue;

    /// <summary>The port name, when written as a string.</summary>
    public string? Name => _grpcPort.IsValid ? null : _port.Value.StringValue;

    /// <summary>The <c>port</c> value (boxed: call it to report).</summary>
    public ILocated At => _grpcPort.IsValid ? _grpcPort : _port;

    /// <summary>Whether the handler connects inside the Pod: no <c>host</c> (the Pod's IP), or a loopback address.</summary>
    public bool TargetsThePod => Host is not { Length: > 0 } host
        || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));

    internal static HandlerPort Http(string handler, Field<IntOrString> port, Field<string> host)
        => new(handler, port, default, host.IsValid ? host.Value : null);

    internal static HandlerPort Grpc(string handler, Field<int> port) => new(handler, default, port, null);
}

/// <summary>The ports a container's probes and lifecycle handlers connect to.</summary>
internal static class HandlerPorts
{
    private static readonly string[] ProbeNames = ["livenessProbe", "readinessProbe", "startupProbe"];

    /// <summary>Whether the container has a probe or a lifecycle hook at all (most have none: no need to look further).</summary>
    public static bool Has(Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.LivenessProbe.IsValid || container.ReadinessProbe.IsValid || container.StartupProbe.IsValid || container.Lifecycle.IsValid;
    }

    /// <summary>
    /// The <c>httpGet</c>, <c>tcpSocket</c> and <c>grpc</c> ports of the container's liveness, readiness and startup
    /// probes, and the <c>httpGet</c> ports of its <c>postStart</c> and <c>preStop</c> hooks; only ports written with a
    /// usable value. A hook's <c>tcpSocket</c> is left out: the kubelet never runs it (the API keeps the field for
    /// compatibility only), so its port means nothing.
    /// </summary>
    public static IEnumerable<HandlerPort> Of(Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        for (var i = 0; i < ProbeNames.Length; i++)
        {
            var field = i switch { 0 => container.LivenessProbe, 1 => container.ReadinessProbe, _ => container.StartupProbe };
            if (!field.IsValid) continue;
            var probe = field.Value;
            if (probe.HttpGet.IsValid && probe.HttpGet.Value.Port.IsValid)
            {
                yield return HandlerPort.Http(ProbeNames[i], probe.HttpGet.Value.Port, probe.HttpGet.Value.Host);
            }

            if (probe.TcpSocket.IsValid && probe.TcpSocket.Value.Port.IsValid)
            {
                yield return HandlerPort.Http(ProbeNames[i], probe.TcpSocket.Value.Port, probe.TcpSocket.Value.Host);
            }

            if (probe.Grpc.IsValid && probe.Grpc.Value.Port.IsValid) yield return HandlerPort.Grpc(ProbeNames[i], probe.Grpc.Value.Port);
        }

        if (!container.Lifecycle.IsValid) yield break;
        var lifecycle = container.Lifecycle.Value;
        if (lifecycle.PostStart.IsValid && lifecycle.PostStart.Value.HttpGet is { IsValid: true } postStart && postStart.Value.Port.IsValid)
        {
            yield return HandlerPort.Http("lifecycle.postStart", postStart.Value.Port, postStart.Value.Host);
        }

        if (lifecycle.PreStop.IsValid && lifecycle.PreStop.Value.HttpGet is { IsValid: true } preStop && preStop.Value.Port.IsValid)
        {
            yield return HandlerPort.Http("lifecycle.preStop", preStop.Value.Port, preStop.Value.Host);
        }
    }
}
