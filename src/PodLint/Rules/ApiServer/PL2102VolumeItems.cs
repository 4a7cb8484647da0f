using System.Collections.Immutable;
using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2102: the files a <c>secret</c>, <c>configMap</c>, <c>downwardAPI</c> or <c>projected</c> volume writes (spec §1.L
/// VS11–VS14, VS15 items, VS57–VS64, PJ1, PJ4, PJ6): each item needs a key and a relative path inside the volume (no
/// <c>..</c> element, not starting with <c>..</c>), modes must be between 0 and 0777, and a downward API file needs
/// exactly one of <c>fieldRef</c> (a Pod metadata field) and <c>resourceFieldRef</c> (a container's resource, naming
/// the container). An unset <c>defaultMode</c> is 0644 (§0.3). Downward API paths are printed without the item index,
/// as the server does (<c>spec.volumes[0].downwardAPI.path</c>).
/// </summary>
internal sealed class PL2102VolumeItems : IPodRule
{
    private const string Text = "volume `{volume}`: {problem}";

    public static readonly MessageTemplate Required = new("required", Text, "{help}", ApiErrorType.Required);
    public static readonly MessageTemplate Invalid = new("invalid", Text, "{help}", ApiErrorType.Invalid);
    public static readonly MessageTemplate NotSupported = new("not-supported", Text, "{help}", ApiErrorType.NotSupported);

    public static readonly RuleDescriptor Rule = new(RuleIds.VolumeItems, "volume-items", RuleCategory.ApiServer, Severity.Error,
        "The items of secret, configMap, downward API and projected volumes need a key and a relative path inside the volume, file modes between 0 and 0777, and valid downward API references",
        messages: [Required, Invalid, NotSupported]);

    /// <summary><c>validVolumeDownwardAPIFieldPathExpressions</c>, sorted as the server lists them.</summary>
    private static readonly string[] VolumeFieldPaths = ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"];

    /// <summary>What <c>ConvertDownwardAPIFieldLabel</c> accepts for v1 Pods (without a subscript).</summary>
    private static readonly string[] ConvertibleFieldPaths =
    [
        "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy",
        "spec.serviceAccountName", "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
    ];

    private static readonly string[] ResourceFieldPaths = ["limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"];
    private static readonly string[] CpuDivisors = ["1m", "1"];
    private static readonly string[] ByteDivisors = ["1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"];

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        foreach (var volume in spec.Volumes)
        {
            if (VolumeSources.IsDropped(volume, context.KubernetesVersion) || VolumeSources.First(volume) is not { } first) continue;
            var check = new Check(context, volume);
            var sourcePath = volume.Location.Path.Field(first.Kind.Key);
            switch (first.Source)
            {
                case SecretVolumeSource s:
                    check.DefaultMode(s.DefaultMode, sourcePath);
                    check.KeyToPaths(s.Items, sourcePath.Field("items"));
                    break;
                case ConfigMapVolumeSource s:
                    check.DefaultMode(s.DefaultMode, sourcePath);
                    check.KeyToPaths(s.Items, sourcePath.Field("items"));
                    break;
                case DownwardAPIVolumeSource s:
                    check.DefaultMode(s.DefaultMode, sourcePath);
                    foreach (var file in s.Items) check.DownwardApiFile(file, sourcePath);
                    break;
                case ProjectedVolumeSource s:
                    check.DefaultMode(s.DefaultMode, sourcePath);
                    for (var j = 0; j < s.Sources.Count; j++)
                    {
                        var projection = s.Sources[j];
                        var projectionPath = projection.Location.Path;
                        if (projection.Secret is { IsValid: true, Value: { } secret }) check.KeyToPaths(secret.Items, projectionPath.Field("secret").Field("items"));
                        if (projection.ConfigMap is { IsValid: true, Value: { } configMap }) check.KeyToPaths(configMap.Items, projectionPath.Field("configMap").Field("items"));
                        if (projection.DownwardAPI is { IsValid: true, Value: { } downwardApi })
                        {
                            foreach (var file in downwardApi.Items) check.DownwardApiFile(file, projectionPath.Field("downwardAPI"));
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>Reports the findings of one volume.</summary>
    private readonly struct Check(PodContext context, Volume volume)
    {
        public void DefaultMode(Field<int> defaultMode, FieldPath sourcePath)
        {
            var mode = ServerDefaults.VolumeFileMode(defaultMode);
            if (!VolumeSources.IsBadFileMode(mode)) return;
            Report(Invalid, defaultMode, sourcePath.Field("defaultMode"), $"`defaultMode` {Int(mode)} {VolumeSources.FileModeDetail}", ModeHelp(mode, "defaultMode"));
        }

        public void KeyToPaths(ListField<KeyToPath> items, FieldPath itemsPath)
        {
            foreach (var item in items)
            {
                var itemPath = itemsPath.Index(item.Location.Path.LastIndex ?? 0);
                if (item.Key is { IsValid: true, Value.Length: 0 })
                {
                    Report(Required, item.Key, itemPath.Field("key"), "item `key` is empty", "set `key` to the key of the Secret or ConfigMap to write to `path`");
                }

                ItemPath(item.Path, itemPath.Field("path"));
                Mode(item.Mode, itemPath.Field("mode"));
            }
        }

        public void DownwardApiFile(DownwardAPIVolumeFile file, FieldPath sourcePath)
        {
            // The server's paths have no items index: `….downwardAPI.path`, `….downwardAPI.fieldRef.fieldPath`.
            ItemPath(file.Path, sourcePath.Field("path"));
            var hasField = file.FieldRef is { IsValid: true };
            var hasResource = file.ResourceFieldRef is { IsValid: true };
            if (hasField)
            {
                FieldRef(file.FieldRef.Value, sourcePath.Field("fieldRef"));
                if (hasResource)
                {
                    Report(Invalid, file.Location.AtKey, sourcePath, "`fieldRef` and `resourceFieldRef` can not be specified simultaneously",
                        "split the item in two: one file per `fieldRef` or `resourceFieldRef`");
                }
            }
            else if (hasResource)
            {
                ResourceFieldRef(file.ResourceFieldRef.Value, sourcePath.Field("resourceFieldRef"));
            }
            else if (!file.FieldRef.IsInvalid && !file.ResourceFieldRef.IsInvalid)
            {
                Report(Required, file.Location.AtKey, sourcePath, "one of `fieldRef` and `resourceFieldRef` is required",
                    "add `fieldRef` (e.g. `fieldPath: metadata.labels`) or `resourceFieldRef` (e.g. `containerName: app`, `resource: limits.memory`)");
            }

            Mode(file.Mode, sourcePath.Field("mode"));
        }

        private void ItemPath(Field<string> path, FieldPath at)
        {
            if (!path.IsValid) return;
            if (path.Value.Length == 0)
            {
                Report(Required, path, at, "item `path` is empty", "set `path` to the file name to create inside the volume, e.g. `config.yaml`");
                return;
            }

            foreach (var detail in PathFormats.LocalNonReservedPathErrors(path.Value))
            {
                Report(Invalid, path, at, $"item `path` `{path.Value}` {detail}",
                    "use a path relative to the volume's mount point, without `..` elements and not starting with `..` (the volume's own `..data` links use that)");
            }
        }

        private void Mode(Field<int> mode, FieldPath at)
        {
            if (mode.IsValid && VolumeSources.IsBadFileMode(mode.Value))
            {
                Report(Invalid, mode, at, $"item `mode` {Int(mode.Value)} {VolumeSources.FileModeDetail}", ModeHelp(mode.Value, "mode"));
            }
        }

        private void FieldRef(ObjectFieldSelector fieldRef, FieldPath at)
        {
            // apiVersion is defaulted to v1 (§0.3), so its Required is unreachable; fieldPath is required by the schema.
            var apiVersion = ServerDefaults.FieldRefApiVersion(fieldRef);
            var fieldPath = fieldRef.FieldPath;
            if (!fieldPath.IsValid) return;
            var value = fieldPath.Value;
            if (value.Length == 0)
            {
                Report(Required, fieldPath, at.Field("fieldPath"), "`fieldRef.fieldPath` is empty", FieldPathHelp);
                return;
            }

            var split = SplitSubscript(value);
            string? conversion = null;
            if (!string.Equals(apiVersion, "v1", StringComparison.Ordinal)) conversion = "unsupported pod version: " + apiVersion;
            else if (split is { Path: var p } && p is not ("metadata.annotations" or "metadata.labels")) conversion = "field label does not support subscript: " + value;
            else if (split is null && !ConvertibleFieldPaths.Contains(value, StringComparer.Ordinal) && value != "spec.host") conversion = "field label not supported: " + value;
            if (conversion is not null)
            {
                Report(Invalid, fieldPath, at.Field("fieldPath"), $"`fieldRef.fieldPath` `{value}` is invalid: error converting fieldPath: {conversion}", FieldPathHelp);
                return;
            }

            if (split is { } subscripted)
            {
                var key = subscripted.Path == "metadata.annotations" ? subscripted.Key.ToLowerInvariant() : subscripted.Key;
                foreach (var detail in NameFormats.QualifiedName(key, context.KubernetesVersion))
                {
                    Report(Invalid, fieldPath, at, $"`fieldRef.fieldPath` `{value}`: the key `{subscripted.Key}` is invalid: {detail}",
                        "write a label or annotation key such as `app.kubernetes.io/name` between `['` and `']`");
                }

                return;
            }

            var internalPath = value == "spec.host" ? "spec.nodeName" : value;
            if (!VolumeFieldPaths.Contains(internalPath, StringComparer.Ordinal))
            {
                Report(NotSupported, fieldPath, at.Field("fieldPath"),
                    $"`fieldRef.fieldPath` `{internalPath}` is not supported in a volume (supported values: {List(VolumeFieldPaths)})",
                    "a downward API volume can hold the Pod's name, namespace, uid, labels and annotations; pass other fields (node name, IPs, service account) as environment variables");
            }
        }

        private void ResourceFieldRef(ResourceFieldSelector selector, FieldPath at)
        {
            if (!selector.ContainerName.IsInvalid && (!selector.ContainerName.IsValid || selector.ContainerName.Value.Length == 0))
            {
                var name = selector.ContainerName;
                Report(Required, name.IsValid ? name.Location : name.MissingAt, at.Field("containerName"), "`resourceFieldRef.containerName` is required in a volume",
                    "set `containerName` to the container whose resource the file shows");
            }

            if (!selector.Resource.IsValid) return;
            var resource = selector.Resource.Value;
            if (resource.Length == 0)
            {
                Report(Required, selector.Resource, at.Field("resource"), "`resourceFieldRef.resource` is empty", ResourceHelp);
            }
            else if (!ResourceFieldPaths.Contains(resource, StringComparer.Ordinal)
                     && !resource.StartsWith("requests.hugepages-", StringComparison.Ordinal) && !resource.StartsWith("limits.hugepages-", StringComparison.Ordinal))
            {
                Report(NotSupported, selector.Resource, at.Field("resource"),
                    $"`resourceFieldRef.resource` `{resource}` is not supported (supported values: {List(ResourceFieldPaths)})", ResourceHelp);
            }

            if (selector.Divisor is not { IsValid: true, Value: { HasValue: true } divisor } || divisor.IsZero) return;
            var canonical = divisor.ToString();
            string? kind = resource switch
            {
                "limits.cpu" or "requests.cpu" => CpuDivisors.Contains(canonical, StringComparer.Ordinal) ? null : "cpu",
                "limits.memory" or "requests.memory" => ByteDivisors.Contains(canonical, StringComparer.Ordinal) ? null : "memory",
                "limits.ephemeral-storage" or "requests.ephemeral-storage" => ByteDivisors.Contains(canonical, StringComparer.Ordinal) ? null : "local ephemeral storage",
                _ when resource.StartsWith("requests.hugepages-", StringComparison.Ordinal) || resource.StartsWith("limits.hugepages-", StringComparison.Ordinal)
                    => ByteDivisors.Contains(canonical, StringComparer.Ordinal) ? null : "hugepages",
                _ => null,
            };
            if (kind is null) return;
            var allowed = kind == "cpu" ? "1m and 1" : string.Join(", ", ByteDivisors);
            Report(Invalid, selector.Divisor, at.Field("divisor"),
                $"`resourceFieldRef.divisor` `{canonical}` for `{resource}`: only divisor's values {allowed} are supported with the {kind} resource",
                kind == "cpu" ? "use `divisor: 1m` (millicores) or `1` (cores)" : "use a divisor such as `1`, `1Ki` or `1Mi`");
        }

        private void Report(MessageTemplate message, ILocated at, FieldPath path, string problem, string help)
        {
            var location = at.Location;
            ImmutableArray<MessageArgument> args = [("volume", VolumeSources.DisplayName(volume)), ("problem", problem), ("help", help)];
            context.Report(message, new Location(location.Span, location.KeySpan, path), args);
        }
    }

    private const string FieldPathHelp = "use `metadata.name`, `metadata.namespace`, `metadata.uid`, `metadata.labels`, `metadata.annotations`, or one label or annotation as `metadata.labels['key']`";

    private const string ResourceHelp = "use `limits.cpu`, `limits.memory`, `limits.ephemeral-storage`, `requests.cpu`, `requests.memory`, `requests.ephemeral-storage` or a `hugepages-` one";

    /// <summary><c>SplitMaybeSubscriptedPath</c>: <c>metadata.labels['app']</c> is (<c>metadata.labels</c>, <c>app</c>).</summary>
    private static (string Path, string Key)? SplitSubscript(string fieldPath)
    {
        if (!fieldPath.EndsWith("']", StringComparison.Ordinal)) return null;
        var trimmed = fieldPath[..^2];
        var open = trimmed.IndexOf("['", StringComparison.Ordinal);
        if (open <= 0) return null;
        return (trimmed[..open], trimmed[(open + 2)..]);
    }

    private static string ModeHelp(int mode, string field)
    {
        // 644 written in YAML is the decimal 644 (01204): the usual cause is a mode written in octal without the leading 0.
        var text = mode.ToString(CultureInfo.InvariantCulture);
        return mode > VolumeSources.MaxFileMode && text.Length == 3 && text.All(c => c is >= '0' and <= '7')
            ? $"YAML reads `{text}` as a decimal number: write `0{text}` for the octal mode, or `{Convert.ToInt32(text, 8).ToString(CultureInfo.InvariantCulture)}` in decimal"
            : $"set `{field}` to a mode between 0 and 0777, written in octal with a leading 0 (e.g. `0644`) or in decimal (e.g. `420`)";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string List(string[] values) => string.Join(", ", values.Select(v => $"`{v}`"));
}
