namespace PodLint.Engine;

/// <summary>
/// The text of an input that reporters show in code frames, kept while it was read (files and standard input are
/// never read twice): the whole text of an input given as a string, and of a file or stream the lines that findings
/// point at, so that memory stays bounded by what is reported.
/// </summary>
public sealed class SourceText
{
    private readonly List<(int FirstLine, string[] Lines)> _segments = [];
    private string? _text;

    internal SourceText(bool isComplete) => IsComplete = isComplete;

    /// <summary>Whether every line of the input is kept (inputs given as a string), rather than only the documents with findings.</summary>
    public bool IsComplete { get; }

    /// <summary>How many lines are kept.</summary>
    public int LineCount
    {
        get
        {
            Split();
            return _segments.Sum(s => s.Lines.Length);
        }
    }

    /// <summary>The text of a line (1-based, without its line break), or null when it is not kept.</summary>
    public string? GetLine(int line)
    {
        Split();
        // Segments are few (one per document with findings) and added in order.
        var lo = 0;
        var hi = _segments.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var (first, lines) = _segments[mid];
            if (line < first) hi = mid - 1;
            else if (line >= first + lines.Length) lo = mid + 1;
            else return lines[line - first];
        }

        return null;
    }

    /// <summary>The kept lines with their numbers, in order.</summary>
    public IEnumerable<(int Line, string Text)> Lines()
    {
        Split();
        foreach (var (first, lines) in _segments)
        {
            for (var i = 0; i < lines.Length; i++) yield return (first + i, lines[i]);
        }
    }

    /// <summary>The whole text of an input held in memory already; split into lines only when a reporter asks for one.</summary>
    internal static SourceText FromText(string text) => new(true) { _text = text };

    private void Split()
    {
        if (_text is null) return;
        lock (_segments)
        {
            if (_text is null) return;
            Add(1, _text);
            _text = null;
        }
    }

    /// <summary>Adds the lines of <paramref name="text"/> starting at <paramref name="firstLine"/>; lines end at
    /// the breaks of <see cref="Parsing.LineBreaks"/>, as the parser and the chunker count them.</summary>
    internal void Add(int firstLine, string text) => Add(firstLine, text, null);

    /// <summary>Keeps of <paramref name="text"/> (starting at <paramref name="firstLine"/>) only the lines in
    /// <paramref name="wanted"/>, each as its own segment; null keeps every line.</summary>
    internal void Add(int firstLine, string text, IReadOnlySet<int>? wanted)
    {
        if (wanted is null)
        {
            var lines = LineRanges(text).Select(r => text.Substring(r.Start, r.Length)).ToArray();
            lines[0] = Trim(firstLine, lines[0]);
            Insert(firstLine, lines);
            return;
        }

        var last = wanted.Count == 0 ? 0 : wanted.Max();
        var line = firstLine;
        foreach (var (start, length) in LineRanges(text))
        {
            if (line > last) break;
            if (wanted.Contains(line)) Insert(line, [Trim(line, text.Substring(start, length))]);
            line++;
        }
    }

    /// <summary>The lines of a text (start and length), split at the breaks of <see cref="Parsing.LineBreaks"/> as the
    /// parser and the chunker count them; a trailing break ends the last line and does not start another, and a text
    /// without any break is one line.</summary>
    private static IEnumerable<(int Start, int Length)> LineRanges(string text)
    {
        var start = 0;
        while (true)
        {
            var at = text.AsSpan(start).IndexOfAny(Parsing.LineBreaks.Chars);
            if (at < 0) break;
            yield return (start, at);
            start += at + Parsing.LineBreaks.Length(text, start + at);
        }

        if (start < text.Length || start == 0) yield return (start, text.Length - start);
    }

    private static string Trim(int line, string text) => line == 1 ? text.TrimStart('\uFEFF') : text;

    private void Insert(int firstLine, string[] lines)
    {
        // Documents come in order, so this appends; a search from the front made 100,000 reported documents quadratic.
        if (_segments.Count == 0 || _segments[^1].FirstLine < firstLine)
        {
            _segments.Add((firstLine, lines));
            return;
        }

        var lo = 0;
        var hi = _segments.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_segments[mid].FirstLine > firstLine) hi = mid;
            else lo = mid + 1;
        }

        _segments.Insert(lo, (firstLine, lines));
    }

    /// <inheritdoc />
    public override string ToString() => string.Join('\n', Lines().Select(l => l.Text));
}
