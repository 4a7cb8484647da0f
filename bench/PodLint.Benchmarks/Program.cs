using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using PodLint.Benchmarks;

// `corpus [FILE]` prints statistics of the generated corpus (and writes it to FILE); `ratio [ROUNDS]` measures the
// target ratios round-robin (see PairedRatio); anything else goes to BenchmarkDotNet.
if (args is ["corpus", ..])
{
    CorpusStats.Print(args.Length > 1 ? args[1] : null);
    return;
}

if (args is ["first-pod", ..])
{
    // The latency a pre-commit hook sees: a fresh process, one Pod, schema load included. Run it several times.
    var pod = CorpusGenerator.TypicalPod(CorpusGenerator.Generate(50));
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var result = new PodLint.Engine.PodLinter().LintText(pod, "pod.yaml");
    Console.WriteLine(FormattableString.Invariant($"first Pod linted (schema load included) in {clock.Elapsed.TotalMilliseconds:F1} ms; {result.Diagnostics.Length} findings"));
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
