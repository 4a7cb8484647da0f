using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2023InvalidResizePolicyTests
{
    private const string Spec = "  restartPolicy: Never\n  containers:\n    - name: web\n      image: nginx\n      resizePolicy:\n"
        + "        - {resourceName: cpu, restartPolicy: RestartContainer}\n        - {resourceName: cpu, restartPolicy: NotRequired}\n"
        + "        - {resourceName: gpu, restartPolicy: notrequired}\n";

    [Test]
    public void Reports_with_the_servers_paths_and_types()
    {
        var found = RuleAssert.FindingsInSpec("PL2023", Spec);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EquivalentTo(new (string, ApiErrorType?, string)[]
            {
                ("spec.containers[0].resizePolicy", ApiErrorType.Invalid, "resize policy `restartPolicy: RestartContainer` must be `NotRequired` when the Pod's `restartPolicy` is `Never`"),
                ("spec.containers[0].resizePolicy[1]", ApiErrorType.Duplicate, "resize policy for `cpu` is already given in `resizePolicy[0]`"),
                ("spec.containers[0].resizePolicy", ApiErrorType.NotSupported, "`resourceName: gpu` is not supported in a resize policy (supported values: `cpu`, `memory`)"),
                ("spec.containers[0].resizePolicy", ApiErrorType.NotSupported, "`restartPolicy: notrequired` is not supported in a resize policy (supported values: `NotRequired`, `RestartContainer`)"),
                ("spec.containers[0].resizePolicy", ApiErrorType.Invalid, "resize policy `restartPolicy: notrequired` must be `NotRequired` when the Pod's `restartPolicy` is `Never`"),
            }));
            Assert.That(found.Single(d => d.Message.StartsWith("`restartPolicy: notrequired`", StringComparison.Ordinal)).Help,
                Is.EqualTo("write `NotRequired`: the values are case-sensitive"));
        }
    }

    [TestCase("1.29", 0)]
    [TestCase("1.32", 0)]
    [TestCase("1.33", 5)]
    [TestCase("1.36", 5)]
    public void Is_checked_from_1_33(string version, int count)
        => Assert.That(RuleAssert.FindingsInSpec("PL2023", Spec, version), Has.Count.EqualTo(count));

    [Test]
    public void Empty_values_are_required()
    {
        var found = RuleAssert.FindingsInSpec("PL2023",
            "  containers:\n    - name: web\n      image: nginx\n      resizePolicy: [{resourceName: \"\", restartPolicy: \"\"}]\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => d.ErrorType), Is.EqualTo(new ApiErrorType?[] { ApiErrorType.Required, ApiErrorType.Required }));
            Assert.That(found.Select(d => d.Message), Is.EquivalentTo(new[]
            {
                "`resourceName` of a resize policy is empty", "`restartPolicy` of a resize policy is empty",
            }));
        }
    }
}
