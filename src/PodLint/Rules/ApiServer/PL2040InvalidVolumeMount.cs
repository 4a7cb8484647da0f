using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2040: a container's <c>volumeMounts</c> and <c>volumeDevices</c> (spec §1.F, <c>ValidateVolumeMounts</c>,
/// <c>ValidateVolumeDevices</c>): names that are volumes of the Pod, unique mount paths and device paths and device
/// names, no volume and no path in both lists, relative <c>subPath</c>/<c>subPathExpr</c> without <c>..</c>,
/// <c>mountPropagation</c> and <c>recursiveReadOnly</c> values and their conditions, and block devices only from
/// <c>persistentVolumeClaim</c> or <c>ephemeral</c> volumes. Missing names and paths are the schema's (PL1003); the
/// volumes themselves are checked by the volume rules: this one only reads their names and kinds.
/// </summary>
internal sealed class PL2040InvalidVolumeMount : ContainerRule
{
    public static readonly MessageTemplate Empty = new("empty", "`{field}` is empty", "{help}", ApiErrorType.Required);

    public static readonly MessageTemplate NotFound = new("not-found", "`{field}: {value}` names no volume of the Pod",
        "add a volume named `{value}` to the Pod's `volumes`, or use the name of one it has", ApiErrorType.NotFound);

    public static readonly MessageTemplate NotUnique = new("not-unique", "`{field}: {value}` must be unique: `{first}` has it already",
        "{help}", ApiErrorType.Invalid);

    public static readonly MessageTemplate InBoth = new("in-both",
        "`{field}: {value}` must not already exist {detail}", "a volume is either mounted as a filesystem or attached as a block device, at a path of its own: remove one of the two", ApiErrorType.Invalid);

    public static readonly MessageTemplate NotRelative = new("not-relative", "`{field}: {value}` must be a relative path",
        "write the path inside the volume without the leading `/`", ApiErrorType.Invalid);

    public static readonly MessageTemplate Backsteps = new("backsteps", "`{field}: {value}` {detail}",
        "{help}", ApiErrorType.Invalid);

    public static readonly MessageTemplate SubPathExclusive = new("sub-path-exclusive",
        "`subPathExpr: {value}`: subPathExpr and subPath are mutually exclusive", "keep one: `subPath` for a fixed path, `subPathExpr` for one with `$(VAR)` references", ApiErrorType.Invalid);

    public static readonly MessageTemplate NotSupported = new("not-supported", "`{field}: {value}` is not supported (supported values: {supported})",
        "{help}", ApiErrorType.NotSupported);

    public static readonly MessageTemplate BidirectionalNotPrivileged = new("bidirectional-not-privileged",
        "`mountPropagation: Bidirectional` is available only to privileged containers (container `{container}`)",
        "use `HostToContainer`, which needs no privilege, or run the container with `securityContext.privileged: true` if it must mount into the host", ApiErrorType.Forbidden);

    public static readonly MessageTemplate RecursiveReadOnly = new("recursive-read-only", "`recursiveReadOnly: {value}` may only be specified when {detail}",
        "{help}", ApiErrorType.Forbidden);

    public static readonly MessageTemplate DeviceNotBlock = new("device-not-block",
        "`{field}: {value}` can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode",
        "attach a `persistentVolumeClaim` or `ephemeral` volume with `volumeMode: Block` as a device, or mount this volume with `volumeMounts`", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.InvalidVolumeMount, "invalid-volume-mount", RuleCategory.ApiServer,
        Severity.Error, "A container's volume mounts and devices must name volumes of the Pod, at unique paths, with relative `subPath`s and supported propagation and read-only modes",
        messages: [Empty, NotFound, NotUnique, InBoth, NotRelative, Backsteps, SubPathExclusive, NotSupported, BidirectionalNotPrivileged, RecursiveReadOnly, DeviceNotBlock],
        appliesTo: ContainerRoles.All);

