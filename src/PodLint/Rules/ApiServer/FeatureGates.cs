namespace PodLint.Rules.ApiServer;

/// <summary>
/// A feature gate whose default changes within the supported versions (spec §6, §7): the minor versions in which the
/// field behind it exists but the gate is off by default, so that the API server drops the field on create
/// (<paramref name="OffFrom"/>–<paramref name="OffTo"/>), and the first minor version in which it is on by default
/// (<paramref name="OnFrom"/>; 0 when that is not within the supported versions or the specification does not say).
/// </summary>
internal sealed record FeatureGate(string Name, int OffFrom, int OffTo, int OnFrom)
{
    /// <summary>Whether the gate is on by default in <paramref name="kubernetesVersion"/>.</summary>
    public bool IsOn(string kubernetesVersion) => OnFrom > 0 && KubernetesVersions.AtLeast(kubernetesVersion, 1, OnFrom);

    /// <summary>Whether the server drops the gate's fields in <paramref name="kubernetesVersion"/> (off by default there).</summary>
    public bool DropsFieldsIn(string kubernetesVersion)
        => KubernetesVersions.TryMinor(kubernetesVersion, out var minor) && minor >= OffFrom && minor <= OffTo;
}

/// <summary>
/// The feature gates the API-server rules depend on, each stated once (spec §6): the rules that check a gated field
/// ask whether its gate is on, and PL2099 warns where it is off.
/// </summary>
internal static class FeatureGates
{
    public static readonly FeatureGate PodLifecycleSleepAction = new("PodLifecycleSleepAction", 29, 29, 30);
    public static readonly FeatureGate MatchLabelKeysInPodAffinity = new("MatchLabelKeysInPodAffinity", 29, 30, 31);
    public static readonly FeatureGate RecursiveReadOnlyMounts = new("RecursiveReadOnlyMounts", 29, 30, 31);
    public static readonly FeatureGate UserNamespacesSupport = new("UserNamespacesSupport", 29, 32, 33);
    public static readonly FeatureGate InPlacePodVerticalScaling = new("InPlacePodVerticalScaling", 29, 32, 33);
    public static readonly FeatureGate ProcMountType = new("ProcMountType", 29, 32, 33);
    public static readonly FeatureGate SupplementalGroupsPolicy = new("SupplementalGroupsPolicy", 29, 32, 33);
    public static readonly FeatureGate SELinuxChangePolicy = new("SELinuxChangePolicy", 29, 32, 33);
    public static readonly FeatureGate PodLevelResources = new("PodLevelResources", 29, 33, 34);
    public static readonly FeatureGate DynamicResourceAllocation = new("DynamicResourceAllocation", 29, 33, 34);
    public static readonly FeatureGate ImageVolume = new("ImageVolume", 29, 34, 35);
    public static readonly FeatureGate ContainerRestartRules = new("ContainerRestartRules", 34, 34, 35);
    public static readonly FeatureGate EnvFiles = new("EnvFiles", 34, 34, 35);
    public static readonly FeatureGate HostnameOverride = new("HostnameOverride", 34, 34, 35);
    public static readonly FeatureGate PodCertificateRequest = new("PodCertificateRequest", 34, 35, 0);
    public static readonly FeatureGate ContainerStopSignals = new("ContainerStopSignals", 33, 33, 0);
    public static readonly FeatureGate ClusterTrustBundleProjection = new("ClusterTrustBundleProjection", 29, 33, 0);
}
