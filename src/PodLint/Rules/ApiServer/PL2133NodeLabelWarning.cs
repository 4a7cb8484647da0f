using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2133: the API server's warnings about the node labels a Pod selects on (spec §2 W-2–W-5): a deprecated node label
/// (<c>beta.kubernetes.io/arch</c>, <c>failure-domain.beta.kubernetes.io/zone</c> …) as a <c>nodeSelector</c> key, as the key of
/// a node affinity requirement, or as a topology spread <c>topologyKey</c>; and, from 1.33, a value in a preferred node
/// affinity term that no label can have (required terms are rejected instead, PL2130).
/// </summary>
internal sealed class PL2133NodeLabelWarning : IPodRule
{
    public static readonly MessageTemplate DeprecatedLabel = new("deprecated-label", "node label `{key}` is {message}",
        "{help}");

    public static readonly MessageTemplate InvalidPreferredValue = new("invalid-preferred-value",
        "node label value `{value}` is invalid, {detail}",
        "fix the value: no node can have this label value, so the preference never applies");

    public static readonly RuleDescriptor Rule = new(RuleIds.NodeLabelWarning, "node-label-warning", RuleCategory.ApiServer, Severity.Warning,
        "Pods should not select nodes by deprecated node labels, nor prefer label values no node can have (the API server warns)",
        messages: [DeprecatedLabel, InvalidPreferredValue]);

    /// <summary>The deprecated node labels and the server's message for each (<c>pkg/api/node</c>), with the label to use.</summary>
    internal static readonly Dictionary<string, (string Message, string? Replacement)> Deprecated = new(StringComparer.Ordinal)
    {
        ["beta.kubernetes.io/arch"] = ("deprecated since v1.14", "kubernetes.io/arch"),
        ["beta.kubernetes.io/os"] = ("deprecated since v1.14", "kubernetes.io/os"),
        ["failure-domain.beta.kubernetes.io/region"] = ("deprecated since v1.17", "topology.kubernetes.io/region"),
        ["failure-domain.beta.kubernetes.io/zone"] = ("deprecated since v1.17", "topology.kubernetes.io/zone"),
        ["beta.kubernetes.io/instance-type"] = ("deprecated since v1.17", "node.kubernetes.io/instance-type"),
        ["app.kubernetes.io/created-by"] = ("deprecated since v1.9", null),
        ["scheduler.alpha.kubernetes.io/preferAvoidPods"] = ("deprecated since v1.22", null),
        ["node-role.kubernetes.io/master"] = ("deprecated", "node-role.kubernetes.io/control-plane"),
    };

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        foreach (var entry in spec.NodeSelector)
        {
            if (entry.Key is { } key) Report(context, key, entry.Location.AtKey);
        }

        if (spec.Affinity.Value?.NodeAffinity.Value is { } node)
        {
            foreach (var term in node.RequiredDuringSchedulingIgnoredDuringExecution.Value?.NodeSelectorTerms ?? default) Term(context, term, preferred: false);
            foreach (var preferred in node.PreferredDuringSchedulingIgnoredDuringExecution)
            {
                if (preferred.Preference.Value is { } term) Term(context, term, preferred: true);
            }
        }

        foreach (var constraint in spec.TopologySpreadConstraints)
        {
            if (constraint.TopologyKey.IsValid) Report(context, constraint.TopologyKey.Value, constraint.TopologyKey);
        }
    }

    /// <summary><c>GetWarningsForNodeSelectorTerm</c>: deprecated keys of <c>matchExpressions</c>; in preferred terms from
    /// 1.33 also values that are not label values.</summary>
    private static void Term(PodContext context, NodeSelectorTerm term, bool preferred)
    {
        var checkValues = preferred && KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 33);
        foreach (var requirement in term.MatchExpressions)
        {
            if (requirement.Key.IsValid) Report(context, requirement.Key.Value, requirement.Key);
            if (!checkValues) continue;
            foreach (var value in requirement.Values)
            {
                if (!value.IsValid) continue;
                foreach (var detail in NameFormats.LabelValue(value.Value, context.KubernetesVersion))
                {
                    context.Report(InvalidPreferredValue, value, [("value", value.Value), ("detail", detail)]);
                }
            }
        }
    }

    private static void Report(PodContext context, string key, ILocated at)
    {
        if (!Deprecated.TryGetValue(key, out var d)) return;
        var help = d.Replacement is { } use ? $"select on `{use}` instead"
            : key == "scheduler.alpha.kubernetes.io/preferAvoidPods" ? "use taints and tolerations instead" : "select on another node label";
        context.Report(DeprecatedLabel, at, [("key", key), ("message", d.Message), ("help", help)]);
    }
}
