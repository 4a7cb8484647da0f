using PodLint.Engine;
using PodLint.Tests.Input;

namespace PodLint.Tests.Schemas;

/// <summary>Schema conformance (PL1xxx) through the public API: rule, path and exact span for each class of finding.</summary>
public class SchemaValidationTests
{
    private static string[] Where(string text, string? version = null)
        => Lint.Where(new PodLinter(new PodLintOptions { KubernetesVersion = version }).LintText(text, Lint.File));

    private const string Head = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n";

    [Test]
    public void Unknown_field_with_a_suggestion()
    {
        var result = new PodLinter().LintText(Head + "  containers:\n    - name: web\n      image: nginx\n      imagePullPolic: Always\n", Lint.File);
        var d = result.Diagnostics.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(d), Is.EqualTo("PL1002 9:7-9:21 spec.containers[0].imagePullPolic"));
            Assert.That(d.Message, Is.EqualTo("unknown field `imagePullPolic` in `spec.containers[0]`; did you mean `imagePullPolicy`?"));
            Assert.That(d.RuleName, Is.EqualTo("unknown-field"));
        }
    }

    [Test]
    public void Unknown_field_without_a_close_name_and_at_the_top_level()
    {
        var result = new PodLinter().LintText(Head.Replace("spec:\n", "status2: {}\nspec:\n", StringComparison.Ordinal) + "  containers: [{name: web, image: nginx, frobnicate: 1}]\n", Lint.File);
        Assert.That(result.Diagnostics.Select(d => d.Message), Is.EqualTo(new[]
        {
            "unknown field `status2` at the top level of the Pod; did you mean `status`?",
            "unknown field `frobnicate` in `spec.containers[0]`",
        }));
    }

    [TestCase("  image: nginx\n", "unknown field `image` in `spec`; it belongs in the items of `spec.containers`, the items of `spec.ephemeralContainers` or the items of `spec.initContainers`")]
    [TestCase("  labels: {app: web}\n", "unknown field `labels` in `spec`; it belongs in `metadata`")]
    [TestCase("  containers:\n    - name: web\n      image: nginx\n      volumes: [{name: data, emptyDir: {}}]\n", "unknown field `volumes` in `spec.containers[0]`; it belongs in `spec`")]
    [TestCase("  containers:\n    - name: web\n      image: nginx\n      runAsUser: 1000\n", "unknown field `runAsUser` in `spec.containers[0]`; it belongs in `spec.containers[0].securityContext`")]
    [TestCase("  containers:\n    - name: web\n      image: nginx\n      memory: 1Gi\n", "unknown field `memory` in `spec.containers[0]`; it belongs in `spec.containers[0].resources.limits` or `spec.containers[0].resources.requests`")]
    [TestCase("  containers:\n    - name: web\n      image: nginx\n      resources: {cpu: 1}\n", "unknown field `cpu` in `spec.containers[0].resources`; it belongs in `spec.containers[0].resources.limits` or `spec.containers[0].resources.requests`")]
    [TestCase("  containers:\n    - name: web\n      image: nginx\n      livenessProbe: {port: 80}\n", "unknown field `port` in `spec.containers[0].livenessProbe`; it belongs in `spec.containers[0].livenessProbe.grpc`, `spec.containers[0].livenessProbe.httpGet` or `spec.containers[0].livenessProbe.tcpSocket`")]
    [TestCase("  containers:\n    - name: web\n      image: nginx\n      volumes: 3\n", "unknown field `volumes` in `spec.containers[0]`")] // a scalar fits no `volumes`
    [TestCase("  name: web\n", "unknown field `name` in `spec`; it belongs in `metadata`")]
    [TestCase("  volumes: [{name: v, optional: true}]\n", "unknown field `optional` in `spec.volumes[0]`; it belongs in `spec.volumes[0].configMap` or `spec.volumes[0].secret`")]
    [TestCase("  volumes: [{name: v, readOnly: true}]\n", "unknown field `readOnly` in `spec.volumes[0]`")] // too many volume sources have one
    public void A_field_at_the_wrong_level_says_where_it_belongs(string spec, string message)
    {
        var text = Head + spec + (spec.Contains("containers:", StringComparison.Ordinal) ? "" : "  containers: [{name: web, image: nginx}]\n");
        var result = new PodLinter().LintText(text, Lint.File);
        Assert.That(result.Single("PL1002").Message, Is.EqualTo(message));
    }

    [Test]
    public void Wrong_types_are_reported_once_at_the_value()
        => Assert.That(Where(Head + "  containers:\n    - name: web\n      image: nginx\n      env:\n        MODE: fast\n      ports:\n        - containerPort: eighty\n"),
            Is.EqualTo(new[] { "PL1001 10:9-10:19 spec.containers[0].env", "PL1001 12:26-12:32 spec.containers[0].ports[0].containerPort" }));

    [TestCase("env: {MODE: fast}", "spec.containers[0].env", "write a list of name/value pairs: `- name: MODE` with `value: fast` below it, one item per entry")]
    [TestCase("envFrom: {configMapRef: {name: cfg}}", "spec.containers[0].envFrom", "write it as a list item: `- configMapRef: …` is a list of one")]
    [TestCase("args: {a: b}", "spec.containers[0].args", "write a list: one `- ` item per entry")]
    [TestCase("command: nginx -g x", "spec.containers[0].command", "write a list, one `- ` item per element (`[\"nginx -g x\"]` would be a single element)")]
    [TestCase("ports: [80]", "spec.containers[0].ports[0]", "write it as an object: `containerPort: 80`")]
    [TestCase("ports: [{containerPort: \"80\"}]", "spec.containers[0].ports[0].containerPort", "remove the quotes: a quoted number is a string")]
    public void Wrong_shapes_get_help_written_from_the_value(string field, string path, string help)
    {
        var result = new PodLinter().LintText(Head + "  containers:\n    - name: web\n      image: nginx\n      " + field + "\n", Lint.File);
        var d = result.Single("PL1001");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo(path));
            Assert.That(d.Help, Is.EqualTo(help));
        }
    }

    [TestCase("2024-05-01T12:00:00Z", null)]
    [TestCase("2024-05-01T12:00:00.123456+02:00", null)]
    [TestCase("2024-05-01T12:00:00.123456789Z", null)]
    [TestCase("null", null)]
    [TestCase("yesterday", "`metadata.creationTimestamp`: expected an RFC 3339 timestamp, got string `yesterday`")]
    [TestCase("2024-05-01 12:00:00", "`metadata.creationTimestamp`: expected an RFC 3339 timestamp, got string `2024-05-01 12:00:00`")]
    [TestCase("2024-13-01T12:00:00Z", "`metadata.creationTimestamp`: expected an RFC 3339 timestamp, got string `2024-13-01T12:00:00Z`")]
    [TestCase("\"\"", "`metadata.creationTimestamp`: expected an RFC 3339 timestamp, got an empty string")]
    public void Timestamps_are_what_the_api_server_can_parse(string value, string? message)
    {
        // metav1.Time decodes with Go's time.Parse(time.RFC3339, …); anything else fails the request.
        var result = new PodLinter().LintText("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  creationTimestamp: " + value + "\nspec:\n  containers: [{name: a, image: b}]\n", Lint.File);
        Assert.That(result.Diagnostics.Select(d => d.Message), Is.EqualTo(message is null ? Array.Empty<string>() : [message]));
    }

    [Test]
    public void Integers_out_of_their_fields_range_are_wrong_types()
    {
        // containerPort is an int32 and activeDeadlineSeconds an int64 in the API; 1e19 overflows int64.
        var result = new PodLinter().LintText(Head + "  activeDeadlineSeconds: 1e19\n  terminationGracePeriodSeconds: 4294967296\n  containers:\n    - name: web\n      image: nginx\n      ports:\n        - containerPort: 4294967296\n        - containerPort: 2147483647\n", Lint.File);
        using (Assert.EnterMultipleScope())
        {
            // 2147483647 decodes; that it is no port number is the API server's check (PL2024), not the schema's.
            Assert.That(Lint.Where(result).Where(w => w.StartsWith("PL1", StringComparison.Ordinal)), Is.EqualTo(new[] { "PL1001 6:26-6:30 spec.activeDeadlineSeconds", "PL1001 12:26-12:36 spec.containers[0].ports[0].containerPort" }));
            Assert.That(result.Diagnostics.Where(d => d.RuleId.StartsWith("PL1", StringComparison.Ordinal)).Select(d => d.Message), Is.EqualTo(new[]
            {
                "`spec.activeDeadlineSeconds`: the integer 1e19 is too large for this field, which holds 64-bit integers",
                "`spec.containers[0].ports[0].containerPort`: the integer 4294967296 is too large for this field, which holds 32-bit integers",
            }));
        }
    }

    [Test]
    public void Missing_required_fields_point_at_the_owner()
        => Assert.That(Where(Head + "  containers:\n    - image: nginx\n      ports:\n        - name: http\n  volumes:\n    - emptyDir: {}\n"),
            Is.EqualTo(new[]
            {
                "PL1003 7:7-7:12 spec.containers[0].name",
                "PL1003 9:11-9:15 spec.containers[0].ports[0].containerPort",
                "PL1003 11:7-11:15 spec.volumes[0].name",
            }));

    [TestCase("", "PL1003 1:1-1:11 spec.containers")]
    [TestCase("spec:\n", "PL1003 5:1-5:5 spec.containers")]
    [TestCase("spec: ~\n", "PL1003 5:1-5:5 spec.containers")]
    [TestCase("spec: *nope\n", "PL0001 5:7-5:12")] // an alias to nothing is one finding, not also a missing spec
    public void A_pod_without_a_spec_lacks_its_containers(string spec, string expected)
        => Assert.That(Where("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n" + spec), Is.EqualTo(new[] { expected }));

    [Test]
    public void Missing_containers_is_reported_at_the_spec_key()
        => Assert.That(Where(Head + "  restartPolicy: Never\n"), Is.EqualTo(new[] { "PL1003 5:1-5:5 spec.containers" }));

    [Test]
    public void A_required_field_written_as_null_is_missing_at_its_own_key()
    {
        // Kubernetes reads null as "not set": `containers:` with nothing after it is no list of containers.
        var result = new PodLinter().LintText(Head + "  containers:\n  initContainers:\n    - name: ~\n      image: busybox\n", Lint.File);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Of("PL1003").Select(Lint.Where), Is.EqualTo(new[] { "PL1003 6:3-6:13 spec.containers", "PL1003 8:7-8:11 spec.initContainers[0].name" }));
            Assert.That(result.Of("PL1003")[0].Message, Is.EqualTo("required field `spec.containers` is null"));
        }
    }

    [Test]
    public void Optional_fields_written_as_null_are_not_set()
        => Assert.That(Where("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n  annotations: null\nspec:\n  hostNetwork: ~\n  containers:\n    - name: web\n      image: nginx\n      ports:\n      resources: {limits: {cpu: null}}\n"),
            Is.Empty);

    [Test]
    public void Invalid_quantities()
    {
        var result = new PodLinter().LintText(Head + "  containers:\n    - name: web\n      image: nginx\n      resources:\n        limits: {memory: 12 GB, cpu: 1K}\n        requests: {memory: 128Mi, cpu: 0.5, ephemeral-storage: 1e9}\n", Lint.File);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(result), Is.EqualTo(new[]
            {
                "PL1004 10:26-10:31 spec.containers[0].resources.limits[memory]",
                "PL1004 10:38-10:40 spec.containers[0].resources.limits[cpu]",
            }));
            Assert.That(result.Diagnostics[0].Message, Is.EqualTo("`spec.containers[0].resources.limits[memory]`: `12 GB` is not a quantity"));
        }
    }

    [Test]
    public void Flow_style_pods_are_validated_with_exact_spans()
        => Assert.That(Where("{ apiVersion: \"v1\", kind: \"Pod\", metadata: { name: x, labelz: {} }, spec: { containers: [ { name: a, image: b, ports: [ { containerPort: \"80\" } ] } ] } }\n"),
            Is.EqualTo(new[] { "PL1002 1:55-1:61 metadata.labelz", "PL1001 1:138-1:142 spec.containers[0].ports[0].containerPort" }));

    [TestCase("1.31", "PL1002 6:3-6:12 spec.resources")]
    [TestCase("1.32", null)]
    [TestCase("1.36", null)]
    public void Pod_level_resources_depend_on_the_version(string version, string? expected)
        => Assert.That(Where(Head + "  resources:\n    limits: {cpu: \"1\"}\n  containers: [{name: a, image: b}]\n", version).Where(w => w.StartsWith("PL1", StringComparison.Ordinal)),
            Is.EqualTo(expected is null ? Array.Empty<string>() : [expected]), "schema findings (PL2099 says that 1.32 and 1.33 drop the field)");

    [Test]
    public void A_field_of_a_later_version_says_so()
    {
        var result = new PodLinter(new PodLintOptions { KubernetesVersion = "1.30" })
            .LintText(Head + "  resources:\n    limits: {cpu: \"1\"}\n  containers: [{name: a, image: b}]\n", Lint.File);
        Assert.That(result.Diagnostics.Single().Message, Is.EqualTo("`spec.resources` is not available before Kubernetes 1.32 (selected: 1.30)"));
    }

    [TestCase("1.36", "`spec.workloadRef` was removed after Kubernetes 1.35 (selected: 1.36)")]
    [TestCase("1.34", "`spec.workloadRef` is not available before Kubernetes 1.35 (selected: 1.34)")]
    public void A_field_that_came_and_went_says_so(string version, string message)
    {
        var result = new PodLinter(new PodLintOptions { KubernetesVersion = version })
            .LintText(Head + "  workloadRef: {name: w}\n  containers: [{name: a, image: b}]\n", Lint.File);
        Assert.That(result.Diagnostics.Single(d => d.RuleId == "PL1002").Message, Is.EqualTo(message));
    }

    [TestCase("1.33", "`spec.hostnameOverride` is not available before Kubernetes 1.34 (selected: 1.33)")]
    [TestCase("1.34", null)]
    public void HostnameOverride_exists_from_1_34(string version, string? message)
    {
        var result = new PodLinter(new PodLintOptions { KubernetesVersion = version })
            .LintText(Head + "  hostnameOverride: web-1\n  containers: [{name: a, image: b}]\n", Lint.File);
        Assert.That(result.Diagnostics.Where(d => d.RuleId.StartsWith("PL1", StringComparison.Ordinal)).Select(d => d.Message),
            Is.EqualTo(message is null ? Array.Empty<string>() : [message]), "schema findings (PL2099 says that 1.34 drops the field)");
    }

    [TestCase("1.33", "`spec.containers[0].restartPolicyRules` is not available before Kubernetes 1.34 (selected: 1.33)")]
    [TestCase("1.36", null)]
    public void Container_restart_rules_exist_from_1_34(string version, string? message)
    {
        var result = new PodLinter(new PodLintOptions { KubernetesVersion = version })
            .LintText(Head + "  containers:\n    - name: a\n      image: b\n      restartPolicyRules: []\n", Lint.File);
        Assert.That(result.Diagnostics.Select(d => d.Message), Is.EqualTo(message is null ? Array.Empty<string>() : [message]));
    }

    [TestCaseSource(typeof(PodLinter), nameof(PodLinter.SupportedKubernetesVersions))]
    public void A_large_pod_using_most_common_fields_is_clean_in_every_version(string version)
    {
        var pod = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "PodLint.Tests", "Schemas", "Fixtures", "large-pod.yaml"));
        var result = new PodLinter(new PodLintOptions { KubernetesVersion = version }).LintText(pod, Lint.File);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(result), Is.Empty, () => Lint.Dump(result));
            Assert.That(result.PodCount, Is.EqualTo(1));
        }
    }

    [TestCase("whenUnsatisfiable: ScheduleAnyway", "whenUnsatisfyable: ScheduleAnyway", "PL1002 44:7-44:24 spec.topologySpreadConstraints[0].whenUnsatisfyable")]
    [TestCase("divisor: 1Mi", "divisor: 1MB", "PL1004 95:66-95:69 spec.containers[0].env[4].valueFrom.resourceFieldRef.divisor")]
    [TestCase("expirationSeconds: 3600", "expirationSeconds: an-hour", "PL1001 156:67-156:74 spec.volumes[6].projected.sources[1].serviceAccountToken.expirationSeconds")]
    public void The_large_pod_is_checked_all_the_way_down(string from, string to, string expected)
    {
        // Guards the test above: a slip deep inside the large Pod is found.
        var pod = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "PodLint.Tests", "Schemas", "Fixtures", "large-pod.yaml"))
            .Replace(from, to, StringComparison.Ordinal);
        Assert.That(Where(pod), Is.EqualTo(new[] { expected }));
    }

    [TestCaseSource(typeof(PodLinter), nameof(PodLinter.SupportedKubernetesVersions))]
    public void The_valid_examples_are_clean_in_every_version(string version)
    {
        var linter = new PodLinter(new PodLintOptions { KubernetesVersion = version });
        foreach (var file in Directory.GetFiles(RepositoryPaths.Examples, "valid-*"))
        {
            var result = linter.LintText(File.ReadAllText(file), Path.GetFileName(file));
            Assert.That(Lint.Where(result), Is.Empty, () => Lint.Dump(result));
        }
    }

    [Test]
    public void An_unsupported_version_is_an_argument_error_listing_the_supported_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new PodLinter(new PodLintOptions { KubernetesVersion = "1.28" }));
        Assert.That(ex!.Message, Does.Contain("1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36"));
    }
}
