using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2130AffinityTests
{
    private const string Required = "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]";
    private const string PodTerm = "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]";

    private static string Pod(string affinity, string labels = "{app: web}") => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels: {{labels}}
        spec:
          containers:
            - {name: app, image: nginx:1.27}
          affinity:
        {{affinity}}
        """;

    private static string NodeRequirement(string requirement) => $$"""
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                  - matchExpressions:
                      - {{requirement}}
        """;

    private static string PodAffinityTerm(string term) => $$"""
            podAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                - topologyKey: kubernetes.io/hostname
                  {{term}}
        """;

    [Test]
    public void Empty_node_selector_terms()
    {
        var d = RuleAssert.Findings("PL2130", Pod("    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms: []")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Required));
            Assert.That(d.Message, Is.EqualTo("`nodeSelectorTerms` is empty: must have at least one node selector term"));
            Assert.That(d.Help, Is.EqualTo("add a term with `matchExpressions` or `matchFields`, or remove `requiredDuringSchedulingIgnoredDuringExecution`"));
        }
    }

    [Test]
    public void A_null_term_is_a_term()
        => Assert.That(RuleAssert.Findings("PL2130", Pod("    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms: [null]")), Is.Empty);

    [TestCase("{key: a, operator: In}", "values", ApiErrorType.Required, "operator `In` needs values: must be specified when `operator` is 'In' or 'NotIn'")]
    [TestCase("{key: a, operator: NotIn, values: []}", "values", ApiErrorType.Required, "operator `NotIn` needs values: must be specified when `operator` is 'In' or 'NotIn'")]
    [TestCase("{key: a, operator: DoesNotExist, values: [x]}", "values", ApiErrorType.Forbidden, "operator `DoesNotExist` takes no values: may not be specified when `operator` is 'Exists' or 'DoesNotExist'")]
    [TestCase("{key: a, operator: Gt, values: []}", "values", ApiErrorType.Required, "operator `Gt` needs exactly one value, found 0: must be specified single value when `operator` is 'Lt' or 'Gt'")]
    [TestCase("{key: a, operator: Lt, values: [\"1\", \"2\"]}", "values", ApiErrorType.Required, "operator `Lt` needs exactly one value, found 2: must be specified single value when `operator` is 'Lt' or 'Gt'")]
    [TestCase("{key: a, operator: Equals, values: [x]}", "operator", ApiErrorType.Invalid, "`Equals` is not a valid selector operator")]
    [TestCase("{key: \"/a\", operator: Exists}", "key", ApiErrorType.Invalid, "node label key `/a` is invalid: prefix part must be non-empty")]
    public void Node_selector_requirements(string requirement, string field, ApiErrorType type, string message)
    {
        var d = RuleAssert.Findings("PL2130", Pod(NodeRequirement(requirement))).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo($"{Required}.matchExpressions[0].{field}"));
            Assert.That(d.ErrorType, Is.EqualTo(type));
            Assert.That(d.Message, Is.EqualTo(message));
        }
    }

    [Test]
    public void Invalid_operator_help_lists_the_node_selector_operators()
        => Assert.That(RuleAssert.Findings("PL2130", Pod(NodeRequirement("{key: a, operator: Equals, values: [x]}"))).Single().Help,
            Is.EqualTo("use `In`, `NotIn`, `Exists`, `DoesNotExist`, `Gt` or `Lt`"));

    [TestCase("1.29", false)]
    [TestCase("1.32", false)]
    [TestCase("1.33", true)]
    [TestCase("1.36", true)]
    public void Required_term_values_are_label_values_from_1_33(string version, bool checkedValues)
    {
        var found = RuleAssert.Findings("PL2130", Pod(NodeRequirement("{key: zone, operator: In, values: [\"-1\", ok]}")), version);
        if (!checkedValues)
        {
            Assert.That(found, Is.Empty);
            return;
        }

        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo($"{Required}.matchExpressions[0].values[0]"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("node label value `-1` is not a valid label value: a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"));
        }
    }

    [Test]
    public void Preferred_term_values_are_not_errors()
        => Assert.That(RuleAssert.Findings("PL2130", Pod("""
                nodeAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: 1
                      preference:
                        matchExpressions:
                          - {key: zone, operator: In, values: ["-1"]}
            """)), Is.Empty);

    [Test]
    public void Match_fields()
    {
        var found = RuleAssert.Findings("PL2130", Pod("""
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                      - matchFields:
                          - {key: metadata.name, operator: In, values: [a, b]}
                          - {key: metadata.name, operator: Exists}
                          - {key: metadata.namespace, operator: In, values: [x]}
                          - {key: metadata.name, operator: In, values: [Node_1]}
            """));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EqualTo(new (string, ApiErrorType?)[]
            {
                ($"{Required}.matchFields[0].values", ApiErrorType.Required),
                ($"{Required}.matchFields[1].operator", ApiErrorType.Invalid),
                ($"{Required}.matchFields[2].key", ApiErrorType.Invalid),
                ($"{Required}.matchFields[3].values[0]", ApiErrorType.Invalid),
            }));
            Assert.That(found[0].Message, Is.EqualTo("`matchFields` operator `In` needs exactly one value, found 2: must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
            Assert.That(found[1].Message, Is.EqualTo("`Exists` is not a valid selector operator for `matchFields`"));
            Assert.That(found[2].Message, Is.EqualTo("`metadata.namespace` is not a valid field selector key: `matchFields` supports `metadata.name` only"));
            Assert.That(found[3].Message, Does.StartWith("node name `Node_1` is invalid: a lowercase RFC 1123 subdomain must consist of"));
        }
    }

    [TestCase(0, true)]
    [TestCase(1, false)]
    [TestCase(100, false)]
    [TestCase(101, true)]
    public void Weights_are_1_to_100(int weight, bool invalid)
    {
        var found = RuleAssert.Findings("PL2130", Pod($$"""
                nodeAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: {{weight}}
                      preference: {}
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - weight: {{weight}}
                      podAffinityTerm:
                        topologyKey: zone
                        labelSelector: {}
            """));
        Assert.That(found.Select(d => d.Path), Is.EqualTo(invalid
            ? new[] { "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight", "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight" }
            : []));
        if (invalid) Assert.That(found[0].Message, Is.EqualTo($"weight {weight} must be in the range 1-100"));
    }

    [Test]
    public void Pod_affinity_selectors_namespaces_and_topology_key()
    {
        var found = RuleAssert.Findings("PL2130", Pod("""
                podAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    - labelSelector:
                        matchLabels: {"a b": "-x"}
                        matchExpressions:
                          - {key: app, operator: Equal, values: [web]}
                      namespaceSelector:
                        matchExpressions:
                          - {key: team, operator: Exists, values: [a]}
                      namespaces: [INVALID_NAMESPACE]
                      topologyKey: ""
            """));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EqualTo(new (string, ApiErrorType?)[]
            {
                ($"{PodTerm}.labelSelector.matchLabels", ApiErrorType.Invalid),
                ($"{PodTerm}.labelSelector.matchLabels", ApiErrorType.Invalid),
                ($"{PodTerm}.labelSelector.matchExpressions[0].operator", ApiErrorType.Invalid),
                ($"{PodTerm}.namespaceSelector.matchExpressions[0].values", ApiErrorType.Forbidden),
                ($"{PodTerm}.namespace", ApiErrorType.Invalid),
                ($"{PodTerm}.topologyKey", ApiErrorType.Required),
            }));
            Assert.That(found[0].Message, Does.StartWith("label key `a b` is invalid: name part must consist of"));
            Assert.That(found[1].Message, Does.StartWith("label value `-x` is not a valid label value: a valid label must be"));
            Assert.That(found[2].Help, Is.EqualTo("use `In`, `NotIn`, `Exists` or `DoesNotExist`"));
            Assert.That(found[4].Message, Does.StartWith("namespace `INVALID_NAMESPACE` is invalid: a lowercase RFC 1123 label must consist of"));
            Assert.That(found[5].Message, Is.EqualTo("`topologyKey` is empty: can not be empty"));
        }
    }

    [TestCase("1.34", "a qualified name must consist of")]
    [TestCase("1.35", "a valid label key must consist of")]
    public void Topology_key_wording_follows_the_version(string version, string wording)
    {
        var d = RuleAssert.Findings("PL2130", Pod("""
                podAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    - {labelSelector: {}, topologyKey: "a/b/c"}
            """), version).Single();
        Assert.That(d.Message, Does.StartWith("topology key `a/b/c` is invalid: " + wording));
    }

    [TestCase("1.29")]
    [TestCase("1.30")]
    public void Match_label_keys_are_dropped_before_1_31(string version)
        => Assert.That(RuleAssert.Findings("PL2130", Pod(PodAffinityTerm("matchLabelKeys: [app, \"/x\"]\n          mismatchLabelKeys: [app]")), version), Is.Empty);

    [TestCase("1.31")]
    [TestCase("1.36")]
    public void Match_label_keys_from_1_31(string version)
    {
        var found = RuleAssert.Findings("PL2130", Pod(PodAffinityTerm("labelSelector: {matchLabels: {tier: web}}\n          matchLabelKeys: [app, \"/x\"]\n          mismatchLabelKeys: [app]")), version);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EquivalentTo(new (string, ApiErrorType?)[]
            {
                ($"{PodTerm}.matchLabelKeys[1]", ApiErrorType.Invalid),
                ($"{PodTerm}.matchLabelKeys[0]", ApiErrorType.Invalid),
            }));
            var name = found.Single(d => d.Path == $"{PodTerm}.matchLabelKeys[1]");
            var both = found.Single(d => d.Path == $"{PodTerm}.matchLabelKeys[0]");
            Assert.That(name.Message, Is.EqualTo("match label key `/x` is invalid: prefix part must be non-empty"));
            Assert.That(both.Message, Is.EqualTo("key `app` exists in both `matchLabelKeys` and `mismatchLabelKeys`"));
            Assert.That(both.Help, Is.EqualTo("keep `app` in one of the two lists: `matchLabelKeys` selects Pods with this Pod's value, `mismatchLabelKeys` Pods without it"));
        }
    }

    [Test]
    public void Label_keys_without_a_selector_are_forbidden_once_per_list()
    {
        var found = RuleAssert.Findings("PL2130", Pod(PodAffinityTerm("matchLabelKeys: [app, \"/x\"]\n          mismatchLabelKeys: [tier]")));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EqualTo(new (string, ApiErrorType?)[]
            {
                ($"{PodTerm}.matchLabelKeys", ApiErrorType.Forbidden),
                ($"{PodTerm}.mismatchLabelKeys", ApiErrorType.Forbidden),
            }));
            Assert.That(found[0].Message, Is.EqualTo("`matchLabelKeys` is set without `labelSelector`: must not be specified when `labelSelector` is not set"));
            Assert.That(found[0].Help, Is.EqualTo("add a `labelSelector` (the server adds the Pod's values of these keys to it), or remove `matchLabelKeys`"));
        }
    }

    [TestCase("{app: web}", true)]
    [TestCase("{tier: web}", false)]
    public void A_match_label_key_in_the_selector_fails_when_the_pod_has_the_label(string labels, bool fails)
    {
        var found = RuleAssert.Findings("PL2130", Pod(PodAffinityTerm("labelSelector: {matchExpressions: [{key: app, operator: Exists}]}\n          matchLabelKeys: [tier, app]"), labels));
        if (!fails)
        {
            Assert.That(found, Is.Empty);
            return;
        }

        var d = found.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo($"{PodTerm}[1]"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("key `app` exists in both `matchLabelKeys` and `labelSelector`: the Pod has label `app`, so the server adds `app In (<its value>)` to a selector that already tests it"));
            Assert.That(d.Help, Is.EqualTo("remove `app` from `labelSelector` or from `matchLabelKeys`: the server adds `app In (<this Pod's value>)` to the selector itself"));
        }
    }

    [Test]
    public void A_template_merges_its_own_labels()
    {
        var found = RuleAssert.Findings("PL2130", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: app, image: nginx:1.27}]
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        - {topologyKey: zone, labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [app]}
            """);
        Assert.That(found.Select(d => d.Path), Is.EqualTo(new[] { "spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0][0]" }));
    }
}
