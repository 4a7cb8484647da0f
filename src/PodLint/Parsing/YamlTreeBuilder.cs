using System.Collections.Immutable;
using System.Globalization;
using PodLint.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PodLint.Parsing;

/// <summary>Bounds that keep hostile input from exhausting time or memory.</summary>
/// <param name="MaxDepth">Deepest nesting of collections a document may have.</param>
/// <param name="MaxAliasExpansion">How many nodes aliases may stand for, beyond the nodes written.</param>
public sealed record ParserLimits(int MaxDepth = 100, long MaxAliasExpansion = 100_000)
{
    /// <summary>The defaults: depth 100, 100,000 nodes of alias expansion, inputs of at most 256 MB.</summary>
    public static ParserLimits Default { get; } = new();

    /// <summary>
    /// The largest input read, in bytes (default 256 MB, far above any real manifest): a larger file or stream is a
    /// finding and is not read further (<c>/dev/zero</c>, a runaway generator).
    /// </summary>
    public long MaxInputBytes { get; init; } = 256L * 1024 * 1024;
}

/// <summary>
/// One parsed YAML document: its root (null when empty or unusable), the findings of parsing it, and the keys written
/// twice in one mapping. Those are reported by the object layer, which knows the field paths (map keys print as
/// <c>[key]</c> only where the schema says the field is a map).
/// </summary>
internal sealed record ParsedDocument(YamlNode? Root, SourceSpan Start, IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<DuplicateKey>? Duplicates = null);

/// <summary>A key written twice in one mapping: the entry that counts (the later one) and the first.</summary>
/// <param name="First">The first entry of the key.</param>
/// <param name="Duplicate">The later entry, which the API server's decoder would keep (and rejects, strictly).</param>
internal readonly record struct DuplicateKey(MappingEntry First, MappingEntry Duplicate);

/// <summary>
/// Builds the positioned node tree of one document chunk straight from YamlDotNet's parser events
/// (cheaper than <c>YamlStream</c>), detecting duplicate keys, merge keys, unknown aliases, alias bombs and
/// absurd depth on the way.
/// </summary>
internal sealed class YamlTreeBuilder
{
    private readonly string _file;
    private readonly int _lineOffset;
    private readonly ParserLimits _limits;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _stack = new();
    private readonly Stack<Frame> _freeFrames = new();
    private readonly List<DuplicateKey> _duplicates = [];
    private List<DuplicateKey>? _reportedDuplicates;
    private long _aliasExpansion;
    private YamlNode? _root;
    private SourceSpan _lastPosition;
    private GoYamlEscapes? _escapes;
    private GoYamlEscapes? _readAgain;
    private string _text = string.Empty;

    private YamlTreeBuilder(string file, int firstLine, ParserLimits limits)
    {
        _file = file;
        _lineOffset = firstLine - 1;
        _limits = limits;
        _lastPosition = SourceSpan.At(file, firstLine, 1);
    }

    /// <summary>An open collection. Frames are reused: a document opens thousands of collections, a few at a time.</summary>
    private sealed class Frame
    {
        public YamlNode Node { get; set; } = null!;

        public YamlNode? PendingKey { get; set; }

        public Dictionary<string, MappingEntry>? KeyIndex { get; set; }
    }

    /// <summary>Parses the documents of one chunk (normally exactly one).</summary>
    public static List<ParsedDocument> Parse(DocumentChunk chunk, string file, ParserLimits limits)
    {
        var documents = new List<ParsedDocument>(1);
        var builder = new YamlTreeBuilder(file, chunk.FirstLine, limits);
        builder.Run(chunk.Text, documents);
        if (builder._readAgain is { } escapes)
        {
            // go-yaml's `\'` escape: read the chunk again, rewritten (see GoYamlEscapes). Lines and columns do not move.
            documents.Clear();
            builder = new YamlTreeBuilder(file, chunk.FirstLine, limits) { _escapes = escapes };
            builder.Run(escapes.Text, documents);
        }

        return documents;
    }

