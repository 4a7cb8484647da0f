using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>How a container uses a volume.</summary>
internal enum VolumeUseKind
{
    /// <summary>A <c>volumeMounts</c> item.</summary>
    Mount,

    /// <summary>A <c>volumeDevices</c> item (a block-mode claim).</summary>
    Device,

    /// <summary>An <c>env[].valueFrom.fileKeyRef</c> that reads a variable from a file of the volume (Kubernetes 1.34+):
    /// the kubelet reads it, the container need not mount it.</summary>
    EnvFile,
}

/// <summary>One use of a volume by a container, and where it is written (the mount's <c>mountPath</c>, the device's
/// <c>devicePath</c>, the <c>fileKeyRef</c>'s <c>volumeName</c>).</summary>
internal sealed record VolumeUse(Container Container, VolumeUseKind Kind, ILocated At, string? MountPath);

/// <summary>
/// Which containers of a Pod use which volume, for the shared-volume rules: every container (ephemeral ones too)
/// through its mounts, devices and env files. Built only when every one of them can be read, so that a mount the
/// schema check already rejected never makes a volume look unused.
/// </summary>
internal sealed class VolumeUses
{
    private readonly Dictionary<string, List<VolumeUse>> _uses = new(StringComparer.Ordinal);
    private MapField<string> _annotations;

    private VolumeUses()
    {
    }

    /// <summary>The uses of the Pod's volumes, or null when a container, a mount or a name could not be read.</summary>
    public static VolumeUses? Of(PodContext context)
    {
        if (context.Spec is not { } spec || spec.Containers.IsInvalid || spec.InitContainers.IsInvalid || spec.EphemeralContainers.IsInvalid) return null;
        var uses = new VolumeUses();
        foreach (var container in spec.AllContainers)
        {
            if (container.VolumeMounts.IsInvalid || container.VolumeDevices.IsInvalid || container.Env.IsInvalid) return null;
            foreach (var mount in container.VolumeMounts)
            {
                if (mount.Name.IsInvalid) return null;
                if (mount.Name.Value is { } name)
                {
                    ILocated at = mount.MountPath.IsValid ? mount.MountPath : mount.Name;
                    uses.Add(name, new VolumeUse(container, VolumeUseKind.Mount, at, mount.MountPath.Value));
                }
            }

            foreach (var device in container.VolumeDevices)
            {
                if (device.Name.IsInvalid) return null;
                if (device.Name.Value is { } name)
                {
                    ILocated at = device.DevicePath.IsValid ? device.DevicePath : device.Name;
                    uses.Add(name, new VolumeUse(container, VolumeUseKind.Device, at, null));
                }
            }

            foreach (var env in container.Env)
            {
                if (env.ValueFrom.Value?.FileKeyRef.Value is not { } file) continue;
                if (file.VolumeName.IsInvalid) return null;
                if (file.VolumeName.Value is { } name) uses.Add(name, new VolumeUse(container, VolumeUseKind.EnvFile, file.VolumeName, null));
            }
        }

        uses._annotations = context.Metadata?.Annotations ?? default;
        return uses;
    }

    /// <summary>The uses of a volume, in container order.</summary>
    public IReadOnlyList<VolumeUse> this[string volumeName] => _uses.TryGetValue(volumeName, out var list) ? list : [];

    /// <summary>
    /// Whether an annotation of the Pod names the volume, as a word of its value: sidecar injectors mount such a volume
    /// into the container they add (Istio's <c>sidecar.istio.io/userVolumeMount</c>, Dapr's <c>dapr.io/volume-mounts</c>).
    /// </summary>
    public bool IsNamedByAnAnnotation(string volumeName)
    {
        foreach (var annotation in _annotations)
        {
            if (annotation.Value is not { } value) continue;
            for (var at = value.IndexOf(volumeName, StringComparison.Ordinal); at >= 0; at = value.IndexOf(volumeName, at + 1, StringComparison.Ordinal))
            {
                var end = at + volumeName.Length;
                if ((at == 0 || !IsNameChar(value[at - 1])) && (end == value.Length || !IsNameChar(value[end]))) return true;
            }
        }

        return false;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    private void Add(string name, VolumeUse use)
    {
        if (!_uses.TryGetValue(name, out var list)) _uses[name] = list = [];
        list.Add(use);
    }
}
