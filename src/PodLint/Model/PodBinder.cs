using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Parsing;

namespace PodLint.Model;

/// <summary>
/// Binds a document's node tree to the typed <see cref="Pod"/> model. A value of the wrong type is reported
/// (PL1001, at the value) and left unset; everything else is still bound, so the rest of the Pod is checked.
/// Type rules follow what the API server's decoder accepts after Kubernetes' YAML-to-JSON conversion.
/// </summary>
internal sealed class PodBinder
{
    private readonly List<Diagnostic> _diagnostics;

    private PodBinder(List<Diagnostic> diagnostics) => _diagnostics = diagnostics;

    public static Pod Bind(YamlNode root, List<Diagnostic> diagnostics)
    {
        var b = new PodBinder(diagnostics);
        var map = (MappingNode)root.Resolve();
        var path = FieldPath.Root;
        return new Pod
        {
            Node = root,
            Path = path,
            ApiVersion = b.String(map, "apiVersion", path),
            Kind = b.String(map, "kind", path),
            Metadata = b.Object(map, "metadata", path, b.BindMeta),
            Spec = b.Object(map, "spec", path, b.BindSpec),
        };
    }

    private ObjectMeta BindMeta(YamlNode node, MappingNode m, FieldPath p) => new()
    {
        Node = node,
        Path = p,
        Name = String(m, "name", p),
        GenerateName = String(m, "generateName", p),
        Namespace = String(m, "namespace", p),
        Labels = StringMap(m, "labels", p),
        Annotations = StringMap(m, "annotations", p),
    };

    private PodSpec BindSpec(YamlNode node, MappingNode m, FieldPath p) => new()
    {
        Node = node,
        Path = p,
        Containers = List(m, "containers", p, (n, mm, pp, i) => BindContainer(n, mm, pp, i, ContainerKind.Regular)),
        InitContainers = List(m, "initContainers", p, (n, mm, pp, i) => BindContainer(n, mm, pp, i, ContainerKind.Init)),
        EphemeralContainers = List(m, "ephemeralContainers", p, (n, mm, pp, i) => BindContainer(n, mm, pp, i, ContainerKind.Ephemeral)),
        Volumes = List(m, "volumes", p, BindVolume),
        RestartPolicy = String(m, "restartPolicy", p),
        ServiceAccountName = String(m, "serviceAccountName", p),
        AutomountServiceAccountToken = Bool(m, "automountServiceAccountToken", p),
        NodeName = String(m, "nodeName", p),
        NodeSelector = StringMap(m, "nodeSelector", p),
        HostNetwork = Bool(m, "hostNetwork", p),
        HostPID = Bool(m, "hostPID", p),
        HostIPC = Bool(m, "hostIPC", p),
        ShareProcessNamespace = Bool(m, "shareProcessNamespace", p),
        HostUsers = Bool(m, "hostUsers", p),
        TerminationGracePeriodSeconds = Int(m, "terminationGracePeriodSeconds", p, long.MinValue, long.MaxValue),
        ActiveDeadlineSeconds = Int(m, "activeDeadlineSeconds", p, long.MinValue, long.MaxValue),
        DnsPolicy = String(m, "dnsPolicy", p),
        Hostname = String(m, "hostname", p),
        Subdomain = String(m, "subdomain", p),
        PriorityClassName = String(m, "priorityClassName", p),
        RuntimeClassName = String(m, "runtimeClassName", p),
        SchedulerName = String(m, "schedulerName", p),
        SecurityContext = Object(m, "securityContext", p, BindPodSecurityContext),
        ImagePullSecrets = List(m, "imagePullSecrets", p, (n, mm, pp, _) => String(mm, "name", pp)).Where(x => x is not null).Select(x => x!.Value).ToList(),
    };

