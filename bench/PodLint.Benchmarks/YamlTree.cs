using System.Buffers;
using System.Globalization;
using System.Text;

namespace PodLint.Benchmarks;

/// <summary>How a collection of the generated corpus is written.</summary>
internal enum Style
{
    /// <summary>Indented block style (the usual kubectl / Helm output).</summary>
    Block,

    /// <summary>Inline flow style on one line: <c>{ cpu: 50m, memory: 64Mi }</c>, <c>["a", "b"]</c>.</summary>
    Flow,
}

/// <summary>A node of the small YAML tree the corpus generator builds and then writes out.</summary>
internal abstract class YNode;

/// <summary>What a scalar is, so that the emitter knows whether and how to quote it.</summary>
internal enum YScalarKind
{
    /// <summary>A string: quoted when a plain scalar would read as something else.</summary>
    String,

    /// <summary>An integer, written bare.</summary>
    Int,

    /// <summary>A boolean, written bare.</summary>
    Bool,

    /// <summary>A multi-line string written as a literal block scalar (<c>|</c>) in block style.</summary>
    Literal,
}

internal sealed class YScalar(string text, YScalarKind kind, bool forceQuotes = false) : YNode
{
    public string Text { get; } = text;

    public YScalarKind Kind { get; } = kind;

    /// <summary>Quote even when a plain scalar would do (people often quote image names and label values).</summary>
    public bool ForceQuotes { get; } = forceQuotes;
}

internal sealed class YMap(Style style = Style.Block) : YNode
{
    public List<KeyValuePair<string, YNode>> Entries { get; } = [];

    public Style Style { get; set; } = style;

    /// <summary>Adds an entry; a null value means "leave the field out".</summary>
    public YMap Add(string key, YNode? value)
    {
        if (value is not null) Entries.Add(new(key, value));
        return this;
    }

    public YMap Add(string key, string? value) => value is null ? this : Add(key, new YScalar(value, YScalarKind.String));

    public YMap Add(string key, long value) => Add(key, new YScalar(value.ToString(CultureInfo.InvariantCulture), YScalarKind.Int));

    public YMap Add(string key, bool value) => Add(key, new YScalar(value ? "true" : "false", YScalarKind.Bool));
}

internal sealed class YSeq(Style style = Style.Block) : YNode
{
    public List<YNode> Items { get; } = [];

    public Style Style { get; set; } = style;

    public YSeq Add(YNode item)
    {
        Items.Add(item);
        return this;
    }

    public static YSeq Strings(Style style, params string[] items)
    {
        var seq = new YSeq(style);
        foreach (var item in items) seq.Add(new YScalar(item, YScalarKind.String));
        return seq;
    }
}

/// <summary>
/// Writes a <see cref="YNode"/> tree as YAML (block style with flow collections where asked), or as
/// pretty-printed JSON (which is YAML flow style spread over many lines).
/// </summary>
internal sealed class YamlEmitter(StringBuilder sb)
{
    /// <summary>Whether sequences under a mapping key are indented (<c>  - a</c>) or written at the key's column (<c>- a</c>).</summary>
    public bool IndentSequences { get; set; } = true;

    public void WriteDocument(YMap root, string? comment)
    {
        sb.Append("---\n");
        if (comment is not null) sb.Append("# ").Append(comment).Append('\n');
        WriteBlockMap(root, 0);
    }

    public void WriteJsonDocument(YMap root)
    {
        sb.Append("---\n");
        WriteJson(root, 0);
        sb.Append('\n');
    }

    private void WriteBlockMap(YMap map, int indent)
    {
        foreach (var (key, value) in map.Entries)
        {
            Indent(indent);
            sb.Append(key).Append(':');
            switch (value)
            {
                case YScalar { Kind: YScalarKind.Literal } lit:
                    sb.Append(" |\n");
                    foreach (var line in lit.Text.TrimEnd('\n').Split('\n'))
                    {
                        if (line.Length > 0) Indent(indent + 2);
                        sb.Append(line).Append('\n');
                    }

                    break;
                case YScalar s:
                    sb.Append(' ');
                    WriteScalar(s, flow: false);
                    sb.Append('\n');
                    break;
                case YMap { Style: Style.Flow } or YMap { Entries.Count: 0 } or YSeq { Style: Style.Flow } or YSeq { Items.Count: 0 }:
                    sb.Append(' ');
                    WriteFlow(value);
                    sb.Append('\n');
                    break;
                case YMap m:
                    sb.Append('\n');
                    WriteBlockMap(m, indent + 2);
                    break;
                case YSeq q:
                    sb.Append('\n');
                    WriteBlockSeq(q, IndentSequences ? indent + 2 : indent);
                    break;
            }
        }
    }

