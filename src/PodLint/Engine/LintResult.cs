using System.Collections.Immutable;
using PodLint.Diagnostics;

namespace PodLint.Engine;

/// <summary>The outcome of a lint run: every finding in report order, and counts.</summary>
public sealed class LintResult
{
    internal LintResult(ImmutableArray<Diagnostic> diagnostics, int fileCount, int documentCount, int podCount,
        IReadOnlyDictionary<string, string> sources)
    {
        Diagnostics = diagnostics;
        FileCount = fileCount;
        DocumentCount = documentCount;
        PodCount = podCount;
        Sources = sources;
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

    /// <summary>How many files (or streams) were read.</summary>
    public int FileCount { get; }

    /// <summary>How many YAML documents were found.</summary>
    public int DocumentCount { get; }

    /// <summary>How many of them were Pods and were checked.</summary>
    public int PodCount { get; }

    /// <summary>Findings at error level.</summary>
    public int ErrorCount { get; }

    /// <summary>Findings at warning level.</summary>
    public int WarningCount { get; }

    /// <summary>Findings at info level.</summary>
    public int InfoCount { get; }

    /// <summary>Whether any finding is at error level (the CLI then exits 1).</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>The text of inputs that are not files on disk (strings, standard input), by file name, so that
    /// reporters can show their lines.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }

    /// <summary>Combines the results of several runs (e.g. files and standard input) into one, in report order.</summary>
    public static LintResult Combine(IEnumerable<LintResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var list = results.ToList();
        var all = list.SelectMany(r => r.Diagnostics).ToList();
        all.Sort(Diagnostic.Compare);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in list)
        {
            foreach (var (file, text) in r.Sources) sources[file] = text;
        }

        return new LintResult([.. all], list.Sum(r => r.FileCount), list.Sum(r => r.DocumentCount), list.Sum(r => r.PodCount), sources);
    }

    internal static LintResult Merge(IReadOnlyList<FileOutcome> outcomes)
    {
        var all = outcomes.SelectMany(o => o.Diagnostics).ToList();
        all.Sort(Diagnostic.Compare);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in outcomes)
        {
            if (o.SourceText is not null) sources[o.File] = o.SourceText;
        }

        return new LintResult([.. all], outcomes.Count, outcomes.Sum(o => o.DocumentCount), outcomes.Sum(o => o.PodCount), sources);
    }
}

/// <summary>What checking one file produced.</summary>
internal sealed record FileOutcome(string File, IReadOnlyList<Diagnostic> Diagnostics, int DocumentCount, int PodCount, string? SourceText);
