using NUnit.Framework;

namespace PodLint.Tests.Rules;

public class PL2134NullLabelSelectorTests
{
    [Test]
    public void Terms_and_constraints_without_a_selector()
    {
        var found = RuleAssert.FindingsInSpec("PL2134", """
              containers: [{name: app, image: nginx:1.27}]
              topologySpreadConstraints:
                - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule}
                - {maxSkew: 1, topologyKey: host, whenUnsatisfiable: DoNotSchedule, labelSelector: {}}
              affinity:
                podAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    - {topologyKey: zone, labelSelector: null}
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                    - {weight: 1, podAffinityTerm: {topologyKey: zone}}
            """);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Path), Is.EqualTo(new[]
            {
                "spec.topologySpreadConstraints[0].labelSelector",
                "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector",
                "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.labelSelector",
            }));
            Assert.That(found.Select(d => d.ErrorType), Is.All.Null);
            Assert.That(found[0].Message, Is.EqualTo("the topology spread constraint has no `labelSelector`: a null labelSelector results in matching no pod"));
            Assert.That(found[0].Help, Is.EqualTo("add a `labelSelector` for the Pods to spread, e.g. `matchLabels:` with `app: web`"));
            Assert.That(found[1].Message, Is.EqualTo("the required pod affinity term has no `labelSelector`: a null labelSelector results in matching no pod"));
            Assert.That(found[2].Message, Is.EqualTo("the preferred pod anti-affinity term has no `labelSelector`: a null labelSelector results in matching no pod"));
            Assert.That(found[2].Help, Is.EqualTo("add a `labelSelector` for the Pods to keep away from, e.g. `matchLabels:` with `app: web`"));
        }
    }

    private const string WithKeys = """
          containers: [{name: app, image: nginx:1.27}]
          affinity:
            podAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                - {topologyKey: zone, matchLabelKeys: [app]}
        """;

    [TestCase("1.29", 1)]
    [TestCase("1.30", 1)]
    [TestCase("1.31", 0)]
    [TestCase("1.36", 0)]
    public void Not_when_the_server_rejects_the_keys_instead(string version, int warnings)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RuleAssert.FindingsInSpec("PL2134", WithKeys, version), Has.Count.EqualTo(warnings));
            Assert.That(RuleAssert.FindingsInSpec("PL2130", WithKeys, version), Has.Count.EqualTo(1 - warnings));
        }
    }
}
