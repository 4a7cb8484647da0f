using System.Globalization;
using System.Text;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Benchmarks;

/// <summary>Describes the generated corpus (for the README) and optionally writes it to a file.</summary>
internal static class CorpusStats
{
    public static void Print(string? writeTo)
    {
        var corpus = CorpusGenerator.Generate();
        var docs = CorpusGenerator.SplitDocuments(corpus);
        var lines = docs.Select(CorpusGenerator.CountLines).Order().ToList();
        var typical = CorpusGenerator.TypicalPod(corpus);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"documents: {docs.Count}"));
        Console.WriteLine(string.Create(inv, $"chars: {corpus.Length:N0} ({Encoding.UTF8.GetByteCount(corpus):N0} UTF-8 bytes), lines: {CorpusGenerator.CountLines(corpus):N0}"));
        Console.WriteLine(string.Create(inv, $"lines per document: min {lines[0]}, median {lines[lines.Count / 2]}, mean {lines.Average():F1}, max {lines[^1]}"));
        var objects = LintBenchmarks.BindObjects(corpus, []).ToList();
        Console.WriteLine(string.Create(inv, $"kinds: {string.Join(", ", objects.GroupBy(o => o.Kind.Value).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}"));
        var pods = objects.Select(o => PodLint.Objects.Workloads.PodOf(o).Spec!).ToList();
        Console.WriteLine(string.Create(inv, $"with initContainers: {pods.Count(p => p.InitContainers.Count > 0)}, with a native sidecar: {pods.Count(p => p.InitContainers.Any(c => c.Role == ContainerRole.NativeSidecar))}"));
        Console.WriteLine(string.Create(inv, $"containers per Pod (init included): {string.Join(", ", pods.GroupBy(p => p.AllContainers.Count).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}"));
        Console.WriteLine(string.Create(inv, $"JSON-style: {docs.Count(d => d.StartsWith("---\n{", StringComparison.Ordinal))}"));
        Console.WriteLine(string.Create(inv, $"with flow collections: {docs.Count(d => d.Contains(": {", StringComparison.Ordinal) || d.Contains(": [", StringComparison.Ordinal))}"));
        Console.WriteLine(string.Create(inv, $"typical pod: {CorpusGenerator.CountLines(typical)} lines, {typical.Length} chars"));
        Console.WriteLine(typical);
        if (writeTo is not null) File.WriteAllText(writeTo, corpus);
        var linter = new PodLint.Engine.PodLinter();
        CorpusChecks.AssertClean(linter, corpus, docs.Count);
        CorpusChecks.AssertClean(linter, typical, 1);
        Console.WriteLine("lint: clean (no error or warning, every document bound as the object of its kind)");
    }

    /// <summary>bench/BenchmarkDotNet.Artifacts, found from the build output folder (bench/PodLint.Benchmarks/bin/…).</summary>
    public static string ArtifactsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PodLint.Benchmarks.csproj")))
            {
                return Path.Combine(dir.Parent!.FullName, "BenchmarkDotNet.Artifacts");
            }
        }

        return Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts");
    }
}
