namespace PodLint.Diagnostics;

/// <summary>
/// A range of text in one source file. Lines and columns are 1-based and count UTF-16 code units,
/// as YamlDotNet does; the end is exclusive (the column after the last character, as SARIF's <c>endColumn</c>).
/// </summary>
/// <param name="File">The file as the user named it (relative paths stay relative, separators are <c>/</c>).</param>
/// <param name="StartLine">First line, 1-based.</param>
/// <param name="StartColumn">First column, 1-based.</param>
/// <param name="EndLine">Last line, 1-based.</param>
/// <param name="EndColumn">The column after the last character, 1-based.</param>
public readonly record struct SourceSpan(string File, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>A span that covers the start of a file (used for findings about the whole file).</summary>
    public static SourceSpan StartOfFile(string file) => new(file, 1, 1, 1, 1);

    /// <summary>A span of one position (zero width) at the given line and column.</summary>
    public static SourceSpan At(string file, int line, int column) => new(file, line, column, line, column);

    /// <summary>Orders spans by file (ordinal), then start, then end.</summary>
    public static int Compare(SourceSpan span, SourceSpan other)
    {
        var c = string.CompareOrdinal(span.File, other.File);
        if (c != 0) return c;
        c = span.StartLine.CompareTo(other.StartLine);
        if (c != 0) return c;
        c = span.StartColumn.CompareTo(other.StartColumn);
        if (c != 0) return c;
        c = span.EndLine.CompareTo(other.EndLine);
        return c != 0 ? c : span.EndColumn.CompareTo(other.EndColumn);
    }

    /// <summary>The span itself when it is on one line, else its first character (a multi-line value is shown by its start).</summary>
    internal SourceSpan FirstLine() => EndLine == StartLine ? this : this with { EndLine = StartLine, EndColumn = StartColumn + 1 };

    /// <summary>Renders <c>file:line:column</c>.</summary>
    public override string ToString() => $"{File}:{StartLine}:{StartColumn}";
}
