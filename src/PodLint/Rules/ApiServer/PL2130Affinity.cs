using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2130: node affinity and pod (anti)affinity as the API server validates them (<c>validateAffinity</c>, spec §1.N
/// N1–N23): node selector terms and their requirements (operators and their number of values, label keys, label values in
/// required terms from 1.33, <c>matchFields</c> on <c>metadata.name</c> only), preference weights, and pod affinity terms
/// (label and namespace selectors, namespaces, <c>topologyKey</c>, and from 1.31 <c>matchLabelKeys</c>/<c>mismatchLabelKeys</c>,
/// checked after the server merged them into the selector). Missing required fields are PL1003's.
/// </summary>
internal sealed class PL2130Affinity : IPodRule
{
    private const string NodeSelectorOperators = "`In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` or `Lt`";

    public static readonly SelectorMessages Selector = new();

    public static readonly MessageTemplate NoNodeSelectorTerms = new("no-node-selector-terms",
        "`nodeSelectorTerms` is empty: must have at least one node selector term",
        "add a term with `matchExpressions` or `matchFields`, or remove `requiredDuringSchedulingIgnoredDuringExecution`", ApiErrorType.Required);

    public static readonly MessageTemplate SingleValueRequired = new("single-value-required",
        "operator `{operator}` needs exactly one value, found {count}: must be specified single value when `operator` is 'Lt' or 'Gt'",
        "give one integer value, e.g. `values: [\"2\"]`", ApiErrorType.Required);

    public static readonly MessageTemplate FieldSingleValueRequired = new("field-single-value-required",
        "`matchFields` operator `{operator}` needs exactly one value, found {count}: must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        "name one node per requirement; add terms (they are ORed) to allow several nodes", ApiErrorType.Required);

    public static readonly MessageTemplate InvalidFieldOperator = new("invalid-field-operator",
        "`{operator}` is not a valid selector operator for `matchFields`",
        "use `In` or `NotIn`: node field selectors support no other operator", ApiErrorType.Invalid);

    public static readonly MessageTemplate InvalidFieldKey = new("invalid-field-key",
        "`{key}` is not a valid field selector key: `matchFields` supports `metadata.name` only",
        "use `key: metadata.name`, or select on a node label in `matchExpressions`", ApiErrorType.Invalid);

    public static readonly MessageTemplate InvalidNodeName = new("invalid-node-name", "node name `{value}` is invalid: {detail}",
        "node names are DNS subdomains: lowercase letters, digits, `-` and `.`", ApiErrorType.Invalid);

    public static readonly MessageTemplate WeightOutOfRange = new("weight-out-of-range", "weight {weight} must be in the range 1-100",
        "give the term a weight from 1 to 100", ApiErrorType.Invalid);

    public static readonly MessageTemplate InvalidNamespace = new("invalid-namespace", "namespace `{value}` is invalid: {detail}",
        "namespace names are DNS labels: at most 63 lowercase letters, digits and `-`, starting and ending with a letter or digit", ApiErrorType.Invalid);

    public static readonly MessageTemplate TopologyKeyRequired = new("topology-key-required", "`topologyKey` is empty: can not be empty",
        "name the node label whose values are the topology domains, e.g. `kubernetes.io/hostname` or `topology.kubernetes.io/zone`", ApiErrorType.Required);

    public static readonly RuleDescriptor Rule = new(RuleIds.Affinity, "affinity", RuleCategory.ApiServer, Severity.Error,
        "Node affinity and pod (anti)affinity must be well-formed: selector operators with the right number of values, label keys and values, weights from 1 to 100, a `topologyKey`",
        messages: [NoNodeSelectorTerms, .. Selector.All, SingleValueRequired, FieldSingleValueRequired, InvalidFieldOperator, InvalidFieldKey, InvalidNodeName,
            WeightOutOfRange, InvalidNamespace, TopologyKeyRequired]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec?.Affinity.Value is not { } affinity) return;
        if (affinity.NodeAffinity.Value is { } node) NodeAffinity(context, node);
        if (affinity.PodAffinity.Value is { } pod) PodAffinity(context, pod.RequiredDuringSchedulingIgnoredDuringExecution, pod.PreferredDuringSchedulingIgnoredDuringExecution);
        if (affinity.PodAntiAffinity.Value is { } anti) PodAffinity(context, anti.RequiredDuringSchedulingIgnoredDuringExecution, anti.PreferredDuringSchedulingIgnoredDuringExecution);
    }

    private static void NodeAffinity(PodContext context, NodeAffinity node)
    {
        if (node.RequiredDuringSchedulingIgnoredDuringExecution.Value is { } required)
        {
            var terms = required.NodeSelectorTerms;
            // `[null]` is one (empty) term to the server, not none.
            if (terms.IsValid && terms.WrittenCount == 0) context.Report(NoNodeSelectorTerms, terms);

            // Label values in required terms are checked from 1.33 (kubernetes#128212); preferred terms only warn (PL2133).
            var checkValues = KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 33);
            foreach (var term in terms) NodeSelectorTerm(context, term, checkValues);
        }

        foreach (var preferred in node.PreferredDuringSchedulingIgnoredDuringExecution)
        {
            Weight(context, preferred.Weight);
            if (preferred.Preference.Value is { } term) NodeSelectorTerm(context, term, checkValues: false);
        }
    }

    /// <summary><c>ValidateNodeSelectorTerm</c>: each <c>matchExpressions</c> and <c>matchFields</c> requirement.</summary>
    private static void NodeSelectorTerm(PodContext context, NodeSelectorTerm term, bool checkValues)
    {
        foreach (var requirement in term.MatchExpressions)
        {
            var op = requirement.Operator;
            var values = requirement.Values;
            if (op.IsValid && !values.IsInvalid)
            {
                switch (op.Value)
                {
                    case "In" or "NotIn":
                        if (values.WrittenCount == 0) context.Report(Selector.ValuesRequired, values.IsAbsent ? values.MissingAt : values.Location, [("operator", op.Value)]);
                        break;
                    case "Exists" or "DoesNotExist":
                        if (values.WrittenCount > 0) context.Report(Selector.ValuesForbidden, values.Location.AtKey, [("operator", op.Value)]);
                        break;
                    case "Gt" or "Lt":
                        if (values.WrittenCount != 1)
                        {
                            context.Report(SingleValueRequired, values.IsAbsent ? values.MissingAt : values.Location.AtKey,
                                [("operator", op.Value), ("count", values.WrittenCount.ToString(CultureInfo.InvariantCulture))]);
                        }

                        break;
                    default:
                        context.Report(Selector.InvalidOperator, op, [("operator", op.Value), ("operators", NodeSelectorOperators)]);
                        break;
                }
            }

            if (requirement.Key.IsValid) LabelSelectorChecks.ReportKey(context, Selector, requirement.Key, "node label key");
            if (!checkValues) continue;
            foreach (var value in values)
            {
                if (!value.IsValid) continue;
                foreach (var detail in NameFormats.LabelValue(value.Value, context.KubernetesVersion))
                {
                    context.Report(Selector.InvalidValue, value, [("what", "node label value"), ("value", value.Value), ("detail", detail)]);
                }
            }
        }

        foreach (var requirement in term.MatchFields)
        {
            var op = requirement.Operator;
            var values = requirement.Values;
            if (op.IsValid && !values.IsInvalid)
            {
                if (op.Value is "In" or "NotIn")
                {
                    if (values.WrittenCount != 1)
                    {
                        context.Report(FieldSingleValueRequired, values.IsAbsent ? values.MissingAt : values.Location.AtKey,
                            [("operator", op.Value), ("count", values.WrittenCount.ToString(CultureInfo.InvariantCulture))]);
                    }
                }
                else
                {
                    context.Report(InvalidFieldOperator, op, [("operator", op.Value)]);
                }
            }

            if (!requirement.Key.IsValid) continue;
            if (requirement.Key.Value != "metadata.name")
            {
                context.Report(InvalidFieldKey, requirement.Key, [("key", requirement.Key.Value)]);
                continue;
            }

            foreach (var value in values)
            {
                if (!value.IsValid) continue;
                foreach (var detail in NameFormats.Dns1123Subdomain(value.Value))
                {
                    context.Report(InvalidNodeName, value, [("value", value.Value), ("detail", detail)]);
                }
            }
        }
    }

    private static void Weight(PodContext context, Field<int> weight)
    {
        // A missing weight is PL1003's (the server would see 0).
        if (weight.IsValid && weight.Value is <= 0 or > 100) context.Report(WeightOutOfRange, weight, [("weight", weight.Value.ToString(CultureInfo.InvariantCulture))]);
    }

    private static void PodAffinity(PodContext context, ListField<PodAffinityTerm> required, ListField<WeightedPodAffinityTerm> preferred)
    {
        foreach (var term in required) PodAffinityTerm(context, term);
        foreach (var weighted in preferred)
        {
            Weight(context, weighted.Weight);
            if (weighted.PodAffinityTerm.Value is { } term) PodAffinityTerm(context, term);
        }
    }

    /// <summary><c>validatePodAffinityTerm</c>.</summary>
    private static void PodAffinityTerm(PodContext context, PodAffinityTerm term)
    {
        LabelSelectorChecks.Check(context, Selector, term.LabelSelector);
        LabelSelectorChecks.Check(context, Selector, term.NamespaceSelector);

        // The server reports a bad namespace at `….namespace` (singular, without the index).
        foreach (var ns in term.Namespaces)
        {
            if (!ns.IsValid) continue;
            foreach (var detail in NameFormats.Dns1123Label(ns.Value))
            {
                context.Report(InvalidNamespace, ns.Location with { Path = term.Location.Path.Field("namespace") }, [("value", ns.Value), ("detail", detail)]);
            }
        }

        if (ServerDefaults.MergesPodAffinityLabelKeys(context.KubernetesVersion))
        {
            var podLabels = context.Metadata?.Labels ?? default;
            var merged = term.LabelSelector.IsValid ? ServerDefaults.MergedLabelKeys(term.MatchLabelKeys, podLabels) : [];
            LabelSelectorChecks.CheckMergedLabelKeys(context, Selector, term.Location.Path, term.MatchLabelKeys, term.MismatchLabelKeys, term.LabelSelector, merged);
        }

        // An empty key is one cause: the server adds the qualified-name errors of "" to `can not be empty`; PodLint reports it once.
        var topologyKey = term.TopologyKey;
        if (!topologyKey.IsValid) return;
        if (topologyKey.Value.Length == 0) context.Report(TopologyKeyRequired, topologyKey);
        else LabelSelectorChecks.ReportKey(context, Selector, topologyKey, "topology key");
    }
}
