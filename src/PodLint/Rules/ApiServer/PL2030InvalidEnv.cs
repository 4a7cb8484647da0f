using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2030: a container's <c>env</c> and <c>envFrom</c> (spec §1.E, <c>ValidateEnv</c>, <c>ValidateEnvFrom</c>; §7.4
/// <c>fileKeyRef</c>): variable names and prefixes (strict before 1.32, relaxed from 1.32: gate
/// RelaxedEnvironmentVariableValidation), exactly one <c>valueFrom</c> source and no <c>value</c> beside it, the
/// downward API field paths and resources an env var may read, config map and secret names and keys, and one
/// reference per <c>envFrom</c> entry. A missing <c>name</c>, <c>key</c>, <c>fieldPath</c> or <c>resource</c> is the
/// schema's (PL1003).
/// </summary>
internal sealed class PL2030InvalidEnv : ContainerRule
{
    public static readonly MessageTemplate Empty = new("empty", "`{field}` is empty", "{help}", ApiErrorType.Required);

    public static readonly MessageTemplate Invalid = new("invalid", "`{field}: {value}` is invalid: {detail}", "{help}", ApiErrorType.Invalid);

    public static readonly MessageTemplate NoSource = new("no-source", "`valueFrom` of `{name}` must specify one of: {sources}",
        "give one source, e.g. `configMapKeyRef: {{name: app-config, key: LOG_LEVEL}}`, or replace `valueFrom` by `value`", ApiErrorType.Invalid);

    public static readonly MessageTemplate ValueAndSource = new("value-and-source", "`valueFrom` of `{name}` may not be specified when `value` is not empty",
        "keep one: `value` for a literal, `valueFrom` to read it from elsewhere", ApiErrorType.Invalid);

    public static readonly MessageTemplate TwoSources = new("two-sources", "`valueFrom` of `{name}` may not have more than one field specified at a time",
        "keep one source: an env var takes its value from one place", ApiErrorType.Invalid);

    public static readonly MessageTemplate NotSupported = new("not-supported", "`{field}: {value}` is not supported for an env var (supported values: {supported})",
        "{help}", ApiErrorType.NotSupported);

    public static readonly MessageTemplate EnvFromSources = new("env-from-sources", "`envFrom` entry {detail}",
        "give each entry exactly one of `configMapRef` or `secretRef` (with an optional `prefix`)", ApiErrorType.Invalid);

    public static readonly MessageTemplate VolumeNotFound = new("volume-not-found", "`volumeName: {value}` names no volume of the Pod",
        "add an `emptyDir` volume named `{value}`, or use the name of one the Pod has", ApiErrorType.NotFound);

    public static readonly MessageTemplate VolumeNotEmptyDir = new("volume-not-empty-dir", "`volumeName: {value}`: referenced volume must be of type emptyDir",
        "`fileKeyRef` reads a file that an init container wrote into an `emptyDir` volume: point it at one", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.InvalidEnv, "invalid-env", RuleCategory.ApiServer,
        Severity.Error, "A container's env vars need valid names and exactly one value source, reading only what the downward API offers; `envFrom` entries name one config map or secret",
        messages: [Empty, Invalid, NoSource, ValueAndSource, TwoSources, NotSupported, EnvFromSources, VolumeNotFound, VolumeNotEmptyDir], appliesTo: ContainerRoles.All);

    // validEnvDownwardAPIFieldPathExpressions, sorted as the server prints them.
    private static readonly string[] FieldPaths =
        ["metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"];

