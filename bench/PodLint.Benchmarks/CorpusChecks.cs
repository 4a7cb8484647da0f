using System.Globalization;
using System.Text;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Benchmarks;

/// <summary>Guards that the benchmarks measure the clean path: every object lints with no error or warning.</summary>
internal static class CorpusChecks
{
    public static void AssertClean(PodLinter linter, string text, int expectedPods)
    {
        var result = linter.LintText(text, "bench.yaml");
        var bad = result.Diagnostics.Where(d => d.Severity is Severity.Error or Severity.Warning).ToList();
        var diagnostics = new List<Diagnostic>();
        var bound = LintBenchmarks.BindAll(text, diagnostics);
        if (bad.Count == 0 && diagnostics.Count == 0 && result.CheckedObjectCount == expectedPods && bound == expectedPods) return;

        var message = new StringBuilder();
        message.Append(CultureInfo.InvariantCulture,
            $"the benchmark corpus is not clean: {result.CheckedObjectCount} objects linted and {bound} bound (expected {expectedPods}), ")
            .Append(CultureInfo.InvariantCulture, $"{result.ErrorCount} errors, {result.WarningCount} warnings, {diagnostics.Count} parse/bind findings");
        foreach (var d in bad.Concat(diagnostics).Take(5))
        {
            message.Append('\n').Append(CultureInfo.InvariantCulture, $"  {d.Span}: {d.Severity} {d.RuleId}: {d.Message} ({d.Path})");
        }

        throw new InvalidOperationException(message.ToString());
    }
}
