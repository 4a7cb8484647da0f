using System.Text.Json;
using ApprovalTests;
using ApprovalTests.Reporters;
using NUnit.Framework;

namespace PodLint.Cli.Tests;

[UseReporter(typeof(QuietReporter))]
public class CheckCommandTests(CliHost host) : CliTests(host)
{
    private const string ValidPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - name: web
              image: nginx:1.27.3
        """;

    private const string PortClash = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
            - {name: proxy, image: nginx:1.27.3, ports: [{containerPort: 8080}]}
            - {name: app, image: shop/app:1.0, ports: [{containerPort: 8080}]}
        """;

    [Test]
    public async Task Examples_report_the_broken_files_with_positions_and_exit_1()
    {
        var run = await RunAsync(["check", CliRunner.Examples, "--no-color"]);
        var output = CliRunner.Normalize(run.Out);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Error, Is.Empty);
            Assert.That(output, Does.Contain("--> examples/broken-proxy-port-clash.yaml:35:26"));
            Assert.That(output, Does.Contain("--> examples/broken-duplicate-container-name.yaml:23:13"));
            Assert.That(output, Does.Contain("--> examples/broken-missing-image.yaml:20:13"));
            Assert.That(output, Does.Contain("--> examples/broken-wrong-type.yaml:17:26"));
            Assert.That(output, Does.Contain("--> examples/broken-duplicate-key.yaml:18:7"));
            Assert.That(output, Does.Contain("--> examples/broken-invalid-yaml.yaml:25:6"));
            Assert.That(output, Does.Contain("--> examples/broken-invalid-yaml.yaml:35:13"));
            Assert.That(output, Does.Not.Contain("examples/valid-"), "the valid examples must be clean");
        }

        Approvals.Verify(output);
    }

    [Test]
    public async Task Every_valid_example_is_clean_and_exits_0()
    {
        var valid = Directory.GetFiles(CliRunner.Examples, "valid-*");
        Assert.That(valid, Has.Length.GreaterThanOrEqualTo(5));
        var run = await RunAsync(["check", .. valid]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Out);
            Assert.That(run.Out, Does.StartWith("No problems found in " + valid.Length + " files"));
        }
    }

    [Test]
    public async Task Warnings_alone_exit_0_and_errors_exit_1()
    {
        var warning = await RunAsync(["check", "-"], PortClash);
        var error = await RunAsync(["check", "-", "--severity", "PL3001=error"], PortClash);
        var off = await RunAsync(["check", "-", "--severity", "duplicate-container-port=off"], PortClash);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(warning.ExitCode, Is.EqualTo(0));
            Assert.That(warning.Out, Does.Contain("warning[PL3001]"));
            Assert.That(error.ExitCode, Is.EqualTo(1));
            Assert.That(error.Out, Does.Contain("error[PL3001]"));
            Assert.That(off.ExitCode, Is.EqualTo(0));
            Assert.That(off.Out, Does.StartWith("No problems found"));
        }
    }

    [Test]
    public async Task Stdin_is_read_with_dash_and_shown_with_a_code_frame()
    {
        var run = await RunAsync(["check", "-"], "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: \"\"\n");
        var named = await RunAsync(["check", "-", "--stdin-filename", "k8s/pod.yaml"], "kind: Pod\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Out, Does.Contain("--> <stdin>:7:14"));
            Assert.That(run.Out, Does.Contain("7 |       image: \"\""));
            Assert.That(run.Out, Does.Contain("  |              ^^"));
            Assert.That(named.Out, Does.Contain("--> k8s/pod.yaml:1:1"));
            Assert.That(named.Out, Does.Contain("error[PL0005]"));
        }
    }

    [Test]
    public async Task Files_and_stdin_can_be_combined()
    {
        var run = await RunAsync(["check", Path.Combine(CliRunner.Examples, "valid-nginx.yaml"), "-"], PortClash);
        Assert.That(run.Out, Does.Contain("(2 Pods checked)"));
    }

    [Test]
    public async Task Json_format_prints_the_versioned_envelope()
    {
        var run = await RunAsync(["check", "-", "--format", "json"], PortClash);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(0));
            Assert.That(root.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("tool").GetProperty("name").GetString(), Is.EqualTo("podlint"));
            Assert.That(root.GetProperty("summary").GetProperty("warnings").GetInt32(), Is.EqualTo(1));
            var d = root.GetProperty("diagnostics")[0];
            Assert.That(d.GetProperty("ruleId").GetString(), Is.EqualTo("PL3001"));
            Assert.That(d.GetProperty("start").GetProperty("line").GetInt32(), Is.EqualTo(7));
            Assert.That(d.GetProperty("path").GetString(), Is.EqualTo("spec.containers[1].ports[0].containerPort"));
            Assert.That(d.GetProperty("related")[0].GetProperty("start").GetProperty("line").GetInt32(), Is.EqualTo(6));
        }
    }

    [Test]
    public async Task Output_option_writes_the_report_to_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"podlint-{Guid.NewGuid():N}.json");
        try
        {
            var run = await RunAsync(["check", "-", "--format", "json", "--output", file], PortClash);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(run.Out, Is.Empty);
                Assert.That(File.ReadAllText(file), Does.Contain("\"ruleId\": \"PL3001\""));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Unwritable_output_is_exit_2()
    {
        var run = await RunAsync(["check", "-", "--output", "/nonexistent-dir/x/report.txt"], ValidPod);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.StartWith("error: cannot write"));
        }
    }

    [Test]
    public async Task Colour_only_on_a_terminal_without_no_color()
    {
        var terminal = await RunAsync(["check", "-"], PortClash, terminal: true);
        var flag = await RunAsync(["check", "-", "--no-color"], PortClash, terminal: true);
        var env = await RunAsync(["check", "-"], PortClash, terminal: true, env: new() { ["NO_COLOR"] = "1" });
        var redirected = await RunAsync(["check", "-"], PortClash, terminal: false);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(terminal.Out.Contains('\u001b', StringComparison.Ordinal), Is.True);
            Assert.That(flag.Out.Contains('\u001b', StringComparison.Ordinal), Is.False);
            Assert.That(env.Out.Contains('\u001b', StringComparison.Ordinal), Is.False);
            Assert.That(redirected.Out.Contains('\u001b', StringComparison.Ordinal), Is.False);
        }
    }

    [Test]
    public async Task Missing_file_is_a_finding_and_exit_1()
    {
        var run = await RunAsync(["check", "no/such/pod.yaml"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.Out, Does.Contain("error[PL0011]: cannot read `no/such/pod.yaml`: no such file or directory"));
            Assert.That(run.Out, Does.Contain("--> no/such/pod.yaml:1:1"));
        }
    }

    [Test]
    public async Task Kubernetes_version_selects_the_schema()
    {
        const string PodLevelResources = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  resources: {limits: {cpu: \"1\"}}\n  containers: [{name: web, image: nginx}]\n";
        var old = await RunAsync(["check", "-", "--kubernetes-version", "1.30"], PodLevelResources);
        var newest = await RunAsync(["check", "-"], PodLevelResources);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(old.ExitCode, Is.EqualTo(1));
            Assert.That(old.Out, Does.Contain("error[PL1002]: `spec.resources` is not available before Kubernetes 1.32 (selected: 1.30)"));
            Assert.That(old.Out, Does.Contain("--> <stdin>:5:3"));
            Assert.That(newest.ExitCode, Is.EqualTo(0));
        }
    }

    [TestCase(new[] { "check", "-", "--kubernetes-version", "1.28" }, "supported versions: 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36")]
    [TestCase(new[] { "check", "-", "--format", "xml" }, "xml")]
    [TestCase(new[] { "check", "-", "--bogus" }, "--bogus")]
    [TestCase(new[] { "frobnicate" }, "frobnicate")]
    [TestCase(new[] { "check" }, "no paths given")]
    [TestCase(new[] { "check", "-", "--severity", "PL9999=off" }, "unknown rule `PL9999`")]
    [TestCase(new[] { "check", "-", "--severity", "PL3001" }, "invalid --severity")]
    [TestCase(new[] { "check", "-", "--severity", "PL3001=loud" }, "invalid --severity")]
    [TestCase(new[] { "check", "-", "-" }, "only once")]
    public async Task Usage_errors_exit_2_with_a_message_and_no_stack_trace(string[] args, string expected)
    {
        var run = await RunAsync(args, ValidPod);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.Contain(expected));
            Assert.That(run.Error, Does.Not.Contain("   at "));
        }
    }
}
