using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Model;
using PodLint.Parsing;
using YamlDotNet.Core;

namespace PodLint.Benchmarks;

/// <summary>
/// Parse and lint throughput over the generated corpus of 10,000 Pods (one multi-document YAML string), and the
/// per-file overhead on one typical Pod. <see cref="BareParserEvents"/> is the baseline: YamlDotNet's parser
/// events alone, with nothing built from them.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LintBenchmarks
{
    private const string Corpus = "Corpus";
    private const string SinglePod = "SinglePod";
    private string _corpus = "";
    private string _singlePod = "";
    private PodLinter _linter = null!;
    private PodLinter _oneCore = null!;
    private List<YamlNode> _trees = [];

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CorpusGenerator.Generate();
        _singlePod = CorpusGenerator.TypicalPod(_corpus);
        _linter = new PodLinter();
        _oneCore = new PodLinter(new PodLintOptions { MaxDegreeOfParallelism = 1 });
        CorpusChecks.AssertClean(_linter, _corpus, CorpusGenerator.DefaultPodCount);
        CorpusChecks.AssertClean(_linter, _singlePod, 1);
        _trees = ParseAll(_corpus, CorpusGenerator.DefaultPodCount / 10);
    }

    /// <summary>Baseline: every YamlDotNet parser event of the corpus, nothing built.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Corpus)]
    public int BareParserEvents() => CountEvents(_corpus);

    /// <summary>Split into documents, build the positioned node trees, bind the typed Pods; no rules.</summary>
    [Benchmark]
    [BenchmarkCategory(Corpus)]
    public int ParseToTypedModel() => BindAll(_corpus, new List<Diagnostic>());

    /// <summary>The public entry point: everything <see cref="ParseToTypedModel"/> does, plus the rules and the result.</summary>
    [Benchmark]
    [BenchmarkCategory(Corpus)]
    public int FullLint() => _linter.LintText(_corpus, "bench.yaml").CheckedObjectCount;

    /// <summary><see cref="FullLint"/> on one core: the documents checked one after another, as before issue 7.</summary>
    [Benchmark]
    [BenchmarkCategory(Corpus)]
    public int FullLintOneCore() => _oneCore.LintText(_corpus, "bench.yaml").CheckedObjectCount;

    /// <summary>
    /// The schema validation of a full lint alone, as much of it as the corpus needs: the node trees of the corpus's
    /// first 1,000 Pods (built in setup; holding all 10,000 would slow the other benchmarks' garbage collections)
    /// checked 10 times against the Pod schema of the default Kubernetes version.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory(Corpus)]
    public int SchemaValidation() => ValidateAll(_trees, CorpusGenerator.DefaultPodCount / _trees.Count);

    /// <summary>Baseline of the per-file overhead: the parser events of one typical Pod.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(SinglePod)]
    public int BareParserEventsSinglePod() => CountEvents(_singlePod);

    /// <summary>The per-file cost of linting one typical Pod given as its own text.</summary>
    [Benchmark]
    [BenchmarkCategory(SinglePod)]
    public int FullLintSinglePod() => _linter.LintText(_singlePod, "bench.yaml").CheckedObjectCount;

    internal static int CountEvents(string text)
    {
        var parser = new Parser(new StringReader(text));
        var events = 0;
        while (parser.MoveNext()) events++;
        return events;
    }

    /// <summary>The documents of a text, split and parsed as the linter does (no rules, no binding).</summary>
    internal static IEnumerable<ParsedDocument> Documents(string text)
    {
        var chunker = new DocumentChunker(new StringLineSource(text));
        while (chunker.TryRead(out var chunk))
        {
            if (!chunk.HasContent) continue;
            foreach (var doc in YamlTreeBuilder.Parse(chunk, "bench.yaml", ParserLimits.Default)) yield return doc;
        }
    }

    /// <summary>The node trees of the first <paramref name="max"/> documents that are mappings.</summary>
    internal static List<YamlNode> ParseAll(string text, int max)
        => [.. Documents(text).Select(d => d.Root).OfType<YamlNode>().Where(r => r.Resolve() is MappingNode).Take(max)];

    internal static int ValidateAll(List<YamlNode> trees, int times)
    {
        var findings = new List<Diagnostic>();
        for (var i = 0; i < times; i++)
        {
            var sink = new DiagnosticSink(_ => RuleLevel.Error, findings);
            foreach (var tree in trees)
            {
                Schema.SchemaValidator.Validate(tree, Schema.KubernetesSchemas.Newest, KindOf((MappingNode)tree.Resolve())!, FieldPath.Root, sink);
            }
        }

        return findings.Count == 0 ? trees.Count * times : throw new InvalidOperationException(findings[0].Message);
    }

    /// <summary>Binds every document as the object of its kind (no schema check, no rules); returns how many.</summary>
    internal static int BindAll(string text, List<Diagnostic> diagnostics) => BindObjects(text, diagnostics).Count();

    internal static IEnumerable<KubernetesObject> BindObjects(string text, List<Diagnostic> diagnostics)
    {
        foreach (var doc in Documents(text))
        {
            diagnostics.AddRange(doc.Diagnostics);
            if (doc.Root?.Resolve() is MappingNode map && KindOf(map) is { } kind)
            {
                yield return ModelBinder.BindRoot(ModelKinds.Create(kind.Kind)!, doc.Root, FieldPath.Root, null);
            }
        }
    }

    internal static Schema.KindSchema? KindOf(MappingNode map)
        => Objects.ObjectKinds.KindOf(map) is { } kind ? Objects.ObjectKinds.Find(kind) : null;
}
