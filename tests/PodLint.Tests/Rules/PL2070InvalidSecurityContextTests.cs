using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Rules.ApiServer;

namespace PodLint.Tests.Rules;

public class PL2070InvalidSecurityContextTests
{
    private static List<Diagnostic> Container(string securityContext, string? version = null, string podLines = "")
        => RuleAssert.FindingsInSpec("PL2070", podLines + "  containers:\n    - name: app\n      image: nginx\n      securityContext:\n" + securityContext, version);

    [Test]
    public void Ids_out_of_range()
    {
        var found = Container("        runAsUser: -1\n        runAsGroup: 2147483648\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string, ApiErrorType?, string)[]
        {
            ("spec.containers[0].securityContext.runAsUser", ApiErrorType.Invalid, "`runAsUser: -1` is invalid: must be between 0 and 2147483647, inclusive"),
            ("spec.containers[0].securityContext.runAsGroup", ApiErrorType.Invalid, "`runAsGroup: 2147483648` is invalid: must be between 0 and 2147483647, inclusive"),
        }));
    }

    [Test]
    public void No_escalation_contradictions_are_reported_on_the_security_context()
    {
        var found = Container("        allowPrivilegeEscalation: false\n        privileged: true\n        capabilities: {add: [SYS_ADMIN, CAP_SYS_ADMIN]}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.Message)), Is.EqualTo(new[]
            {
                ("spec.containers[0].securityContext", "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"),
                ("spec.containers[0].securityContext", "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"),
            }));
            Assert.That(found.All(d => d.ErrorType == ApiErrorType.Invalid));
        }
    }

    [TestCase("1.32", 0)]
    [TestCase("1.33", 2)]
    [TestCase("1.36", 2)]
    public void ProcMount_is_checked_from_1_33(string version, int count)
    {
        var found = Container("        procMount: Masked\n", version).Concat(RuleAssert.FindingsInSpec("PL2070",
            "  containers:\n    - {name: a, image: nginx, securityContext: {procMount: Unmasked}}\n", version)).ToList();
        Assert.That(found, Has.Count.EqualTo(count));
        if (count == 0) return;
        Assert.That(found.Select(d => (d.ErrorType, d.Message)), Is.EqualTo(new (ApiErrorType?, string)[]
        {
            (ApiErrorType.NotSupported, "`procMount: Masked` is not supported (supported values: `Default`, `Unmasked`)"),
            (ApiErrorType.Invalid, "`procMount: Unmasked` is invalid: `hostUsers` must be false to use `Unmasked`"),
        }));
        Assert.That(Container("        procMount: Unmasked\n", version, "  hostUsers: false\n"), Is.Empty);
    }

    [Test]
    public void Seccomp_profile_field()
    {
        var found = Container("        seccompProfile: {type: Localhost}\n")
            .Concat(Container("        seccompProfile: {type: Localhost, localhostProfile: /a/../b}\n"))
            .Concat(Container("        seccompProfile: {type: Unconfined, localhostProfile: \"\"}\n"))
            .Concat(Container("        seccompProfile: {type: \"\"}\n"))
            .Concat(Container("        seccompProfile: {type: default}\n")).ToList();
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string, ApiErrorType?, string)[]
        {
            ("spec.containers[0].securityContext.seccompProfile.localhostProfile", ApiErrorType.Required, "`seccompProfile` has type `Localhost` but no `localhostProfile`: must be set when seccomp type is Localhost"),
            ("spec.containers[0].securityContext.seccompProfile.localhostProfile", ApiErrorType.Invalid, "seccomp `localhostProfile` `/a/../b` is invalid: must be a relative path"),
            ("spec.containers[0].securityContext.seccompProfile.localhostProfile", ApiErrorType.Invalid, "seccomp `localhostProfile` `/a/../b` is invalid: must not contain '..'"),
            ("spec.containers[0].securityContext.seccompProfile.localhostProfile", ApiErrorType.Invalid, "`seccompProfile.localhostProfile` is set with type `Unconfined`: can only be set when seccomp type is Localhost"),
            ("spec.containers[0].securityContext.seccompProfile.type", ApiErrorType.Required, "`seccompProfile.type` is empty: type is required when seccompProfile is set"),
            ("spec.containers[0].securityContext.seccompProfile.type", ApiErrorType.NotSupported, "`type: default` is not supported (supported values: `Localhost`, `RuntimeDefault`, `Unconfined`)"),
        }));
    }

    [TestCase("1.29", 0)]
    [TestCase("1.30", 1)]
    public void AppArmor_fields_are_checked_from_1_30(string version, int count)
        => Assert.That(Container("        appArmorProfile: {type: Localhost, localhostProfile: \"\"}\n", version).Select(d => d.ErrorType),
            Is.EqualTo(Enumerable.Repeat<ApiErrorType?>(ApiErrorType.Required, count)));

    [TestCase("1.31", "must have at most 4095 bytes")]
    [TestCase("1.32", "may not be more than 4095 bytes")]
    public void AppArmor_profile_length_wording_follows_the_version(string version, string detail)
    {
        var found = Container($"        appArmorProfile: {{type: Localhost, localhostProfile: {new string('a', 4096)}}}\n", version);
        Assert.That(found.Select(d => (d.ErrorType, d.Message)), Is.EqualTo(new (ApiErrorType?, string)[]
        {
            (ApiErrorType.TooLong, "`appArmorProfile.localhostProfile` is 4096 bytes long: " + detail),
        }));
    }

    [Test]
    public void Pod_level_checks_and_their_gates()
    {
        const string pod = "  hostPID: true\n  shareProcessNamespace: true\n  securityContext:\n    supplementalGroups: [1, -1]\n    fsGroupChangePolicy: \"\"\n"
            + "    supplementalGroupsPolicy: not-supported\n    seLinuxChangePolicy: MountOption\n  containers: [{name: a, image: nginx}]\n";
        Assert.That(RuleAssert.FindingsInSpec("PL2070", pod, "1.33").Select(d => (d.Path, d.ErrorType, d.Message)), Is.EquivalentTo(new (string, ApiErrorType?, string)[]
        {
            ("spec.securityContext.supplementalGroups[1]", ApiErrorType.Invalid, "`supplementalGroups[1]: -1` is invalid: must be between 0 and 2147483647, inclusive"),
            ("spec.securityContext.shareProcessNamespace", ApiErrorType.Invalid, "`shareProcessNamespace: true` is invalid: ShareProcessNamespace and HostPID cannot both be enabled"),
            ("spec.securityContext.fsGroupChangePolicy", ApiErrorType.NotSupported, "`fsGroupChangePolicy: ` is not supported (supported values: `OnRootMismatch`, `Always`)"),
            ("spec.securityContext.supplementalGroupsPolicy", ApiErrorType.NotSupported, "`supplementalGroupsPolicy: not-supported` is not supported (supported values: `Merge`, `Strict`)"),
            ("spec.securityContext.seLinuxChangePolicy", ApiErrorType.NotSupported, "`seLinuxChangePolicy: MountOption` is not supported (supported values: `Recursive`)"),
        }));
        Assert.That(RuleAssert.FindingsInSpec("PL2070", pod, "1.32"), Has.Count.EqualTo(3), "supplementalGroupsPolicy and seLinuxChangePolicy are dropped before 1.33");
    }

    [TestCase("user", new string[0])]
    [TestCase("NT AUTHORITY\\NETWORK SERVICE", new string[0])]
    [TestCase("", new[] { "runAsUserName cannot be an empty string" })]
    [TestCase("a\\b\\c", new[] { "runAsUserName cannot contain more than one backslash" })]
    [TestCase("us\ter", new[] { "runAsUserName cannot contain control characters" })]
    [TestCase("dom:ain\\user", new[] { "runAsUserName's Domain doesn't match the NetBios nor the DNS format" })]
    [TestCase("domain\\", new[] { "runAsUserName's User cannot be empty" })]
    [TestCase("...", new[] { "runAsUserName's User cannot contain only periods or spaces" })]
    [TestCase("us@er", new[] { "runAsUserName's User cannot contain the following characters: \"/\\:;|=,+*?<>@[]" })]
    public void RunAsUserName_follows_the_server(string name, string[] expected)
        => Assert.That(PL2070InvalidSecurityContext.RunAsUserNameErrors(name), Is.EqualTo(expected));

    [Test]
    public void Windows_options_on_a_template()
    {
        var found = RuleAssert.Findings("PL2070", "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n"
            + "      containers:\n        - name: a\n          image: nginx\n          securityContext: {windowsOptions: {gmsaCredentialSpec: \"\", runAsUserName: \"" + new string('u', 105) + "\"}}\n");
        Assert.That(found.Select(d => (d.Path, d.Message)), Is.EqualTo(new[]
        {
            ("spec.template.spec.containers[0].securityContext.windowsOptions.gmsaCredentialSpec", "`gmsaCredentialSpec` `` is invalid: gmsaCredentialSpec cannot be an empty string"),
            ("spec.template.spec.containers[0].securityContext.windowsOptions.runAsUserName", "`runAsUserName` `" + new string('u', 105) + "` is invalid: runAsUserName's User length must not be longer than 104 characters"),
        }));
    }
}
