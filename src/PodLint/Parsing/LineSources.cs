using System.Buffers;
using System.Text.Unicode;

namespace PodLint.Parsing;

/// <summary>Reads text one line at a time; the span is valid until the next call.</summary>
internal interface ILineSource
{
    /// <summary>Reads the next line without its terminator (<c>\n</c>, <c>\r\n</c>, <c>\r</c>, or NEL, LS, PS: see <see cref="LineBreaks"/>).</summary>
    bool TryReadLine(out ReadOnlySpan<char> line);
}

/// <summary>
/// The characters that end a line. YAML 1.2 breaks lines only at LF and CR, but YamlDotNet (whose positions findings
/// carry) and go-yaml (the API server's parser) follow YAML 1.1 and libyaml: NEL (U+0085), LS (U+2028) and PS
/// (U+2029) end lines too. Every line count (the chunker's, the kept source text's) uses this one definition, so that
/// a finding's line exists and the code frame shows it.
/// </summary>
internal static class LineBreaks
{
    public static readonly SearchValues<char> Chars = SearchValues.Create("\r\n\u0085\u2028\u2029");

    /// <summary>The length of the break at <paramref name="at"/>: 2 for CRLF, else 1.</summary>
    public static int Length(ReadOnlySpan<char> text, int at) => text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1;
}

/// <summary>The input is larger than the configured limit (<see cref="ParserLimits.MaxInputBytes"/>).</summary>
internal sealed class InputTooLargeException(long limit) : IOException($"the input is larger than {limit} bytes")
{
    public long Limit { get; } = limit;
}

/// <summary>The bytes of the input are not valid UTF-8 at the given position.</summary>
internal sealed class InvalidEncodingException(int line, int column, string message) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}

/// <summary>The input looks binary (it contains NUL bytes near its start).</summary>
internal sealed class BinaryInputException() : Exception("the file contains NUL bytes");

/// <summary>Lines of an in-memory string.</summary>
internal sealed class StringLineSource(string text) : ILineSource
{
    private int _position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        if (_position >= text.Length)
        {
            line = default;
            return false;
        }

        var rest = text.AsSpan(_position);
        var end = rest.IndexOfAny(LineBreaks.Chars);
        if (end < 0)
        {
            line = rest;
            _position = text.Length;
            return true;
        }

        line = rest[..end];
        _position += end + LineBreaks.Length(rest, end);
        return true;
    }
}

/// <summary>
/// Lines of a UTF-8 byte stream, decoded strictly: invalid bytes raise <see cref="InvalidEncodingException"/> with
/// the exact line and column, NUL bytes in the first 8,000 bytes raise <see cref="BinaryInputException"/>.
/// Memory stays bounded by the longest line.
/// </summary>
internal sealed class Utf8LineSource : ILineSource, IDisposable
{
    private const int BinarySniffLength = 8000;
    private readonly Stream _stream;
    private readonly long _maxBytes;
    private long _totalBytes;
    private readonly byte[] _bytes;
    private char[] _chars;
    private int _byteStart;
    private int _byteEnd;
    private int _charStart;
    private int _charEnd;
    private int _scanFrom;
    private bool _streamEnded;
    private bool _decodingStopped;
    private string? _encodingError;
    private int _linesRead;
    private bool _started;

