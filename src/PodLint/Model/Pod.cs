using PodLint.Diagnostics;

namespace PodLint.Model;

#pragma warning disable CS1591 // Field properties are named exactly as the Kubernetes API fields they bind; see the Pod API reference.

/// <summary>A Pod manifest, typed. Fields absent from the manifest (or of a wrong type, reported as PL1001) are null or empty.</summary>
public sealed class Pod : ModelObject
{
    public Located<string>? ApiVersion { get; init; }

    public Located<string>? Kind { get; init; }

    public ObjectMeta? Metadata { get; init; }

    public PodSpec? Spec { get; init; }

    /// <summary>The object reference used in findings (namespace/name).</summary>
    public ObjectReference Reference => new("Pod", Metadata?.Namespace?.Value, Metadata?.Name?.Value ?? Metadata?.GenerateName?.Value);
}

public sealed class ObjectMeta : ModelObject
{
    public Located<string>? Name { get; init; }

    public Located<string>? GenerateName { get; init; }

    public Located<string>? Namespace { get; init; }

    public IReadOnlyList<MapEntry> Labels { get; init; } = [];

    public IReadOnlyList<MapEntry> Annotations { get; init; } = [];
}

public sealed class PodSpec : ModelObject
{
    public IReadOnlyList<Container> Containers { get; init; } = [];

    public IReadOnlyList<Container> InitContainers { get; init; } = [];

    public IReadOnlyList<Container> EphemeralContainers { get; init; } = [];

    public IReadOnlyList<Volume> Volumes { get; init; } = [];

    public Located<string>? RestartPolicy { get; init; }

    public Located<string>? ServiceAccountName { get; init; }

    public Located<bool>? AutomountServiceAccountToken { get; init; }

    public Located<string>? NodeName { get; init; }

    public IReadOnlyList<MapEntry> NodeSelector { get; init; } = [];

    public Located<bool>? HostNetwork { get; init; }

    public Located<bool>? HostPID { get; init; }

    public Located<bool>? HostIPC { get; init; }

    public Located<bool>? ShareProcessNamespace { get; init; }

    public Located<bool>? HostUsers { get; init; }

    public Located<long>? TerminationGracePeriodSeconds { get; init; }

    public Located<long>? ActiveDeadlineSeconds { get; init; }

    public Located<string>? DnsPolicy { get; init; }

    public Located<string>? Hostname { get; init; }

    public Located<string>? Subdomain { get; init; }

    public Located<string>? PriorityClassName { get; init; }

    public Located<string>? RuntimeClassName { get; init; }

    public Located<string>? SchedulerName { get; init; }

    public PodSecurityContext? SecurityContext { get; init; }

    public IReadOnlyList<Located<string>> ImagePullSecrets { get; init; } = [];

    /// <summary>Every container of the Pod: regular, then init, then ephemeral.</summary>
    public IEnumerable<Container> AllContainers => Containers.Concat(InitContainers).Concat(EphemeralContainers);
}

/// <summary>Which list a container belongs to.</summary>
public enum ContainerKind
{
    /// <summary><c>spec.containers</c>.</summary>
    Regular,

    /// <summary><c>spec.initContainers</c> (a native sidecar when its <c>restartPolicy</c> is <c>Always</c>).</summary>
    Init,

    /// <summary><c>spec.ephemeralContainers</c>.</summary>
    Ephemeral,
}

public sealed class Container : ModelObject
{
    public required ContainerKind ContainerKind { get; init; }

    /// <summary>The index in its list.</summary>
    public required int Index { get; init; }

    public Located<string>? Name { get; init; }

    public Located<string>? Image { get; init; }

    public Located<string>? ImagePullPolicy { get; init; }

    public IReadOnlyList<Located<string>> Command { get; init; } = [];

    public IReadOnlyList<Located<string>> Args { get; init; } = [];

    public Located<string>? WorkingDir { get; init; }

    public IReadOnlyList<ContainerPort> Ports { get; init; } = [];

    public IReadOnlyList<EnvVar> Env { get; init; } = [];

    public IReadOnlyList<EnvFromSource> EnvFrom { get; init; } = [];

    public IReadOnlyList<VolumeMount> VolumeMounts { get; init; } = [];

    public ResourceRequirements? Resources { get; init; }

    public Probe? LivenessProbe { get; init; }

    public Probe? ReadinessProbe { get; init; }

    public Probe? StartupProbe { get; init; }

    public Lifecycle? Lifecycle { get; init; }

    public SecurityContext? SecurityContext { get; init; }

    /// <summary>The container's own restart policy; <c>Always</c> on an init container makes it a native sidecar.</summary>
    public Located<string>? RestartPolicy { get; init; }

    public Located<string>? TargetContainerName { get; init; }

    public Located<string>? TerminationMessagePolicy { get; init; }

    public Located<bool>? Stdin { get; init; }

    public Located<bool>? Tty { get; init; }