    private Container BindContainer(YamlNode node, MappingNode m, FieldPath p, int index, ContainerKind kind) => new()
    {
        Node = node,
        Path = p,
        ContainerKind = kind,
        Index = index,
        Name = String(m, "name", p),
        Image = String(m, "image", p),
        ImagePullPolicy = String(m, "imagePullPolicy", p),
        Command = StringList(m, "command", p),
        Args = StringList(m, "args", p),
        WorkingDir = String(m, "workingDir", p),
        Ports = List(m, "ports", p, BindPort),
        Env = List(m, "env", p, BindEnv),
        EnvFrom = List(m, "envFrom", p, BindEnvFrom),
        VolumeMounts = List(m, "volumeMounts", p, BindVolumeMount),
        Resources = Object(m, "resources", p, BindResources),
        LivenessProbe = Object(m, "livenessProbe", p, BindProbe),
        ReadinessProbe = Object(m, "readinessProbe", p, BindProbe),
        StartupProbe = Object(m, "startupProbe", p, BindProbe),
        Lifecycle = Object(m, "lifecycle", p, (n, mm, pp) => new Lifecycle
        {
            Node = n,
            Path = pp,
            PostStart = Object(mm, "postStart", pp, BindProbe),
            PreStop = Object(mm, "preStop", pp, BindProbe),
        }),
        SecurityContext = Object(m, "securityContext", p, BindSecurityContext),
        RestartPolicy = String(m, "restartPolicy", p),
        TargetContainerName = String(m, "targetContainerName", p),
        TerminationMessagePolicy = String(m, "terminationMessagePolicy", p),
        Stdin = Bool(m, "stdin", p),
        Tty = Bool(m, "tty", p),
    };

    private ContainerPort BindPort(YamlNode node, MappingNode m, FieldPath p, int index) => new()
    {
        Node = node,
        Path = p,
        Name = String(m, "name", p),
        ContainerPortNumber = Int(m, "containerPort", p, int.MinValue, int.MaxValue),
        HostPort = Int(m, "hostPort", p, int.MinValue, int.MaxValue),
        HostIP = String(m, "hostIP", p),
        Protocol = String(m, "protocol", p),
    };

    private EnvVar BindEnv(YamlNode node, MappingNode m, FieldPath p, int index)
    {
        var valueFrom = Object(m, "valueFrom", p, (n, mm, pp) => mm.EffectiveEntries() is [{ KeyText: { } k } e, ..]
            ? new Located<string>(k, e.Key, pp.Field(k)) : (Located<string>?)null);
        return new EnvVar
        {
            Node = node,
            Path = p,
            Name = String(m, "name", p),
            Value = String(m, "value", p),
            ValueFromKind = valueFrom,
        };
    }

    private EnvFromSource BindEnvFrom(YamlNode node, MappingNode m, FieldPath p, int index) => new()
    {
        Node = node,
        Path = p,
        Prefix = String(m, "prefix", p),
        ConfigMapName = Object(m, "configMapRef", p, (n, mm, pp) => String(mm, "name", pp)),
        SecretName = Object(m, "secretRef", p, (n, mm, pp) => String(mm, "name", pp)),
    };

    private VolumeMount BindVolumeMount(YamlNode node, MappingNode m, FieldPath p, int index) => new()
    {
        Node = node,
        Path = p,
        Name = String(m, "name", p),
        MountPath = String(m, "mountPath", p),
        ReadOnly = Bool(m, "readOnly", p),
        SubPath = String(m, "subPath", p),
        SubPathExpr = String(m, "subPathExpr", p),
        MountPropagation = String(m, "mountPropagation", p),
    };

    private static readonly string[] VolumeSources =
    [
        "awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder", "configMap", "csi", "downwardAPI", "emptyDir",
        "ephemeral", "fc", "flexVolume", "flocker", "gcePersistentDisk", "gitRepo", "glusterfs", "hostPath", "image", "iscsi",
        "nfs", "persistentVolumeClaim", "photonPersistentDisk", "portworxVolume", "projected", "quobyte", "rbd", "scaleIO",
        "secret", "storageos", "vsphereVolume",
    ];

    private Volume BindVolume(YamlNode node, MappingNode m, FieldPath p, int index)
    {
        Located<string>? sourceType = null;
        foreach (var s in VolumeSources)
        {
            if (m.Find(s) is { } e && !e.Value.IsNull)
            {
                sourceType = sourceType is null ? new Located<string>(s, e.Key, p.Field(s)) : null;
                if (sourceType is null) break;
            }
        }

        return new Volume
        {
            Node = node,
            Path = p,
            Name = String(m, "name", p),
            SourceType = sourceType,
            ConfigMapName = Object(m, "configMap", p, (n, mm, pp) => String(mm, "name", pp)),
            SecretName = Object(m, "secret", p, (n, mm, pp) => String(mm, "secretName", pp)),
            ClaimName = Object(m, "persistentVolumeClaim", p, (n, mm, pp) => String(mm, "claimName", pp)),
            HostPath = Object(m, "hostPath", p, (n, mm, pp) => String(mm, "path", pp)),
            EmptyDirMedium = Object(m, "emptyDir", p, (n, mm, pp) => String(mm, "medium", pp)),
            EmptyDirSizeLimit = Object(m, "emptyDir", p, (n, mm, pp) => Quantity(mm, "sizeLimit", pp)),
        };
    }

