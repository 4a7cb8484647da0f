using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using PodLint.Benchmarks;

// `corpus [FILE]` prints statistics of the generated corpus (and writes it to FILE); `first-pod [phases]` times the
// first Pod of a fresh process; `ratio [ROUNDS]` measures the target ratios round-robin (see PairedRatio); anything
// else goes to BenchmarkDotNet.
if (args is ["corpus", ..])
{
    CorpusStats.Print(args.Length > 1 ? args[1] : null);
    return;
}

if (args is ["first-pod", ..])
{
    // The latency a pre-commit hook sees: a fresh process, one Pod, schema load included. Run it several times, and
    // from a ReadyToRun build too (bench/README.md). `first-pod phases` times the schema load and the first lint apart.
    // Like the CLI (DynamicCodeSupport=false in its project), no run-time code generation: compiled regexes are
    // interpreted. Set here, before anything reads it, rather than in this project, which BenchmarkDotNet also runs.
    AppContext.SetSwitch("System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported", false);
    var pod = CorpusGenerator.TypicalPod(CorpusGenerator.Generate(50));
    var clock = System.Diagnostics.Stopwatch.StartNew();
    string Lap()
    {
        var ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms.ToString("F1", CultureInfo.InvariantCulture);
    }

    if (args is [_, "phases"])
    {
        PodLint.Schema.KubernetesSchemas.GetPodSchema(PodLint.Schema.KubernetesSchemas.Newest);
        var schema = Lap();
        new PodLint.Engine.PodLinter().LintText(pod, "pod.yaml");
        var first = Lap();
        new PodLint.Engine.PodLinter().LintText(pod, "pod.yaml");
        Console.WriteLine($"schema load {schema} ms; first Pod (schema loaded) {first} ms; second Pod {Lap()} ms");
        return;
    }

    var result = new PodLint.Engine.PodLinter().LintText(pod, "pod.yaml");
    Console.WriteLine($"first Pod linted (schema load included) in {Lap()} ms; {result.Diagnostics.Length} findings");
    return;
}

if (args is ["events", var eventsFile])
{
    // The baseline of the whole-process measurement (bench/README.md): a process that only reads a file through
    // YamlDotNet's parser events, as `podlint check FILE` reads it, and builds nothing.
    using var reader = new StreamReader(eventsFile, System.Text.Encoding.UTF8);
    var parser = new YamlDotNet.Core.Parser(reader);
    var events = 0;
    while (parser.MoveNext()) events++;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{events} events"));
    return;
}

if (args is ["phases", ..])
{
    // Where a one-core full lint spends its time, phase by phase, over the corpus (after a warm-up pass).
    LintPhases.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
    return;
}

if (args is ["ratio", ..])
{
    PairedRatio.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15);
    return;
}

// Results go to bench/BenchmarkDotNet.Artifacts (git-ignored), wherever the command is run from.
var config = DefaultConfig.Instance.WithArtifactsPath(CorpusStats.ArtifactsPath());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
