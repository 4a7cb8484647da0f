using System.Xml.Linq;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Reporting;

namespace PodLint.Tests.Reporting;

/// <summary>What the golden files of the concise, JUnit and GitHub formats cannot say on their own.</summary>
public class OtherFormatTests
{
    private static Diagnostic Finding(string message, Severity severity = Severity.Error, string file = "a/b.yaml", string? help = null)
    {
        var rule = new PodLinter().Rules.First(r => r.Id == RuleIds.InternalError);
        return new Diagnostic(rule, severity, message, new SourceSpan(file, 3, 5, 3, 9), "spec.x", new ObjectRef("Pod", "ns", "web"), help);
    }

    private static LintResult ResultOf(params Diagnostic[] diagnostics)
        => GoldenInput.With(new PodLinter().LintText("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: b}]\n", "a.yaml"),
            [.. diagnostics], []);

    [Test]
    public void GitHub_commands_escape_data_and_properties_as_the_runner_unescapes_them()
    {
        var writer = new StringWriter { NewLine = "\n" };
        new GitHubActionsReporter("/repo").Write(ResultOf(Finding("100% wrong:\r\nreally, yes", file: "dir,x/a:b%.yaml", help: "fix it")), writer);
        var line = writer.ToString().Split('\n')[0];
        Assert.That(line, Is.EqualTo("::error file=dir%2Cx/a%3Ab%25.yaml,line=3,col=5,endLine=3,endColumn=9,title=PL0014 internal-error::100%25 wrong:%0D%0Areally, yes%0Ahelp: fix it"));
    }

    [TestCase(Severity.Error, "error")]
    [TestCase(Severity.Warning, "warning")]
    [TestCase(Severity.Info, "notice")]
    public void GitHub_command_per_severity_with_notice_for_info(Severity severity, string command)
    {
        var writer = new StringWriter();
        new GitHubActionsReporter("/repo").Write(ResultOf(Finding("m", severity)), writer);
        Assert.That(writer.ToString(), Does.StartWith($"::{command} file=a/b.yaml,"));
    }

    [Test]
    public void Concise_line_is_file_line_column_severity_id_message()
    {
        Assert.That(ConciseReporter.Line(Finding("one\ntwo", Severity.Warning)), Is.EqualTo("a/b.yaml:3:5: warning[PL0014] one\\ntwo"));
    }

    [TestCase(Severity.Error, 1, 1)]
    [TestCase(Severity.Warning, 2, 1)]
    [TestCase(Severity.Info, 3, 1)]
    [TestCase(null, 0, 1)]
    public void JUnit_failures_follow_the_failure_threshold(Severity? failAt, int failures, int passingWithOutput)
    {
        var result = ResultOf(
            Finding("e") with { Object = new ObjectRef("Pod", null, "e") },
            Finding("w", Severity.Warning) with { Object = new ObjectRef("Pod", null, "w") },
            Finding("i", Severity.Info) with { Object = new ObjectRef("Pod", null, "i") });
        var writer = new StringWriter();
        new JUnitReporter(failAt, "/repo").Write(result, writer);
        var xml = XDocument.Parse(writer.ToString());
        var cases = xml.Descendants("testcase").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cases, Has.Count.EqualTo(3));
            Assert.That(cases.Count(c => c.Element("failure") is not null), Is.EqualTo(failures));
            Assert.That((int)xml.Root!.Attribute("failures")!, Is.EqualTo(failures));
            Assert.That((int)xml.Root.Attribute("tests")!, Is.EqualTo(3));
            Assert.That(cases.Count(c => c.Element("failure") is null && c.Element("system-out") is not null), Is.EqualTo(3 - failures));
            Assert.That(passingWithOutput, Is.EqualTo(1));
        }
    }

    [Test]
    public void JUnit_groups_the_findings_of_one_object_and_rule_in_one_test_case()
    {
        var result = ResultOf(Finding("first"), Finding("second") with { Span = new SourceSpan("a/b.yaml", 7, 1, 7, 2) });
        var writer = new StringWriter();
        new JUnitReporter(Severity.Error, "/repo").Write(result, writer);
        var testcase = XDocument.Parse(writer.ToString()).Descendants("testcase").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That((string?)testcase.Attribute("name"), Is.EqualTo("PL0014 internal-error: Pod ns/web"));
            Assert.That((string?)testcase.Attribute("classname"), Is.EqualTo("a/b.yaml"));
            Assert.That(testcase.Element("failure")!.Value, Does.Contain("a/b.yaml:3:5: error[PL0014] first").And.Contain("a/b.yaml:7:1: error[PL0014] second"));
        }
    }

    [Test]
    public void JUnit_of_a_clean_run_is_one_passing_test_case_and_control_characters_never_break_the_xml()
    {
        var clean = new StringWriter();
        new JUnitReporter().Write(ResultOf(), clean);
        var dirty = new StringWriter();
        new JUnitReporter().Write(ResultOf(Finding("bad \u0001\u001b byte \ud800 and 😀")), dirty);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(XDocument.Parse(clean.ToString()).Descendants("testcase").Select(c => (string?)c.Attribute("name")), Is.EqualTo(new[] { "no problems found" }));
            Assert.That(clean.ToString(), Does.StartWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
            Assert.That((string?)XDocument.Parse(dirty.ToString()).Descendants("failure").Single().Attribute("message"), Is.EqualTo("bad \ufffd\ufffd byte \ufffd and 😀"));
        }
    }
}
