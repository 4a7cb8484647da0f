using System.Text;

namespace PodLint.Parsing;

/// <summary>The text of one YAML document of a stream, and where it starts in its file.</summary>
/// <param name="Text">The document's lines joined with <c>\n</c>, its <c>---</c> line included.</param>
/// <param name="FirstLine">The file line of the chunk's first line (1-based).</param>
/// <param name="HasContent">Whether the chunk holds anything but blank lines, comments, directives and markers.</param>
/// <param name="MarkerLine">The line of its <c>---</c> marker, or 0 when it has none.</param>
/// <param name="IsLast">Whether no chunk follows.</param>
internal readonly record struct DocumentChunk(string Text, int FirstLine, bool HasContent, int MarkerLine, bool IsLast);

/// <summary>
/// Splits a stream into documents at <c>---</c> and <c>...</c> lines before YAML parsing, so that a syntax error
/// (after which YamlDotNet cannot recover) only costs its own document, and so that a large stream is parsed one
/// document at a time with bounded memory.
/// </summary>
internal sealed class DocumentChunker(ILineSource source)
{
    private readonly StringBuilder _text = new();
    private int _nextLine = 1;
    private int _chunkFirstLine = 1;
    private bool _hasContent;
    private int _markerLine;
    private bool _ended;
    private bool _primed;
    private bool _hasNext;
    private DocumentChunk _next;
    private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _deferred;

    /// <summary>
    /// Reads the next chunk; false at the end of the stream. One chunk is read ahead to tell whether a chunk is
    /// the last; an error while reading ahead (invalid UTF-8, I/O) is raised on the call after the chunk before it.
    /// </summary>
    public bool TryRead(out DocumentChunk chunk)
    {
        if (!_primed)
        {
            _primed = true;
            _hasNext = TryReadAhead(out _next);
        }

        if (!_hasNext)
        {
            _deferred?.Throw();
            chunk = default;
            return false;
        }

        var current = _next;
        _hasNext = TryReadAhead(out _next);
        chunk = _hasNext || _deferred is not null ? current : current with { IsLast = true };
        return true;
    }

    private bool TryReadAhead(out DocumentChunk chunk)
    {
        try
        {
            return TryReadRaw(out chunk);
        }
        catch (Exception ex) when (ex is InvalidEncodingException or IOException)
        {
            _deferred = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
            chunk = default;
            return false;
        }
    }

    private bool TryReadRaw(out DocumentChunk chunk)
    {
        while (!_ended)
        {
            if (!source.TryReadLine(out var line))
            {
                _ended = true;
                break;
            }

            var lineNumber = _nextLine++;
            if (IsMarker(line, "---"))
            {
                var startsNew = _hasContent || _markerLine != 0;
                var result = startsNew ? Flush(lineNumber) : default;
                if (_text.Length == 0) _chunkFirstLine = lineNumber;
                Append(line);
                _markerLine = lineNumber;
                var rest = line[3..].Trim();
                if (rest.Length > 0 && rest[0] != '#') _hasContent = true;
                if (startsNew)
                {
                    chunk = result;
                    return true;
                }

                continue;
            }

            if (IsMarker(line, "..."))
            {
                if (_text.Length == 0) _chunkFirstLine = lineNumber;
                Append(line);
                chunk = Flush(lineNumber + 1);
                return true;
            }

            if (_text.Length == 0) _chunkFirstLine = lineNumber;
            Append(line);
            if (!_hasContent && IsContent(line, _markerLine != 0)) _hasContent = true;
        }

        if (_text.Length > 0 || _markerLine != 0)
        {
            chunk = Flush(_nextLine);
            return true;
        }

        chunk = default;
        return false;
    }

    private void Append(ReadOnlySpan<char> line) => _text.Append(line).Append('\n');

    private DocumentChunk Flush(int nextChunkFirstLine)
    {
        var chunk = new DocumentChunk(_text.ToString(), _chunkFirstLine, _hasContent, _markerLine, false);
        _text.Clear();
        _hasContent = false;
        _markerLine = 0;
        _chunkFirstLine = nextChunkFirstLine;
        return chunk;
    }

    private static bool IsMarker(ReadOnlySpan<char> line, string marker)
        => line.StartsWith(marker, StringComparison.Ordinal) && (line.Length == 3 || line[3] is ' ' or '\t');

    private static bool IsContent(ReadOnlySpan<char> line, bool afterMarker)
    {
        var trimmed = line.TrimStart();
        if (trimmed.IsEmpty || trimmed[0] == '#') return false;
        // Directives (%YAML, %TAG) only come before the document's marker.
        return afterMarker || line[0] != '%';
    }
}