    private void Run(string text, List<ParsedDocument> documents)
    {
        _text = text;
        var scanner = new Scanner(new StringReader(text));
        var parser = new Parser(scanner);
        var documentStart = _lastPosition;
        var inDocument = false;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                _lastPosition = Point(e.End);
                switch (e)
                {
                    case DocumentStart ds:
                        documentStart = Point(ds.Start);
                        inDocument = true;
                        _root = null;
                        _anchors.Clear();
                        _aliasExpansion = 0;
                        break;
                    case DocumentEnd:
                        ReportDuplicates();
                        documents.Add(new ParsedDocument(_root, documentStart, [.. _diagnostics], TakeDuplicates()));
                        _diagnostics.Clear();
                        inDocument = false;
                        break;
                    case Scalar scalar:
                        var node = new ScalarNode(Span(scalar.Start, scalar.End), _escapes?.Restore(scalar) ?? scalar.Value,
                            scalar.Style == ScalarStyle.Plain, scalar.Tag.IsEmpty ? null : scalar.Tag.Value);
                        Register(scalar, node);
                        Attach(node);
                        break;
                    case MappingStart ms:
                        Push(ms, new MappingNode(Span(ms.Start, ms.End), ms.Style == MappingStyle.Flow));
                        break;
                    case SequenceStart ss:
                        Push(ss, new SequenceNode(Span(ss.Start, ss.End), ss.Style == SequenceStyle.Flow));
                        break;
                    case MappingEnd or SequenceEnd:
                        Pop(e);
                        break;
                    case AnchorAlias alias:
                        Alias(alias);
                        break;
                }
            }
        }
        catch (AbortDocumentException)
        {
            _duplicates.Clear();
            documents.Add(new ParsedDocument(null, documentStart, [.. _diagnostics], TakeDuplicates()));
            return;
        }
        catch (YamlException ex) when (_escapes is null && GoYamlEscapes.IsQuoteEscape(text, ex))
        {
            // go-yaml reads `\'` as `'` in double quotes: Parse reads the chunk again, rewritten.
            _readAgain = GoYamlEscapes.Rewrite(text, ex);
            return;
        }
        catch (YamlException ex) when (ex.Start.Index >= text.Length - 1 && HasOpenFlowCollection())
        {
            // An unclosed `[` or `{` surfaces at the end of the input: point at the bracket instead.
            ReportUnpositionedError();
            UnwindAndReportDuplicates();
            documents.Add(new ParsedDocument(null, documentStart, [.. _diagnostics], TakeDuplicates()));
            return;
        }
        catch (YamlException ex)
        {
            UnwindAndReportDuplicates();
            // Some errors carry no position (Mark.Empty): the scanner knows where it stopped.
            var start = ex.Start.Equals(Mark.Empty) && ex.End.Equals(Mark.Empty) ? Point(scanner.CurrentPosition)
                : ex.Start.Line > 0 ? Point(ex.Start) : _lastPosition;
            _diagnostics.Add(Error(InputRules.YamlSyntax, start, [("reason", Sentence(ex.Message))],
                "fix the syntax at this position; other documents of the stream are still checked"));
            documents.Add(new ParsedDocument(null, documentStart, [.. _diagnostics], TakeDuplicates()));
            return;
        }
#pragma warning disable CA1031 // YamlDotNet throws InvalidOperationException and others without a position on some malformed input.
        catch (Exception)
