using System.Diagnostics;
using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Benchmarks;

/// <summary>
/// A paired measurement of the target ratios, for noisy machines: the corpus operations run round-robin in
/// one process (in a rotating order), so a slow period of the machine slows all three alike, and the ratio is
/// taken per round. The
/// BenchmarkDotNet suite runs each benchmark's iterations back to back instead, which lets drift between
/// benchmarks into its Ratio column.
/// </summary>
internal static class PairedRatio
{
    public static void Run(int rounds)
    {
        var corpus = CorpusGenerator.Generate();
        var linter = new PodLinter();
        var oneCore = new PodLinter(new PodLintOptions { MaxDegreeOfParallelism = 1 });
        CorpusChecks.AssertClean(linter, corpus, CorpusGenerator.DefaultPodCount);
        var trees = LintBenchmarks.ParseAll(corpus, CorpusGenerator.DefaultPodCount / 10);
        var operations = new (string Name, Func<int> Run)[]
        {
            (nameof(LintBenchmarks.BareParserEvents), () => LintBenchmarks.CountEvents(corpus)),
            (nameof(LintBenchmarks.ParseToTypedModel), () => LintBenchmarks.BindAll(corpus, new List<Diagnostic>())),
            (nameof(LintBenchmarks.FullLint), () => linter.LintText(corpus, "bench.yaml").CheckedObjectCount),
            (nameof(LintBenchmarks.FullLintOneCore), () => oneCore.LintText(corpus, "bench.yaml").CheckedObjectCount),
            (nameof(LintBenchmarks.SchemaValidation), () => LintBenchmarks.ValidateAll(trees, 10)),
        };

        var times = operations.Select(_ => new List<double>()).ToArray();
        for (var round = -2; round < rounds; round++)
        {
            // Rotate the order each round, so that no operation always runs first or right after another.
            for (var k = 0; k < operations.Length; k++)
            {
                var i = (k + round + operations.Length) % operations.Length;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var sw = Stopwatch.StartNew();
                operations[i].Run();
                sw.Stop();
                if (round >= 0) times[i].Add(sw.Elapsed.TotalMilliseconds); // rounds -2 and -1 warm up
            }
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{rounds} rounds, round-robin in rotating order; per-operation median (min–max) for the corpus of {CorpusGenerator.DefaultPodCount:N0} documents:"));
        for (var i = 0; i < operations.Length; i++)
        {
            Console.WriteLine(string.Create(inv,
                $"  {operations[i].Name,-18} {Median(times[i]),8:F0} ms ({times[i].Min():F0}–{times[i].Max():F0}), {Median(times[i]) * 1000 / CorpusGenerator.DefaultPodCount,6:F1} us/document"));
        }

        for (var i = 1; i < operations.Length; i++)
        {
            var ratios = times[i].Zip(times[0], (x, b) => x / b).ToList();
            Console.WriteLine(string.Create(inv,
                $"  {operations[i].Name} / {operations[0].Name}: median of per-round ratios {Median(ratios):F3} (min {ratios.Min():F3}, max {ratios.Max():F3})"));
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
