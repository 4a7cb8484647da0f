using NUnit.Framework;

namespace PodLint.Tests.Rules;

public class PL2061FractionalByteValueTests
{
    [Test]
    public void Warns_with_the_servers_value_and_no_error_type()
    {
        var found = RuleAssert.FindingsInSpec("PL2061",
            "  overhead: {memory: 0.5}\n  containers:\n    - name: a\n      image: nginx\n      resources: {limits: {memory: 512m, cpu: 0.5}, requests: {ephemeral-storage: 0.0001m}}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string, Diagnostics.ApiErrorType?, string)[]
        {
            ("spec.overhead[memory]", null, "fractional byte value `500m` is invalid, must be an integer"),
            ("spec.containers[0].resources.limits[memory]", null, "fractional byte value `512m` is invalid, must be an integer"),
            ("spec.containers[0].resources.requests[ephemeral-storage]", null, "fractional byte value `1m` is invalid, must be an integer"),
        }));
        Assert.That(found[1].Help, Is.EqualTo("`m` means thousandths: for megabytes write `512M`, for mebibytes `512Mi`"));
        Assert.That(found[0].Severity, Is.EqualTo(Diagnostics.Severity.Warning));
    }

    [TestCase("1.5Gi")]
    [TestCase("0.5Ki")]
    [TestCase("1e3")]
    [TestCase("128974848")]
    public void Whole_bytes_are_fine(string value)
        => Assert.That(RuleAssert.FindingsInSpec("PL2061", $"  containers: [{{name: a, image: nginx, resources: {{limits: {{memory: {value}}}}}}}]\n"), Is.Empty);
}
