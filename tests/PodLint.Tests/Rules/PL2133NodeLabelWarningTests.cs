using NUnit.Framework;

namespace PodLint.Tests.Rules;

public class PL2133NodeLabelWarningTests
{
    [TestCase("beta.kubernetes.io/arch", "node label `beta.kubernetes.io/arch` is deprecated since v1.14", "select on `kubernetes.io/arch` instead")]
    [TestCase("beta.kubernetes.io/os", "node label `beta.kubernetes.io/os` is deprecated since v1.14", "select on `kubernetes.io/os` instead")]
    [TestCase("failure-domain.beta.kubernetes.io/region", "node label `failure-domain.beta.kubernetes.io/region` is deprecated since v1.17", "select on `topology.kubernetes.io/region` instead")]
    [TestCase("failure-domain.beta.kubernetes.io/zone", "node label `failure-domain.beta.kubernetes.io/zone` is deprecated since v1.17", "select on `topology.kubernetes.io/zone` instead")]
    [TestCase("beta.kubernetes.io/instance-type", "node label `beta.kubernetes.io/instance-type` is deprecated since v1.17", "select on `node.kubernetes.io/instance-type` instead")]
    [TestCase("app.kubernetes.io/created-by", "node label `app.kubernetes.io/created-by` is deprecated since v1.9", "select on another node label")]
    [TestCase("scheduler.alpha.kubernetes.io/preferAvoidPods", "node label `scheduler.alpha.kubernetes.io/preferAvoidPods` is deprecated since v1.22", "use taints and tolerations instead")]
    [TestCase("node-role.kubernetes.io/master", "node label `node-role.kubernetes.io/master` is deprecated", "select on `node-role.kubernetes.io/control-plane` instead")]
    public void Deprecated_node_labels(string key, string message, string help)
    {
        var d = RuleAssert.FindingsInSpec("PL2133", $"  nodeSelector: {{\"{key}\": x}}\n  containers: [{{name: app, image: nginx:1.27}}]\n").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo($"spec.nodeSelector[{key}]"));
            Assert.That(d.Severity, Is.EqualTo(PodLint.Diagnostics.Severity.Warning));
            Assert.That(d.ErrorType, Is.Null);
            Assert.That(d.Message, Is.EqualTo(message));
            Assert.That(d.Help, Is.EqualTo(help));
        }
    }

    private const string Preferred = """
          containers: [{name: app, image: nginx:1.27}]
          affinity:
            nodeAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
                - weight: 1
                  preference:
                    matchExpressions:
                      - {key: zone, operator: In, values: ["-1", a]}
        """;

    [TestCase("1.29")]
    [TestCase("1.32")]
    public void Preferred_values_are_not_checked_before_1_33(string version)
        => Assert.That(RuleAssert.FindingsInSpec("PL2133", Preferred, version), Is.Empty);

    [TestCase("1.33")]
    [TestCase("1.36")]
    public void Preferred_values_warn_from_1_33(string version)
    {
        var d = RuleAssert.FindingsInSpec("PL2133", Preferred, version).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].preference.matchExpressions[0].values[0]"));
            Assert.That(d.Message, Does.StartWith("node label value `-1` is invalid, a valid label must be an empty string"));
            Assert.That(d.Help, Is.EqualTo("fix the value: no node can have this label value, so the preference never applies"));
        }
    }

    [Test]
    public void Required_values_are_errors_not_warnings()
        => Assert.That(RuleAssert.FindingsInSpec("PL2133", Preferred.Replace("preferredDuringSchedulingIgnoredDuringExecution:\n        - weight: 1\n          preference:\n            matchExpressions:",
            "requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n          - matchExpressions:", StringComparison.Ordinal)), Is.Empty);

    [Test]
    public void Topology_keys_of_spread_constraints_but_not_of_pod_affinity()
    {
        var found = RuleAssert.FindingsInSpec("PL2133", """
              containers: [{name: app, image: nginx:1.27}]
              topologySpreadConstraints:
                - {maxSkew: 1, topologyKey: failure-domain.beta.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}
              affinity:
                podAntiAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    - {topologyKey: failure-domain.beta.kubernetes.io/zone, labelSelector: {}}
            """);
        Assert.That(found.Select(d => d.Path), Is.EqualTo(new[] { "spec.topologySpreadConstraints[0].topologyKey" }));
    }
}
