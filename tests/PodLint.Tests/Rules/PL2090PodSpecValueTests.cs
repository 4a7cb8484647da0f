using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2090PodSpecValueTests
{
    private static string Pod(string spec) => RuleAssert.PodWithSpec(spec);

    [Test]
    public void Restart_policy_in_the_wrong_case_is_not_supported_with_the_servers_list()
    {
        var d = RuleAssert.Findings("PL2090", Pod("  restartPolicy: onFailure")).Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.restartPolicy"));
            Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.NotSupported));
            Assert.That(d.Message, Is.EqualTo("`restartPolicy: onFailure` is not supported (supported values: `Always`, `OnFailure`, `Never`)"));
            Assert.That(d.Help, Is.EqualTo("write `OnFailure`: the values are case-sensitive"));
        }
    }

    [Test]
    public void Dns_policy_lists_the_values_in_the_servers_order()
    {
        var d = RuleAssert.Findings("PL2090", Pod("  dnsPolicy: Cluster")).Single();
        Assert.That(d.Message, Is.EqualTo("`dnsPolicy: Cluster` is not supported (supported values: `ClusterFirstWithHostNet`, `ClusterFirst`, `Default`, `None`)"));
        Assert.That(d.Help, Is.EqualTo("use one of `ClusterFirstWithHostNet`, `ClusterFirst`, `Default`, `None`"));
    }

    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("2147483648")]
    public void Active_deadline_out_of_range(string value)
    {
        var d = RuleAssert.Findings("PL2090", Pod("  activeDeadlineSeconds: " + value)).Single();
        Assert.That(d.Message, Is.EqualTo($"`activeDeadlineSeconds: {value}` is invalid: must be between 1 and 2147483647, inclusive"));
        Assert.That(d.ErrorType, Is.EqualTo(ApiErrorType.Invalid));
    }

    [Test]
    public void Empty_preemption_policy_is_required_and_an_unknown_one_not_supported()
    {
        Assert.That(RuleAssert.Findings("PL2090", Pod("  preemptionPolicy: \"\"")).Single().ErrorType, Is.EqualTo(ApiErrorType.Required));
        Assert.That(RuleAssert.Findings("PL2090", Pod("  preemptionPolicy: Always")).Single().Message,
            Is.EqualTo("`preemptionPolicy: Always` is not supported (supported values: `PreemptLowerPriority`, `Never`)"));
    }

    [Test]
    public void Unsupported_os_is_reported_at_spec_os_and_an_empty_one_at_its_name()
    {
        Assert.That(RuleAssert.Findings("PL2090", Pod("  os: {name: Windows}")).Single().Path, Is.EqualTo("spec.os"));
        var empty = RuleAssert.Findings("PL2090", Pod("  os: {name: \"\"}")).Single();
        Assert.That((empty.Path, empty.Message, empty.ErrorType), Is.EqualTo(("spec.os.name", "`os.name` cannot be empty", (ApiErrorType?)ApiErrorType.Required)));
    }

    [Test]
    public void Empty_restart_and_dns_policies_are_defaulted_before_validation()
        => Assert.That(RuleAssert.Findings("PL2090", Pod("  restartPolicy: \"\"\n  dnsPolicy: \"\"")), Is.Empty);

    [Test]
    public void No_containers_is_required()
    {
        var d = RuleAssert.Findings("PL2090", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers: []
            """).Single();
        Assert.That((d.Path, d.ErrorType), Is.EqualTo(("spec.containers", (ApiErrorType?)ApiErrorType.Required)));
        Assert.That(d.Message, Is.EqualTo("the Pod has no containers: `containers` needs at least one"));
    }

    [Test]
    public void Node_name_with_scheduling_gates_is_forbidden_on_a_pod_only()
    {
        var d = RuleAssert.Findings("PL2090", Pod("  nodeName: node-1\n  schedulingGates: [{name: quota}]")).Single();
        Assert.That((d.Path, d.ErrorType), Is.EqualTo(("spec.nodeName", (ApiErrorType?)ApiErrorType.Forbidden)));
        Assert.That(d.Message, Is.EqualTo("`nodeName` cannot be set until all schedulingGates have been cleared"));
        Assert.That(RuleAssert.Findings("PL2090", Pod("  nodeName: node-1\n  schedulingGates: []")), Is.Empty);
    }

    [Test]
    public void A_templates_restart_policy_is_left_to_PL2004()
    {
        const string deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  restartPolicy: Sometimes
                  containers:
                    - {name: app, image: nginx:1.27}
            """;
        Assert.That(RuleAssert.Findings("PL2090", deployment), Is.Empty);
        Assert.That(RuleAssert.Findings("PL2004", deployment), Has.Count.EqualTo(1));
    }
}
