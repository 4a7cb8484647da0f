using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2095ProfileAnnotationMismatchTests
{
    private static string Pod(string annotation, string podSecurity, string containerSecurity) => $$"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {{{annotation}}}
        spec:
          securityContext: {{{podSecurity}}}
          containers:
            - name: app
              image: nginx:1.27
              securityContext: {{{containerSecurity}}}
        """;

    [TestCase("Unconfined", "runtime/default", false)]
    [TestCase("Unconfined", "unconfined", true)]
    [TestCase("RuntimeDefault", "docker/default", true)]
    [TestCase("RuntimeDefault", "runtime/default", true)]
    [TestCase("RuntimeDefault", "localhost/x", false)]
    [TestCase("Localhost", "runtime/default", false)]
    public void Pod_seccomp_type_against_the_pod_annotation(string type, string annotation, bool matches)
    {
        var profile = type == "Localhost" ? $"seccompProfile: {{type: {type}, localhostProfile: x}}" : $"seccompProfile: {{type: {type}}}";
        var found = RuleAssert.Findings("PL2095", Pod($"seccomp.security.alpha.kubernetes.io/pod: \"{annotation}\"", profile, ""));
        Assert.That(found, matches ? Is.Empty : Has.Count.EqualTo(1));
        if (!matches)
        {
            Assert.That((found[0].Path, found[0].ErrorType), Is.EqualTo(("spec.securityContext.seccompProfile.type", (ApiErrorType?)ApiErrorType.Forbidden)));
            Assert.That(found[0].Message, Is.EqualTo($"seccomp type in annotation and field must match: the field says `{type}`, annotation `seccomp.security.alpha.kubernetes.io/pod` says `{annotation}`"));
        }
    }

    [Test]
    public void Container_localhost_profiles_that_differ()
    {
        var d = RuleAssert.Findings("PL2095", Pod("container.seccomp.security.alpha.kubernetes.io/app: localhost/a.json", "",
            "seccompProfile: {type: Localhost, localhostProfile: b.json}")).Single();
        Assert.That(d.Path, Is.EqualTo("spec.containers[0].securityContext.seccompProfile.localhostProfile"));
        Assert.That(d.Message, Is.EqualTo("seccomp profile in annotation and field must match: the field says `b.json`, annotation `container.seccomp.security.alpha.kubernetes.io/app` says `localhost/a.json`"));
        Assert.That(d.Help, Is.EqualTo("remove the annotation `container.seccomp.security.alpha.kubernetes.io/app` (the field replaced it), or make both name the same profile"));
    }

    [Test]
    public void AppArmor_compares_the_containers_own_field_only()
    {
        const string annotation = "container.apparmor.security.beta.kubernetes.io/app: unconfined";
        var own = RuleAssert.Findings("PL2095", Pod(annotation, "", "appArmorProfile: {type: RuntimeDefault}")).Single();
        Assert.That(own.Path, Is.EqualTo("spec.containers[0].securityContext.appArmorProfile.type"));
        Assert.That(own.Message, Does.StartWith("apparmor type in annotation and field must match"));
        Assert.That(RuleAssert.Findings("PL2095", Pod(annotation, "appArmorProfile: {type: RuntimeDefault}", "")), Is.Empty, "inherited: synced on create");
    }

    [Test]
    public void Templates_are_not_compared()
        => Assert.That(RuleAssert.Findings("PL2095", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata:
                  labels: {app: web}
                  annotations: {seccomp.security.alpha.kubernetes.io/pod: unconfined}
                spec:
                  securityContext: {seccompProfile: {type: RuntimeDefault}}
                  containers:
                    - {name: app, image: nginx:1.27}
            """), Is.Empty);
}