    /// <summary>Whether this is a native sidecar: an init container with <c>restartPolicy: Always</c>.</summary>
    public bool IsSidecar => ContainerKind == ContainerKind.Init && RestartPolicy?.Value == "Always";

    /// <summary>The container's name, or its field path when it has none (for messages).</summary>
    public string DisplayName => Name?.Value is { Length: > 0 } n ? n : Path.ToString();
}

public sealed class ContainerPort : ModelObject
{
    public Located<string>? Name { get; init; }

    public Located<long>? ContainerPortNumber { get; init; }

    public Located<long>? HostPort { get; init; }

    public Located<string>? HostIP { get; init; }

    public Located<string>? Protocol { get; init; }

    /// <summary>The protocol as the API server defaults it (<c>TCP</c> when absent).</summary>
    public string EffectiveProtocol => Protocol?.Value is { Length: > 0 } p ? p : "TCP";
}

public sealed class EnvVar : ModelObject
{
    public Located<string>? Name { get; init; }

    public Located<string>? Value { get; init; }

    /// <summary>The <c>valueFrom</c> node, when present (its sources are not typed yet).</summary>
    public Located<string>? ValueFromKind { get; init; }
}

public sealed class EnvFromSource : ModelObject
{
    public Located<string>? Prefix { get; init; }

    public Located<string>? ConfigMapName { get; init; }

    public Located<string>? SecretName { get; init; }
}

public sealed class VolumeMount : ModelObject
{
    public Located<string>? Name { get; init; }

    public Located<string>? MountPath { get; init; }

    public Located<bool>? ReadOnly { get; init; }

    public Located<string>? SubPath { get; init; }

    public Located<string>? SubPathExpr { get; init; }

    public Located<string>? MountPropagation { get; init; }
}

public sealed class Volume : ModelObject
{
    public Located<string>? Name { get; init; }

    /// <summary>The volume source's field name (<c>emptyDir</c>, <c>configMap</c>, <c>hostPath</c> …), when exactly one is set.</summary>
    public Located<string>? SourceType { get; init; }

    public Located<string>? ConfigMapName { get; init; }

    public Located<string>? SecretName { get; init; }

    public Located<string>? ClaimName { get; init; }

    public Located<string>? HostPath { get; init; }

    public Located<string>? EmptyDirMedium { get; init; }

    public Located<string>? EmptyDirSizeLimit { get; init; }
}

public sealed class ResourceRequirements : ModelObject
{
    /// <summary>Resource name to quantity; quantities keep their text (<c>500m</c>, <c>1Gi</c>, <c>2</c>).</summary>
    public IReadOnlyList<MapEntry> Limits { get; init; } = [];

    public IReadOnlyList<MapEntry> Requests { get; init; } = [];
}

public sealed class Probe : ModelObject
{
    public IReadOnlyList<Located<string>> ExecCommand { get; init; } = [];

    public bool HasExec { get; init; }

    public Located<IntOrString>? HttpGetPort { get; init; }

    public Located<string>? HttpGetPath { get; init; }

    public Located<IntOrString>? TcpSocketPort { get; init; }

    public Located<long>? GrpcPort { get; init; }

    public Located<long>? InitialDelaySeconds { get; init; }

    public Located<long>? PeriodSeconds { get; init; }

    public Located<long>? TimeoutSeconds { get; init; }

    public Located<long>? SuccessThreshold { get; init; }

    public Located<long>? FailureThreshold { get; init; }

    public Located<long>? TerminationGracePeriodSeconds { get; init; }
}

public sealed class Lifecycle : ModelObject
{
    public Probe? PostStart { get; init; }

    public Probe? PreStop { get; init; }
}

public sealed class Capabilities : ModelObject
{
    public IReadOnlyList<Located<string>> Add { get; init; } = [];

    public IReadOnlyList<Located<string>> Drop { get; init; } = [];
}

public sealed class SecurityContext : ModelObject
{
    public Located<bool>? Privileged { get; init; }

    public Located<bool>? AllowPrivilegeEscalation { get; init; }

    public Located<bool>? ReadOnlyRootFilesystem { get; init; }

    public Located<bool>? RunAsNonRoot { get; init; }

    public Located<long>? RunAsUser { get; init; }

    public Located<long>? RunAsGroup { get; init; }

    public Capabilities? Capabilities { get; init; }

    public Located<string>? SeccompProfileType { get; init; }

    public Located<string>? ProcMount { get; init; }
}

public sealed class PodSecurityContext : ModelObject
{
    public Located<bool>? RunAsNonRoot { get; init; }

    public Located<long>? RunAsUser { get; init; }

    public Located<long>? RunAsGroup { get; init; }

    public Located<long>? FsGroup { get; init; }

    public IReadOnlyList<Located<long>> SupplementalGroups { get; init; } = [];

    public Located<string>? SeccompProfileType { get; init; }
}
