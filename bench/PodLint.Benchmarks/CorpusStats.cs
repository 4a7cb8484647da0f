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
        Console.WriteLine(string.Create(inv, $"pods: {docs.Count}"));
        Console.WriteLine(string.Create(inv, $"chars: {corpus.Length:N0} ({Encoding.UTF8.GetByteCount(corpus):N0} UTF-8 bytes), lines: {CorpusGenerator.CountLines(corpus):N0}"));
        Console.WriteLine(string.Create(inv, $"lines per pod: min {lines[0]}, median {lines[lines.Count / 2]}, mean {lines.Average():F1}, max {lines[^1]}"));
        var pods = BindAll(corpus);
        Console.WriteLine(string.Create(inv, $"with initContainers: {pods.Count(p => p.Spec.Value!.InitContainers.Count > 0)}, with a native sidecar: {pods.Count(p => p.Spec.Value!.InitContainers.Any(c => c.Role == ContainerRole.NativeSidecar))}"));
        Console.WriteLine(string.Create(inv, $"containers per Pod (init included): {string.Join(", ", pods.GroupBy(p => p.Spec.Value!.AllContainers.Count).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"))}"));
        Console.WriteLine(string.Create(inv, $"JSON-style: {docs.Count(d => d.StartsWith("---\n{", StringComparison.Ordinal))}"));
        Console.WriteLine(string.Create(inv, $"with flow collections: {docs.Count(d => d.Contains(": {", StringComparison.Ordinal) || d.Contains(": [", StringComparison.Ordinal))}"));
        Console.WriteLine(string.Create(inv, $"typical pod: {CorpusGenerator.CountLines(typical)} lines, {typical.Length} chars"));
        Console.WriteLine(typical);
        if (writeTo is not null) File.WriteAllText(writeTo, corpus);
        var linter = new PodLint.Engine.PodLinter();
        CorpusChecks.AssertClean(linter, corpus, docs.Count);
        CorpusChecks.AssertClean(linter, typical, 1);
        Console.WriteLine("lint: clean (no error or warning, every document bound as a Pod)");
    }

    private static List<Pod> BindAll(string corpus)
    {
        var pods = new List<Pod>();
        var chunker = new DocumentChunker(new StringLineSource(corpus));
        while (chunker.TryRead(out var chunk))
        {
            if (!chunk.HasContent) continue;
            foreach (var doc in YamlTreeBuilder.Parse(chunk, "corpus.yaml", ParserLimits.Default))
            {
                if (doc.Root?.Resolve() is MappingNode) pods.Add(ModelBinder.BindRoot(new Pod(), doc.Root, FieldPath.Root, null));
            }
        }

        return pods;
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