    private ResourceRequirements BindResources(YamlNode node, MappingNode m, FieldPath p) => new()
    {
        Node = node,
        Path = p,
        Limits = QuantityMap(m, "limits", p),
        Requests = QuantityMap(m, "requests", p),
    };

    private Probe BindProbe(YamlNode node, MappingNode m, FieldPath p) => new()
    {
        Node = node,
        Path = p,
        HasExec = m.Find("exec") is not null,
        ExecCommand = Object(m, "exec", p, (n, mm, pp) => StringList(mm, "command", pp)) ?? [],
        HttpGetPort = Object(m, "httpGet", p, (n, mm, pp) => IntOrStringValue(mm, "port", pp)),
        HttpGetPath = Object(m, "httpGet", p, (n, mm, pp) => String(mm, "path", pp)),
        TcpSocketPort = Object(m, "tcpSocket", p, (n, mm, pp) => IntOrStringValue(mm, "port", pp)),
        GrpcPort = Object(m, "grpc", p, (n, mm, pp) => Int(mm, "port", pp, int.MinValue, int.MaxValue)),
        InitialDelaySeconds = Int(m, "initialDelaySeconds", p, int.MinValue, int.MaxValue),
        PeriodSeconds = Int(m, "periodSeconds", p, int.MinValue, int.MaxValue),
        TimeoutSeconds = Int(m, "timeoutSeconds", p, int.MinValue, int.MaxValue),
        SuccessThreshold = Int(m, "successThreshold", p, int.MinValue, int.MaxValue),
        FailureThreshold = Int(m, "failureThreshold", p, int.MinValue, int.MaxValue),
        TerminationGracePeriodSeconds = Int(m, "terminationGracePeriodSeconds", p, long.MinValue, long.MaxValue),
    };

    private SecurityContext BindSecurityContext(YamlNode node, MappingNode m, FieldPath p) => new()
    {
        Node = node,
        Path = p,
        Privileged = Bool(m, "privileged", p),
        AllowPrivilegeEscalation = Bool(m, "allowPrivilegeEscalation", p),
        ReadOnlyRootFilesystem = Bool(m, "readOnlyRootFilesystem", p),
        RunAsNonRoot = Bool(m, "runAsNonRoot", p),
        RunAsUser = Int(m, "runAsUser", p, long.MinValue, long.MaxValue),
        RunAsGroup = Int(m, "runAsGroup", p, long.MinValue, long.MaxValue),
        Capabilities = Object(m, "capabilities", p, (n, mm, pp) => new Capabilities
        {
            Node = n,
            Path = pp,
            Add = StringList(mm, "add", pp),
            Drop = StringList(mm, "drop", pp),
        }),
        SeccompProfileType = Object(m, "seccompProfile", p, (n, mm, pp) => String(mm, "type", pp)),
        ProcMount = String(m, "procMount", p),
    };

    private PodSecurityContext BindPodSecurityContext(YamlNode node, MappingNode m, FieldPath p) => new()
    {
        Node = node,
        Path = p,
        RunAsNonRoot = Bool(m, "runAsNonRoot", p),
        RunAsUser = Int(m, "runAsUser", p, long.MinValue, long.MaxValue),
        RunAsGroup = Int(m, "runAsGroup", p, long.MinValue, long.MaxValue),
        FsGroup = Int(m, "fsGroup", p, long.MinValue, long.MaxValue),
        SupplementalGroups = List(m, "supplementalGroups", p, (n, _, pp, _) => (Located<long>?)null, scalarItem: (n, pp) => IntNode(n, pp, long.MinValue, long.MaxValue))
            .Where(x => x is not null).Select(x => x!.Value).ToList(),
        SeccompProfileType = Object(m, "seccompProfile", p, (n, mm, pp) => String(mm, "type", pp)),
    };

    // ---- typed accessors ------------------------------------------------------------------------------------

    /// <summary>A null value, or one already reported as invalid (an unresolvable alias): treated as unset, silently.</summary>
    private static bool IsNull(YamlNode node) => node.Resolve() is ScalarNode { Type: ScalarType.Null } or { IsInvalid: true };

    private T? Object<T>(MappingNode map, string key, FieldPath parent, Func<YamlNode, MappingNode, FieldPath, T> bind)
    {
        if (map.Find(key) is not { } entry || IsNull(entry.Value)) return default;
        var path = parent.Field(key);
        if (entry.Value.Resolve() is MappingNode m) return bind(entry.Value, m, path);
        TypeMismatch(entry.Value, path, "object");
        return default;
    }