    // What ConvertDownwardAPIFieldLabel accepts for v1 Pods (spec.host is converted to spec.nodeName).
    private static readonly string[] ConvertibleFieldPaths =
        ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy",
         "spec.serviceAccountName", "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs", "spec.host"];

    private static readonly string[] Resources =
        ["limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"];

    private static readonly string[] CpuDivisors = ["1m", "1"];
    private static readonly string[] ByteDivisors = ["1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"];

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        var relaxed = KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 32);
        var fileKeyRefs = FeatureGates.EnvFiles.IsOn(context.KubernetesVersion);
        foreach (var env in container.Env)
        {
            var name = env.Name;
            if (name.IsValid && name.Value.Length == 0)
            {
                context.Report(Empty, name, [("field", "env[" + Index(env) + "].name"), ("help", "give the variable a name, e.g. `LOG_LEVEL`")]);
            }
            else if (name.IsValid)
            {
                CheckEnvName(context, name, "name", relaxed);
            }

            if (env.ValueFrom.IsValid) CheckValueFrom(context, env, fileKeyRefs);
        }

        foreach (var source in container.EnvFrom)
        {
            if (source.Prefix is { IsValid: true, Value.Length: > 0 } prefix) CheckEnvName(context, prefix, "prefix", relaxed);
            var count = 0;
            if (source.ConfigMapRef.IsValid)
            {
                count++;
                CheckEnvFromName(context, source.ConfigMapRef.Value.Name, "configMapRef");
            }

            if (source.SecretRef.IsValid)
            {
                count++;
                CheckEnvFromName(context, source.SecretRef.Value.Name, "secretRef");
            }

            if (count == 1) continue;
            var at = source.Location.AtKey with { Path = container.EnvFrom.Path };
            context.Report(EnvFromSources, at, [("detail", count == 0 ? "must specify one of: `configMapRef` or `secretRef`" : "may not have more than one field specified at a time")]);
        }
    }

    private static void CheckEnvName(PodContext context, Field<string> field, string name, bool relaxed)
    {
        var errors = relaxed ? NameFormats.RelaxedEnvVarName(field.Value) : NameFormats.EnvVarName(field.Value);
        var help = relaxed
            ? "use printable ASCII characters other than `=`, e.g. `LOG_LEVEL`"
            : $"use letters, digits, `_`, `-` and `.`, not starting with a digit, e.g. `LOG_LEVEL` (Kubernetes {context.KubernetesVersion}; 1.32 and later accept any printable ASCII but `=`)";
        foreach (var detail in errors) context.Report(Invalid, field, [("field", name), ("value", field.Value), ("detail", detail), ("help", help)]);
    }

    private static void CheckEnvFromName(PodContext context, Field<string> name, string kind)
    {
        if (name.IsInvalid) return;
        if (!name.IsValid || name.Value.Length == 0)
        {
            context.Report(Empty, name.IsValid ? name.Location : name.MissingAt, [("field", kind + ".name"), ("help", $"give the name of the {(kind == "configMapRef" ? "config map" : "secret")} to read")]);
            return;
        }

        foreach (var detail in NameFormats.Dns1123SubdomainPrefix(name.Value))
        {
            context.Report(Invalid, name, [("field", "name"), ("value", name.Value), ("detail", detail), ("help", "object names are lowercase letters, digits, `-` and `.`")]);
        }
    }

    private static void CheckValueFrom(PodContext context, EnvVar env, bool fileKeyRefs)
    {
        var from = env.ValueFrom.Value;
        var name = env.Name.IsValid ? env.Name.Value : env.Location.Path.ToString();
        var count = 0;
        if (from.FieldRef.IsValid)
        {
            count++;
            CheckFieldRef(context, from.FieldRef);
        }

        if (from.ResourceFieldRef.IsValid)
        {
            count++;
            CheckResourceFieldRef(context, from.ResourceFieldRef.Value);
        }

        if (from.ConfigMapKeyRef.IsValid)
        {
            count++;
            CheckKeySelector(context, from.ConfigMapKeyRef.Value.Name, from.ConfigMapKeyRef.Value.Key, "config map");
        }

        if (from.SecretKeyRef.IsValid)
        {
            count++;
            CheckKeySelector(context, from.SecretKeyRef.Value.Name, from.SecretKeyRef.Value.Key, "secret");
        }

        if (from.FileKeyRef.IsValid)
        {
            // EnvFiles: alpha (off) in 1.34, when the server drops the field; the field does not exist before.
            if (!fileKeyRefs) return;
            count++;
            CheckFileKeyRef(context, from.FileKeyRef.Value);
        }

        var at = env.ValueFrom.Location.AtKey;
        if (count == 0)
        {
            var sources = fileKeyRefs
                ? "`fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`"
                : "`fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`";
            context.Report(NoSource, at, [("name", name), ("sources", sources)]);
        }
        else if (env.Value is { IsValid: true, Value.Length: > 0 })
        {
            context.Report(ValueAndSource, at, [("name", name)]);
        }
        else if (count > 1)
        {
            context.Report(TwoSources, at, [("name", name)]);
        }
    }

    private static void CheckFieldRef(PodContext context, Field<ObjectFieldSelector> field)
    {
        var selector = field.Value;
        var fieldPath = selector.FieldPath;
        if (!fieldPath.IsValid || !selector.ApiVersion.IsValid && !selector.ApiVersion.IsUnset) return;
        if (fieldPath.Value.Length == 0)
        {
            context.Report(Empty, fieldPath, [("field", "fieldRef.fieldPath"), ("help", "give the Pod field to read, e.g. `metadata.name`")]);
            return;
        }

        var path = fieldPath.Value;
        var apiVersion = ServerDefaults.FieldRefApiVersion(selector);
        string? conversionError = null;
        var subscripted = SplitSubscript(path, out var basePath, out var subscript);
        if (apiVersion != "v1") conversionError = "unsupported pod version: " + apiVersion;
        else if (subscripted && basePath is not ("metadata.annotations" or "metadata.labels")) conversionError = "field label does not support subscript: " + path;
        else if (!subscripted && !ConvertibleFieldPaths.Contains(path, StringComparer.Ordinal)) conversionError = "field label not supported: " + path;
        if (conversionError is not null)
        {
            context.Report(Invalid, fieldPath, [("field", "fieldPath"), ("value", path), ("detail", "error converting fieldPath: " + conversionError),
                ("help", "read one of " + string.Join(", ", FieldPaths.Select(p => $"`{p}`")) + ", or a label or annotation as `metadata.labels['app']`")]);
            return;
        }

        if (subscripted)
        {
            var key = basePath == "metadata.annotations" ? subscript.ToLowerInvariant() : subscript;
            foreach (var detail in NameFormats.QualifiedName(key, context.KubernetesVersion))
            {
                context.Report(Invalid, fieldPath.Location with { Path = field.Path }, [("field", "fieldRef"), ("value", subscript), ("detail", detail),
                    ("help", "name a label or annotation key: `[prefix/]name`, e.g. `metadata.labels['app.kubernetes.io/name']`")]);
            }

            return;
        }

        var internalPath = path == "spec.host" ? "spec.nodeName" : path;
        if (!FieldPaths.Contains(internalPath, StringComparer.Ordinal))
        {
            context.Report(NotSupported, fieldPath, [("field", "fieldPath"), ("value", internalPath), ("supported", string.Join(", ", FieldPaths.Select(p => $"`{p}`"))),
                ("help", internalPath is "metadata.labels" or "metadata.annotations"
                    ? $"read one key, `{internalPath}['key']`, or mount the whole map with a `downwardAPI` volume"
                    : "an env var can read these Pod fields only; a `downwardAPI` volume offers others")]);
        }
    }

    /// <summary>fieldpath.SplitMaybeSubscriptedPath: <c>metadata.labels['key']</c> → <c>metadata.labels</c>, <c>key</c>.</summary>
    private static bool SplitSubscript(string path, out string basePath, out string subscript)
    {
        basePath = path;
        subscript = string.Empty;
        if (!path.EndsWith("']", StringComparison.Ordinal)) return false;
        var trimmed = path[..^2];
        var open = trimmed.IndexOf("['", StringComparison.Ordinal);
        if (open <= 0) return false;
        basePath = trimmed[..open];
        subscript = trimmed[(open + 2)..];
        return true;
    }

    private static void CheckResourceFieldRef(PodContext context, ResourceFieldSelector selector)
    {
        var resource = selector.Resource;
        if (!resource.IsValid) return;
        var name = resource.Value;
        if (name.Length == 0)
        {
            context.Report(Empty, resource, [("field", "resourceFieldRef.resource"), ("help", "give the resource to read, e.g. `limits.memory`")]);
        }
        else if (!Resources.Contains(name, StringComparer.Ordinal) && !name.StartsWith("requests.hugepages-", StringComparison.Ordinal)
            && !name.StartsWith("limits.hugepages-", StringComparison.Ordinal))
        {
            context.Report(NotSupported, resource, [("field", "resource"), ("value", name), ("supported", string.Join(", ", Resources.Select(r => $"`{r}`"))),
                ("help", "read `limits.<resource>` or `requests.<resource>` of `cpu`, `memory`, `ephemeral-storage` or `hugepages-<size>`")]);
        }

        var divisor = selector.Divisor;
        if (!divisor.IsValid || !divisor.Value.HasValue || divisor.Value.IsZero) return;
        var canonical = divisor.Value.ToString();
        string? kind = name switch
        {
            "limits.cpu" or "requests.cpu" => "cpu",
            "limits.memory" or "requests.memory" => "memory",
            "limits.ephemeral-storage" or "requests.ephemeral-storage" => "local ephemeral storage",
            _ when name.StartsWith("requests.hugepages-", StringComparison.Ordinal) || name.StartsWith("limits.hugepages-", StringComparison.Ordinal) => "hugepages",
            _ => null,
        };
        if (kind is null) return;
        var allowed = kind == "cpu" ? CpuDivisors : ByteDivisors;
        if (allowed.Contains(canonical, StringComparer.Ordinal)) return;
        context.Report(Invalid, divisor, [("field", "divisor"), ("value", divisor.Value.Text),
            ("detail", $"only divisor's values {string.Join(", ", allowed)} are supported with the {kind} resource"),
            ("help", $"use one of {string.Join(", ", allowed.Select(a => $"`{a}`"))}")]);
    }

    private static void CheckKeySelector(PodContext context, Field<string> name, Field<string> key, string kind)
    {
        // An absent name is the empty string, which is no DNS subdomain.
        if (!name.IsInvalid)
        {
            var value = name.IsValid ? name.Value : string.Empty;
            foreach (var detail in NameFormats.Dns1123Subdomain(value))
            {
                context.Report(Invalid, name.IsValid ? name.Location : name.MissingAt, [("field", "name"), ("value", value), ("detail", detail),
                    ("help", $"give the name of the {kind} to read: lowercase letters, digits, `-` and `.`")]);
            }
        }

        if (!key.IsValid) return;
        if (key.Value.Length == 0)
        {
            context.Report(Empty, key, [("field", "key"), ("help", $"give the key of the {kind} to read")]);
            return;
        }

        foreach (var detail in NameFormats.ConfigMapKey(key.Value))
        {
            context.Report(Invalid, key, [("field", "key"), ("value", key.Value), ("detail", detail), ("help", "keys are letters, digits, `-`, `_` and `.`")]);
        }
    }

    private static void CheckFileKeyRef(PodContext context, FileKeySelector selector)
    {
        if (selector.Key.IsValid)
        {
            if (selector.Key.Value.Length == 0) context.Report(Empty, selector.Key, [("field", "fileKeyRef.key"), ("help", "give the variable's key in the file")]);
            else
            {
                foreach (var detail in NameFormats.RelaxedEnvVarName(selector.Key.Value))
                {
                    context.Report(Invalid, selector.Key, [("field", "key"), ("value", selector.Key.Value), ("detail", detail), ("help", "use printable ASCII characters other than `=`")]);
                }
            }
        }

        var volumeName = selector.VolumeName;
        if (volumeName.IsValid)
        {
            if (volumeName.Value.Length == 0) context.Report(Empty, volumeName, [("field", "fileKeyRef.volumeName"), ("help", "give the name of the `emptyDir` volume that holds the file")]);
            else
            {
                var errors = NameFormats.Dns1123Label(volumeName.Value);
                foreach (var detail in errors)
                {
                    context.Report(Invalid, volumeName, [("field", "volumeName"), ("value", volumeName.Value), ("detail", detail), ("help", "volume names are DNS labels")]);
                }

                if (errors.Count == 0) CheckFileVolume(context, volumeName);
            }
        }

        var path = selector.Path;
        if (!path.IsValid) return;
        if (path.Value.Length == 0) context.Report(Empty, path, [("field", "fileKeyRef.path"), ("help", "give the file's path inside the volume")]);
        else if (path.Value.Split('/').Contains("..", StringComparer.Ordinal))
        {
            context.Report(Invalid, path, [("field", "path"), ("value", path.Value), ("detail", "must not contain '..'"), ("help", "give a path inside the volume, without `..` elements")]);
        }
    }

    /// <summary>The Pod-level check of §7.4: the volume must exist and be an <c>emptyDir</c> (one without a source is defaulted to one).</summary>
    private static void CheckFileVolume(PodContext context, Field<string> volumeName)
    {
        var volumes = context.Spec?.Volumes ?? default;
        if (volumes.IsInvalid) return;
        foreach (var volume in volumes)
        {
            if (volume.Name.IsInvalid) return;
            if (!string.Equals(volume.Name.Value, volumeName.Value, StringComparison.Ordinal)) continue;
            if (!volume.IsEmptyDir) context.Report(VolumeNotEmptyDir, volumeName, [("value", volumeName.Value)]);
            return;
        }

        // A StatefulSet's Pods also get a claim volume for each of its volumeClaimTemplates: there, but no emptyDir.
        if (context.Object is StatefulSet { Spec.Value: { } set }
            && set.VolumeClaimTemplates.Any(c => c.Metadata.Value?.Name.Value == volumeName.Value))
        {
            context.Report(VolumeNotEmptyDir, volumeName, [("value", volumeName.Value)]);
            return;
        }

        context.Report(VolumeNotFound, volumeName, [("value", volumeName.Value)]);
    }

    private static string Index(EnvVar env) => (env.Location.Path.LastIndex ?? 0).ToString(CultureInfo.InvariantCulture);
}