    public Utf8LineSource(Stream stream, int bufferSize = 1 << 16, long maxBytes = long.MaxValue)
    {
        _stream = stream;
        _maxBytes = maxBytes;
        _bytes = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, BinarySniffLength));
        _chars = ArrayPool<char>.Shared.Rent(Math.Max(bufferSize, 1024));
    }

    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        if (!_started) Start();
        while (true)
        {
            var available = _chars.AsSpan(_scanFrom, _charEnd - _scanFrom);
            var rel = available.IndexOfAny(LineBreaks.Chars);
            if (rel >= 0)
            {
                var idx = _scanFrom + rel;
                if (_chars[idx] == '\r' && idx + 1 == _charEnd && !_decodingStopped)
                {
                    // A CR at the end of the buffer: more text decides whether it is a CRLF.
                    Fill();
                    continue;
                }

                line = _chars.AsSpan(_charStart, idx - _charStart);
                var next = idx + LineBreaks.Length(_chars.AsSpan(0, _charEnd), idx);
                _charStart = _scanFrom = next;
                _linesRead++;
                return true;
            }

            if (_decodingStopped)
            {
                if (_encodingError is not null)
                {
                    throw new InvalidEncodingException(_linesRead + 1, _charEnd - _charStart + 1, _encodingError);
                }

                if (_charStart < _charEnd)
                {
                    line = _chars.AsSpan(_charStart, _charEnd - _charStart);
                    _charStart = _scanFrom = _charEnd;
                    _linesRead++;
                    return true;
                }

                line = default;
                return false;
            }

            _scanFrom = _charEnd;
            Fill();
        }
    }

    private void Start()
    {
        _started = true;
        ReadBytes(BinarySniffLength);
        var head = _bytes.AsSpan(0, _byteEnd);
        if (head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            _decodingStopped = true;
            _encodingError = "the file is UTF-16 encoded (it starts with a UTF-16 byte order mark); save it as UTF-8";
            return;
        }

        if (head.Contains((byte)0)) throw new BinaryInputException();
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) _byteStart = 3;
    }

    private void ReadBytes(int atLeast)
    {
        while (!_streamEnded && _byteEnd < atLeast && _byteEnd < _bytes.Length)
        {
            var n = _stream.Read(_bytes, _byteEnd, _bytes.Length - _byteEnd);
            if (n == 0)
            {
                _streamEnded = true;
            }
            else
            {
                _byteEnd += n;
                _totalBytes += n;
                // Stop reading at the limit: /dev/zero or a runaway generator must not fill the memory.
                if (_totalBytes > _maxBytes) throw new InputTooLargeException(_maxBytes);
            }
        }
    }

    private void Fill()
    {
        // Make room: drop consumed chars; grow when one line fills the whole buffer.
        if (_charStart > 0)
        {
            Array.Copy(_chars, _charStart, _chars, 0, _charEnd - _charStart);
            _charEnd -= _charStart;
            _scanFrom -= _charStart;
            _charStart = 0;
        }

        // Grow when one line fills the buffer; two free chars are needed for a surrogate pair.
        if (_chars.Length - _charEnd < 2)
        {
            var bigger = ArrayPool<char>.Shared.Rent(_chars.Length * 2);
            Array.Copy(_chars, bigger, _charEnd);
            ArrayPool<char>.Shared.Return(_chars);
            _chars = bigger;
        }

        if (_byteStart == _byteEnd && !_streamEnded)
        {
            _byteStart = _byteEnd = 0;
            ReadBytes(1);
        }

        var status = Utf8.ToUtf16(_bytes.AsSpan(_byteStart, _byteEnd - _byteStart), _chars.AsSpan(_charEnd), out var bytesRead,
            out var charsWritten, replaceInvalidSequences: false, isFinalBlock: false);
        _byteStart += bytesRead;
        _charEnd += charsWritten;
        switch (status)
        {
            case System.Buffers.OperationStatus.InvalidData:
                _decodingStopped = true;
                _encodingError = $"invalid UTF-8 byte 0x{_bytes[_byteStart]:X2}; the file must be UTF-8 encoded";
                break;
            case System.Buffers.OperationStatus.NeedMoreData:
                if (_streamEnded)
                {
                    _decodingStopped = true;
                    _encodingError = "the file ends in the middle of a UTF-8 sequence";
                }
                else
                {
                    // Keep the incomplete sequence and read more bytes after it.
                    Array.Copy(_bytes, _byteStart, _bytes, 0, _byteEnd - _byteStart);
                    _byteEnd -= _byteStart;
                    _byteStart = 0;
                    ReadBytes(_byteEnd + 1);
                }

                break;
            case System.Buffers.OperationStatus.Done:
                if (_streamEnded && _byteStart == _byteEnd) _decodingStopped = true;
                break;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
    }
}
