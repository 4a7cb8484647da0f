using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2099: a field that the selected Kubernetes version has in its API but silently drops on create, because the
/// feature gate behind it is off by default there (spec §0.2 step 4, §6: "PodLint should warn 'field ignored on
/// this version' rather than report a validation error"). The table below holds each gate's fields and the versions,
/// within 1.29–1.36, in which the specification says the gate is off; a version it says nothing about is not
/// reported. A field set to the value that is the default anyway (<c>procMount: Default</c>) is not reported.
/// </summary>
internal sealed class PL2099FieldIgnoredByVersion : IPodRule
{
    public static readonly MessageTemplate Ignored = new("ignored",
        "`{field}` is ignored by Kubernetes {version}: its feature gate {gate} is off by default there, and the API server drops the field on create",
        "{help}");

    public static readonly RuleDescriptor Rule = new(RuleIds.FieldIgnoredByVersion, "field-ignored-by-version", RuleCategory.ApiServer, Severity.Warning,
        "A field whose feature gate is off by default in the selected Kubernetes version is dropped by the API server without an error: the setting has no effect",
        messages: [Ignored]);

    /// <summary>A feature gate: the minor versions in which it is off by default (§6), and from which it is on (0: not within the supported versions, or not known).</summary>
    private sealed record Gate(string Name, int OffFrom, int OffTo, int OnFrom);

