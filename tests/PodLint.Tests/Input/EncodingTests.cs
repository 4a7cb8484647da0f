using System.Text;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Input;

/// <summary>PL0009 and PL0010, and positions of byte input (BOM, CRLF, multi-byte characters across read buffers).</summary>
[TestFixture]
public class EncodingTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string PodWithDuplicateContainers(string name) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
        spec:
          containers:
            - name: app
              image: nginx
            - name: app
              image: nginx

        """;

    /// <summary>Replaces the UTF-8 encoding of <paramref name="character"/> in <paramref name="bytes"/> by <paramref name="replacement"/>.</summary>
    private static byte[] Replace(byte[] bytes, string character, byte[] replacement)
    {
        var needle = Utf8.GetBytes(character);
        var at = bytes.AsSpan().IndexOf(needle);
        Assert.That(at, Is.GreaterThanOrEqualTo(0));
        return [.. bytes[..at], .. replacement, .. bytes[(at + needle.Length)..]];
    }

    // ---- PL0009 binary-file ---------------------------------------------------------------------------------

    [Test]
    public async Task A_binary_file_is_reported_once_at_1_1()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x0A, 0x00, 0xFF];
        var result = await Lint.BytesAsync(png);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0009 1:1-1:1" }));
        var d = result.Diagnostics[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.RuleName, Is.EqualTo("binary-file"));
            Assert.That(d.Message, Is.EqualTo("binary file: it contains NUL bytes, so it is not a YAML or JSON manifest"));
            Assert.That(result.DocumentCount, Is.EqualTo(0));
        }
    }

    [Test]
    public async Task A_manifest_with_a_NUL_byte_near_its_start_is_binary()
    {
        var bytes = Utf8.GetBytes(Lint.Pod("web").Replace("web", "w\0b", StringComparison.Ordinal));
        Assert.That(Lint.Where(await Lint.BytesAsync(bytes)), Is.EqualTo(new[] { "PL0009 1:1-1:1" }));
    }

    [Test]
    public async Task UTF16_without_a_byte_order_mark_is_binary()
    {
        var result = await Lint.BytesAsync(new UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes(Lint.Pod("web")));
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0009 1:1-1:1" }));
    }

    // ---- PL0010 invalid-encoding ----------------------------------------------------------------------------

    [Test]
    public async Task Invalid_UTF8_in_the_third_document_is_reported_at_its_line_and_column_and_earlier_documents_are_checked()
    {
        var text = Lint.Pod("web") + "---\n" + PodWithDuplicateContainers("second") + "---\n" + """
            apiVersion: v1
            kind: Pod
            metadata:
              name: menu
              annotations:
                description: "Café menu service"
            spec:
              containers:
                - name: app
                  image: nginx
                - name: app
                  image: nginx

            """;
        // Saved as Windows-1252: `é` is the single byte 0xE9.
        var bytes = Replace(Utf8.GetBytes(text), "é", [0xE9]);
        var result = await Lint.BytesAsync(bytes);
        // Lines 1-8: Pod 1; 9: ---; 10-19: Pod 2 (duplicate at 18); 20: ---; 21-: Pod 3, `é` at 26:22.
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL2001 18:13-18:16 spec.containers[1].name", "PL0010 26:22-26:22" }),
            () => Lint.Dump(result));
        var d = result.Single(RuleIds.InvalidEncoding);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.RuleName, Is.EqualTo("invalid-encoding"));
            Assert.That(d.Message, Is.EqualTo("invalid UTF-8 byte 0xE9; the file must be UTF-8 encoded"));
            Assert.That(d.Help, Does.Contain("re-save the file as UTF-8"));
            Assert.That(result.PodCount, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Invalid_UTF8_in_the_second_document_does_not_hide_the_first()
    {
        var text = PodWithDuplicateContainers("first") + "---\n" + Lint.Pod("café");
        var bytes = Replace(Utf8.GetBytes(text), "é", [0xE9]);
        var result = await Lint.BytesAsync(bytes);
        // Lines 1-10: Pod 1 (duplicate at 9); 11: ---; 12-: Pod 2, `é` at 15:12.
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL2001 9:13-9:16 spec.containers[1].name", "PL0010 15:12-15:12" }),
            () => Lint.Dump(result));
    }

    [Test]
    public async Task Invalid_UTF8_on_the_first_line_is_reported_at_its_column()
    {
        var bytes = Replace(Utf8.GetBytes("# Café\n" + Lint.Pod("web")), "é", [0xE9]);
        Assert.That(Lint.Where(await Lint.BytesAsync(bytes)), Is.EqualTo(new[] { "PL0010 1:6-1:6" }));
    }

    [Test]
    public async Task A_file_ending_in_the_middle_of_a_UTF8_sequence_is_reported_where_it_ends()
    {
        var bytes = Utf8.GetBytes(Lint.Pod("web") + "# caf").Concat(new byte[] { 0xC3 }).ToArray();
        var result = await Lint.BytesAsync(bytes);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0010 9:6-9:6" }), () => Lint.Dump(result));
    }

    [Test]
    public async Task A_file_ending_in_the_middle_of_a_UTF8_sequence_says_so()
    {
        var bytes = Utf8.GetBytes(Lint.Pod("web") + "# caf").Concat(new byte[] { 0xC3 }).ToArray();
        var result = await Lint.BytesAsync(bytes);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0010 9:6-9:6" }), () => Lint.Dump(result));
        Assert.That(result.Diagnostics[0].Message, Is.EqualTo("the file ends in the middle of a UTF-8 sequence"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task UTF16_with_a_byte_order_mark_is_an_encoding_error(bool bigEndian)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var result = await Lint.BytesAsync([.. bytes.GetPreamble(), .. bytes.GetBytes(Lint.Pod("web"))]);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0010 1:1-1:1" }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Diagnostics[0].Message, Does.Contain("UTF-16"));
            Assert.That(result.Diagnostics[0].Message, Does.Contain("save it as UTF-8"));
        }
    }

    [Test]
    public async Task Encoding_findings_of_a_file_carry_its_path()
    {
        var dir = Directory.CreateTempSubdirectory("podlint-encoding-");
        try
        {
            var binary = Path.Combine(dir.FullName, "image.yaml");
            var latin1 = Path.Combine(dir.FullName, "latin1.yaml");
            await File.WriteAllBytesAsync(binary, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x00, 0x00]);
            await File.WriteAllBytesAsync(latin1, Replace(Utf8.GetBytes(Lint.Pod("café")), "é", [0xE9]));
            var result = await new PodLinter().LintPathsAsync([binary, latin1]);
            Assert.That(result.Diagnostics.Select(d => (d.File, Lint.Where(d))), Is.EquivalentTo(new[]
            {
                (binary, "PL0009 1:1-1:1"),
                (latin1, "PL0010 4:12-4:12"),
            }));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // ---- positions of byte input --------------------------------------------------------------------------

    [Test]
    public async Task A_UTF8_byte_order_mark_does_not_shift_columns_on_line_1()
    {
        var text = Lint.Pod("web").Replace("apiVersion: v1", "apiVersion: apps/v1", StringComparison.Ordinal);
        var withBom = await Lint.BytesAsync([0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(text)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(withBom), Is.EqualTo(new[] { "PL0008 1:13-1:20 apiVersion" }));
            Assert.That(Lint.Where(Lint.Text("\uFEFF" + text)), Is.EqualTo(new[] { "PL0008 1:13-1:20 apiVersion" }));
        }
    }

    private const string Findings = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web # é日😀
        spec:
          containers:
            - { name: "😀😀", image: "" }
            - name: 😀😀
              image: nginx
        ---
        apiVersion: apps/v1
        kind: Pod
        metadata: { name: a }
        spec: { containers: [ { name: a, image: b } ] }

        """;

    private static readonly string[] FindingsWhere =
    [
        "PL2020 7:15-7:21 spec.containers[0].name",
        "PL2002 7:30-7:32 spec.containers[0].image",
        "PL2001 8:13-8:17 spec.containers[1].name",
        "PL2020 8:13-8:17 spec.containers[1].name",
        "PL0008 11:13-11:20 apiVersion",
    ];

    [Test]
    public async Task CRLF_bytes_give_the_same_positions_as_LF()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lint.Where(Lint.Text(Findings)), Is.EqualTo(FindingsWhere));
            Assert.That(Lint.Where(await Lint.BytesAsync(Utf8.GetBytes(Findings))), Is.EqualTo(FindingsWhere));
            Assert.That(Lint.Where(await Lint.BytesAsync(Utf8.GetBytes(Findings.Replace("\n", "\r\n", StringComparison.Ordinal)))), Is.EqualTo(FindingsWhere));
        }
    }

    /// <summary>Lints on a thread of its own and fails, instead of hanging the run, if linting does not end.</summary>
    private static async Task<LintResult> LintOrFailAsync(byte[] bytes)
    {
        var done = new TaskCompletionSource<LintResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(new PodLinter().LintStreamAsync(new MemoryStream(bytes, writable: false), Lint.File).GetAwaiter().GetResult());
            }
