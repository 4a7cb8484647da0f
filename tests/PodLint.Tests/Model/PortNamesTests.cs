using NUnit.Framework;
using PodLint.Model;

namespace PodLint.Tests.Model;

public class PortNamesTests
{
    [TestCase("http")]
    [TestCase("h")]
    [TestCase("http-metrics")]
    [TestCase("8080a")]
    [TestCase("a-b-c-d-e-f-g-h")]
    [TestCase("http-envoy-prom")]
    public void Accepts_IANA_service_names(string name) => Assert.That(PortNames.IsValid(name), Is.True);

    [TestCase("")]
    [TestCase(null)]
    [TestCase("8080")]
    [TestCase("HTTP")]
    [TestCase("web_port")]
    [TestCase("-http")]
    [TestCase("http-")]
    [TestCase("http--alt")]
    [TestCase("a-very-long-name")]
    public void Rejects_what_the_API_server_rejects(string? name) => Assert.That(PortNames.IsValid(name), Is.False);
}
