using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2072DeprecatedSecurityAnnotationTests
{
    private static string Pod(string annotations, string spec = "  containers: [{name: app, image: nginx}]\n")
        => "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n" + annotations + "spec:\n" + spec;

    [Test]
    public void Seccomp_annotations_without_fields()
    {
        var found = RuleAssert.Findings("PL2072", Pod("    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n    container.seccomp.security.alpha.kubernetes.io/app: unconfined\n"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Severity, d.Message)), Is.EqualTo(new (string, ApiErrorType?, Severity, string)[]
            {
                ("metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]", null, Severity.Warning,
                    "annotation `seccomp.security.alpha.kubernetes.io/pod` is non-functional in v1.27+; use the `seccompProfile` field instead"),
                ("metadata.annotations[container.seccomp.security.alpha.kubernetes.io/app]", null, Severity.Warning,
                    "annotation `container.seccomp.security.alpha.kubernetes.io/app` is non-functional in v1.27+; use the `seccompProfile` field instead"),
            }));
            Assert.That(found[0].Help, Is.EqualTo("remove the annotation and set `spec.securityContext.seccompProfile` (e.g. `type: RuntimeDefault`)"));
        }
    }

    [TestCase("1.29", 0)]
    [TestCase("1.30", 1)]
    public void AppArmor_annotation_is_deprecated_from_1_30(string version, int count)
    {
        var found = RuleAssert.Findings("PL2072", Pod("    container.apparmor.security.beta.kubernetes.io/app: runtime/default\n"), version);
        Assert.That(found, Has.Count.EqualTo(count));
        if (count == 1) Assert.That(found[0].Message, Is.EqualTo("annotation `container.apparmor.security.beta.kubernetes.io/app` is deprecated since v1.30; use the `appArmorProfile` field instead"));
    }

    [Test]
    public void A_pod_level_AppArmor_profile_covers_every_container()
        => Assert.That(RuleAssert.Findings("PL2072", Pod("    container.apparmor.security.beta.kubernetes.io/app: runtime/default\n",
            "  securityContext: {appArmorProfile: {type: RuntimeDefault}}\n  containers: [{name: app, image: nginx}]\n")), Is.Empty);
}
