using PodLint.Engine;

namespace PodLint.Reporting;

/// <summary>The source lines a report shows, from the text the lint run kept (files are never read a second time).</summary>
internal sealed class SourceLines(LintResult result)
{
    /// <summary>The text of a line, or null when it cannot be shown (not kept, or binary).</summary>
    public string? Get(string file, int line)
    {
        if (!result.Sources.TryGetValue(file, out var source) || source.GetLine(line) is not { } text) return null;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\t') return null;
        }

        return text;
    }
}
