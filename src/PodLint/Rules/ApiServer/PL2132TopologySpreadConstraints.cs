using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2132: topology spread constraints as the API server validates them (<c>validateTopologySpreadConstraints</c>, spec
/// §1.N TS1–TS10): <c>maxSkew</c> and <c>minDomains</c> positive, <c>minDomains</c> only with <c>DoNotSchedule</c>, a
/// <c>topologyKey</c>, known <c>whenUnsatisfiable</c> and node inclusion policies, no two constraints with the same key and
/// action, a valid label selector, and <c>matchLabelKeys</c> (checked after the server merged them into the selector from
/// 1.34, against the selector as written before). Missing required fields are PL1003's.
/// </summary>
internal sealed class PL2132TopologySpreadConstraints : IPodRule
{
    public static readonly SelectorMessages Selector = new();

    public static readonly MessageTemplate MaxSkew = new("max-skew", "`maxSkew: {value}` must be greater than zero",
        "set `maxSkew` to 1 or more: the largest allowed difference in matching Pods between two topology domains", ApiErrorType.Invalid);

    public static readonly MessageTemplate TopologyKeyRequired = new("topology-key-required", "`topologyKey` is empty: can not be empty",
        "name the node label whose values are the topology domains, e.g. `topology.kubernetes.io/zone` or `kubernetes.io/hostname`", ApiErrorType.Required);

    public static readonly MessageTemplate WhenUnsatisfiable = new("when-unsatisfiable",
        "`whenUnsatisfiable: {value}` is not supported: supported values: `DoNotSchedule`, `ScheduleAnyway`",
        "use `DoNotSchedule` to keep the Pod pending, or `ScheduleAnyway` to only prefer spreading", ApiErrorType.NotSupported);

    public static readonly MessageTemplate Duplicate = new("duplicate",
        "constraint [{later}] has the same `topologyKey` and `whenUnsatisfiable` (duplicate value: `{{{key}, {action}}}`)",
        "merge the two constraints into one, or give one of them another `topologyKey` or `whenUnsatisfiable`", ApiErrorType.Duplicate);

    public static readonly MessageTemplate MinDomains = new("min-domains", "`minDomains: {value}` must be greater than zero",
        "set `minDomains` to 1 or more, or remove it", ApiErrorType.Invalid);

    public static readonly MessageTemplate MinDomainsNeedsDoNotSchedule = new("min-domains-needs-do-not-schedule",
        "`minDomains` is set with `whenUnsatisfiable: {action}`: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not {action}",
        "set `whenUnsatisfiable: DoNotSchedule`, or remove `minDomains`", ApiErrorType.Invalid);

    public static readonly MessageTemplate NodeInclusionPolicy = new("node-inclusion-policy",
        "`{field}: {value}` is not supported: supported values: `Honor`, `Ignore`",
        "use `Honor` to count only the nodes the Pod may run on, or `Ignore` to count all nodes", ApiErrorType.NotSupported);

    public static readonly RuleDescriptor Rule = new(RuleIds.TopologySpreadConstraints, "topology-spread-constraints", RuleCategory.ApiServer, Severity.Error,
        "Topology spread constraints must be well-formed: positive `maxSkew` and `minDomains`, a `topologyKey`, known actions and policies, no duplicates, a valid label selector",
        messages: [MaxSkew, TopologyKeyRequired, WhenUnsatisfiable, Duplicate, MinDomains, MinDomainsNeedsDoNotSchedule, NodeInclusionPolicy, .. Selector.All]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        var constraints = spec.TopologySpreadConstraints;
        var merge = ServerDefaults.MergesTopologySpreadLabelKeys(context.KubernetesVersion);
        for (var i = 0; i < constraints.Count; i++)
        {
            var c = constraints[i];
            if (c.MaxSkew is { IsValid: true, Value: <= 0 } maxSkew) context.Report(MaxSkew, maxSkew, [("value", maxSkew.Value.ToString(CultureInfo.InvariantCulture))]);
            if (c.TopologyKey is { IsValid: true, Value.Length: 0 } key) context.Report(TopologyKeyRequired, key);
            var action = c.WhenUnsatisfiable;
            if (action.IsValid && action.Value is not ("DoNotSchedule" or "ScheduleAnyway")) context.Report(WhenUnsatisfiable, action, [("value", action.Value)]);
            Duplicates(context, constraints, i);

            if (c.MinDomains.IsValid)
            {
                var minDomains = c.MinDomains;
                if (minDomains.Value <= 0) context.Report(MinDomains, minDomains, [("value", minDomains.Value.ToString(CultureInfo.InvariantCulture))]);
                if (action.IsValid && action.Value != "DoNotSchedule") context.Report(MinDomainsNeedsDoNotSchedule, minDomains, [("action", action.Value)]);
            }

            Policy(context, c.NodeAffinityPolicy);
            Policy(context, c.NodeTaintsPolicy);

            if (merge)
            {
                var podLabels = context.Metadata?.Labels ?? default;
                var merged = c.LabelSelector.IsValid ? ServerDefaults.MergedLabelKeys(c.MatchLabelKeys, podLabels) : [];
                LabelSelectorChecks.CheckMergedLabelKeys(context, Selector, c.Location.Path, c.MatchLabelKeys, default, c.LabelSelector, merged);
            }
            else
            {
                LabelSelectorChecks.CheckLegacyTopologySpreadLabelKeys(context, Selector, c.MatchLabelKeys, c.LabelSelector);
            }

            LabelSelectorChecks.Check(context, Selector, c.LabelSelector);
        }
    }

    /// <summary><c>ValidateSpreadConstraintNotRepeat</c>: reported once, on the earlier of two constraints with the same
    /// <c>topologyKey</c> and <c>whenUnsatisfiable</c>, at the literal path segment <c>{topologyKey, whenUnsatisfiable}</c>.</summary>
    private static void Duplicates(PodContext context, ListField<TopologySpreadConstraint> constraints, int i)
    {
        var c = constraints[i];
        if (!c.TopologyKey.IsValid || !c.WhenUnsatisfiable.IsValid) return;
        for (var j = i + 1; j < constraints.Count; j++)
        {
            var other = constraints[j];
            if (!other.TopologyKey.IsValid || !other.WhenUnsatisfiable.IsValid) continue;
            if (!string.Equals(c.TopologyKey.Value, other.TopologyKey.Value, StringComparison.Ordinal)
                || !string.Equals(c.WhenUnsatisfiable.Value, other.WhenUnsatisfiable.Value, StringComparison.Ordinal))
            {
                continue;
            }

            var at = c.TopologyKey.Location with { Path = c.Location.Path.Field("{topologyKey, whenUnsatisfiable}") };
            context.Report(Duplicate, at,
                [("later", (other.Location.Path.LastIndex ?? j).ToString(CultureInfo.InvariantCulture)), ("key", c.TopologyKey.Value), ("action", c.WhenUnsatisfiable.Value)],
                [RelatedLocation.At(other.TopologyKey, "the same `topologyKey` and `whenUnsatisfiable` here")]);
            return;
        }
    }

    private static void Policy(PodContext context, Field<string> policy)
    {
        if (policy.IsValid && policy.Value is not ("Honor" or "Ignore"))
        {
            context.Report(NodeInclusionPolicy, policy, [("field", policy.Path.LastName ?? "nodeAffinityPolicy"), ("value", policy.Value)]);
        }
    }
}