#pragma warning disable CA1031 // Reported to the test through the task.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                done.SetException(ex);
            }
        }) { IsBackground = true };
        thread.Start();
        if (await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(10))) != done.Task)
        {
            Assert.Fail("linting did not end within 10 s (an endless loop in the reader); the thread keeps spinning until the run ends");
        }

        return await done.Task;
    }

    // The reader decodes 64 KiB at a time into a 64 Ki-char buffer. Line 1 is a comment that puts a character
    // across the end of the first buffer: a CR whose LF is in the next buffer, or a multi-byte character split
    // after `bytesBefore` bytes.
    [TestCase("\r", 1)]
    [TestCase("é", 1)]
    [TestCase("日", 1)]
    [TestCase("日", 2)]
    [TestCase("😀", 2)]
    [TestCase("😀", 3)]
    // The line fills 65,535 of the 65,536 chars of the buffer and U+1F600 needs two (once an endless loop).
    [TestCase("😀", 1)]
    public async Task Positions_survive_a_read_buffer_boundary(string character, int bytesBefore)
    {
        const int BufferSize = 1 << 16;
        var crlf = character == "\r";
        var firstLine = "#" + new string('x', BufferSize - bytesBefore - 1) + character + "\n";
        var findings = crlf ? Findings.Replace("\n", "\r\n", StringComparison.Ordinal) : Findings;
        var result = await LintOrFailAsync(Utf8.GetBytes(firstLine + findings));
        Assert.That(Lint.Where(result), Is.EqualTo(FindingsWhere.Select(w => ShiftLines(w, 1)).ToArray()), () => Lint.Dump(result));
    }

    [Test]
    public async Task A_supplementary_character_at_the_end_of_a_grown_buffer_does_not_hang()
    {
        // The same endless loop once the buffer has grown to 128 Ki chars: a line of 131,071 chars, then U+1F600.
        // (A mapping with neither apiVersion nor kind is skipped as not a Kubernetes object, so the long value is the kind:
        // the object's kind, read whole, proves the line was.)
        var text = "kind: " + new string('x', (1 << 17) - 7) + "😀\n";
        var result = await LintOrFailAsync(Utf8.GetBytes(text));
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL0005 1:1-1:5 apiVersion" }));
        Assert.That(result.SkippedObjects.Keys.Single(), Has.Length.EqualTo((1 << 17) - 7 + 2).And.EndsWith("😀"));
    }

    [Test]
    public async Task A_line_longer_than_the_read_buffer()
    {
        var text = Findings.Replace("name: web # é日😀", "name: web\n  annotations:\n    long: " + string.Concat(Enumerable.Repeat("é日😀 ", 25_000)), StringComparison.Ordinal);
        var result = await Lint.BytesAsync(Utf8.GetBytes(text));
        Assert.That(Lint.Where(result), Is.EqualTo(FindingsWhere.Select(w => ShiftLines(w, 2)).ToArray()), () => Lint.Dump(result));
    }

    [Test]
    public async Task Many_documents_across_many_read_buffers()
    {
        var text = string.Join("---\n", Enumerable.Repeat(Findings, 400));
        var fromBytes = await Lint.BytesAsync(Utf8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)));
        var fromText = Lint.Text(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromBytes.Diagnostics, Has.Length.EqualTo(400 * FindingsWhere.Length));
            Assert.That(Lint.Where(fromBytes), Is.EqualTo(Lint.Where(fromText)));
            Assert.That(Lint.Where(fromBytes.Diagnostics[^1]), Is.EqualTo(ShiftLines(FindingsWhere[^1], 399 * 15)));
        }
    }

    private static string ShiftLines(string where, int lines)
    {
        // "RULE l:c-l:c path" → each line number + lines.
        var parts = where.Split(' ');
        var range = parts[1].Split('-');
        string Shift(string point)
        {
            var lc = point.Split(':');
            return (int.Parse(lc[0], System.Globalization.CultureInfo.InvariantCulture) + lines).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + lc[1];
        }

        parts[1] = Shift(range[0]) + "-" + Shift(range[1]);
        return string.Join(' ', parts);
    }
}