    private static readonly Gate UserNamespaces = new("UserNamespacesSupport", 29, 32, 33);
    private static readonly Gate InPlaceResize = new("InPlacePodVerticalScaling", 29, 32, 33);
    private static readonly Gate ProcMountType = new("ProcMountType", 29, 32, 33);
    private static readonly Gate SupplementalGroupsPolicy = new("SupplementalGroupsPolicy", 29, 32, 33);
    private static readonly Gate SELinuxChangePolicy = new("SELinuxChangePolicy", 29, 32, 33);
    private static readonly Gate RecursiveReadOnly = new("RecursiveReadOnlyMounts", 29, 30, 31);
    private static readonly Gate PodLevelResources = new("PodLevelResources", 29, 33, 34);
    private static readonly Gate ImageVolume = new("ImageVolume", 29, 34, 35);
    private static readonly Gate RestartRules = new("ContainerRestartRules", 34, 34, 35);
    private static readonly Gate EnvFiles = new("EnvFiles", 34, 34, 35);
    private static readonly Gate HostnameOverride = new("HostnameOverride", 34, 34, 35);
    private static readonly Gate PodCertificate = new("PodCertificateRequest", 34, 35, 0);
    private static readonly Gate DynamicResources = new("DynamicResourceAllocation", 29, 33, 34);
    private static readonly Gate SleepAction = new("PodLifecycleSleepAction", 29, 29, 30);
    private static readonly Gate AffinityLabelKeys = new("MatchLabelKeysInPodAffinity", 29, 30, 31);
    private static readonly Gate StopSignals = new("ContainerStopSignals", 33, 33, 0);
    private static readonly Gate TrustBundles = new("ClusterTrustBundleProjection", 29, 33, 0);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec || !KubernetesVersions.TryMinor(context.KubernetesVersion, out var minor)) return;
        void Check<T>(Field<T> field, string name, Gate gate)
        {
            if (field.IsValid && minor >= gate.OffFrom && minor <= gate.OffTo) Report(context, field.Location, name, gate);
        }

        void CheckList<T>(ListField<T> list, string name, Gate gate)
        {
            if (!list.IsUnset && minor >= gate.OffFrom && minor <= gate.OffTo) Report(context, list.Location, name, gate);
        }

        Check(spec.HostUsers, "hostUsers", UserNamespaces);
        Check(spec.Resources, "resources", PodLevelResources);
        Check(spec.HostnameOverride, "hostnameOverride", HostnameOverride);
        CheckList(spec.ResourceClaims, "resourceClaims", DynamicResources);
        if (spec.SecurityContext is { IsValid: true, Value: { } podSecurity })
        {
            if (podSecurity.SupplementalGroupsPolicy is not { IsValid: true, Value: "Merge" }) Check(podSecurity.SupplementalGroupsPolicy, "supplementalGroupsPolicy", SupplementalGroupsPolicy);
            Check(podSecurity.SeLinuxChangePolicy, "seLinuxChangePolicy", SELinuxChangePolicy);
        }

        foreach (var volume in spec.Volumes)
        {
            Check(volume.Image, "image", ImageVolume);
            if (volume.Projected is not { IsValid: true, Value: { } projected }) continue;
            foreach (var source in projected.Sources)
            {
                Check(source.PodCertificate, "podCertificate", PodCertificate);
                Check(source.ClusterTrustBundle, "clusterTrustBundle", TrustBundles);
            }
        }

        if (spec.Affinity is { IsValid: true, Value: { } affinity })
        {
            foreach (var term in AffinityTerms(affinity))
            {
                CheckList(term.MatchLabelKeys, "matchLabelKeys", AffinityLabelKeys);
                CheckList(term.MismatchLabelKeys, "mismatchLabelKeys", AffinityLabelKeys);
            }
        }

        foreach (var container in context.Containers)
        {
            CheckList(container.ResizePolicy, "resizePolicy", InPlaceResize);
            if (container.Role == ContainerRole.App) Check(container.RestartPolicy, "restartPolicy", RestartRules);
            CheckList(container.RestartPolicyRules, "restartPolicyRules", RestartRules);
            if (container.SecurityContext is { IsValid: true, Value.ProcMount: { IsValid: true, Value: not "Default" } procMount }) Check(procMount, "procMount", ProcMountType);
            foreach (var mount in container.VolumeMounts)
            {
                if (mount.RecursiveReadOnly is not { IsValid: true, Value: "Disabled" }) Check(mount.RecursiveReadOnly, "recursiveReadOnly", RecursiveReadOnly);
            }

            foreach (var env in container.Env)
            {
                if (env.ValueFrom is { IsValid: true, Value: { } from }) Check(from.FileKeyRef, "fileKeyRef", EnvFiles);
            }

            if (container.Resources is { IsValid: true, Value: { } resources }) CheckList(resources.Claims, "claims", DynamicResources);
            if (container.Lifecycle is { IsValid: true, Value: { } lifecycle })
            {
                Check(lifecycle.StopSignal, "stopSignal", StopSignals);
                if (lifecycle.PostStart is { IsValid: true, Value: { } postStart }) Check(postStart.Sleep, "sleep", SleepAction);
                if (lifecycle.PreStop is { IsValid: true, Value: { } preStop }) Check(preStop.Sleep, "sleep", SleepAction);
            }
        }
    }

    private static IEnumerable<PodAffinityTerm> AffinityTerms(Affinity affinity)
    {
        var lists = new List<(ListField<PodAffinityTerm> Required, ListField<WeightedPodAffinityTerm> Preferred)>(2);
        if (affinity.PodAffinity is { IsValid: true, Value: { } pod }) lists.Add((pod.RequiredDuringSchedulingIgnoredDuringExecution, pod.PreferredDuringSchedulingIgnoredDuringExecution));
        if (affinity.PodAntiAffinity is { IsValid: true, Value: { } anti }) lists.Add((anti.RequiredDuringSchedulingIgnoredDuringExecution, anti.PreferredDuringSchedulingIgnoredDuringExecution));
        foreach (var (required, preferred) in lists)
        {
            foreach (var term in required) yield return term;
            foreach (var weighted in preferred)
            {
                if (weighted.PodAffinityTerm is { IsValid: true, Value: { } term }) yield return term;
            }
        }
    }

    private static void Report(PodContext context, Location at, string field, Gate gate)
    {
        var on = gate.OnFrom > 0 ? $"; it is on by default from Kubernetes 1.{gate.OnFrom.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        var help = $"remove `{field}` if the cluster runs {context.KubernetesVersion} with default feature gates{on} (check against the cluster's version with `--kubernetes-version`)";
        context.Report(Ignored, at.AtKey, [("field", field), ("version", context.KubernetesVersion), ("gate", gate.Name), ("help", help)]);
    }
}
