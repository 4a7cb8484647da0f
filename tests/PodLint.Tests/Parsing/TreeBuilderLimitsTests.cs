using PodLint.Diagnostics;
using PodLint.Parsing;

namespace PodLint.Tests.Parsing;

/// <summary>The limits of <see cref="ParserLimits"/> at their boundaries.</summary>
[TestFixture]
public class TreeBuilderLimitsTests
{
    private static string Nested(int depth) => "a: " + new string('[', depth - 1) + "1" + new string(']', depth - 1) + "\n";

    [Test]
    public void A_document_exactly_as_deep_as_the_limit_is_accepted()
    {
        // The root mapping is level 1, each `[` one more.
        var documents = TreeParsing.Documents(Nested(100));
        Assert.That(documents, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(documents[0].Diagnostics, Is.Empty);
            Assert.That(documents[0].Root, Is.Not.Null);
        }
    }

    [Test]
    public void One_level_more_is_reported_at_the_first_node_past_the_limit()
    {
        var documents = TreeParsing.Documents(Nested(101));
        Assert.That(documents, Has.Count.EqualTo(1));
        var d = documents[0].Diagnostics.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(documents[0].Root, Is.Null);
            Assert.That(d.RuleId, Is.EqualTo(RuleIds.NestingDepthLimit));
            // `a: ` then 99 brackets are levels 2..100; the 100th bracket, column 103, is level 101.
            Assert.That(TreeParsing.Range(d.Span), Is.EqualTo("1:103-1:104"));
            Assert.That(d.Message, Is.EqualTo("the document is nested deeper than 100 levels; the rest of it is not checked"));
        }
    }

    [Test]
    public void The_depth_limit_is_configurable()
    {
        var documents = TreeParsing.Documents(Nested(5), new ParserLimits(MaxDepth: 4));
        Assert.That(documents.Single().Diagnostics.Select(TreeParsing.Render),
            Is.EqualTo(new[] { "PL0013 1:7-1:8 the document is nested deeper than 4 levels; the rest of it is not checked" }));
    }

    [Test]
    public void Aliases_are_counted_not_expanded()
    {
        // 3 aliases to a 4-node sequence: 12 nodes of expansion.
        const string Text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TreeParsing.Documents(Text, new ParserLimits(MaxAliasExpansion: 12)).Single().Diagnostics, Is.Empty);
            Assert.That(TreeParsing.Documents(Text, new ParserLimits(MaxAliasExpansion: 11)).Single().Diagnostics.Select(TreeParsing.Render),
                Is.EqualTo(new[] { "PL0012 2:13-2:15 aliases in this document would expand into more than 11 nodes; the document is not checked" }));
        }
    }

    [Test]
    public void Each_document_has_its_own_alias_budget_and_anchors()
    {
        const string Text = "a: &a [1, 2, 3]\nb: [*a, *a]\n---\na: &a [1, 2, 3]\nb: [*a, *a]\n";
        var documents = TreeParsing.Documents(Text, new ParserLimits(MaxAliasExpansion: 8));
        Assert.That(documents.SelectMany(d => d.Diagnostics), Is.Empty);
    }
}
