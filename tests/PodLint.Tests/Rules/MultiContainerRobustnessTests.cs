using System.Text;
using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Rules.MultiContainer;

namespace PodLint.Tests.Rules;

/// <summary>
/// The multi-container rules read free text: shell scripts in <c>command</c>/<c>args</c>, addresses in env values,
/// quantities. Text a user writes can be anything, so random scripts made of shell's own tokens (unbalanced quotes,
/// loops without <c>done</c>, stray <c>;;</c>, addresses without ports …) must never make a rule throw: PodLint would
/// then report an internal error (PL0014) instead of the Pod's findings. Deterministic: a fixed seed.
/// </summary>
public class MultiContainerRobustnessTests
{
    private static readonly string[] Tokens =
    [
        "sleep", "infinity", "86400", "inf", "tail", "-f", "-F", "--pid=1", "/var/log/app.log", "while", "until", "true", "false",
        ":", "[", "]", "[[", "]]", "1", "do", "done", "if", "then", "else", "fi", "case", "esac", "in", ";;", ";", "&&", "||", "|",
        "&", "wait", "exit", "break", "return", "kill", "(", ")", "{", "}", "\"", "'", "\\", "$(", "`", "#", "\n", "  ", "sh", "-c",
        "bash", "nc", "-z", "localhost", "127.0.0.1", "[::1]", "localhost:8080", "http://localhost:15000/ready", "127.0.0.1:",
        ":99999", "localhost:0", "/dev/tcp/localhost/8080", "curl", "-X", "POST", "quitquitquit", "linkerd-await", "--shutdown",
        "--", "scuttle", "kubexit", "=", "--listen=127.0.0.1:9000", "exec", "env", "nohup", "timeout", "10", "ééé", "\t",
    ];

    [Test]
    public void Random_scripts_in_every_container_role_never_make_a_rule_throw()
    {
        var random = new Random(20261201);
        var linter = new PodLinter();
        var failures = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var yaml = Pod(Script(random), Script(random), Script(random), Script(random));
            var result = linter.LintText(yaml, "pod.yaml");
            var errors = result.Diagnostics.Where(d => d.RuleId == RuleIds.InternalError || d.RuleId == RuleIds.InvalidYaml).ToList();
            if (errors.Count > 0) failures.Add(errors[0].Message + "\n" + yaml);
        }

        Assert.That(failures, Is.Empty, () => failures[0]);
    }

    [Test]
    public void Random_scripts_parse_without_throwing()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var script = Script(random);
            Assert.DoesNotThrow(() => ShellScript.Parse(script), script);
        }
    }

    private static string Script(Random random)
    {
        var sb = new StringBuilder();
        var n = random.Next(1, 25);
        for (var i = 0; i < n; i++) sb.Append(Tokens[random.Next(Tokens.Length)]).Append(random.Next(3) == 0 ? "" : " ");
        return sb.ToString();
    }

    /// <summary>A Pod with a plain init container, a native sidecar and two app containers, each running a script; the
    /// scripts are written as JSON strings so that any text stays valid YAML.</summary>
    private static string Pod(string init, string sidecar, string app, string helper) => $$$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: fuzz}
        spec:
          restartPolicy: Never
          initContainers:
            - {name: init, image: busybox:1.36, command: ["sh", "-c", {{{Json(init)}}}], ports: [{containerPort: 8080}]}
            - name: sidecar
              image: envoyproxy/envoy:v1.32.1
              restartPolicy: Always
              args: [{{{Json(sidecar)}}}]
              ports: [{containerPort: 15000}]
          containers:
            - name: app
              image: shop/app:1.0
              command: ["bash", "-c", {{{Json(app)}}}]
              env: [{name: URL, value: {{{Json(app)}}}}]
              ports: [{containerPort: 9000, name: http}]
              livenessProbe: {httpGet: {path: /, port: 15000}}
            - {name: helper, image: fluent/fluent-bit:3.2.2, args: [{{{Json(helper)}}}]}
        """;

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
