using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>What the API server does to a Pod's scheduling fields before it validates them (spec §0.2 step 4).</summary>
internal static partial class ServerDefaults
{
    /// <summary>
    /// Whether the server merges the <c>matchLabelKeys</c>/<c>mismatchLabelKeys</c> of pod (anti)affinity terms into their
    /// label selectors on create; the fields exist from gate MatchLabelKeysInPodAffinity beta (on by default from 1.31; spec
    /// §6: "1.29 α, 1.31 β, 1.33 GA"). Before, the server drops the fields (§0.2 step 4: "drops fields of disabled feature
    /// gates"), and neither merges nor validates them.
    /// </summary>
    public static bool MergesPodAffinityLabelKeys(string kubernetesVersion) => FeatureGates.MatchLabelKeysInPodAffinity.IsOn(kubernetesVersion);

    /// <summary>
    /// Whether the server merges a topology spread constraint's <c>matchLabelKeys</c> into its label selector on create (spec
    /// §0.2 step 4: "with <c>MatchLabelKeysInPodTopologySpreadSelectorMerge</c> (1.34 beta on), into
    /// topologySpreadConstraints selectors"), and then validates the keys as it does for pod affinity; before 1.34 it
    /// validates them against the selector as written.
    /// </summary>
    public static bool MergesTopologySpreadLabelKeys(string kubernetesVersion) => KubernetesVersions.AtLeast(kubernetesVersion, 1, 34);

    /// <summary>
    /// The keys whose requirements <c>PrepareForCreate</c> appends to a term's label selector, in order (spec §0.2 step 4:
    /// "merges <c>matchLabelKeys</c>/<c>mismatchLabelKeys</c> into the label selector … (<c>In</c>/<c>NotIn</c> with the pod's
    /// own label value; only if the label exists on the pod and the selector is non-nil)"): each key of
    /// <paramref name="labelKeys"/> that is a label of the Pod. A workload's Pods carry its template's labels, so for a template
    /// these are the template's; the labels a controller adds (<c>pod-template-hash</c> …) are not known here. The caller
    /// checks that the selector is set.
    /// </summary>
    public static List<string> MergedLabelKeys(ListField<Field<string>> labelKeys, MapField<string> podLabels)
    {
        var merged = new List<string>();
        foreach (var key in labelKeys)
        {
            if (key.IsValid && podLabels.ContainsKey(key.Value)) merged.Add(key.Value);
        }

        return merged;
    }
}
