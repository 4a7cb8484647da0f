using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2021UnsupportedContainerValueTests
{
    [Test]
    public void Reports_the_supported_values_in_the_servers_order()
    {
        var found = RuleAssert.FindingsInSpec("PL2021",
            "  containers:\n    - name: a\n      image: nginx\n      imagePullPolicy: Sometimes\n      terminationMessagePolicy: Logs\n      ports: [{containerPort: 80, protocol: HTTP}]\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.Path), Is.EquivalentTo(new[]
            {
                "spec.containers[0].imagePullPolicy", "spec.containers[0].terminationMessagePolicy", "spec.containers[0].ports[0].protocol",
            }));
            Assert.That(found.Select(d => d.ErrorType), Is.All.EqualTo(ApiErrorType.NotSupported));
            Assert.That(found.Select(d => d.Message), Is.EquivalentTo(new[]
            {
                "`imagePullPolicy: Sometimes` is not supported (supported values: `Always`, `IfNotPresent`, `Never`)",
                "`terminationMessagePolicy: Logs` is not supported (supported values: `File`, `FallbackToLogsOnError`)",
                "`protocol: HTTP` is not supported (supported values: `SCTP`, `TCP`, `UDP`)",
            }));
            Assert.That(found.Single(d => d.Path!.EndsWith("protocol", StringComparison.Ordinal)).Help,
                Is.EqualTo("use one of `SCTP`, `TCP`, `UDP`, or remove `protocol` to get the default"));
        }
    }

    [Test]
    public void Gives_the_right_case()
    {
        var found = RuleAssert.FindingsInSpec("PL2021", "  containers:\n    - {name: a, image: nginx, ports: [{containerPort: 53, protocol: udp}]}\n");
        Assert.That(found.Single().Help, Is.EqualTo("write `UDP`: the values are case-sensitive"));
    }

    [Test]
    public void Empty_values_are_defaulted_before_validation()
        => Assert.That(RuleAssert.FindingsInSpec("PL2021",
            "  containers:\n    - {name: a, image: nginx, imagePullPolicy: \"\", terminationMessagePolicy: \"\", ports: [{containerPort: 53, protocol: \"\"}]}\n"), Is.Empty);
}
