using System.Collections.Immutable;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Reporting;

namespace PodLint.Tests.Reporting;

/// <summary>
/// The machine reports are written as they are produced: the writer receives the report in small pieces, and writing
/// it allocates less than the report's own size (the former JSON reporter built the whole report in a buffer, then a
/// string: about five times its size, on top of the findings). Deterministic: counts characters and allocated bytes,
/// never time.
/// </summary>
public class StreamingReportTests
{
    private const int Findings = 20_000;

    /// <summary>A writer that keeps nothing: it counts what it receives and the largest single write.</summary>
    private sealed class CountingWriter : TextWriter
    {
        public long Chars { get; private set; }

        public int LargestWrite { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Count(1);

        public override void Write(char[] buffer, int index, int count) => Count(count);

        public override void Write(ReadOnlySpan<char> buffer) => Count(buffer.Length);

        public override void Write(string? value) => Count(value?.Length ?? 0);

        private void Count(int n)
        {
            Chars += n;
            LargestWrite = Math.Max(LargestWrite, n);
        }
    }

    private static LintResult Many()
    {
        var result = new PodLinter().LintText("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: a, image: b}]\n", "a.yaml");
        var rule = result.Rules.First(r => r.Descriptor.Id == RuleIds.DuplicateContainerPort).Descriptor;
        var related = ImmutableArray.Create(new RelatedLocation(new SourceSpan("deploy/many.yaml", 1, 3, 1, 7), "first declared here, by `proxy`", "spec.containers[0].ports[0].containerPort"));
        var diagnostics = Enumerable.Range(1, Findings).Select(i => new Diagnostic(rule, Severity.Warning,
            $"container port `{i}/TCP` of `app` is already declared by `proxy`", new SourceSpan("deploy/many.yaml", i + 1, 26, i + 1, 30),
            $"spec.containers[1].ports[{i}].containerPort", new ObjectRef("Pod", "shop", "web"), "give `app` another port", related));
        return GoldenInput.With(result, [.. diagnostics], []);
    }

    private static IEnumerable<TestCaseData> Reporters()
    {
        yield return new TestCaseData(new JsonReporter()).SetArgDisplayNames("json");
        yield return new TestCaseData(new SarifReporter(baseDirectory: "/repo")).SetArgDisplayNames("sarif");
    }

    [TestCaseSource(nameof(Reporters))]
    public void Report_is_written_in_small_pieces_and_allocates_less_than_its_size(IReporter reporter)
    {
        var result = Many();
        var warmUp = new CountingWriter();
        reporter.Write(result, warmUp);

        var writer = new CountingWriter();
        var before = GC.GetAllocatedBytesForCurrentThread();
        reporter.Write(result, writer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var reportBytes = writer.Chars * sizeof(char);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(writer.Chars, Is.GreaterThan(Findings * 300L), "the report holds every finding");
            Assert.That(writer.LargestWrite, Is.LessThanOrEqualTo(4096), "the writer gets the report piece by piece, never whole");
            Assert.That(allocated, Is.LessThan(reportBytes / 2), $"allocated {allocated:N0} bytes for a report of {reportBytes:N0}");
        }
    }
}

/// <summary>The adapter that lets a UTF-8 JSON writer write into any text writer.</summary>
public class TextWriterStreamTests
{
    [Test]
    public void Characters_split_between_writes_are_decoded_whole()
    {
        const string text = "a😀é日本\n" + "x";
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(text, 3000)));
        var writer = new StringWriter();
        using (var stream = new TextWriterStream(writer))
        {
            // One byte at a time, then in odd-sized pieces larger than the stream's char buffer.
            foreach (var b in bytes.AsSpan(0, 64)) stream.Write([b]);
            for (var i = 64; i < bytes.Length; i += 5003) stream.Write(bytes.AsSpan(i, Math.Min(5003, bytes.Length - i)));
        }

        Assert.That(writer.ToString(), Is.EqualTo(string.Concat(Enumerable.Repeat(text, 3000))));
    }
}
