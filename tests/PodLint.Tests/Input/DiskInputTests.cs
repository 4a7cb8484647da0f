using System.Diagnostics;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Parsing;

namespace PodLint.Tests.Input;

/// <summary>A CI gate never hangs and never crashes on what it finds on disk: symbolic link loops, FIFOs, sockets,
/// devices, and inputs larger than the size limit.</summary>
[TestFixture]
[CancelAfter(60_000)]
public class DiskInputTests
{
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("podlint-disk-");

    [TearDown]
    public void DeleteFolder()
    {
        // Links are deleted as links (Delete does not follow them).
        _dir.Delete(recursive: true);
    }

    private string Write(string relative, string text = "apiVersion: apps/v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: b}]}\n")
    {
        var path = Path.Combine(_dir.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string[] FilesWithFindings(LintResult result)
        => [.. result.Diagnostics.Select(d => Path.GetRelativePath(_dir.FullName, d.File).Replace('\\', '/'))];

    [Test]
    public async Task A_link_to_its_own_folder_is_followed_once_and_each_file_is_checked_once()
    {
        Write("pod.yaml");
        Write("sub/other.yaml");
        Directory.CreateSymbolicLink(Path.Combine(_dir.FullName, "loop"), ".");
        Directory.CreateSymbolicLink(Path.Combine(_dir.FullName, "sub", "up"), "..");
        var result = await new PodLinter().LintPathsAsync([_dir.FullName]);
        Assert.That(FilesWithFindings(result), Is.EqualTo(new[] { "pod.yaml", "sub/other.yaml" }), () => Lint.Dump(result));
        Assert.That(result.FileCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Two_links_to_the_same_folder_neither_hang_nor_repeat_files()
    {
        Write("pod.yaml");
        Directory.CreateSymbolicLink(Path.Combine(_dir.FullName, "loop"), ".");
        Directory.CreateSymbolicLink(Path.Combine(_dir.FullName, "loop2"), ".");
        Directory.CreateSymbolicLink(Path.Combine(_dir.FullName, "loop3"), _dir.FullName);
        var watch = Stopwatch.StartNew();
        var result = await new PodLinter().LintPathsAsync([_dir.FullName]);
        Assert.That(FilesWithFindings(result), Is.EqualTo(new[] { "pod.yaml" }), () => Lint.Dump(result));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public async Task A_link_to_a_folder_outside_the_scan_is_followed()
    {
        var outside = Directory.CreateTempSubdirectory("podlint-outside-");
        try
        {
            File.WriteAllText(Path.Combine(outside.FullName, "shared.yaml"), "apiVersion: apps/v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: b}]}\n");
            Directory.CreateSymbolicLink(Path.Combine(_dir.FullName, "shared"), outside.FullName);
            var result = await new PodLinter().LintPathsAsync([_dir.FullName]);
            Assert.That(FilesWithFindings(result), Is.EqualTo(new[] { "shared/shared.yaml" }), () => Lint.Dump(result));
        }
        finally
        {
            outside.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_FIFO_named_yaml_in_a_scanned_folder_is_skipped_with_a_finding_not_read()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("FIFOs are told apart on Linux");
        Write("pod.yaml");
        var fifo = Path.Combine(_dir.FullName, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();
        var result = await new PodLinter().LintPathsAsync([_dir.FullName]);
        var d = result.Diagnostics.Single(x => x.File.EndsWith("pipe.yaml", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.RuleId, Is.EqualTo(RuleIds.UnreadableFile));
            Assert.That(d.MessageId, Is.EqualTo("not-regular-file"));
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.Message, Does.Contain("it is a FIFO (named pipe), not a regular file"));
            Assert.That(d.Span, Is.EqualTo(SourceSpan.StartOfFile(d.File)));
            Assert.That(FilesWithFindings(result), Is.EqualTo(new[] { "pipe.yaml", "pod.yaml" }));
        }
    }

    [Test]
    public async Task A_socket_named_yaml_in_a_scanned_folder_is_skipped_with_a_finding()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("sockets are told apart on Linux");
        var path = Path.Combine(_dir.FullName, "socket.yaml");
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));
        var result = await new PodLinter().LintPathsAsync([_dir.FullName]);
        Assert.That(result.Single(RuleIds.UnreadableFile).Message, Does.Contain("it is a socket"));
    }

    [Test]
    public void Devices_are_told_apart_from_regular_files()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("devices are told apart on Linux");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(FileKinds.Of("/dev/null"), Is.EqualTo(FileKind.CharacterDevice));
            Assert.That(FileKinds.Of(Write("pod.yaml")), Is.EqualTo(FileKind.Regular));
        }
    }

    [Test]
    public async Task Dev_zero_named_explicitly_is_a_finding_not_a_crash()
    {
        if (!File.Exists("/dev/zero")) Assert.Ignore("no /dev/zero");
        var result = await new PodLinter().LintPathsAsync(["/dev/zero"]);
        Assert.That(result.Diagnostics.Single().RuleId, Is.EqualTo(RuleIds.BinaryFile));
    }

    [Test]
    public async Task A_file_over_the_size_limit_is_a_finding_and_is_not_read()
    {
        var path = Write("big.yaml", new string('#', 5000) + "\n");
        var linter = new PodLinter(new PodLintOptions { Limits = ParserLimits.Default with { MaxInputBytes = 4096 } });
        var d = (await linter.LintPathsAsync([path])).Single(RuleIds.UnreadableFile);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.MessageId, Is.EqualTo("too-large"));
            Assert.That(d.Message, Is.EqualTo("the input is larger than 4 KB, the most PodLint reads; it is not checked"));
            Assert.That(d.Span, Is.EqualTo(SourceSpan.StartOfFile(path.Replace('\\', '/'))));
        }
    }

    [Test]
    public async Task A_stream_stops_being_read_at_the_size_limit()
    {
        var stream = new EndlessStream();
        var linter = new PodLinter(new PodLintOptions { Limits = ParserLimits.Default with { MaxInputBytes = 1 << 20 } });
        var result = await linter.LintStreamAsync(stream, "<stdin>");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Single(RuleIds.UnreadableFile).MessageId, Is.EqualTo("too-large"));
            Assert.That(stream.BytesRead, Is.LessThan(2L << 20));
        }
    }

    [Test]
    public void The_default_size_limit_is_256_MB()
        => Assert.That(ParserLimits.Default.MaxInputBytes, Is.EqualTo(256L * 1024 * 1024));

    /// <summary>An endless stream of one YAML comment line after another (as a runaway generator).</summary>
    private sealed class EndlessStream : Stream
    {
        private static readonly byte[] Line = "# a comment line of a stream that never ends\n"u8.ToArray();

        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++) buffer[offset + i] = Line[(int)((BytesRead + i) % Line.Length)];
            BytesRead += count;
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
