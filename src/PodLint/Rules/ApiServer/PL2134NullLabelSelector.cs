using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2134: the API server warns that a pod (anti)affinity term or a topology spread constraint without
/// <c>labelSelector</c> matches no Pod (spec §2 W-6–W-8): the affinity term then never holds (or always, for
/// anti-affinity), and the constraint spreads nothing. Not reported when the term also sets <c>matchLabelKeys</c> or
/// <c>mismatchLabelKeys</c>: the server rejects that (PL2130, PL2132), and adding the selector fixes both.
/// </summary>
internal sealed class PL2134NullLabelSelector : IPodRule
{
    public static readonly MessageTemplate NullSelector = new("null-label-selector",
        "{what} has no `labelSelector`: a null labelSelector results in matching no pod",
        "add a `labelSelector` for the Pods to {purpose}, e.g. `matchLabels:` with `app: web`");

    public static readonly RuleDescriptor Rule = new(RuleIds.NullLabelSelector, "null-label-selector", RuleCategory.ApiServer, Severity.Warning,
        "Pod (anti)affinity terms and topology spread constraints should have a `labelSelector`: without one they match no Pod (the API server warns)",
        messages: [NullSelector]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        foreach (var constraint in spec.TopologySpreadConstraints)
        {
            // A non-empty matchLabelKeys without a selector is rejected (PL2132): one cause, one finding.
            if (constraint.LabelSelector.IsUnset && constraint.MatchLabelKeys.WrittenCount == 0)
            {
                context.Report(NullSelector, constraint.LabelSelector.MissingAt, [("what", "the topology spread constraint"), ("purpose", "spread")]);
            }
        }

        if (spec.Affinity.Value is not { } affinity) return;
        var keysChecked = ServerDefaults.MergesPodAffinityLabelKeys(context.KubernetesVersion);
        if (affinity.PodAffinity.Value is { } pod) Terms(context, pod.RequiredDuringSchedulingIgnoredDuringExecution, pod.PreferredDuringSchedulingIgnoredDuringExecution, "pod affinity", "run near", keysChecked);
        if (affinity.PodAntiAffinity.Value is { } anti) Terms(context, anti.RequiredDuringSchedulingIgnoredDuringExecution, anti.PreferredDuringSchedulingIgnoredDuringExecution, "pod anti-affinity", "keep away from", keysChecked);
    }

    private static void Terms(PodContext context, ListField<PodAffinityTerm> required, ListField<WeightedPodAffinityTerm> preferred, string kind, string purpose, bool keysChecked)
    {
        foreach (var term in required) Term(context, term, "the required " + kind + " term", purpose, keysChecked);
        foreach (var weighted in preferred)
        {
            if (weighted.PodAffinityTerm.Value is { } term) Term(context, term, "the preferred " + kind + " term", purpose, keysChecked);
        }
    }

    private static void Term(PodContext context, PodAffinityTerm term, string what, string purpose, bool keysChecked)
    {
        if (!term.LabelSelector.IsUnset) return;
        if (keysChecked && (term.MatchLabelKeys.WrittenCount > 0 || term.MismatchLabelKeys.WrittenCount > 0)) return;
        context.Report(NullSelector, term.LabelSelector.MissingAt, [("what", what), ("purpose", purpose)]);
    }
}
