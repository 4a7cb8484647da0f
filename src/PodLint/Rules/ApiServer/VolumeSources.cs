using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>One kind of volume source: its field name and the name the API server prints in its paths.</summary>
/// <param name="Key">The field of <c>spec.volumes[i]</c>: <c>downwardAPI</c>.</param>
/// <param name="PathName">The child name <c>validateVolumeSource</c> prints for a second source (its quirks kept:
/// <c>downwarAPI</c>, <c>cephFS</c>).</param>
/// <param name="Get">The source object when it is written (not null, not of the wrong type).</param>
internal sealed record VolumeSourceKind(string Key, string PathName, Func<Volume, ModelObject?> Get);

/// <summary>
/// What the API server's <c>validateVolumeSource</c> sees of a volume (spec §1.L): its sources in the server's fixed
/// order, the one it validates (the first), and the path rules shared by items, tokens and host paths (§4.6).
/// </summary>
internal static class VolumeSources
{
    /// <summary>Every source, in the order <c>validateVolumeSource</c> visits them (V5).</summary>
    public static readonly VolumeSourceKind[] Kinds =
    [
        new("emptyDir", "emptyDir", v => v.EmptyDir.IsValid ? v.EmptyDir.Value : null),
        new("hostPath", "hostPath", v => v.HostPath.IsValid ? v.HostPath.Value : null),
        new("gitRepo", "gitRepo", v => v.GitRepo.IsValid ? v.GitRepo.Value : null),
        new("gcePersistentDisk", "gcePersistentDisk", v => v.GcePersistentDisk.IsValid ? v.GcePersistentDisk.Value : null),
        new("awsElasticBlockStore", "awsElasticBlockStore", v => v.AwsElasticBlockStore.IsValid ? v.AwsElasticBlockStore.Value : null),
        new("secret", "secret", v => v.Secret.IsValid ? v.Secret.Value : null),
        new("nfs", "nfs", v => v.Nfs.IsValid ? v.Nfs.Value : null),
        new("iscsi", "iscsi", v => v.Iscsi.IsValid ? v.Iscsi.Value : null),
        new("glusterfs", "glusterfs", v => v.Glusterfs.IsValid ? v.Glusterfs.Value : null),
        new("flocker", "flocker", v => v.Flocker.IsValid ? v.Flocker.Value : null),
        new("persistentVolumeClaim", "persistentVolumeClaim", v => v.PersistentVolumeClaim.IsValid ? v.PersistentVolumeClaim.Value : null),
        new("rbd", "rbd", v => v.Rbd.IsValid ? v.Rbd.Value : null),
        new("cinder", "cinder", v => v.Cinder.IsValid ? v.Cinder.Value : null),
        new("cephfs", "cephFS", v => v.Cephfs.IsValid ? v.Cephfs.Value : null),
        new("quobyte", "quobyte", v => v.Quobyte.IsValid ? v.Quobyte.Value : null),
        new("downwardAPI", "downwarAPI", v => v.DownwardAPI.IsValid ? v.DownwardAPI.Value : null),
        new("fc", "fc", v => v.Fc.IsValid ? v.Fc.Value : null),
        new("flexVolume", "flexVolume", v => v.FlexVolume.IsValid ? v.FlexVolume.Value : null),
        new("configMap", "configMap", v => v.ConfigMap.IsValid ? v.ConfigMap.Value : null),
        new("azureFile", "azureFile", v => v.AzureFile.IsValid ? v.AzureFile.Value : null),
        new("vsphereVolume", "vsphereVolume", v => v.VsphereVolume.IsValid ? v.VsphereVolume.Value : null),
        new("photonPersistentDisk", "photonPersistentDisk", v => v.PhotonPersistentDisk.IsValid ? v.PhotonPersistentDisk.Value : null),
        new("portworxVolume", "portworxVolume", v => v.PortworxVolume.IsValid ? v.PortworxVolume.Value : null),
        new("azureDisk", "azureDisk", v => v.AzureDisk.IsValid ? v.AzureDisk.Value : null),
        new("storageos", "storageos", v => v.Storageos.IsValid ? v.Storageos.Value : null),
        new("projected", "projected", v => v.Projected.IsValid ? v.Projected.Value : null),
        new("scaleIO", "scaleIO", v => v.ScaleIO.IsValid ? v.ScaleIO.Value : null),
        new("csi", "csi", v => v.Csi.IsValid ? v.Csi.Value : null),
        new("ephemeral", "ephemeral", v => v.Ephemeral.IsValid ? v.Ephemeral.Value : null),
        new("image", "image", v => v.Image.IsValid ? v.Image.Value : null),
    ];

    /// <summary>
    /// The file-mode detail (<c>fileModeErrorMsg</c>) for <c>defaultMode</c> and item <c>mode</c> values outside 0–0777.
    /// </summary>
    public const string FileModeDetail = "must be a number between 0 and 0777 (octal), both inclusive";

    /// <summary>The largest file mode, 0777.</summary>
    public const int MaxFileMode = 511;

    /// <summary>
    /// Whether the server sees the volume at all: with the ImageVolume gate off (before 1.35, spec §6, §7.6) it drops
    /// every volume with an <c>image</c> source before validation.
    /// </summary>
    public static bool IsDropped(Volume volume, string kubernetesVersion)
        => volume.Image.IsValid && !ImageVolumesEnabled(kubernetesVersion);

    /// <summary>ImageVolume: 1.31 alpha, 1.33 beta off, 1.35 beta on (spec §6).</summary>
    public static bool ImageVolumesEnabled(string kubernetesVersion) => FeatureGates.ImageVolume.IsOn(kubernetesVersion);

    /// <summary>The sources written on the volume, in the server's order.</summary>
    public static IEnumerable<(VolumeSourceKind Kind, ModelObject Source)> Present(Volume volume)
    {
        foreach (var kind in Kinds)
        {
            if (kind.Get(volume) is { } source) yield return (kind, source);
        }
    }

    /// <summary>The source the server validates: the first one written, in its order; null for a volume that the
    /// server defaults to <c>emptyDir: {}</c> or whose only source is of the wrong type.</summary>
    public static (VolumeSourceKind Kind, ModelObject Source)? First(Volume volume)
    {
        foreach (var present in Present(volume)) return present;
        return null;
    }

    /// <summary>The volume's name, when written and not empty.</summary>
    public static string? NameOf(Volume volume) => volume.Name.IsValid && volume.Name.Value.Length > 0 ? volume.Name.Value : null;

    /// <summary>The volume's name for messages.</summary>
    public static string DisplayName(Volume volume) => NameOf(volume) ?? volume.Location.Path.ToString();

    /// <summary>A location with the server's path for a written value (its own span, another path).</summary>
    public static Location At(ILocated value, FieldPath path)
    {
        var location = value.Location;
        return new Location(location.Span, location.KeySpan, path);
    }

    /// <summary>Whether a file mode is outside 0–0777.</summary>
    public static bool IsBadFileMode(int mode) => mode is < 0 or > MaxFileMode;

    /// <summary>A mode as the help line shows it: octal, as in <c>0644</c>.</summary>
    public static string Octal(int mode) => mode < 0 ? mode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0" + Convert.ToString(mode, 8);
}
