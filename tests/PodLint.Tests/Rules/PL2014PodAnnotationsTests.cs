using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Rules.ApiServer;

namespace PodLint.Tests.Rules;

public class PL2014PodAnnotationsTests
{
    private static string Pod(string annotations, string spec = "") => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations:
            {{annotations}}
        spec:
          {{spec}}
          containers:
            - {name: app, image: nginx:1.27}
        """;

    [TestCase("0", true)]
    [TestCase("-5", true)]
    [TestCase("2147483647", true)]
    [TestCase("-2147483648", true)]
    [TestCase("008", false)]
    [TestCase("+10", false)]
    [TestCase("text", false)]
    [TestCase("", false)]
    [TestCase("-", false)]
    [TestCase(" 1", false)]
    [TestCase("2147483648", false)]
    public void Deletion_cost_is_a_canonical_int32(string value, bool valid)
        => Assert.That(PL2014PodAnnotations.IsCanonicalInt32(value), Is.EqualTo(valid));

    [Test]
    public void Deletion_cost_message_path_and_type()
    {
        var d = RuleAssert.Findings("PL2014", Pod("controller.kubernetes.io/pod-deletion-cost: \"008\"")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("metadata.annotations[controller.kubernetes.io/pod-deletion-cost]"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(d.Message, Is.EqualTo("pod deletion cost `008` is invalid: must be a 32bit integer"));
            Assert.That(d.Help, Is.EqualTo("write an integer from -2147483648 to 2147483647 as a string, without `+`, spaces or leading zeros (e.g. `\"100\"`)"));
        }
    }

    [Test]
    public void Mirror_pod_needs_a_node_name()
    {
        var d = RuleAssert.Findings("PL2014", Pod("kubernetes.io/config.mirror: x")).Single();
        Assert.That(d.Message, Does.Contain("must set spec.nodeName if mirror pod annotation is set"));
        Assert.That(RuleAssert.Findings("PL2014", Pod("kubernetes.io/config.mirror: x", "nodeName: node-1")), Is.Empty);
    }

    [TestCase("runtime/default")]
    [TestCase("docker/default")]
    [TestCase("unconfined")]
    [TestCase("localhost/a/b.json")]
    [TestCase("localhost/")]
    public void Valid_seccomp_profiles(string profile) => Assert.That(PL2014PodAnnotations.SeccompErrors(profile), Is.Empty);

    [Test]
    public void Seccomp_errors_and_dotted_path()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(PL2014PodAnnotations.SeccompErrors("Unconfined"), Is.EqualTo(new[] { "must be a valid seccomp profile" }));
            Assert.That(PL2014PodAnnotations.SeccompErrors("localhost//../x"), Is.EqualTo(new[] { "must be a relative path", "must not contain '..'" }));
            var d = RuleAssert.Findings("PL2014", Pod("seccomp.security.alpha.kubernetes.io/pod: foo")).Single();
            Assert.That(d.Path, Is.EqualTo("metadata.annotations.seccomp.security.alpha.kubernetes.io/pod"));
            Assert.That(d.Message, Is.EqualTo("seccomp profile `foo` of annotation `seccomp.security.alpha.kubernetes.io/pod` is invalid: must be a valid seccomp profile"));
        }
    }

    [Test]
    public void AppArmor_container_and_profile()
    {
        var found = RuleAssert.Findings("PL2014", Pod("container.apparmor.security.beta.kubernetes.io/other: default"));
        Assert.That(found.Select(d => d.Message), Is.EqualTo(new[]
        {
            "annotation `container.apparmor.security.beta.kubernetes.io/other` names container `other`: container not found",
            "annotation `container.apparmor.security.beta.kubernetes.io/other`: invalid AppArmor profile name: \"default\"",
        }));
        Assert.That(found.Select(d => d.Path), Is.All.EqualTo("metadata.annotations[container.apparmor.security.beta.kubernetes.io/other]"));
    }
}
