using System.Diagnostics;
using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Model;
using PodLint.Objects;
using PodLint.Parsing;
using PodLint.Rules;

namespace PodLint.Benchmarks;

/// <summary>
/// The phases of a one-core lint of the corpus, timed apart: parse (chunks and node trees), schema check, model
/// binding, and the Pod rules. Rough (stopwatch per phase and document), for finding where time goes; the figures
/// of record are BenchmarkDotNet's.
/// </summary>
internal static class LintPhases
{
    public static void Run(int rounds)
    {
        var corpus = CorpusGenerator.Generate();
        var version = Schema.KubernetesSchemas.Newest;
        for (var round = 0; round <= rounds; round++)
        {
            var parse = new Stopwatch();
            var validate = new Stopwatch();
            var bind = new Stopwatch();
            var rules = new Stopwatch();
            var findings = new List<Diagnostic>();
            var sink = new DiagnosticSink(_ => RuleLevel.Error, findings);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var trees = new List<YamlNode>(1);
            var chunker = new DocumentChunker(new StringLineSource(corpus));
            var allocParse = 0L;
            var allocValidate = 0L;
            var allocBind = 0L;
            var allocRules = 0L;
            var perRule = RuleRegistry.BuiltInRules.Select(_ => (Ticks: 0L, Bytes: 0L)).ToArray();
            while (true)
            {
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                parse.Start();
                if (!chunker.TryRead(out var chunk)) break;
                var docs = YamlTreeBuilder.Parse(chunk, "bench.yaml", ParserLimits.Default);
                parse.Stop();
                var a1 = GC.GetAllocatedBytesForCurrentThread();
                allocParse += a1 - a0;
                foreach (var doc in docs)
                {
                    if (doc.Root?.Resolve() is not MappingNode map || LintBenchmarks.KindOf(map) is not { } kind) continue;
                    validate.Start();
                    var rejected = Schema.SchemaValidator.Validate(doc.Root, version, kind, FieldPath.Root, sink);
                    validate.Stop();
                    var a2 = GC.GetAllocatedBytesForCurrentThread();
                    allocValidate += a2 - a1;
                    bind.Start();
                    var model = ModelBinder.BindRoot(ModelKinds.Create(kind.Kind)!, doc.Root, FieldPath.Root, rejected);
                    var (meta, spec, template) = Workloads.PodOf(model);
                    bind.Stop();
                    var a3 = GC.GetAllocatedBytesForCurrentThread();
                    allocBind += a3 - a2;
                    rules.Start();
                    var context = new PodContext(model, meta, spec, template, version, sink, CancellationToken.None);
                    for (var r = 0; r < perRule.Length; r++)
                    {
                        var (t0, b0) = (Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread());
                        RuleRegistry.BuiltInRules[r].Analyze(context);
                        perRule[r] = (perRule[r].Ticks + Stopwatch.GetTimestamp() - t0, perRule[r].Bytes + GC.GetAllocatedBytesForCurrentThread() - b0);
                    }

                    rules.Stop();
                    allocRules += GC.GetAllocatedBytesForCurrentThread() - a3;
                }
            }

            parse.Stop();
            if (round == 0) continue; // warm-up
            var total = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv,
                $"parse {parse.ElapsedMilliseconds} ms ({allocParse / 1048576} MB), validate {validate.ElapsedMilliseconds} ms ({allocValidate / 1048576} MB), " +
                $"bind {bind.ElapsedMilliseconds} ms ({allocBind / 1048576} MB), rules {rules.ElapsedMilliseconds} ms ({allocRules / 1048576} MB); total allocated {total / 1048576} MB; {findings.Count} findings"));
            if (round != rounds) continue;
            // The last round, rule by rule: where the rules' time and allocations go.
            for (var r = 0; r < perRule.Length; r++)
            {
                Console.WriteLine(string.Create(inv,
                    $"  {RuleRegistry.BuiltInRules[r].Descriptor.Id} {perRule[r].Ticks * 1000.0 / Stopwatch.Frequency,7:F1} ms {perRule[r].Bytes / 1048576.0,6:F1} MB"));
            }
        }
    }
}
