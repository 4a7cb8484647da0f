using PodLint.Diagnostics;
using PodLint.Parsing;

namespace PodLint.Tests.Parsing;

/// <summary>Parses text the way the linter does (chunker, then tree builder) and renders nodes for assertions.</summary>
internal static class TreeParsing
{
    public const string File = "pod.yaml";

    /// <summary>Every chunk of the text, in order.</summary>
    public static List<DocumentChunk> Chunks(string text)
    {
        var chunker = new DocumentChunker(new StringLineSource(text));
        var chunks = new List<DocumentChunk>();
        while (chunker.TryRead(out var chunk)) chunks.Add(chunk);
        return chunks;
    }

    /// <summary>Every parsed document of the chunks that have content.</summary>
    public static List<ParsedDocument> Documents(string text, ParserLimits? limits = null)
        => [.. Chunks(text).Where(c => c.HasContent).SelectMany(c => YamlTreeBuilder.Parse(c, File, limits ?? ParserLimits.Default))];

    /// <summary>The root of the only document of the text, which must parse without findings.</summary>
    public static YamlNode Root(string text)
    {
        var documents = Documents(text);
        Assert.That(documents, Has.Count.EqualTo(1), "documents");
        Assert.That(documents[0].Diagnostics.Select(Render), Is.Empty, "parse findings");
        Assert.That(documents[0].Root, Is.Not.Null, "root");
        return documents[0].Root!;
    }

    extension(YamlNode node)
    {
        /// <summary>
        /// The node's field path. The parser knows no field names: the path is the schema's view of the node
        /// (<c>SchemaPaths</c>, map keys in brackets where the field is a map), as findings get it.
        /// </summary>
        public FieldPath Path => PodLint.Schema.SchemaPaths.PathOf(node, PodLint.Schema.KubernetesSchemas.Newest);
    }

    /// <summary>Follows a path of keys (strings) and indexes (ints) from a node, through aliases and merges.</summary>
    public static YamlNode At(this YamlNode node, params object[] steps)
    {
        var current = node;
        foreach (var step in steps)
        {
            current = (step, current.Resolve()) switch
            {
                (string key, MappingNode m) => m.Find(key)?.Value ?? throw new AssertionException($"no key `{key}` under {current.Path}"),
                (int index, SequenceNode s) => s.Items[index],
                _ => throw new AssertionException($"cannot step `{step}` into a {current.Kind} at {current.Path}"),
            };
        }

        return current;
    }

    /// <summary>The key node of an entry of a mapping.</summary>
    public static YamlNode KeyOf(this YamlNode mapping, string key)
        => ((MappingNode)mapping.Resolve()).Find(key)?.Key ?? throw new AssertionException($"no key `{key}`");

    /// <summary><c>line:column-line:column</c>.</summary>
    public static string Range(this YamlNode node) => Range(node.Span);

    public static string Range(SourceSpan s) => FormattableString.Invariant($"{s.StartLine}:{s.StartColumn}-{s.EndLine}:{s.EndColumn}");

    /// <summary>Every node of a tree, depth first, as <c>Kind range path</c> (keys as <c>Key ...</c>).</summary>
    public static List<string> Flatten(YamlNode root)
    {
        var lines = new List<string>();
        Walk(root, "");
        return lines;

        void Walk(YamlNode node, string role)
        {
            lines.Add($"{role}{node.Kind} {node.Range()} {node.Path}");
            switch (node)
            {
                case MappingNode m:
                    foreach (var e in m.Entries)
                    {
                        Walk(e.Key, "Key ");
                        Walk(e.Value, "");
                    }

                    break;
                case SequenceNode s:
                    foreach (var item in s.Items) Walk(item, "");
                    break;
            }
        }
    }

    public static string Render(Diagnostic d) => FormattableString.Invariant($"{d.RuleId} {Range(d.Span)} {d.Message}");
}
