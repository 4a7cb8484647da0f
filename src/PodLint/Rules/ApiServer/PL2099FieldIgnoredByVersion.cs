using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2099: a field that the selected Kubernetes version has in its API but silently drops on create, because the
/// feature gate behind it is off by default there (spec §0.2 step 4, §6: "PodLint should warn 'field ignored on
/// this version' rather than report a validation error"). <see cref="FeatureGates"/> holds each gate's versions,
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

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        var version = context.KubernetesVersion;
        void Check<T>(Field<T> field, string name, FeatureGate gate)
        {
            if (field.IsValid && gate.DropsFieldsIn(version)) Report(context, field.Location, name, gate);
        }

        void CheckList<T>(ListField<T> list, string name, FeatureGate gate)
        {
            if (!list.IsUnset && gate.DropsFieldsIn(version)) Report(context, list.Location, name, gate);
        }

        Check(spec.HostUsers, "hostUsers", FeatureGates.UserNamespacesSupport);
        Check(spec.Resources, "resources", FeatureGates.PodLevelResources);
        Check(spec.HostnameOverride, "hostnameOverride", FeatureGates.HostnameOverride);
        CheckList(spec.ResourceClaims, "resourceClaims", FeatureGates.DynamicResourceAllocation);
        if (spec.SecurityContext is { IsValid: true, Value: { } podSecurity })
        {
            if (podSecurity.SupplementalGroupsPolicy is not { IsValid: true, Value: "Merge" }) Check(podSecurity.SupplementalGroupsPolicy, "supplementalGroupsPolicy", FeatureGates.SupplementalGroupsPolicy);
            Check(podSecurity.SeLinuxChangePolicy, "seLinuxChangePolicy", FeatureGates.SELinuxChangePolicy);
        }

        foreach (var volume in spec.Volumes)
        {
            Check(volume.Image, "image", FeatureGates.ImageVolume);
            if (volume.Projected is not { IsValid: true, Value: { } projected }) continue;
            foreach (var source in projected.Sources)
            {
                Check(source.PodCertificate, "podCertificate", FeatureGates.PodCertificateRequest);
                Check(source.ClusterTrustBundle, "clusterTrustBundle", FeatureGates.ClusterTrustBundleProjection);
            }
        }

        if (spec.Affinity is { IsValid: true, Value: { } affinity })
        {
            foreach (var term in AffinityTerms(affinity))
            {
                CheckList(term.MatchLabelKeys, "matchLabelKeys", FeatureGates.MatchLabelKeysInPodAffinity);
                CheckList(term.MismatchLabelKeys, "mismatchLabelKeys", FeatureGates.MatchLabelKeysInPodAffinity);
            }
        }

        foreach (var container in context.Containers)
        {
            CheckList(container.ResizePolicy, "resizePolicy", FeatureGates.InPlacePodVerticalScaling);
            if (container.Role == ContainerRole.App) Check(container.RestartPolicy, "restartPolicy", FeatureGates.ContainerRestartRules);
            CheckList(container.RestartPolicyRules, "restartPolicyRules", FeatureGates.ContainerRestartRules);
            if (container.SecurityContext is { IsValid: true, Value.ProcMount: { IsValid: true, Value: not "Default" } procMount }) Check(procMount, "procMount", FeatureGates.ProcMountType);
            foreach (var mount in container.VolumeMounts)
            {
                if (mount.RecursiveReadOnly is not { IsValid: true, Value: "Disabled" }) Check(mount.RecursiveReadOnly, "recursiveReadOnly", FeatureGates.RecursiveReadOnlyMounts);
            }

            foreach (var env in container.Env)
            {
                if (env.ValueFrom is { IsValid: true, Value: { } from }) Check(from.FileKeyRef, "fileKeyRef", FeatureGates.EnvFiles);
            }

            if (container.Resources is { IsValid: true, Value: { } resources }) CheckList(resources.Claims, "claims", FeatureGates.DynamicResourceAllocation);
            if (container.Lifecycle is { IsValid: true, Value: { } lifecycle })
            {
                Check(lifecycle.StopSignal, "stopSignal", FeatureGates.ContainerStopSignals);
                if (lifecycle.PostStart is { IsValid: true, Value: { } postStart }) Check(postStart.Sleep, "sleep", FeatureGates.PodLifecycleSleepAction);
                if (lifecycle.PreStop is { IsValid: true, Value: { } preStop }) Check(preStop.Sleep, "sleep", FeatureGates.PodLifecycleSleepAction);
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

    private static void Report(PodContext context, Location at, string field, FeatureGate gate)
    {
        var on = gate.OnFrom > 0 ? $"; it is on by default from Kubernetes 1.{gate.OnFrom.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        var help = $"remove `{field}` if the cluster runs {context.KubernetesVersion} with default feature gates{on} (check against the cluster's version with `--kubernetes-version`)";
        context.Report(Ignored, at.AtKey, [("field", field), ("version", context.KubernetesVersion), ("gate", gate.Name), ("help", help)]);
    }
}
