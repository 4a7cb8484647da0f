using System.Collections.Immutable;
using PodLint.Diagnostics;

namespace PodLint.Engine;

/// <summary>
/// The outcome of a lint run, with everything a reporter needs: the findings in report order, the findings that
/// suppressions silenced, the rule catalogue with the level each rule ran at, the text of the lines findings point
/// at, and what was checked and skipped.
/// </summary>
public sealed class LintResult
{
    internal LintResult(ImmutableArray<Diagnostic> diagnostics, ImmutableArray<Diagnostic> suppressed, IReadOnlyList<RuleStatus> rules,
        IReadOnlyDictionary<string, SourceText> sources, LintCounts counts)
    {
        Diagnostics = diagnostics;
        Suppressed = suppressed;
        Rules = rules;
        Sources = sources;
        FileCount = counts.Files;
        DocumentCount = counts.Documents;
        CheckedObjects = counts.Checked;
        SkippedObjects = counts.Skipped;
        NotKubernetesDocumentCount = counts.NotKubernetesDocuments;
        SkippedFileCount = counts.SkippedFiles;
        NotKubernetesDocumentsInSkippedFiles = counts.NotKubernetesInSkippedFiles;
        foreach (var d in diagnostics)
        {
            switch (d.Severity)
            {
                case Severity.Error: ErrorCount++; break;
                case Severity.Warning: WarningCount++; break;
                default: InfoCount++; break;
            }
        }
    }

    /// <summary>The findings, sorted by file, position and rule id.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Findings that a suppression silenced (annotations, comments): kept for the summary, the JSON report
    /// and SARIF, not reported. Each carries its <see cref="Diagnostic.SuppressedBy"/> (form and justification).</summary>
    public ImmutableArray<Diagnostic> Suppressed { get; }

    /// <summary>Every rule the run knew, with the level it ran at, in id order.</summary>
    public IReadOnlyList<RuleStatus> Rules { get; }

    /// <summary>The text reporters show, by file name: the whole text of inputs given as strings, and of files and
    /// streams the documents that have findings.</summary>
    public IReadOnlyDictionary<string, SourceText> Sources { get; }

    /// <summary>How many files (or streams) were read.</summary>
    public int FileCount { get; }

    /// <summary>How many YAML documents were found.</summary>
    public int DocumentCount { get; }

    /// <summary>The objects checked, by kind (<c>Pod</c>, <c>Deployment</c> …; the items of Lists counted one by one).</summary>
    public IReadOnlyDictionary<string, int> CheckedObjects { get; }

    /// <summary>How many Pods were checked (Pod templates of workloads not included).</summary>
    public int PodCount => CheckedObjects.GetValueOrDefault("Pod");

    /// <summary>How many objects were checked, of every kind.</summary>
    public int CheckedObjectCount => CheckedObjects.Values.Sum();

    /// <summary>Objects of kinds PodLint does not check (Service, ConfigMap, custom resources …), by kind.</summary>
    public IReadOnlyDictionary<string, int> SkippedObjects { get; }

    /// <summary>How many objects of other kinds were skipped.</summary>
    public int SkippedObjectCount => SkippedObjects.Values.Sum();

    /// <summary>How many documents were not Kubernetes objects at all (neither <c>apiVersion</c> nor <c>kind</c>: a Helm
    /// values file, a seccomp profile, a tool's configuration) and were skipped.</summary>
    public int NotKubernetesDocumentCount { get; }

    /// <summary>How many files held no Kubernetes object at all, only such documents, and were skipped; Helm chart
    /// templates (files under a chart's <c>templates/</c>) are skipped unread and counted here too.</summary>
    public int SkippedFileCount { get; }

    internal int NotKubernetesDocumentsInSkippedFiles { get; }

    /// <summary>Findings at error level.</summary>
    public int ErrorCount { get; }

    /// <summary>Findings at warning level.</summary>
    public int WarningCount { get; }

    /// <summary>Findings at info level.</summary>
    public int InfoCount { get; }

    /// <summary>How many findings suppressions silenced.</summary>
    public int SuppressedCount => Suppressed.Length;

