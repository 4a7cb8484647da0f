using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2026PortDefinitionWarningTests
{
    [Test]
    public void Reports_the_four_warnings_within_one_container()
    {
        var found = RuleAssert.FindingsInSpec("PL2026",
            "  containers:\n    - name: web\n      image: nginx\n      ports:\n"
            + "        - {containerPort: 80}\n        - {containerPort: 80}\n"
            + "        - {containerPort: 81, hostIP: 10.0.0.1}\n"
            + "        - {containerPort: 82}\n        - {containerPort: 82, hostPort: 82}\n"
            + "        - {containerPort: 83, hostPort: 83, hostIP: 10.0.0.1}\n        - {containerPort: 83, hostPort: 83}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Severity), Is.All.EqualTo(Severity.Warning));
            Assert.That(found.Select(d => d.ErrorType), Is.All.Null);
            Assert.That(found.Select(d => (d.Path, d.MessageId)), Is.EqualTo(new[]
            {
                ("spec.containers[0].ports[1]", "duplicate"),
                ("spec.containers[0].ports[2].hostIP", "hostip-without-hostport"),
                ("spec.containers[0].ports[4]", "overlapping"),
                ("spec.containers[0].ports[6]", "ambiguous"),
            }));
            Assert.That(found[0].Message, Is.EqualTo("duplicate port definition: port `80/TCP` is already declared by `ports[0]` of this container"));
            Assert.That(found[1].Message, Is.EqualTo("`hostIP: 10.0.0.1` is set without `hostPort`, so it has no effect"));
            Assert.That(found[3].Message, Is.EqualTo("dangerously ambiguous port definition: port `83/TCP` is already declared by `ports[5]` of this container with the same `hostPort` and `hostIP: 10.0.0.1`, this one for all addresses"));
        }
    }

    [Test]
    public void Leaves_two_containers_to_PL3001_and_the_same_host_port_to_PL2005()
    {
        var spec = "  containers:\n    - name: a\n      image: nginx\n      ports: [{containerPort: 80}, {containerPort: 81, hostPort: 81}, {containerPort: 81, hostPort: 81}]\n"
            + "    - name: b\n      image: nginx\n      ports: [{containerPort: 80}]\n";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RuleAssert.FindingsInSpec("PL2026", spec), Is.Empty);
            Assert.That(RuleAssert.FindingsInSpec("PL3001", spec), Has.Count.EqualTo(1));
            Assert.That(RuleAssert.FindingsInSpec("PL2005", spec), Has.Count.EqualTo(1));
        }
    }
}
