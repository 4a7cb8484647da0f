using System.Text;

namespace PodLint.Reporting;

/// <summary>
/// A write-only stream that decodes UTF-8 and passes the text on to a <see cref="TextWriter"/> as it comes, so that a
/// <see cref="System.Text.Json.Utf8JsonWriter"/> can write a report piece by piece into any writer (the console, a
/// file) without the report ever being held whole in memory.
/// </summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly Decoder _decoder = new UTF8Encoding(false, true).GetDecoder();
    private char[] _chars = new char[4096];

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            // Decode in slices the char buffer can hold; the decoder keeps a sequence split between two writes.
            var take = Math.Min(buffer.Length, _chars.Length - 1);
            var n = _decoder.GetChars(buffer[..take], _chars, flush: false);
            writer.Write(_chars, 0, n);
            buffer = buffer[take..];
        }
    }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        _chars = [];
        base.Dispose(disposing);
    }
}