    private void WriteBlockSeq(YSeq seq, int indent)
    {
        foreach (var item in seq.Items)
        {
            switch (item)
            {
                case YMap { Style: Style.Block, Entries.Count: > 0 } m:
                    // Write the mapping two columns in, then turn its first indentation into the "- " indicator.
                    var start = sb.Length;
                    WriteBlockMap(m, indent + 2);
                    sb[start + indent] = '-';
                    break;
                case YScalar { Kind: YScalarKind.Literal } lit:
                    Indent(indent);
                    sb.Append("- |\n");
                    foreach (var line in lit.Text.TrimEnd('\n').Split('\n'))
                    {
                        if (line.Length > 0) Indent(indent + 2);
                        sb.Append(line).Append('\n');
                    }

                    break;
                case YScalar s:
                    Indent(indent);
                    sb.Append("- ");
                    WriteScalar(s, flow: false);
                    sb.Append('\n');
                    break;
                default:
                    Indent(indent);
                    sb.Append("- ");
                    WriteFlow(item);
                    sb.Append('\n');
                    break;
            }
        }
    }

    private void WriteFlow(YNode node)
    {
        switch (node)
        {
            case YScalar s:
                WriteScalar(s, flow: true);
                break;
            case YMap m:
                if (m.Entries.Count == 0)
                {
                    sb.Append("{}");
                    break;
                }

                sb.Append("{ ");
                for (var i = 0; i < m.Entries.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append(m.Entries[i].Key).Append(": ");
                    WriteFlow(m.Entries[i].Value);
                }

                sb.Append(" }");
                break;
            case YSeq q:
                sb.Append('[');
                for (var i = 0; i < q.Items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    WriteFlow(q.Items[i]);
                }

                sb.Append(']');
                break;
        }
    }

    private void WriteJson(YNode node, int indent)
    {
        switch (node)
        {
            case YScalar { Kind: YScalarKind.Int or YScalarKind.Bool } s:
                sb.Append(s.Text);
                break;
            case YScalar s:
                WriteDoubleQuoted(s.Text);
                break;
            case YMap m when m.Entries.Count == 0:
                sb.Append("{}");
                break;
            case YMap m when m.Style == Style.Flow && m.Entries.TrueForAll(e => e.Value is YScalar):
                // Small leaf objects stay on one line, as many JSON writers do.
                sb.Append("{ ");
                for (var i = 0; i < m.Entries.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    WriteDoubleQuoted(m.Entries[i].Key);
                    sb.Append(": ");
                    WriteJson(m.Entries[i].Value, indent);
                }

                sb.Append(" }");
                break;
            case YMap m:
                sb.Append("{\n");
                for (var i = 0; i < m.Entries.Count; i++)
                {
                    Indent(indent + 2);
                    WriteDoubleQuoted(m.Entries[i].Key);
                    sb.Append(": ");
                    WriteJson(m.Entries[i].Value, indent + 2);
                    sb.Append(i + 1 < m.Entries.Count ? ",\n" : "\n");
                }

                Indent(indent);
                sb.Append('}');
                break;
            case YSeq q when q.Items.Count == 0 || q.Items.TrueForAll(i => i is YScalar):
                sb.Append('[');
                for (var i = 0; i < q.Items.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    WriteJson(q.Items[i], indent);
                }

                sb.Append(']');
                break;
            case YSeq q:
                sb.Append("[\n");
                for (var i = 0; i < q.Items.Count; i++)
                {
                    Indent(indent + 2);
                    WriteJson(q.Items[i], indent + 2);
                    sb.Append(i + 1 < q.Items.Count ? ",\n" : "\n");
                }

                Indent(indent);
                sb.Append(']');
                break;
        }
    }

    private void WriteScalar(YScalar s, bool flow)
    {
        if (s.Kind is YScalarKind.Int or YScalarKind.Bool)
        {
            sb.Append(s.Text);
        }
        else if (s.ForceQuotes || NeedsQuotes(s.Text, flow))
        {
            WriteDoubleQuoted(s.Text);
        }
        else
        {
            sb.Append(s.Text);
        }
    }

    private void WriteDoubleQuoted(string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }

    private void Indent(int n) => sb.Append(' ', n);

    private static readonly SearchValues<char> FlowIndicators = SearchValues.Create(",[]{}:#");

    /// <summary>
    /// Whether a string must be quoted to stay a string: text a YAML 1.1 reader would take for a null, boolean
    /// or number, and text that a plain scalar cannot hold.
    /// </summary>
    internal static bool NeedsQuotes(string text, bool flow)
    {
        if (text.Length == 0 || text != text.Trim()) return true;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal)) return true;
        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':')) return true;
        if (text.Contains('\n', StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal)) return true;
        if (flow && text.AsSpan().IndexOfAny(FlowIndicators) >= 0) return true;
        if (text is "~" or "null" or "Null" or "NULL") return true;
        if (text is "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO" or "true" or "True" or "TRUE"
            or "false" or "False" or "FALSE" or "on" or "On" or "ON" or "off" or "Off" or "OFF") return true;
        // Anything that could read as a number (0755, 1e3, 12_000, .5, 0x1F, 1:30 in YAML 1.1): quote it. This also
        // quotes versions such as 1.27.3, which people often quote anyway; 100m and 64Mi stay plain.
        var c = text[0];
        if (!char.IsAsciiDigit(c) && c is not '+' and not '.') return false;
        foreach (var ch in text)
        {
            if (!char.IsAsciiHexDigit(ch) && ch is not ('x' or 'X' or 'o' or 'O' or '_' or '.' or '+' or '-' or ':')) return false;
        }

        return true;
    }
}
