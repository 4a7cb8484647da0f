using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Rules.ApiServer;

namespace PodLint.Tests.Rules;

public class PL2071InvalidSysctlsTests
{
    [Test]
    public void Reports_names_duplicates_and_host_namespaces()
    {
        var found = RuleAssert.FindingsInSpec("PL2071", "  hostNetwork: true\n  securityContext:\n    sysctls:\n      - {name: \"\", value: \"1\"}\n"
            + "      - {name: net.core.somaxconn, value: \"1\"}\n      - {name: net.core.somaxconn, value: \"2\"}\n      - {name: A.b, value: \"1\"}\n"
            + "      - {name: kernel.msgmax, value: \"1\"}\n  containers: [{name: a, image: nginx}]\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string, ApiErrorType?, string)[]
        {
            ("spec.securityContext.sysctls[0].name", ApiErrorType.Required, "sysctl name is empty"),
            ("spec.securityContext.sysctls[1].name", ApiErrorType.Invalid, "sysctl `net.core.somaxconn` is invalid: may not be specified when 'hostNetwork' is true"),
            ("spec.securityContext.sysctls[2].name", ApiErrorType.Duplicate, "sysctl `net.core.somaxconn` is already set by `sysctls[1]`"),
            ("spec.securityContext.sysctls[2].name", ApiErrorType.Invalid, "sysctl `net.core.somaxconn` is invalid: may not be specified when 'hostNetwork' is true"),
            ("spec.securityContext.sysctls[3].name", ApiErrorType.Invalid, "sysctl name `A.b` is invalid: must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$"),
        }));
    }

    [TestCase("a.b.c.d", true)]
    [TestCase("a", true)]
    [TestCase("a_b", true)]
    [TestCase("a/b/c/d", true)]
    [TestCase("a/b.c", true)]
    [TestCase("", false)]
    [TestCase("*", false)]
    [TestCase("ä", false)]
    [TestCase("a_", false)]
    [TestCase("_a._b", false)]
    [TestCase("a.", false)]
    [TestCase("Abc", false)]
    [TestCase("/a", false)]
    [TestCase("a/b/*", false)]
    public void Names_follow_TestIsValidSysctlName(string name, bool valid)
        => Assert.That(PL2071InvalidSysctls.IsValidName(name), Is.EqualTo(valid));

    [Test]
    public void Too_long_name() => Assert.That(PL2071InvalidSysctls.IsValidName(new string('a', 256)), Is.False);

    [TestCase("net.ipv4.ip_forward", "net")]
    [TestCase("net/ipv4/conf/enp3s0.200/forwarding", "net")]
    [TestCase("kernel.sem", "ipc")]
    [TestCase("kernel.shmmax", "ipc")]
    [TestCase("kernel/msgmnb", "ipc")]
    [TestCase("fs.mqueue.queues_max", "ipc")]
    [TestCase("kernel.semx", null)]
    [TestCase("vm.max_map_count", null)]
    public void Namespaces(string name, string? ns) => Assert.That(PL2071InvalidSysctls.Namespace(name), Is.EqualTo(ns));

    [Test]
    public void Ipc_sysctls_with_hostIPC()
        => Assert.That(RuleAssert.FindingsInSpec("PL2071", "  hostIPC: true\n  securityContext: {sysctls: [{name: kernel.shm_rmid_forced, value: \"1\"}, {name: net.core.somaxconn, value: \"1\"}]}\n  containers: [{name: a, image: nginx}]\n")
            .Select(d => d.Message), Is.EqualTo(new[] { "sysctl `kernel.shm_rmid_forced` is invalid: may not be specified when 'hostIPC' is true" }));
}