    /// <summary>Whether any finding is at error level (the CLI then exits 1).</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>Combines the results of several runs (e.g. files and standard input) into one, in report order.</summary>
    public static LintResult Combine(IEnumerable<LintResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        var all = list.SelectMany(r => r.Diagnostics).ToList();
        all.Sort(Diagnostic.Compare);
        var suppressed = list.SelectMany(r => r.Suppressed).ToList();
        suppressed.Sort(Diagnostic.Compare);
        var sources = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var counts = new LintCounts();
        foreach (var r in list)
        {
            foreach (var (file, text) in r.Sources) sources[file] = text;
            counts.Files += r.FileCount;
            counts.Documents += r.DocumentCount;
            counts.NotKubernetesDocuments += r.NotKubernetesDocumentCount;
            counts.SkippedFiles += r.SkippedFileCount;
            counts.NotKubernetesInSkippedFiles += r.NotKubernetesDocumentsInSkippedFiles;
            KindCounts.Add(counts.Checked, r.CheckedObjects);
            KindCounts.Add(counts.Skipped, r.SkippedObjects);
        }

        return new LintResult([.. all], [.. suppressed], list.Count > 0 ? list[0].Rules : [], sources, counts);
    }

    internal static LintResult Merge(IReadOnlyList<FileOutcome> outcomes, IReadOnlyList<RuleStatus> rules)
    {
        var all = outcomes.SelectMany(o => o.Diagnostics).ToList();
        all.Sort(Diagnostic.Compare);
        var sources = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var counts = new LintCounts { Files = outcomes.Count };
        foreach (var o in outcomes)
        {
            if (o.Source is not null) sources[o.File] = o.Source;
            counts.Documents += o.Documents;
            counts.NotKubernetesDocuments += o.NotKubernetesDocuments;
            if (o.IsSkipped || (o.NotKubernetesDocuments > 0 && o.Documents == o.NotKubernetesDocuments && o.Diagnostics.Count == 0))
            {
                counts.SkippedFiles++;
                counts.NotKubernetesInSkippedFiles += o.NotKubernetesDocuments;
            }
            KindCounts.Add(counts.Checked, o.Checked);
            KindCounts.Add(counts.Skipped, o.Skipped);
        }

        var suppressed = outcomes.SelectMany(o => o.Suppressed).ToList();
        suppressed.Sort(Diagnostic.Compare);
        return new LintResult([.. all], [.. suppressed], rules, sources, counts);
    }

}

/// <summary>The counts of a run.</summary>
internal sealed class LintCounts
{
    public int Files { get; set; }

    public int Documents { get; set; }

    public int NotKubernetesDocuments { get; set; }

    public int SkippedFiles { get; set; }

    public int NotKubernetesInSkippedFiles { get; set; }

    public SortedDictionary<string, int> Checked { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);
}

/// <summary>Counts of objects by kind, added up file by file.</summary>
internal static class KindCounts
{
    public static void Add(IDictionary<string, int> target, IEnumerable<KeyValuePair<string, int>>? counts)
    {
        if (counts is null) return;
        foreach (var (kind, n) in counts) target[kind] = target.TryGetValue(kind, out var sum) ? sum + n : n;
    }
}

/// <summary>What checking one file produced.</summary>
internal sealed record FileOutcome(string File, IReadOnlyList<Diagnostic> Diagnostics, int Documents, int NotKubernetesDocuments,
    IReadOnlyDictionary<string, int> Checked, IReadOnlyDictionary<string, int> Skipped, SourceText? Source)
{
    /// <summary>A file that was not read: its findings only (a path that cannot be read), or none (a skipped file).</summary>
    public static FileOutcome Unread(string file, IReadOnlyList<Diagnostic> diagnostics)
        => new(file, diagnostics, 0, 0, new Dictionary<string, int>(), new Dictionary<string, int>(), null);

    /// <summary>The findings suppressions silenced.</summary>
    public IReadOnlyList<Diagnostic> Suppressed { get; init; } = [];

    /// <summary>Whether the file was skipped unread (a Helm chart template).</summary>
    public bool IsSkipped { get; init; }
}
