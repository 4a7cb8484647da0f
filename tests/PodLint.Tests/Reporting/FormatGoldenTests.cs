using System.Text.Json.Nodes;
using ApprovalTests;
using ApprovalTests.Reporters;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Reporting;
using PodLint.Rules;

namespace PodLint.Tests.Reporting;

/// <summary>
/// Golden files of every report format on one input (<see cref="GoldenInput"/>: two files, several objects, errors,
/// warnings, infos and a suppressed finding). Reviewers read the real output.
/// </summary>
[UseReporter(typeof(QuietReporter))]
public class FormatGoldenTests
{
    /// <summary>The folder <c>%SRCROOT%</c> names in the SARIF golden: any absolute folder will do, the files are relative.</summary>
    internal const string BaseDirectory = "/src/manifests";

    internal static string Render(IReporter reporter, LintResult? result = null)
    {
        var writer = new StringWriter { NewLine = "\n" };
        reporter.Write(result ?? GoldenInput.Lint(), writer);
        return writer.ToString();
    }

    internal static string RenderSarif(LintResult? result = null)
        => Render(new SarifReporter(new ToolInfo("podlint", "0.0.0-test"), BaseDirectory, exitCode: 1), result);

    [Test]
    public void Text() => Approvals.Verify(Render(new TextReporter()));

    [Test]
    public void Concise() => Approvals.Verify(Render(new ConciseReporter()));

    [Test]
    public void Json() => Approvals.Verify(Render(new JsonReporter(new ToolInfo("podlint", "0.0.0-test"))));

    [Test]
    public void Junit() => Approvals.Verify(Render(new JUnitReporter(Severity.Error, BaseDirectory)));

    [Test]
    public void Github() => Approvals.Verify(Render(new GitHubActionsReporter(BaseDirectory)));

    [Test]
    public void Sarif()
    {
        // The rule pages (help.markdown) are replaced by their name: they are the files in rules/, compared whole below,
        // and would make every page edit a change of this golden file.
        var log = JsonNode.Parse(RenderSarif())!;
        foreach (var rule in log["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray())
        {
            var help = rule!["help"]!.AsObject();
            Assert.That(RuleDocumentation.TryGetPage(rule["id"]!.GetValue<string>(), out var page), Is.True);
            Assert.That(help["markdown"]!.GetValue<string>(), Is.EqualTo(page));
            help["markdown"] = $"<rules/{rule["id"]}.md>";
        }

        Approvals.Verify(log.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }
}
