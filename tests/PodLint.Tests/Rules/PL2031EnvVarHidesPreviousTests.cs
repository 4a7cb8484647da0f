using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2031EnvVarHidesPreviousTests
{
    [TestCase("{name: A, value: b}", 1)]
    [TestCase("{name: A, value: $(A)}", 1)]
    [TestCase("{name: A, value: \"$(A)-more\"}", 0)]
    [TestCase("{name: A, value: \"\"}", 1)]
    [TestCase("{name: A, value: \"$(A)\", valueFrom: {fieldRef: {fieldPath: metadata.name}}}", 1)]
    [TestCase("{name: B, value: b}", 0)]
    public void Warns_as_the_server_does(string second, int expected)
    {
        var found = RuleAssert.FindingsInSpec("PL2031", "  containers:\n    - name: web\n      image: nginx\n      env:\n        - {name: A, value: a}\n        - " + second + "\n");
        Assert.That(found, Has.Count.EqualTo(expected));
        if (expected == 0) return;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Path, Is.EqualTo("spec.containers[0].env[1]"));
            Assert.That(found[0].Severity, Is.EqualTo(Severity.Warning));
            Assert.That(found[0].ErrorType, Is.Null);
            Assert.That(found[0].Message, Is.EqualTo("env var `A` hides previous definition of `A`, which may be dropped when using apply"));
            Assert.That(found[0].Help, Is.EqualTo("define `A` once: remove the earlier entry, or build on it with `$(A)` in this one's `value`"));
            Assert.That(found[0].Related.Single().Message, Is.EqualTo("first defined here"));
        }
    }

    [Test]
    public void Compares_with_the_first_definition_only()
    {
        var found = RuleAssert.FindingsInSpec("PL2031", "  containers:\n    - name: web\n      image: nginx\n      env:\n        - {name: A, value: a}\n        - {name: A, value: b}\n        - {name: A, value: c}\n");
        Assert.That(found.Select(d => d.Path), Is.EqualTo(new[] { "spec.containers[0].env[1]", "spec.containers[0].env[2]" }));
    }
}
