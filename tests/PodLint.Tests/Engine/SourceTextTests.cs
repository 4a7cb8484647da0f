using PodLint.Engine;

namespace PodLint.Tests.Engine;

public class SourceTextTests
{
    [Test]
    public void Documents_added_in_any_order_are_kept_in_line_order()
    {
        var text = new SourceText(false);
        text.Add(10, "j: 10\nk: 11\n");
        text.Add(1, "a: 1\n");
        text.Add(20, "t: 20\n");
        text.Add(5, "e: 5\nf: 6");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text.Lines().Select(l => l.Line), Is.EqualTo(new[] { 1, 5, 6, 10, 11, 20 }));
            Assert.That(text.GetLine(6), Is.EqualTo("f: 6"));
            Assert.That(text.GetLine(11), Is.EqualTo("k: 11"));
            Assert.That(text.GetLine(7), Is.Null, "a line of a document without findings is not kept");
            Assert.That(text.LineCount, Is.EqualTo(6));
        }
    }

    [Test]
    public void Only_the_wanted_lines_of_a_document_are_kept()
    {
        var text = new SourceText(false);
        text.Add(3, "a: 1\r\nb: 2\n\nd: 4\u2028e: 5\n", new HashSet<int> { 4, 5, 7, 8 });
        text.Add(1, "\uFEFFx: 0\n", new HashSet<int> { 1 });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(text.Lines(), Is.EqualTo(new[] { (1, "x: 0"), (4, "b: 2"), (5, ""), (7, "e: 5") }),
                "line 8 does not exist (the text ends with a line break); the byte-order mark is not part of line 1");
            Assert.That(text.GetLine(3), Is.Null);
        }
    }
}