    private const string Propagations = "`Bidirectional`, `HostToContainer`, `None`";
    private static readonly string[] PropagationValues = ["Bidirectional", "HostToContainer", "None"];
    private const string RecursiveModes = "`Disabled`, `Enabled`, `IfPossible`";

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        var mounts = container.VolumeMounts;
        var devices = container.VolumeDevices;
        if (mounts.Count == 0 && devices.Count == 0) return;
        var volumes = Volumes(context);
        CheckMounts(context, container, volumes);
        CheckDevices(context, container, volumes);
    }

    /// <summary>
    /// The Pod's volumes by name, each with whether it can be attached as a block device (a <c>persistentVolumeClaim</c>
    /// or <c>ephemeral</c> volume); null when the list is unusable (then no name is said to be missing). A StatefulSet's
    /// Pods also get a claim volume for each of its <c>volumeClaimTemplates</c>, replacing a template volume of that name
    /// (the API server does not validate a StatefulSet's template, only the Pods made from it).
    /// </summary>
    private static Dictionary<string, bool>? Volumes(PodContext context)
    {
        var list = context.Spec?.Volumes ?? default;
        if (list.IsInvalid) return null;
        var volumes = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var volume in list)
        {
            if (volume.Name.IsInvalid) return null;
            if (volume.Name.IsValid) volumes.TryAdd(volume.Name.Value, volume.PersistentVolumeClaim.IsValid || volume.Ephemeral.IsValid);
        }

        if (context.Object is StatefulSet { Spec.Value: { } set })
        {
            if (set.VolumeClaimTemplates.IsInvalid) return null;
            foreach (var claim in set.VolumeClaimTemplates)
            {
                if (claim.Metadata.Value?.Name is not { IsValid: true } name) return null;
                volumes[name.Value] = true;
            }
        }

        return volumes;
    }

    private static void CheckMounts(PodContext context, Container container, Dictionary<string, bool>? volumes)
    {
        var mounts = container.VolumeMounts;
        var listPath = mounts.Path;
        var paths = new Dictionary<string, int>(StringComparer.Ordinal);
        // The recursive read-only mounts: gate RecursiveReadOnlyMounts, alpha (off, field dropped) in 1.30, beta from 1.31.
        var recursiveEnabled = FeatureGates.RecursiveReadOnlyMounts.IsOn(context.KubernetesVersion);
        foreach (var mount in mounts)
        {
            var index = mount.Location.Path.LastIndex ?? 0;
            var name = mount.Name;
            if (name.IsValid)
            {
                // An empty name is also "not found" for the server: one finding says it.
                if (name.Value.Length == 0) context.Report(Empty, name, [("field", $"volumeMounts[{Index(index)}].name"), ("help", "give the name of one of the Pod's `volumes`")]);
                else if (volumes is not null && !volumes.ContainsKey(name.Value)) context.Report(NotFound, name, [("field", "name"), ("value", name.Value)]);
                if (name.Value.Length > 0 && FindDevice(container, d => d.Name, name.Value) is not null)
                {
                    context.Report(InBoth, name, [("field", "name"), ("value", name.Value), ("detail", "in volumeDevices")]);
                }
            }

            var mountPath = mount.MountPath;
            if (mountPath.IsValid)
            {
                if (mountPath.Value.Length == 0)
                {
                    context.Report(Empty, mountPath, [("field", $"volumeMounts[{Index(index)}].mountPath"), ("help", "give the absolute path where the volume appears in the container, e.g. `/data`")]);
                }

                if (paths.TryGetValue(mountPath.Value, out var first))
                {
                    context.Report(NotUnique, mountPath, [("field", "mountPath"), ("value", mountPath.Value), ("first", $"volumeMounts[{Index(first)}]"),
                        ("help", "mount each volume at a path of its own; to show several volumes in one directory, mount them in subdirectories")]);
                }
                else
                {
                    paths.Add(mountPath.Value, index);
                }

                if (mountPath.Value.Length > 0 && FindDevice(container, d => d.DevicePath, mountPath.Value) is not null)
                {
                    context.Report(InBoth, mountPath, [("field", "mountPath"), ("value", mountPath.Value), ("detail", "as a path in volumeDevices")]);
                }
            }

            var subPath = mount.SubPath;
            var hasSubPath = subPath is { IsValid: true, Value.Length: > 0 };
            if (hasSubPath) CheckDescendingPath(context, subPath, listPath.Field("subPath"), "subPath");
            if (mount.SubPathExpr is { IsValid: true, Value.Length: > 0 } subPathExpr)
            {
                if (hasSubPath) context.Report(SubPathExclusive, subPathExpr, [("value", subPathExpr.Value)]);
                CheckDescendingPath(context, subPathExpr, listPath.Field("subPathExpr"), "subPathExpr");
            }

            CheckPropagation(context, container, mount.MountPropagation, listPath.Field("mountPropagation"));
            if (recursiveEnabled) CheckRecursiveReadOnly(context, mount, listPath.Field("recursiveReadOnly"));
        }
    }

    private static void CheckDevices(PodContext context, Container container, Dictionary<string, bool>? volumes)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var paths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var device in container.VolumeDevices)
        {
            var index = device.Location.Path.LastIndex ?? 0;
            var name = device.Name;
            if (name.IsValid)
            {
                if (name.Value.Length == 0) context.Report(Empty, name, [("field", $"volumeDevices[{Index(index)}].name"), ("help", "give the name of a `persistentVolumeClaim` or `ephemeral` volume of the Pod")]);
                if (names.TryGetValue(name.Value, out var first))
                {
                    context.Report(NotUnique, name, [("field", "name"), ("value", name.Value), ("first", $"volumeDevices[{Index(first)}]"),
                        ("help", "attach each volume once; remove this entry")]);
                }
                else if (name.Value.Length > 0)
                {
                    names.Add(name.Value, index);
                }

                if (name.Value.Length > 0 && volumes is not null)
                {
                    if (!volumes.TryGetValue(name.Value, out var block)) context.Report(NotFound, name, [("field", "name"), ("value", name.Value)]);
                    else if (!block) context.Report(DeviceNotBlock, name, [("field", "name"), ("value", name.Value)]);
                }

                if (name.Value.Length > 0 && FindMount(container, m => m.Name, name.Value) is not null)
                {
                    context.Report(InBoth, name, [("field", "name"), ("value", name.Value), ("detail", "in volumeMounts")]);
                }
            }

            var devicePath = device.DevicePath;
            if (!devicePath.IsValid) continue;
            var path = devicePath.Value;
            if (path.Length == 0)
            {
                context.Report(Empty, devicePath, [("field", $"volumeDevices[{Index(index)}].devicePath"), ("help", "give the path of the block device in the container, e.g. `/dev/xvda`")]);
            }

            if (paths.TryGetValue(path, out var firstPath))
            {
                context.Report(NotUnique, devicePath, [("field", "devicePath"), ("value", path), ("first", $"volumeDevices[{Index(firstPath)}]"),
                    ("help", "attach each device at a path of its own")]);
            }

            if (path.Length > 0 && HasBacksteps(path))
            {
                context.Report(Backsteps, devicePath, [("field", "devicePath"), ("value", path), ("detail", "can not contain backsteps ('..')"),
                    ("help", "write the device path without `..` elements")]);
            }
            else
            {
                paths.TryAdd(path, index);
            }

            if (path.Length > 0 && FindMount(container, m => m.MountPath, path) is not null)
            {
                context.Report(InBoth, devicePath, [("field", "devicePath"), ("value", path), ("detail", "as a path in volumeMounts")]);
            }
        }
    }

    /// <summary>validateLocalDescendingPath: not absolute, no <c>..</c> element; reported on the list's path without index, as the server does.</summary>
    private static void CheckDescendingPath(PodContext context, Field<string> field, FieldPath path, string name)
    {
        var value = field.Value;
        var at = field.Location with { Path = path };
        if (value.StartsWith('/')) context.Report(NotRelative, at, [("field", name), ("value", value)]);
        if (HasBacksteps(value))
        {
            context.Report(Backsteps, at, [("field", name), ("value", value), ("detail", "must not contain '..'"),
                ("help", "name a file or directory inside the volume, without `..` elements")]);
        }
    }

    /// <summary>validatePathNoBacksteps: an element <c>..</c> between <c>/</c> separators (Linux API servers split on <c>/</c> only).</summary>
    private static bool HasBacksteps(string path) => path.Split('/').Contains("..", StringComparer.Ordinal);

    private static void CheckPropagation(PodContext context, Container container, Field<string> propagation, FieldPath path)
    {
        if (!propagation.IsValid) return;
        var at = propagation.Location with { Path = path };
        var value = propagation.Value;
        if (!PropagationValues.Contains(value, StringComparer.Ordinal))
        {
            var match = PropagationValues.FirstOrDefault(s => string.Equals(s, value.Trim(), StringComparison.OrdinalIgnoreCase));
            context.Report(NotSupported, at, [("field", "mountPropagation"), ("value", value), ("supported", Propagations),
                ("help", match is not null ? $"write `{match}`: the values are case-sensitive" : "use `None` (the default), `HostToContainer` or `Bidirectional`")]);
        }

        var privileged = container.SecurityContext.Value is { } sc && container.SecurityContext.IsValid && sc.Privileged is { IsValid: true, Value: true };
        if (value == "Bidirectional" && !privileged) context.Report(BidirectionalNotPrivileged, at, [("container", container.DisplayName)]);
    }

    private static void CheckRecursiveReadOnly(PodContext context, VolumeMount mount, FieldPath path)
    {
        var field = mount.RecursiveReadOnly;
        if (!field.IsValid) return;
        var at = field.Location with { Path = path };
        var value = field.Value;
        switch (value)
        {
            case "Disabled":
                return;
            case "Enabled" or "IfPossible":
                if (mount.ReadOnly is not { IsValid: true, Value: true })
                {
                    context.Report(RecursiveReadOnly, at, [("value", value), ("detail", "readOnly is true"), ("help", "add `readOnly: true` to the mount")]);
                }

                if (mount.MountPropagation is { IsValid: true } propagation && propagation.Value != "None")
                {
                    context.Report(RecursiveReadOnly, at, [("value", value), ("detail", "mountPropagation is None or not specified"),
                        ("help", "remove `mountPropagation` (or set it to `None`): a recursively read-only mount receives no mounts from the host")]);
                }

                return;
            default:
                context.Report(NotSupported, at, [("field", "recursiveReadOnly"), ("value", value), ("supported", RecursiveModes),
                    ("help", "use `Disabled`, `Enabled` or `IfPossible`, with `readOnly: true`")]);
                return;
        }
    }

    private static VolumeDevice? FindDevice(Container container, Func<VolumeDevice, Field<string>> field, string value)
        => container.VolumeDevices.FirstOrDefault(d => field(d) is { IsValid: true } f && string.Equals(f.Value, value, StringComparison.Ordinal));

    private static VolumeMount? FindMount(Container container, Func<VolumeMount, Field<string>> field, string value)
        => container.VolumeMounts.FirstOrDefault(m => field(m) is { IsValid: true } f && string.Equals(f.Value, value, StringComparison.Ordinal));

    private static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);
}
