using System.Diagnostics;
using System.Text;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Input;

/// <summary>A read-only stream of <paramref name="length"/> bytes: the same small Pod over and over, each after a
/// <c>---</c>, generated as it is read (never held in memory), then a comment of <c>#</c> up to the length.
/// Reads return at most <paramref name="maxRead"/> bytes.</summary>
internal sealed class PodStream(long length, int maxRead = int.MaxValue) : Stream
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("""
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          labels: { app.kubernetes.io/name: web }
        spec:
          containers:
            - name: nginx
              image: nginxinc/nginx-unprivileged:1.27.3-alpine
              ports:
                - { name: http, containerPort: 8080 }
              resources:
                requests: { cpu: 50m, memory: 64Mi }
                limits: { memory: 128Mi }

        """);

    private long _position;

    /// <summary>How many Pods the stream holds: a partial last document is padded with a comment, not cut.</summary>
    public long PodCount => length / Document.Length;

    /// <summary>The number of lines of one document.</summary>
    public static int LinesPerDocument => Document.Count(b => b == (byte)'\n');

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(Math.Min(buffer.Length, maxRead), length - _position);
        var full = PodCount * Document.Length;
        for (var i = 0; i < n; i++, _position++)
        {
            // Whole documents, then `#` padding up to the length.
            buffer[i] = _position < full ? Document[(int)(_position % Document.Length)] : (byte)'#';
        }

        return n;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Large input is streamed: time and memory stay proportional to one document.</summary>
[TestFixture]
public class LargeInputTests
{
    [Test]
    public async Task A_stream_that_returns_a_few_bytes_per_read_is_read_correctly()
    {
        // 300 KB, read 7 bytes at a time (reads split lines, CRLF-free documents and markers anywhere).
        var stream = new PodStream(300_000, maxRead: 7);
        var result = await new PodLinter().LintStreamAsync(stream, "stdin");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics.Select(Lint.Where), Is.Empty, () => Lint.Dump(result));
            Assert.That(result.PodCount, Is.EqualTo(stream.PodCount));
            Assert.That(result.DocumentCount, Is.EqualTo(stream.PodCount));
            // Streams are kept like files: only the documents findings point into (none here), for the code frames.
            Assert.That(result.Sources, Is.Empty);
        }
    }

    [Test]
    public async Task Positions_after_thousands_of_documents_are_exact()
    {
        using var stream = new MemoryStream();
        await new PodStream(1_000_000).CopyToAsync(stream);
        var pods = new PodStream(1_000_000).PodCount;
        // The padding line of `#` is a comment; append a broken Pod after it.
        stream.Write("\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: [x]\n"u8);
        stream.Position = 0;
        var result = await new PodLinter().LintStreamAsync(stream, "stdin");
        var line = (pods * PodStream.LinesPerDocument) + 9;
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { FormattableString.Invariant($"PL1001 {line}:14-{line}:17 spec.containers[0].image") }),
            () => Lint.Dump(result));
    }

    [TestCase(1)]
    [TestCase(2)]
    [Category("Slow")]
    public async Task A_10_MB_file_of_Pods_is_checked_in_bounded_memory(int cores)
    {
        // With two cores the documents of the one file are checked in parallel: memory stays bounded all the same.
        // 50 MB took 15.4 s on the 2-core CI machine (about 10,000 Pods/s); 10 MB keeps the suite fast.
        const long Size = 10L * 1024 * 1024;
        var path = Path.Combine(Path.GetTempPath(), FormattableString.Invariant($"podlint-large-{Guid.NewGuid():N}.yaml"));
        try
        {
            var source = new PodStream(Size);
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
            {
                await source.CopyToAsync(file);
            }

            Assert.That(new FileInfo(path).Length, Is.EqualTo(Size));
            using var process = Process.GetCurrentProcess();
            GC.Collect();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            process.Refresh();
            var peakBefore = process.PeakWorkingSet64;
            var clock = Stopwatch.StartNew();
            var result = await new PodLinter(new PodLintOptions { MaxDegreeOfParallelism = cores }).LintPathsAsync([path]);
            clock.Stop();
            process.Refresh();
            var peakGrowth = process.PeakWorkingSet64 - peakBefore;
            TestContext.Out.WriteLine(FormattableString.Invariant(
                $"{Size / (1024 * 1024)} MB, {result.PodCount} Pods in {clock.Elapsed.TotalSeconds:F1} s; peak working set +{peakGrowth / (1024 * 1024)} MB, managed before {before / (1024 * 1024)} MB"));
            using (Assert.EnterMultipleScope())
            {
                Assert.That(result.Diagnostics.Select(Lint.Where), Is.Empty);
                Assert.That(result.PodCount, Is.EqualTo(source.PodCount));
                Assert.That(result.DocumentCount, Is.EqualTo(source.PodCount));
                Assert.That(result.FileCount, Is.EqualTo(1));
                // Nothing of the file is kept: no source text for files, and no node tree outlives its document.
                Assert.That(result.Sources, Is.Empty);
                Assert.That(peakGrowth, Is.LessThan(400L * 1024 * 1024), "peak working set growth");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