    private List<T> List<T>(MappingNode map, string key, FieldPath parent, Func<YamlNode, MappingNode, FieldPath, int, T> bindItem,
        Func<YamlNode, FieldPath, T>? scalarItem = null)
    {
        if (map.Find(key) is not { } entry || IsNull(entry.Value)) return [];
        var path = parent.Field(key);
        if (entry.Value.Resolve() is not SequenceNode seq)
        {
            TypeMismatch(entry.Value, path, "array");
            return [];
        }

        var result = new List<T>(seq.Items.Count);
        for (var i = 0; i < seq.Items.Count; i++)
        {
            var item = seq.Items[i];
            var itemPath = path.Index(i);
            if (scalarItem is not null)
            {
                result.Add(scalarItem(item, itemPath));
            }
            else if (item.Resolve() is MappingNode m)
            {
                result.Add(bindItem(item, m, itemPath, i));
            }
            else if (!IsNull(item))
            {
                TypeMismatch(item, itemPath, "object");
            }
        }

        return result;
    }

    private List<Located<string>> StringList(MappingNode map, string key, FieldPath parent)
    {
        if (map.Find(key) is not { } entry || IsNull(entry.Value)) return [];
        var path = parent.Field(key);
        if (entry.Value.Resolve() is not SequenceNode seq)
        {
            TypeMismatch(entry.Value, path, "array");
            return [];
        }

        var result = new List<Located<string>>(seq.Items.Count);
        for (var i = 0; i < seq.Items.Count; i++)
        {
            if (StringNode(seq.Items[i], path.Index(i)) is { } value) result.Add(value);
        }

        return result;
    }

    private Located<string>? String(MappingNode map, string key, FieldPath parent)
        => map.Find(key) is { } entry ? StringNode(entry.Value, parent.Field(key)) : null;

    private Located<string>? StringNode(YamlNode node, FieldPath path)
    {
        if (IsNull(node)) return null;
        if (node.Resolve() is ScalarNode { Type: ScalarType.String } s) return new Located<string>(s.Value, node, path);
        TypeMismatch(node, path, "string");
        return null;
    }

    private Located<bool>? Bool(MappingNode map, string key, FieldPath parent)
    {
        if (map.Find(key) is not { } entry) return null;
        var path = parent.Field(key);
        if (IsNull(entry.Value)) return null;
        switch (entry.Value.Resolve())
        {
            case ScalarNode { Type: ScalarType.Bool } s:
                return new Located<bool>(s.AsBool()!.Value, entry.Value, path);
            default:
                TypeMismatch(entry.Value, path, "boolean");
                return null;
        }
    }

    private Located<long>? Int(MappingNode map, string key, FieldPath parent, long min, long max)
        => map.Find(key) is { } entry ? IntNode(entry.Value, parent.Field(key), min, max) : null;

    private Located<long>? IntNode(YamlNode node, FieldPath path, long min, long max)
    {
        if (IsNull(node)) return null;
        if (node.Resolve() is ScalarNode s && IsInteger(s, out var value))
        {
            if (value is { } v && v >= min && v <= max) return new Located<long>(v, node, path);
            Report(node, path, DoesNotFit(path, s, max == int.MaxValue ? 32 : 64), null);
            return null;
        }

        TypeMismatch(node, path, "integer");
        return null;
    }

    /// <summary>The message for an integer that does not fit its field's Go type (int32 or int64).</summary>
    internal static string DoesNotFit(FieldPath path, ScalarNode value, int bits)
        => $"{path}: expected integer, got {value.Describe()}, which does not fit in {bits} bits";

    /// <summary>
    /// Integers, and floats with an integral value: Kubernetes' YAML-to-JSON conversion writes those without a
    /// fraction (Go's JSON encoder uses exponents only from 1e21), so the API server decodes them as integers.
    /// <paramref name="value"/> is null when the integer does not fit in 64 bits.
    /// </summary>
    internal static bool IsInteger(ScalarNode s, out long? value)
    {
        value = null;
        switch (s.Type)
        {
            case ScalarType.Int:
                value = s.AsInt64();
                return true;
            case ScalarType.Float when s.AsDouble() is { } d && Math.Abs(d) < 1e21 && Math.Floor(d) == d:
                if (d >= long.MinValue && d < 9.2233720368547758E18) value = (long)d;
                return true;
            default:
                return false;
        }
    }

