using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2050InvalidProbeOrHookTests
{
    private static List<Diagnostic> Lint(string container, string? version = null, string pod = "")
        => RuleAssert.FindingsInSpec("PL2050", pod + "  containers:\n    - name: web\n      image: nginx\n" + container, version);

    [Test]
    public void A_probe_without_handler_is_required_at_its_key()
    {
        var found = Lint("      livenessProbe:\n        periodSeconds: 5\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message, d.Help)), Is.EqualTo(new (string?, ApiErrorType?, string, string?)[]
        {
            ("spec.containers[0].livenessProbe", ApiErrorType.Required, "`livenessProbe` must specify a handler type",
                "give it one of `exec`, `httpGet`, `tcpSocket` or `grpc`"),
        }));
    }

    [Test]
    public void Every_handler_after_the_first_is_forbidden_in_the_servers_order()
    {
        var found = Lint("      readinessProbe:\n        grpc: {port: 0}\n        tcpSocket: {port: 80}\n        exec: {command: [x]}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string?, ApiErrorType?, string)[]
        {
            ("spec.containers[0].readinessProbe.grpc", ApiErrorType.Forbidden, "`readinessProbe` may not specify more than 1 handler type: `grpc` after `exec`"),
            ("spec.containers[0].readinessProbe.tcpSocket", ApiErrorType.Forbidden, "`readinessProbe` may not specify more than 1 handler type: `tcpSocket` after `exec`"),
        }));
    }

    [Test]
    public void Negative_numbers_and_success_threshold_follow_the_server()
    {
        // TestValidateContainers: every numeric field negative gives 5 × "must be greater than or equal to 0", the
        // probe's grace period "must be greater than 0", and "must be 1".
        var found = Lint("      livenessProbe:\n        exec: {command: [x]}\n        initialDelaySeconds: -1\n        timeoutSeconds: -1\n"
            + "        periodSeconds: -1\n        successThreshold: -1\n        failureThreshold: -1\n        terminationGracePeriodSeconds: -1\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Has.Count.EqualTo(7));
            Assert.That(found.Select(d => d.ErrorType), Is.All.EqualTo(ApiErrorType.Invalid));
            Assert.That(found.Select(d => d.Message), Does.Contain("`livenessProbe.initialDelaySeconds: -1` must be greater than or equal to 0"));
            Assert.That(found.Select(d => d.Message), Does.Contain("`livenessProbe.terminationGracePeriodSeconds: -1` must be greater than 0"));
            Assert.That(found.Select(d => d.Message), Does.Contain("`livenessProbe.successThreshold: -1` must be 1"));
        }
    }

    [TestCase("livenessProbe", "2", 1)]
    [TestCase("startupProbe", "2", 1)]
    [TestCase("readinessProbe", "2", 0)]
    [TestCase("livenessProbe", "0", 0)]
    [TestCase("startupProbe", "1", 0)]
    public void Success_threshold_of_liveness_and_startup_probes_is_one_after_defaulting(string probe, string value, int expected)
    {
        var found = Lint($"      {probe}:\n        tcpSocket: {{port: 80}}\n        successThreshold: {value}\n");
        Assert.That(found, Has.Count.EqualTo(expected));
        if (expected == 1) Assert.That(found[0].Message, Is.EqualTo($"`{probe}.successThreshold: {value}` must be 1"));
    }

    [Test]
    public void A_readiness_probe_with_a_non_positive_grace_period_gets_both_errors()
    {
        var found = Lint("      readinessProbe:\n        exec: {command: [x]}\n        terminationGracePeriodSeconds: -1\n");
        Assert.That(found.Select(d => (d.Path, d.Message)), Is.EquivalentTo(new (string?, string)[]
        {
            ("spec.containers[0].readinessProbe.terminationGracePeriodSeconds", "`readinessProbe.terminationGracePeriodSeconds` must not be set for readinessProbes"),
            ("spec.containers[0].readinessProbe.terminationGracePeriodSeconds", "`readinessProbe.terminationGracePeriodSeconds: -1` must be greater than 0"),
        }));
    }

    [Test]
    public void Handler_fields_use_the_servers_details()
    {
        var found = Lint("      livenessProbe:\n        httpGet:\n          port: \"\"\n          scheme: http\n          httpHeaders: [{name: \"Host:\", value: x}]\n"
            + "      startupProbe:\n        exec: {command: []}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EqualTo(new (string?, ApiErrorType?)[]
            {
                ("spec.containers[0].livenessProbe.httpGet.port", ApiErrorType.Invalid),
                ("spec.containers[0].livenessProbe.httpGet.port", ApiErrorType.Invalid),
                ("spec.containers[0].livenessProbe.httpGet.scheme", ApiErrorType.NotSupported),
                ("spec.containers[0].livenessProbe.httpGet.httpHeaders", ApiErrorType.Invalid),
                ("spec.containers[0].startupProbe.exec.command", ApiErrorType.Required),
            }));
            Assert.That(found.Take(2).Select(d => d.Message), Is.EquivalentTo(new[]
            {
                "`livenessProbe.httpGet.port: \"\"` is invalid: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "`livenessProbe.httpGet.port: \"\"` is invalid: must contain at least one letter (a-z)",
            }));
            Assert.That(found[2].Message, Is.EqualTo("`livenessProbe.httpGet.scheme: http` is not supported (supported values: `HTTP`, `HTTPS`)"));
            Assert.That(found[2].Help, Is.EqualTo("write `HTTP`: the values are case-sensitive"));
            Assert.That(found[3].Message, Does.StartWith("header name `Host:` of `livenessProbe` is invalid: a valid HTTP header must consist of alphanumeric characters or '-'"));
            Assert.That(found[4].Message, Is.EqualTo("`startupProbe.exec.command` is required"));
        }
    }

    [Test]
    public void Defaulted_values_are_not_reported()
        => Assert.That(Lint("      livenessProbe:\n        httpGet: {path: \"\", scheme: \"\", port: 80}\n        timeoutSeconds: 0\n        successThreshold: 0\n"), Is.Empty);

    [Test]
    public void A_hook_without_handler_or_with_two()
    {
        var found = Lint("      lifecycle:\n        postStart: {}\n        preStop:\n          httpGet: {port: 80}\n          sleep: {seconds: 1}\n");
        Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string?, ApiErrorType?, string)[]
        {
            ("spec.containers[0].lifecycle.postStart", ApiErrorType.Required, "`lifecycle.postStart` must specify a handler type"),
            ("spec.containers[0].lifecycle.preStop.sleep", ApiErrorType.Forbidden, "`lifecycle.preStop` may not specify more than 1 handler type: `sleep` after `httpGet`"),
        }));
        Assert.That(found[0].Help, Is.EqualTo("give it one of `exec`, `httpGet` or `sleep`"));
    }

    [TestCase("1.30", "0", "must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.")]
    [TestCase("1.32", "31", "must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.")]
    [TestCase("1.33", "31", "must be non-negative and less than terminationGracePeriodSeconds (30)")]
    [TestCase("1.36", "-1", "must be non-negative and less than terminationGracePeriodSeconds (30)")]
    public void Sleep_is_bounded_by_the_defaulted_grace_period(string version, string seconds, string detail)
    {
        var found = Lint($"      lifecycle:\n        preStop:\n          sleep: {{seconds: {seconds}}}\n", version);
        Assert.That(found, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Path, Is.EqualTo("spec.containers[0].lifecycle.preStop.sleep"));
            Assert.That(found[0].ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(found[0].Message, Is.EqualTo($"`lifecycle.preStop.sleep.seconds: {seconds}` {detail}"));
        }
    }

    [TestCase("1.32", 1)]
    [TestCase("1.33", 0)]
    [TestCase("1.34", 0)]
    public void Sleep_zero_is_allowed_from_1_33(string version, int expected)
        => Assert.That(Lint("      lifecycle:\n        preStop:\n          sleep: {seconds: 0}\n", version), Has.Count.EqualTo(expected));

    [Test]
    public void Sleep_uses_the_pods_own_grace_period()
    {
        Assert.That(Lint("      lifecycle:\n        preStop:\n          sleep: {seconds: 100}\n", pod: "  terminationGracePeriodSeconds: 100\n"), Is.Empty);
        Assert.That(Lint("      lifecycle:\n        preStop:\n          sleep: {seconds: 11}\n", pod: "  terminationGracePeriodSeconds: 10\n")[0].Message,
            Is.EqualTo("`lifecycle.preStop.sleep.seconds: 11` must be non-negative and less than terminationGracePeriodSeconds (10)"));
    }

    [TestCase("1.29", 0)]
    [TestCase("1.30", 1)]
    public void Sleep_is_dropped_in_1_29(string version, int expected)
        => Assert.That(Lint("      lifecycle:\n        preStop:\n          sleep: {seconds: 0}\n", version), Has.Count.EqualTo(expected));

    [Test]
    public void Native_sidecars_are_checked_and_plain_init_containers_are_not()
    {
        var found = RuleAssert.FindingsInSpec("PL2050", "  initContainers:\n    - name: side\n      image: envoy\n      restartPolicy: Always\n      livenessProbe: {}\n"
            + "    - name: init\n      image: busybox\n      livenessProbe: {}\n  containers:\n    - {name: web, image: nginx}\n");
        Assert.That(found.Select(d => d.Path), Is.EqualTo(new[] { "spec.initContainers[0].livenessProbe" }));
    }

    [Test]
    public void An_undeclared_port_name_is_left_to_PL3003()
        => Assert.That(Lint("      livenessProbe:\n        httpGet: {port: metrics}\n"), Is.Empty);

    [Test]
    public void The_empty_path_default_makes_the_required_check_unreachable()
        => Assert.That(RuleAssert.FindingsInSpec("PL2050", "  containers:\n    - name: web\n      image: nginx\n      readinessProbe:\n        httpGet: {path: \"\", port: 80}\n"), Is.Empty);
}
