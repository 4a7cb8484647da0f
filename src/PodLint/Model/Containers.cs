using PodLint.Diagnostics;

namespace PodLint.Model;

/// <summary>The one role a container has in its Pod (<see cref="ContainerRoles"/> names sets of them).</summary>
public enum ContainerRole
{
    /// <summary>An item of <c>spec.containers</c>: the app, and classic sidecars, adapters, proxies and exporters.</summary>
    App,

    /// <summary>An item of <c>spec.initContainers</c> with <c>restartPolicy: Always</c>: starts in order with the init
    /// containers and keeps running beside the app containers.</summary>
    NativeSidecar,

    /// <summary>An item of <c>spec.initContainers</c> without <c>restartPolicy: Always</c>: runs to completion, alone,
    /// before the next one starts.</summary>
    Init,

    /// <summary>An item of <c>spec.ephemeralContainers</c>.</summary>
    Ephemeral,
}

/// <summary>A container of any list of a Pod spec (the API's Container and EphemeralContainer have the same fields,
/// but for <c>targetContainerName</c>), with its role computed once.</summary>
public sealed partial class Container
{
    /// <summary>The container's role in its Pod.</summary>
    public ContainerRole Role { get; internal set; }

    /// <summary>The container's index in its list (<c>spec.initContainers[2]</c> → 2).</summary>
    public int Index => Location.Path.LastIndex ?? 0;

    /// <summary>Whether the container is an item of <c>spec.initContainers</c> (a native sidecar or a plain init container).</summary>
    public bool IsInitContainer => Role is ContainerRole.Init or ContainerRole.NativeSidecar;

    /// <summary>The container's name, or its field path when it has none (for messages).</summary>
    public string DisplayName => Name.Value is { Length: > 0 } n ? n : Location.Path.ToString();

    /// <summary>Whether the container's role is one of <paramref name="roles"/>.</summary>
    public bool HasRole(ContainerRoles roles) => (roles & ToFlag(Role)) != 0;

    /// <summary>
    /// Whether two containers of one Pod run at the same time, and so compete for its shared ports: app containers and
    /// native sidecars run together; a plain init container runs alone, beside the native sidecars declared before it;
    /// ephemeral containers are never counted (they are added to a running Pod for debugging).
    /// </summary>
    public bool RunsAlongside(Container other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other)) return false;
        if (Role == ContainerRole.Ephemeral || other.Role == ContainerRole.Ephemeral) return false;
        if (Role == ContainerRole.Init && other.Role == ContainerRole.Init) return false;
        if (Role == ContainerRole.Init) return other.Role == ContainerRole.NativeSidecar && other.Index < Index;
        if (other.Role == ContainerRole.Init) return Role == ContainerRole.NativeSidecar && Index < other.Index;
        return true;
    }

    /// <summary>The container's first port declared with that number (and, when given, that protocol; a missing
    /// protocol is TCP), or null.</summary>
    internal ContainerPort? DeclaredPort(int number, string? protocol = null)
    {
        foreach (var port in Ports)
        {
            if (!port.ContainerPortNumber.IsValid || port.ContainerPortNumber.Value != number) continue;
            if (protocol is null || string.Equals(PortNames.ProtocolOf(port), protocol, StringComparison.Ordinal)) return port;
        }

        return null;
    }

    /// <summary>The container's port of that name, or null.</summary>
    internal ContainerPort? DeclaredPort(string name)
    {
        foreach (var port in Ports)
        {
            if (string.Equals(port.Name.Value, name, StringComparison.Ordinal)) return port;
        }

        return null;
    }

    /// <summary>The flag of one role.</summary>
    public static ContainerRoles ToFlag(ContainerRole role) => role switch
    {
        ContainerRole.App => ContainerRoles.App,
        ContainerRole.NativeSidecar => ContainerRoles.NativeSidecar,
        ContainerRole.Init => ContainerRoles.Init,
        _ => ContainerRoles.Ephemeral,
    };
}

/// <summary>A Pod spec, with its containers' roles computed once it is bound.</summary>
public sealed partial class PodSpec
{
    private Container[] _all = [];

    /// <summary>Every container: app containers, then init containers, then ephemeral containers (the API server's
    /// order); null items and items already reported as invalid are left out.</summary>
    public IReadOnlyList<Container> AllContainers => _all;

    /// <summary>The containers whose role is one of <paramref name="roles"/>, in <see cref="AllContainers"/> order.</summary>
    public IEnumerable<Container> ContainersWithRole(ContainerRoles roles)
    {
        foreach (var c in _all)
        {
            if (c.HasRole(roles)) yield return c;
        }
    }

    /// <summary>Whether the Pod uses the node's network namespace (<c>hostNetwork: true</c>).</summary>
    internal bool UsesHostNetwork => HostNetwork.IsValid && HostNetwork.Value;

    internal override void OnBound()
    {
        var containers = Containers;
        var init = InitContainers;
        var ephemeral = EphemeralContainers;
        var all = new Container[containers.Count + init.Count + ephemeral.Count];
        var n = 0;
        foreach (var c in containers)
        {
            c.Role = ContainerRole.App;
            all[n++] = c;
        }

        foreach (var c in init)
        {
            c.Role = c.RestartPolicy.Value == "Always" ? ContainerRole.NativeSidecar : ContainerRole.Init;
            all[n++] = c;
        }

        foreach (var c in ephemeral)
        {
            c.Role = ContainerRole.Ephemeral;
            all[n++] = c;
        }

        _all = all;
    }
}
