using NUnit.Framework;
using System.Collections.Immutable;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Reporting;

/// <summary>
/// The one input of the format golden tests: two files under <c>Reporting/Golden</c> (a Pod, a Deployment, a Job and a
/// broken document) with errors, warnings and infos, named by relative paths so that the golden files do not depend on
/// the machine; one finding is suppressed by a `# podlint-disable-line` comment in <c>apps/web.yaml</c>.
/// </summary>
internal static class GoldenInput
{
    public const string SuppressedRule = "PL3007";

    public const string Justification = "the Prometheus Operator reads this port";

    public static readonly string[] Files = ["golden/apps/web.yaml", "golden/jobs/batch.yaml"];

    public static string Read(string name)
        => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "PodLint.Tests", "Reporting", "Golden", name["golden/".Length..]));

    public static LintResult Lint()
    {
        var linter = new PodLinter();
        var result = LintResult.Combine(Files.Select(f => linter.LintText(Read(f), f)));
        Assert.That(result.Suppressed.Select(d => (d.RuleId, d.Justification)), Is.EqualTo(new[] { (SuppressedRule, (string?)Justification) }),
            "the golden input suppresses one finding with a comment");
        return result;
    }

    /// <summary>The result with the findings that match moved to <see cref="LintResult.Suppressed"/>.</summary>
    public static LintResult Suppress(LintResult result, Func<Diagnostic, bool> match, string? justification, SourceSpan at)
    {
        var suppressed = result.Diagnostics.Where(match).Select(d => d with { SuppressedBy = new Suppression(SuppressionKind.LineComment, justification, at) });
        return With(result, [.. result.Diagnostics.Where(d => !match(d))], [.. result.Suppressed, .. suppressed]);
    }

    /// <summary>A result with the same counts, rules and sources, and the given findings.</summary>
    public static LintResult With(LintResult result, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<Diagnostic> suppressed)
    {
        var counts = new LintCounts
        {
            Files = result.FileCount,
            Documents = result.DocumentCount,
            NotKubernetesDocuments = result.NotKubernetesDocumentCount,
            SkippedFiles = result.SkippedFileCount,
            NotKubernetesInSkippedFiles = result.NotKubernetesDocumentsInSkippedFiles,
        };
        KindCounts.Add(counts.Checked, result.CheckedObjects);
        KindCounts.Add(counts.Skipped, result.SkippedObjects);
        return new LintResult(diagnostics, suppressed, result.Rules, result.Sources, counts);
    }
}
