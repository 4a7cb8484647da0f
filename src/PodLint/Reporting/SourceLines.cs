using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Reporting;

/// <summary>The source lines a report shows, read once per file: from the result for in-memory inputs, else from disk.</summary>
internal sealed class SourceLines
{
    private readonly Dictionary<string, Dictionary<int, string>> _lines = new(StringComparer.Ordinal);

    public SourceLines(LintResult result)
    {
        var wanted = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var d in result.Diagnostics)
        {
            Want(wanted, d.Span);
            foreach (var r in d.Related) Want(wanted, r.Span);
        }

        foreach (var (file, lines) in wanted)
        {
            var found = new Dictionary<int, string>();
            try
            {
                var max = lines.Max();
                IEnumerable<string> all = result.Sources.TryGetValue(file, out var text)
                    ? text.Split('\n')
                    : File.Exists(file) ? File.ReadLines(file) : [];
                var n = 0;
                foreach (var line in all)
                {
                    if (++n > max) break;
                    if (lines.Contains(n)) found[n] = n == 1 ? line.TrimStart('\uFEFF') : line;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The frame is a convenience: without the file the finding is still printed.
            }

            _lines[file] = found;
        }
    }

    private static void Want(Dictionary<string, HashSet<int>> wanted, SourceSpan span)
    {
        if (!wanted.TryGetValue(span.File, out var set)) wanted[span.File] = set = [];
        set.Add(span.StartLine);
    }

    /// <summary>The text of a line, or null when it cannot be shown (unknown, or binary).</summary>
    public string? Get(string file, int line)
    {
        if (!_lines.TryGetValue(file, out var lines) || !lines.TryGetValue(line, out var text)) return null;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\t') return null;
        }

        return text;
    }
}
