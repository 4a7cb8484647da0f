using PodLint.Parsing;

namespace PodLint.Tests.Parsing;

/// <summary>The chunker splits a stream into documents at <c>---</c> and <c>...</c> lines before parsing.</summary>
[TestFixture]
public class DocumentChunkerTests
{
    /// <summary><c>first/marker/content: text</c> of every chunk (first line, marker line, whether it has content).</summary>
    private static string[] Describe(string text) =>
    [
        .. TreeParsing.Chunks(text).Select(c => FormattableString.Invariant(
            $"{c.FirstLine}/{c.MarkerLine}/{(c.HasContent ? "content" : "empty")}: {c.Text.Replace("\n", "|", StringComparison.Ordinal)}")),
    ];

    private static bool[] IsLast(string text) => [.. TreeParsing.Chunks(text).Select(c => c.IsLast)];

    [Test]
    public void A_single_document_without_markers_is_one_chunk()
        => Assert.That(Describe("a: 1\nb: 2\n"), Is.EqualTo(new[] { "1/0/content: a: 1|b: 2|" }));

    [Test]
    public void An_empty_input_has_no_chunks()
        => Assert.That(TreeParsing.Chunks(""), Is.Empty);

    [Test]
    public void Splits_at_document_start_markers_and_keeps_each_marker_with_its_document()
    {
        var chunks = Describe("a: 1\n---\nb: 2\n---\nc: 3\n");
        Assert.That(chunks, Is.EqualTo(new[]
        {
            "1/0/content: a: 1|",
            "2/2/content: ---|b: 2|",
            "4/4/content: ---|c: 3|",
        }));
    }

    [Test]
    public void Splits_after_document_end_markers()
    {
        var chunks = Describe("a: 1\n...\nb: 2\n...\n---\nc: 3\n");
        Assert.That(chunks, Is.EqualTo(new[]
        {
            "1/0/content: a: 1|...|",
            "3/0/content: b: 2|...|",
            "5/5/content: ---|c: 3|",
        }));
    }

    [Test]
    public void Content_on_the_marker_line_is_content()
    {
        var chunks = Describe("--- {a: 1}\n--- # only a comment\n---\tb: 2\n--- |\n  text\n");
        Assert.That(chunks, Is.EqualTo(new[]
        {
            "1/1/content: --- {a: 1}|",
            "2/2/empty: --- # only a comment|",
            "3/3/content: ---\tb: 2|",
            "4/4/content: --- ||  text|",
        }));
    }

    [Test]
    public void Lines_that_only_look_like_markers_are_content()
    {
        // Four dashes, a marker glued to text, and an indented marker do not start documents.
        var chunks = Describe("a: |\n  ---\n----: 1\n---x: 2\n....: 3\n");
        Assert.That(chunks, Is.EqualTo(new[] { "1/0/content: a: ||  ---|----: 1|---x: 2|....: 3|" }));
    }

    [Test]
    public void Leading_comments_belong_to_the_first_document()
    {
        var chunks = Describe("# license header\n\n# more\n---\napiVersion: v1\n");
        Assert.That(chunks, Is.EqualTo(new[] { "1/4/content: # license header||# more|---|apiVersion: v1|" }));
    }

    [Test]
    public void Directives_belong_to_the_document_they_precede()
    {
        var chunks = Describe("%YAML 1.1\n%TAG !k8s! tag:k8s.io,2024:\n---\na: 1\n...\n%YAML 1.1\n---\nb: 2\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks, Is.EqualTo(new[]
            {
                "1/3/content: %YAML 1.1|%TAG !k8s! tag:k8s.io,2024:|---|a: 1|...|",
                "6/7/content: %YAML 1.1|---|b: 2|",
            }));
            // The chunks are valid YAML on their own.
            Assert.That(TreeParsing.Documents("%YAML 1.1\n---\na: 1\n...\n%YAML 1.1\n---\nb: 2\n").SelectMany(d => d.Diagnostics), Is.Empty);
        }
    }

    [Test]
    public void Empty_documents_between_markers_are_chunks_without_content()
    {
        var chunks = Describe("a: 1\n---\n---\n# nothing here\n---\nb: 2\n");
        Assert.That(chunks, Is.EqualTo(new[]
        {
            "1/0/content: a: 1|",
            "2/2/empty: ---|",
            "3/3/empty: ---|# nothing here|",
            "5/5/content: ---|b: 2|",
        }));
    }

    [Test]
    public void CRLF_and_CR_line_ends_give_the_same_chunks_as_LF()
    {
        const string Lf = "# c\n---\na: 1\n...\nb: 2\n---\n";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Describe(Lf.Replace("\n", "\r\n", StringComparison.Ordinal)), Is.EqualTo(Describe(Lf)));
            Assert.That(Describe(Lf.Replace("\n", "\r", StringComparison.Ordinal)), Is.EqualTo(Describe(Lf)));
            Assert.That(Describe("\uFEFF" + Lf), Is.EqualTo(Describe(Lf)));
        }
    }

    [Test]
    public void The_last_line_needs_no_line_break()
        => Assert.That(Describe("a: 1\n---\nb: 2"), Is.EqualTo(new[] { "1/0/content: a: 1|", "2/2/content: ---|b: 2|" }));

    [Test]
    public void A_single_chunk_is_the_last()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(IsLast("a: 1\n"), Is.EqualTo(new[] { true }));
            Assert.That(IsLast("# only a comment\n"), Is.EqualTo(new[] { true }));
            Assert.That(IsLast("---\n"), Is.EqualTo(new[] { true }));
        }
    }

    [Test]
    public void A_trailing_marker_after_one_document_is_the_last_chunk()
    {
        // Two chunks: the document, then the trailing `---`. Only the second is last (DocumentChecker relies on it
        // to leave a trailing `---` unreported).
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Describe("a: 1\n---\n"), Is.EqualTo(new[] { "1/0/content: a: 1|", "2/2/empty: ---|" }));
            Assert.That(IsLast("a: 1\n---\n"), Is.EqualTo(new[] { false, true }));
        }
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    [TestCase(6)]
    public void Exactly_the_final_chunk_is_marked_last(int documents)
    {
        var text = string.Concat(Enumerable.Range(0, documents).Select(i => FormattableString.Invariant($"---\nd: {i}\n")));
        Assert.That(IsLast(text), Is.EqualTo(Enumerable.Range(0, documents).Select(i => i == documents - 1).ToArray()));
    }

    [Test]
    public void Chunk_first_lines_are_file_lines()
    {
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => FormattableString.Invariant($"---\n# doc {i}\nd: {i}\n")));
        var chunks = TreeParsing.Chunks(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(chunks, Has.Count.EqualTo(50));
            Assert.That(chunks.Select(c => c.FirstLine), Is.EqualTo(Enumerable.Range(0, 50).Select(i => (3 * i) + 1)));
            Assert.That(chunks.Select(c => c.MarkerLine), Is.EqualTo(Enumerable.Range(0, 50).Select(i => (3 * i) + 1)));
            Assert.That(TreeParsing.Documents(text).Select(d => d.Root!.At("d").Span.StartLine), Is.EqualTo(Enumerable.Range(0, 50).Select(i => (3 * i) + 3)));
        }
    }
}
