using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Rules.ApiServer;

namespace PodLint.Tests.Rules;

public class PL2060InvalidResourceRequirementsTests
{
    private static List<Diagnostic> Lint(string resources, string? version = null, string kind = "containers")
        => RuleAssert.FindingsInSpec("PL2060", $"  {kind}:\n    - name: app\n      image: nginx\n      resources:\n{resources}", version);

    [Test]
    public void Request_above_limit_is_reported_on_the_requests_path_without_a_key()
    {
        var found = Lint("        requests: {cpu: \"1\", memory: 1.5Gi}\n        limits: {cpu: 500m, memory: 1Gi}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EquivalentTo(new (string, ApiErrorType?, string)[]
            {
                ("spec.containers[0].resources.requests", ApiErrorType.Invalid, "request `cpu: 1` is invalid: must be less than or equal to cpu limit of 500m"),
                ("spec.containers[0].resources.requests", ApiErrorType.Invalid, "request `memory: 1536Mi` is invalid: must be less than or equal to memory limit of 1Gi"),
            }));
            Assert.That(found[0].Help, Is.EqualTo("lower the request to the limit, or raise the limit"));
        }
    }

    [Test]
    public void Extended_resources_need_a_whole_number_equal_to_the_limit()
    {
        var found = Lint("        requests: {example.com/a: \"2\", example.com/c: \"1\"}\n        limits: {example.com/a: \"1\", example.com/b: 2.5}\n",
            kind: "initContainers");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EquivalentTo(new (string, ApiErrorType?, string)[]
        {
            ("spec.initContainers[0].resources.limits[example.com/b]", ApiErrorType.Invalid, "`example.com/b: 2500m` is invalid: must be an integer"),
            ("spec.initContainers[0].resources.requests", ApiErrorType.Invalid, "request `example.com/a: 2` is invalid: must be equal to example.com/a limit of 1"),
            ("spec.initContainers[0].resources.limits", ApiErrorType.Required, "`example.com/c` is requested without a limit: Limit must be set for non overcommitable resources"),
        }));
    }

    [Test]
    public void Resource_names_follow_the_servers_predicates()
    {
        var found = Lint("        limits: {disk: 1, pods: 1, requests.cpu: 1, requests.foo/bar: 1, example.kubernetes.io/x: 1, \"a b\": 1}\n");
        Assert.That(found.Select(d => (d.Path, d.Message)), Is.EquivalentTo(new[]
        {
            ("spec.containers[0].resources.limits[disk]", "resource name `disk` is invalid: must be a standard resource type or fully qualified"),
            ("spec.containers[0].resources.limits[disk]", "resource name `disk` is invalid: must be a standard resource for containers"),
            ("spec.containers[0].resources.limits[pods]", "resource name `pods` is invalid: must be a standard resource for containers"),
            ("spec.containers[0].resources.limits[requests.cpu]", "resource name `requests.cpu` is invalid: must be a standard resource for containers"),
            ("spec.containers[0].resources.limits[requests.foo/bar]", "resource name `requests.foo/bar` is invalid: doesn't follow extended resource name standard"),
            ("spec.containers[0].resources.limits[a b]", "resource name `a b` is invalid: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"),
        }));
    }

    [Test]
    public void Hugepages_need_whole_pages_and_cpu_or_memory()
    {
        var found = Lint("        limits: {hugepages-2Mi: 3Mi, hugepages-1Gi: 0}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EquivalentTo(new (string, ApiErrorType?, string)[]
        {
            ("spec.containers[0].resources.limits[hugepages-2Mi]", ApiErrorType.Invalid, "`hugepages-2Mi: 3Mi` is invalid: 3Mi is not positive integer multiple of hugepages-2Mi"),
            ("spec.containers[0].resources", ApiErrorType.Forbidden, "the container sets hugepages but neither `cpu` nor `memory`: HugePages require cpu or memory"),
        }));
        Assert.That(Lint("        limits: {hugepages-2Mi: 4Mi, memory: 1Gi}\n"), Is.Empty);
    }

    [Test]
    public void Negative_values_are_reported_as_the_server_rounds_them()
    {
        var found = Lint("        limits: {cpu: \"-0.0001\"}\n");
        Assert.That(found.Single().Message, Is.EqualTo("`cpu: -1m` is invalid: must be greater than or equal to 0"));
        Assert.That(Lint("        limits: {cpu: 0.1m}\n        requests: {cpu: 0.5m}\n"), Is.Empty, "both round up to 1m");
    }

    [Test]
    public void Overhead_is_checked_as_limits_under_the_servers_path()
    {
        var found = RuleAssert.FindingsInSpec("PL2060", "  overhead: {ephemeral-storage: \"-1\", my.org: \"1\", hugepages-2Mi: 2Mi}\n  containers: [{name: a, image: nginx}]\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EquivalentTo(new (string, ApiErrorType?)[]
        {
            ("spec.overhead.limits[ephemeral-storage]", ApiErrorType.Invalid),
            ("spec.overhead.limits[my.org]", ApiErrorType.Invalid),
            ("spec.overhead.limits[my.org]", ApiErrorType.Invalid),
            ("spec.overhead", ApiErrorType.Forbidden),
        }));
    }

    private const string PodLevel = """
          resources:
            requests: {cpu: "1", memory: 1Gi}
            limits: {cpu: "2", memory: 2Gi}
          containers:
            - name: app
              image: nginx
              resources:
                limits: {cpu: 1500m, memory: 3Gi}
        """;

    [TestCase("1.33", 0)]
    [TestCase("1.34", 3)]
    [TestCase("1.36", 3)]
    public void Pod_level_resources_are_checked_from_1_34(string version, int count)
    {
        var found = RuleAssert.FindingsInSpec("PL2060", PodLevel + "\n", version);
        Assert.That(found, Has.Count.EqualTo(count));
        if (count == 0) return;
        Assert.That(found.Select(d => (d.Path, d.Message)), Is.EquivalentTo(new[]
        {
            ("spec.resources.requests[cpu]", "pod-level request `cpu: 1` is invalid: must be greater than or equal to aggregate container requests of 1500m"),
            ("spec.resources.requests[memory]", "pod-level request `memory: 1Gi` is invalid: must be greater than or equal to aggregate container requests of 3Gi"),
            ("spec.resources.containers[0][memory].limits", "limit `memory: 3Gi` of container `app` is invalid: must be less than or equal to pod limits of 2Gi"),
        }));
    }

    [Test]
    public void A_templates_container_requests_are_not_defaulted_from_its_limits()
    {
        var template = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n"
            + string.Join("\n", PodLevel.Split('\n').Select(l => "    " + l)) + "\n";
        Assert.That(RuleAssert.Findings("PL2060", template, "1.34").Select(d => d.Path),
            Is.EqualTo(new[] { "spec.template.spec.resources.containers[0][memory].limits" }));
    }

    [Test]
    public void A_defaulted_pod_level_request_must_fit_the_pod_level_limit()
    {
        var found = RuleAssert.FindingsInSpec("PL2060",
            "  resources:\n    limits: {cpu: \"1\"}\n  containers:\n    - {name: a, image: nginx, resources: {requests: {cpu: \"2\"}}}\n", "1.34");
        Assert.That(found.Select(d => (d.Path, d.Message)), Is.EqualTo(new[]
        {
            ("spec.resources.requests", "request `cpu: 2` is invalid: must be less than or equal to cpu limit of 1"),
        }));
    }

    [Test]
    public void Pod_level_names_are_cpu_memory_and_hugepages()
    {
        var found = RuleAssert.FindingsInSpec("PL2060",
            "  resources:\n    requests: {ephemeral-storage: 1Gi, disk: 1}\n    claims: [{name: c}]\n  containers: [{name: a, image: nginx}]\n", "1.35");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EquivalentTo(new (string, ApiErrorType?, string)[]
        {
            ("spec.resources.claims", ApiErrorType.Forbidden, "`spec.resources.claims` is set: claims cannot be set for Resources at pod-level"),
            ("spec.resources.requests[ephemeral-storage]", ApiErrorType.NotSupported, "resource `ephemeral-storage` is not supported at pod-level (supported values: `cpu`, `hugepages-`, `memory`)"),
            ("spec.resources.requests[disk]", ApiErrorType.Invalid, "resource name `disk` is invalid: must be a standard resource type or fully qualified"),
        }));
    }

    [TestCase("hugepages-2Mi", "4Mi", true)]
    [TestCase("hugepages-2Mi", "0", true)]
    [TestCase("hugepages-2Mi", "3Mi", false)]
    [TestCase("hugepages-1.5", "3", false)]
    [TestCase("hugepages-x", "2Mi", false)]
    public void Hugepages_divisibility(string name, string value, bool divisible)
        => Assert.That(ResourceNames.IsHugePagesValueDivisible(name, PodLint.Model.Quantity.Parse(value)), Is.EqualTo(divisible));
}
