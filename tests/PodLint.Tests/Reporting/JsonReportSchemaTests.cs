using NJsonSchema;
using NUnit.Framework;
using PodLint.Engine;
using PodLint.Reporting;

namespace PodLint.Tests.Reporting;

public class JsonReportSchemaTests
{
    private static async Task<JsonSchema> Schema()
        => await JsonSchema.FromFileAsync(Path.Combine(RepositoryPaths.Schemas, "podlint-report.schema.json"));

    [Test]
    public async Task Report_of_the_golden_fixture_conforms_to_the_published_schema()
    {
        var writer = new StringWriter();
        new JsonReporter().Write(ReporterGoldenTests.Lint(), writer);
        var errors = (await Schema()).Validate(writer.ToString());
        Assert.That(errors.Select(e => $"{e.Path}: {e.Kind}"), Is.Empty);
    }

    [Test]
    public async Task Report_of_the_examples_conforms_to_the_published_schema()
    {
        var result = await new PodLinter().LintPathsAsync([RepositoryPaths.Examples]);
        var writer = new StringWriter();
        new JsonReporter().Write(result, writer);
        var errors = (await Schema()).Validate(writer.ToString());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Select(e => $"{e.Path}: {e.Kind}"), Is.Empty);
            Assert.That(result.Diagnostics, Is.Not.Empty);
        }
    }

    [Test]
    public async Task Schema_rejects_a_report_that_breaks_the_contract()
    {
        // Guards the test above against a schema that accepts anything.
        var errors = (await Schema()).Validate("""{"schemaVersion": 1, "tool": {"name": "podlint", "version": "1"}, "summary": {}, "diagnostics": [{"ruleId": "X1"}]}""");
        Assert.That(errors, Is.Not.Empty);
    }
}