    private Located<IntOrString>? IntOrStringValue(MappingNode map, string key, FieldPath parent)
    {
        if (map.Find(key) is not { } entry) return null;
        var path = parent.Field(key);
        if (IsNull(entry.Value)) return null;
        switch (entry.Value.Resolve())
        {
            case ScalarNode { Type: ScalarType.String } s:
                return new Located<IntOrString>(new IntOrString(null, s.Value), entry.Value, path);
            case ScalarNode s when IsInteger(s, out var v) && v is >= int.MinValue and <= int.MaxValue:
                return new Located<IntOrString>(new IntOrString(v, null), entry.Value, path);
            default:
                TypeMismatch(entry.Value, path, "integer or string");
                return null;
        }
    }

    /// <summary>Quantities are strings or numbers; their text is kept as written.</summary>
    private Located<string>? Quantity(MappingNode map, string key, FieldPath parent)
        => map.Find(key) is { } entry ? QuantityNode(entry.Value, parent.Field(key)) : null;

    private Located<string>? QuantityNode(YamlNode node, FieldPath path)
    {
        if (IsNull(node)) return null;
        switch (node.Resolve())
        {
            case ScalarNode { Type: ScalarType.String or ScalarType.Int or ScalarType.Float } s:
                return new Located<string>(s.Value, node, path);
            default:
                TypeMismatch(node, path, "quantity (string or number)");
                return null;
        }
    }

    private List<MapEntry> StringMap(MappingNode map, string key, FieldPath parent) => Map(map, key, parent, StringNode);

    private List<MapEntry> QuantityMap(MappingNode map, string key, FieldPath parent) => Map(map, key, parent, QuantityNode);

    private List<MapEntry> Map(MappingNode map, string key, FieldPath parent, Func<YamlNode, FieldPath, Located<string>?> bindValue)
    {
        if (map.Find(key) is not { } entry || IsNull(entry.Value)) return [];
        var path = parent.Field(key);
        if (entry.Value.Resolve() is not MappingNode m)
        {
            TypeMismatch(entry.Value, path, "object");
            return [];
        }

        var entries = m.EffectiveEntries();
        var result = new List<MapEntry>(entries.Count);
        for (var i = 0; i < entries.Count; i++) AddMapEntry(result, entries[i], path, bindValue);
        return result;
    }

    private void AddMapEntry(List<MapEntry> result, MappingEntry e, FieldPath path, Func<YamlNode, FieldPath, Located<string>?> bindValue)
    {
        // Non-string keys (numbers, booleans) become strings in Kubernetes' YAML-to-JSON conversion.
        if (e.Key.Resolve() is not ScalarNode k)
        {
            TypeMismatch(e.Key, path, "string key");
            return;
        }

        var keyPath = path.Key(k.Value);
        result.Add(new MapEntry(new Located<string>(k.Value, e.Key, keyPath), bindValue(e.Value, keyPath)));
    }

    private void TypeMismatch(YamlNode node, FieldPath path, string expected)
        => Report(node, path, $"{path}: expected {expected}, got {node.Describe()}", TypeHelp(node, expected));

    private void Report(YamlNode node, FieldPath path, string message, string? help)
    {
        var rule = InputRules.InvalidValueType;
        _diagnostics.Add(new Diagnostic(rule, rule.DefaultSeverity, message, node.Span, path.ToString(), null, help));
    }

    internal static string? TypeHelp(YamlNode node, string expected)
    {
        var wantsString = expected.Contains("string", StringComparison.Ordinal) || expected.StartsWith("quantity", StringComparison.Ordinal);
        return node.Resolve() switch
        {
            ScalarNode { Type: ScalarType.Bool, IsPlain: true } s when wantsString
                && !s.Value.Equals("true", StringComparison.OrdinalIgnoreCase) && !s.Value.Equals("false", StringComparison.OrdinalIgnoreCase)
                => $"Kubernetes reads YAML 1.1, where unquoted `{s.Value}` is a boolean; quote it if you mean the string",
            ScalarNode { Type: ScalarType.Int or ScalarType.Float or ScalarType.Bool or ScalarType.Null, IsPlain: true } when wantsString
                => "quote the value if it is meant as a string",
            ScalarNode { IsPlain: false } s when expected == "integer" && ScalarResolver.Resolve(s.Value, true, null) is ScalarType.Int
                => "remove the quotes: a quoted number is a string",
            _ => null,
        };
    }
}
