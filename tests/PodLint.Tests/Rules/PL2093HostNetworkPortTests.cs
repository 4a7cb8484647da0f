using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2093HostNetworkPortTests
{
    private static string Pod(string hostNetwork, string port) => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          hostNetwork: {{hostNetwork}}
          containers:
            - name: agent
              image: prom/node-exporter:v1.8.2
              ports: [{{port}}]
        """;

    [Test]
    public void Different_host_port_on_the_host_network()
    {
        var d = RuleAssert.Findings("PL2093", Pod("true", "{containerPort: 9100, hostPort: 19100}")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.containers[0].ports[0].hostPort"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("`hostPort: 19100` must match `containerPort` (9100) when `hostNetwork` is true"));
            Assert.That(d.Help, Is.EqualTo("remove `hostPort` (it defaults to the `containerPort`) or make it `9100`: on the host network the container listens on the node's port itself"));
        }
    }

    [TestCase("true", "{containerPort: 9100}")]
    [TestCase("true", "{containerPort: 9100, hostPort: 0}")]
    [TestCase("true", "{containerPort: 9100, hostPort: 9100}")]
    [TestCase("false", "{containerPort: 9100, hostPort: 19100}")]
    public void Defaulted_or_equal_host_ports_and_pods_off_the_host_network_pass(string hostNetwork, string port)
        => Assert.That(RuleAssert.Findings("PL2093", Pod(hostNetwork, port)), Is.Empty);
}