#pragma warning restore CA1031
        {
            ReportUnpositionedError();
            UnwindAndReportDuplicates();
            documents.Add(new ParsedDocument(null, documentStart, [.. _diagnostics], TakeDuplicates()));
            return;
        }

        if (inDocument) documents.Add(new ParsedDocument(_root, documentStart, [.. _diagnostics], TakeDuplicates()));
    }

    /// <summary>After a syntax error, attaches the open collections to their parents so that paths are whole.</summary>
    private void UnwindAndReportDuplicates()
    {
        if (_duplicates.Count > 0)
        {
            while (_stack.Count > 0)
            {
                var frame = _stack.Pop();
                Attach(frame.Node);
            }
        }

        ReportDuplicates();
    }

    private void ReportDuplicates()
    {
        if (_duplicates.Count == 0) return;
        (_reportedDuplicates ??= []).AddRange(_duplicates);
        _duplicates.Clear();
    }

    private List<DuplicateKey>? TakeDuplicates()
    {
        var taken = _reportedDuplicates;
        _reportedDuplicates = null;
        return taken;
    }

    private bool HasOpenFlowCollection() => _stack.Any(f => f.Node is MappingNode { IsFlow: true } or SequenceNode { IsFlow: true });

    private void ReportUnpositionedError()
    {
        // The usual cause: a flow collection that is never closed. Point at its opening bracket.
        foreach (var frame in _stack)
        {
            var (isFlow, what, bracket) = frame.Node switch
            {
                SequenceNode s => (s.IsFlow, "sequence", "["),
                MappingNode m => (m.IsFlow, "mapping", "{"),
                _ => (false, "", ""),
            };
            if (!isFlow) continue;
            var start = frame.Node.Span;
            _diagnostics.Add(Error(InputRules.UnclosedFlow, start with { EndLine = start.StartLine, EndColumn = start.StartColumn + 1 },
                [("collection", what), ("open", bracket), ("close", bracket == "[" ? "]" : "}")]));
            return;
        }

        _diagnostics.Add(Error(InputRules.UnexpectedStructure, _lastPosition, []));
    }

    private void Push(NodeEvent e, YamlNode node)
    {
        if (_stack.Count >= _limits.MaxDepth)
        {
            _diagnostics.Add(Error(InputRules.TooDeep, node.Span with { EndLine = node.Span.StartLine, EndColumn = node.Span.StartColumn + 1 },
                [("limit", _limits.MaxDepth.ToString(CultureInfo.InvariantCulture))]));
            throw new AbortDocumentException();
        }

        Register(e, node);
        var frame = _freeFrames.Count > 0 ? _freeFrames.Pop() : new Frame();
        frame.Node = node;
        _stack.Push(frame);
    }

    private void Pop(ParsingEvent e)
    {
        var frame = _stack.Pop();
        var node = frame.Node;
        var isFlow = node is MappingNode { IsFlow: true } or SequenceNode { IsFlow: true };
        var span = node.Span;
        if (isFlow)
        {
            node.Span = span with { EndLine = (int)e.Start.Line + _lineOffset, EndColumn = (int)e.Start.Column + 1 };
        }
        else if (LastChild(node) is { } last)
        {
            node.Span = span with { EndLine = last.Span.EndLine, EndColumn = last.Span.EndColumn };
        }

        if (frame.PendingKey is not null)
        {
            // A key without a value cannot come from YamlDotNet; treat it as a null value.
            AttachToMapping(frame, frame.PendingKey, new ScalarNode(frame.PendingKey.Span, string.Empty, true, null));
        }

        frame.PendingKey = null;
        frame.KeyIndex = null;
        _freeFrames.Push(frame);
        Attach(node);
    }

    private static YamlNode? LastChild(YamlNode node) => node switch
    {
        MappingNode m when m.Entries.Count > 0 => m.Entries[^1].Value,
        SequenceNode s when s.Items.Count > 0 => s.Items[^1],
        _ => null,
    };

    private void Alias(AnchorAlias alias)
    {
        var span = Span(alias.Start, alias.End);
        var name = alias.Value.Value;
        if (!_anchors.TryGetValue(name, out var target))
        {
            _diagnostics.Add(Error(InputRules.UndefinedAlias, span, [("anchor", name)]));
            Attach(ScalarNode.Invalid(span, "*" + name));
            return;
        }

        if (_stack.Any(f => ReferenceEquals(f.Node, target)))
        {
            // go-yaml, and so kubectl, refuses a node that contains an alias to itself.
            _diagnostics.Add(Error(InputRules.SelfAlias, span, [("anchor", name)]));
            Attach(ScalarNode.Invalid(span, "*" + name));
            return;
        }

        _aliasExpansion = MappingNode.Saturate(_aliasExpansion + target.ExpandedSize);
        if (_aliasExpansion > _limits.MaxAliasExpansion)
        {
            _diagnostics.Add(Error(InputRules.TooManyAliasNodes, span, [("limit", _limits.MaxAliasExpansion.ToString(CultureInfo.InvariantCulture))]));
            throw new AbortDocumentException();
        }

        Attach(new AliasNode(span, name, target));
    }

    private void Register(NodeEvent e, YamlNode node)
    {
        if (!e.Anchor.IsEmpty) _anchors[e.Anchor.Value] = node;
    }

    private void Attach(YamlNode node)
    {
        if (_stack.Count == 0)
        {
            _root = node;
            return;
        }

        var frame = _stack.Peek();
        switch (frame.Node)
        {
            case SequenceNode seq:
                node.Parent = seq;
                node.IndexInParent = seq.Items.Count;
                seq.Add(node);
                break;
            case MappingNode:
                if (frame.PendingKey is null)
                {
                    frame.PendingKey = node;
                }
                else
                {
                    var key = frame.PendingKey;
                    frame.PendingKey = null;
                    AttachToMapping(frame, key, node);
                }

                break;
        }
    }

    private void AttachToMapping(Frame frame, YamlNode key, YamlNode value)
    {
        var map = (MappingNode)frame.Node;
        var keyText = key is ScalarNode s ? s.Value : null;
        if (key is ScalarNode { IsPlain: true, Value: "<<" } && IsMergeSource(value))
        {
            if (value.Resolve() is SequenceNode seq)
            {
                foreach (var item in seq.Items) map.AddMerge(item);
            }
            else
            {
                map.AddMerge(value);
            }

            return;
        }

        if (key.Resolve() is not ScalarNode)
        {
            // `? [a, b]: x` is valid YAML, but JSON (and so the API server) has only string keys: the entry is an error,
            // not silently dropped.
            var start = key.Span;
            _diagnostics.Add(Error(InputRules.NonScalarKey, start.FirstLine(),
                [("shape", key.Resolve() is SequenceNode ? "a sequence" : "a mapping")]));
        }

        key.Parent = map;
        key.KeyInParent = keyText;
        value.Parent = map;
        value.KeyInParent = keyText;
        var entry = new MappingEntry(key, value);
        if (keyText is not null && FindEarlier(frame, map, keyText) is { } first)
        {
            // Paths are known once the whole document is built: report then.
            _duplicates.Add(new DuplicateKey(first, entry));
            map.HasDuplicateKeys = true;
        }

        map.Add(entry);
        if (keyText is not null) frame.KeyIndex?.TryAdd(keyText, entry);
    }

    private static MappingEntry? FindEarlier(Frame frame, MappingNode map, string keyText)
    {
        const int IndexThreshold = 16;
        var entries = map.Entries;
        if (frame.KeyIndex is null && entries.Count < IndexThreshold)
        {
            // An indexed loop: foreach over IReadOnlyList<T> boxes the list's enumerator, once per entry added.
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                if (e.KeyText is { } k && string.Equals(k, keyText, StringComparison.Ordinal)) return e;
            }

            return null;
        }

        if (frame.KeyIndex is null)
        {
            frame.KeyIndex = new Dictionary<string, MappingEntry>(StringComparer.Ordinal);
            foreach (var e in map.Entries)
            {
                if (e.KeyText is { } k) frame.KeyIndex.TryAdd(k, e);
            }
        }

        return frame.KeyIndex.TryGetValue(keyText, out var found) ? found : null;
    }

    private static bool IsMergeSource(YamlNode value) => value.Resolve() switch
    {
        MappingNode => true,
        SequenceNode seq => seq.Items.All(i => i.Resolve() is MappingNode),
        _ => false,
    };

    private SourceSpan Span(Mark start, Mark end)
    {
        var (endLine, endColumn) = Clamp(end);
        return new(_file, (int)start.Line + _lineOffset, (int)start.Column, endLine, endColumn);
    }

    private SourceSpan Point(Mark mark)
    {
        var (line, column) = Clamp(mark);
        return SourceSpan.At(_file, line, column);
    }

    /// <summary>
    /// A mark's file line and column. YamlDotNet puts the end of the text after its final line break, on a line that
    /// does not exist (the chunk's text always ends with one, even when the file does not): that is the end of the
    /// last line instead, so that every position is on a line the code frame can show.
    /// </summary>
    private (int Line, int Column) Clamp(Mark mark)
    {
        var text = _text;
        if (mark.Index >= text.Length && text.Length > 0 && text[^1] == '\n' && mark.Line > 1 && mark.Column == 1)
        {
            var lastLineStart = text.LastIndexOf('\n', Math.Max(0, text.Length - 2)) + 1;
            if (text.Length == 1) lastLineStart = 0;
            return ((int)mark.Line - 1 + _lineOffset, text.Length - 1 - lastLineStart + 1);
        }

        return ((int)mark.Line + _lineOffset, (int)mark.Column);
    }

    /// <summary>A finding of the parser, at its rule's default level (the sink of the object or file applies the configured one).</summary>
    private static Diagnostic Error(MessageTemplate message, SourceSpan span, ImmutableArray<MessageArgument> arguments, string? help = null)
        => new(message, message.Rule.DefaultSeverity, span, null, arguments, null, help);

    /// <summary>YamlDotNet's messages are sentences; ours are lowercase with no trailing period.</summary>
    private static string Sentence(string message)
    {
        var m = message.Trim();
        if (m.EndsWith('.')) m = m[..^1];
        return m.Length > 0 ? char.ToLowerInvariant(m[0]) + m[1..] : "syntax error";
    }

    private sealed class AbortDocumentException : Exception;
}
