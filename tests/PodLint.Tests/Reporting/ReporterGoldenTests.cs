using ApprovalTests;
using ApprovalTests.Reporters;
using NUnit.Framework;
using PodLint.Engine;
using PodLint.Reporting;

namespace PodLint.Tests.Reporting;

/// <summary>
/// Golden tests of the rendered reports (Clippy's .stderr, Ruff's snapshots): reviewers read the real output.
/// The fixture has a non-ASCII line before a finding to pin the column unit (UTF-16 code units).
/// </summary>
[UseReporter(typeof(QuietReporter))]
public class ReporterGoldenTests
{
    internal const string Fixture = """
        # Fixture for the reporter golden tests.
        apiVersion: v1
        kind: Pod
        metadata:
          name: café-proxy # 😀 non-ASCII before a value
          namespace: shop
          annotations: {note: "日本語 😀", owner: "team-é"}
        spec:
          containers:
            - name: proxy
              image: nginx:1.27.3
              ports:
                - containerPort: 8080
            - name: app
              image: ""
              ports:
                - {name: "http-😀", containerPort: 8080}
                - containerPort: eighty
            - name: proxy
              image: shop/app:1.0
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers: [{name: web, image: nginx:1.27}]
        ---
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: broken}
        spec:
          containers: [{name: a, image: b]
        """;

    internal static LintResult Lint() => new PodLinter().LintText(Fixture, "deploy/pod.yaml");

    [Test]
    public void Text_report()
    {
        var writer = new StringWriter { NewLine = "\n" };
        new TextReporter(useColor: false).Write(Lint(), writer);
        Approvals.Verify(writer.ToString());
    }

    [Test]
    public void Json_report()
    {
        var writer = new StringWriter { NewLine = "\n" };
        new JsonReporter(new ToolInfo("podlint", "0.0.0-test")).Write(Lint(), writer);
        Approvals.Verify(writer.ToString());
    }

    [Test]
    public void Colored_text_report_wraps_labels_in_ansi_codes_only_when_asked()
    {
        var plain = new StringWriter();
        var colored = new StringWriter();
        new TextReporter(useColor: false).Write(Lint(), plain);
        new TextReporter(useColor: true).Write(Lint(), colored);
        using (Assert.EnterMultipleScope())
        {
            // Ordinal: culture-aware comparison ignores the ESC control character.
            Assert.That(plain.ToString().Contains('\u001b', StringComparison.Ordinal), Is.False);
            Assert.That(colored.ToString().Contains("\u001b[1;31merror[PL2001]\u001b[0m", StringComparison.Ordinal), Is.True);
            Assert.That(colored.ToString().Contains("\u001b[1;33mwarning[PL3001]\u001b[0m", StringComparison.Ordinal), Is.True);
        }
    }

    [Test]
    public void Summary_line_counts_and_pluralises()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TextReporter.Summary(Lint()), Is.EqualTo("Found 7 errors, 1 warning and 1 info finding in 1 file (1 Pod and 1 Deployment checked; 1 object of another kind skipped)."));
            Assert.That(TextReporter.Summary(new PodLinter().LintText("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: b}]\n")),
                Is.EqualTo("No problems found in 1 file (1 Pod checked)."));
        }
    }
}
