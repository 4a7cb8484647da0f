using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>The v1 defaults the API server applies to volumes before it validates them (spec §0.3).</summary>
internal static partial class ServerDefaults
{
    /// <summary>§0.3: "<c>secret</c>/<c>configMap</c>/<c>downwardAPI</c>/<c>projected</c> <c>defaultMode</c> | <c>0644</c> (420)".</summary>
    public const int VolumeDefaultMode = 420;

    /// <summary>§0.3: "<c>serviceAccountToken.expirationSeconds</c> | <c>3600</c>".</summary>
    public const long ServiceAccountTokenExpirationSeconds = 3600;

    /// <summary>
    /// §0.3: "<c>spec.volumes[i]</c> with <b>no volume source at all</b> | becomes <c>emptyDir: {}</c> (so 'must specify a
    /// volume type' is unreachable via JSON)". True when the volume names no source, so the server sees an emptyDir.
    /// </summary>
    public static bool VolumeDefaultsToEmptyDir(Volume volume) => !volume.EmptyDir.IsValid && volume.IsEmptyDir;

    /// <summary>The <c>defaultMode</c> the server validates: the written one, or <see cref="VolumeDefaultMode"/> when unset.</summary>
    public static int VolumeFileMode(Field<int> defaultMode) => defaultMode.IsValid ? defaultMode.Value : VolumeDefaultMode;

    /// <summary>The token lifetime the server validates: the written one, or <see cref="ServiceAccountTokenExpirationSeconds"/> when unset.</summary>
    public static long TokenExpirationSeconds(Field<long> expirationSeconds)
        => expirationSeconds.IsValid ? expirationSeconds.Value : ServiceAccountTokenExpirationSeconds;
}

/// <summary>Defaults of the in-tree volume sources that the validation of §1.L depends on.</summary>
internal static partial class ServerDefaults
{
    /// <summary>§0.3: "<c>hostPath.type</c> | <c>""</c>" (no check of the path's type on the node).</summary>
    public const string HostPathType = "";

    /// <summary><c>SetDefaults_AzureDiskVolumeSource</c>: an absent <c>azureDisk.kind</c> becomes <c>Shared</c>, so its
    /// <c>diskURI</c> must be a blob URL (VS46).</summary>
    public const string AzureDiskKind = "Shared";

    /// <summary><c>SetDefaults_AzureDiskVolumeSource</c>: an absent <c>azureDisk.cachingMode</c> becomes <c>ReadWrite</c>.</summary>
    public const string AzureDiskCachingMode = "ReadWrite";

    /// <summary>§0.3: "<c>image</c> volume <c>pullPolicy</c> | same tag rule as containers": an empty one is always filled.</summary>
    public static bool ImagePullPolicyDefaulted(Field<string> pullPolicy) => !pullPolicy.IsValid || pullPolicy.Value.Length == 0;
}

/// <summary>Defaults of an ephemeral volume's claim template.</summary>
internal static partial class ServerDefaults
{
    /// <summary>§0.3: "ephemeral <c>volumeClaimTemplate.spec.volumeMode</c> | <c>Filesystem</c>" (only when unset: an
    /// empty string is kept, and rejected).</summary>
    public const string EphemeralVolumeMode = "Filesystem";

    /// <summary>The <c>volumeMode</c> the server validates: the written one, or <see cref="EphemeralVolumeMode"/> when unset.</summary>
    public static string ClaimVolumeMode(Field<string> volumeMode) => volumeMode.IsValid ? volumeMode.Value : EphemeralVolumeMode;
}
