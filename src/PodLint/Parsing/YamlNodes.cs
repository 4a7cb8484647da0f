using System.Globalization;
using PodLint.Diagnostics;

namespace PodLint.Parsing;

/// <summary>The shape of a YAML node.</summary>
internal enum YamlNodeKind
{
    /// <summary>A scalar: string, number, boolean or null.</summary>
    Scalar,

    /// <summary>A mapping (JSON object).</summary>
    Mapping,

    /// <summary>A sequence (JSON array).</summary>
    Sequence,

    /// <summary>An alias (<c>*name</c>) to an anchored node.</summary>
    Alias,
}

/// <summary>What a scalar means once resolved the way Kubernetes' YAML decoder (YAML 1.1) resolves it.</summary>
internal enum ScalarType
{
    /// <summary><c>~</c>, <c>null</c> or nothing.</summary>
    Null,

    /// <summary><c>true</c>, <c>false</c>, and YAML 1.1's <c>yes</c>/<c>no</c>/<c>on</c>/<c>off</c>/<c>y</c>/<c>n</c>.</summary>
    Bool,

    /// <summary>An integer (decimal, <c>0x</c> hex, <c>0</c>/<c>0o</c> octal, <c>0b</c> binary, <c>_</c> separators).</summary>
    Int,

    /// <summary>A floating-point number.</summary>
    Float,

    /// <summary>Everything else, and every quoted or block scalar.</summary>
    String,
}

/// <summary>A node of a parsed YAML document; every node knows where it was written.</summary>
internal abstract class YamlNode
{
    private protected YamlNode(SourceSpan span) => Span = span;

    /// <summary>Where the node was written: file, start and end (exclusive) line and column.</summary>
    public SourceSpan Span { get; internal set; }

    /// <summary>The node's shape.</summary>
    public abstract YamlNodeKind Kind { get; }

    /// <summary>The collection the node was written in, or null for a document root.</summary>
    public YamlNode? Parent { get; internal set; }

    internal string? KeyInParent { get; set; }

    internal int IndexInParent { get; set; } = -1;

    /// <summary>Whether the node stands in for something invalid that was already reported (an unresolvable alias):
    /// later stages treat its field as present and say nothing more about it.</summary>
    public bool IsInvalid { get; private protected init; }

    /// <summary>The node an alias points to, or the node itself.</summary>
    public virtual YamlNode Resolve() => this;

    /// <summary>
    /// Whether the value is written as null (nothing, <c>~</c>, <c>null</c>), which Kubernetes reads as "not set". A
    /// stand-in for an invalid value (an unresolvable alias, already reported) is not: it counts as present.
    /// </summary>
    internal bool IsNull => Resolve() is ScalarNode { IsInvalid: false, Type: ScalarType.Null };

    /// <summary>Describes the node for "expected X, got Y" messages: <c>string "eighty"</c>, <c>object</c>.</summary>
    public abstract string Describe();

    /// <summary>How many nodes the node stands for once aliases are expanded (saturating).</summary>
    internal abstract long ExpandedSize { get; }
}

/// <summary>A scalar value.</summary>
internal sealed class ScalarNode : YamlNode
{
    internal ScalarNode(SourceSpan span, string value, bool isPlain, string? tag) : base(span)
    {
        Value = value;
        IsPlain = isPlain;
        if (tag is not null) _type = (byte)(ScalarResolver.Resolve(value, isPlain, tag) + 1);
    }

    /// <summary>A placeholder for a value that was already reported as invalid.</summary>
    internal static ScalarNode Invalid(SourceSpan span, string text) => new(span, text, false, null) { IsInvalid = true };

    /// <inheritdoc />
    public override YamlNodeKind Kind => YamlNodeKind.Scalar;

    /// <summary>The scalar's text as YAML presents it (quotes removed, escapes applied).</summary>
    public string Value { get; }

    /// <summary>Whether the scalar was written plain (unquoted, not a block scalar).</summary>
    public bool IsPlain { get; }

    /// <summary>The type Kubernetes' YAML decoder gives the scalar.</summary>
    public ScalarType Type
    {
        get
        {
            if (_type == 0) _type = (byte)(ScalarResolver.Resolve(Value, IsPlain, null) + 1);
            return (ScalarType)(_type - 1);
        }
    }

    // 0 until resolved, else the ScalarType + 1: most scalars are mapping keys, whose type no one asks for.
    // Tagged scalars (rare) are resolved at once, so the tag need not be kept.
    private byte _type;

    /// <summary>The integer value, when <see cref="Type"/> is <see cref="ScalarType.Int"/>.</summary>
    public long? AsInt64() => Type == ScalarType.Int && ScalarResolver.TryParseInt(Value, out var v) ? v : null;

    /// <summary>The number, when <see cref="Type"/> is <see cref="ScalarType.Int"/> or <see cref="ScalarType.Float"/>.</summary>
    public double? AsDouble() => Type switch
    {
        ScalarType.Int => AsInt64(),
        ScalarType.Float => ScalarResolver.ParseFloat(Value),
        _ => null,
    };

    /// <summary>The boolean value, when <see cref="Type"/> is <see cref="ScalarType.Bool"/>.</summary>
    public bool? AsBool() => Type == ScalarType.Bool ? ScalarResolver.IsTrue(Value) : null;

    /// <inheritdoc />
    public override string Describe() => Type switch
    {
        ScalarType.Null => "null",
        ScalarType.Bool => $"boolean {Value}",
        ScalarType.Int => $"integer {Value}",
        ScalarType.Float => $"number {Value}",
        _ => Value.Length == 0 ? "an empty string" : "string " + Quote(Value),
    };

    /// <summary>A value as messages show it: in backticks, control characters escaped, long values cut (<c>`sleep 1\n`</c>).</summary>
    internal static string Quote(string value)
    {
        return value.Length == 0 ? "an empty string" : "`" + Escape(value) + "`";
    }

    /// <summary>A value to show between backticks in a message: control characters escaped, long values cut.</summary>
    internal static string Escape(string value)
    {
        const int max = 60;
        var shown = value.Length > max ? value[..max] + "…" : value;
        return shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal);
    }

    /// <summary>A value as a YAML or JSON double-quoted string, for snippets of code in help lines (<c>["sleep 1"]</c>).</summary>
    internal static string QuoteYaml(string value)
    {
        const int max = 60;
        var shown = value.Length > max ? value[..max] + "…" : value;
        return "\"" + shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";
    }

    internal override long ExpandedSize => 1;
}

/// <summary>One key and its value in a mapping.</summary>
/// <param name="Key">The key node (almost always a scalar).</param>
/// <param name="Value">The value node.</param>
internal readonly record struct MappingEntry(YamlNode Key, YamlNode Value)
{
    /// <summary>The key as text, or null when the key is not a scalar.</summary>
    public string? KeyText => Key is ScalarNode s ? s.Value : null;
}

/// <summary>A mapping (object). Later duplicates win in look-ups, as in the API server's decoder; merge keys (<c>&lt;&lt;</c>) are honoured.</summary>
internal sealed class MappingNode : YamlNode
{
    private readonly List<MappingEntry> _entries = [];
    private List<YamlNode>? _merges;
    private long _expanded = 1;

    internal MappingNode(SourceSpan span, bool isFlow) : base(span) => IsFlow = isFlow;

    /// <inheritdoc />
    public override YamlNodeKind Kind => YamlNodeKind.Mapping;

    /// <summary>Whether the mapping was written in flow style (<c>{ a: 1 }</c>).</summary>
    public bool IsFlow { get; }

    /// <summary>Whether a key is written twice (set by the tree builder, which reports it).</summary>
    internal bool HasDuplicateKeys { get; set; }

    /// <summary>The entries as written, merge keys excluded.</summary>
    public IReadOnlyList<MappingEntry> Entries => _entries;

    /// <summary>The nodes merged in with <c>&lt;&lt;</c>, in precedence order.</summary>
    public IReadOnlyList<YamlNode> Merges => (IReadOnlyList<YamlNode>?)_merges ?? [];

    /// <summary>Finds the entry of a key: the last one written, else the first merged mapping that has it.</summary>
    public MappingEntry? Find(string key) => Find(key, 0);

    private MappingEntry? Find(string key, int depth)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Key is ScalarNode s && string.Equals(s.Value, key, StringComparison.Ordinal)) return _entries[i];
        }

        if (_merges is null || depth > 32) return null;
        foreach (var merge in _merges)
        {
            if (merge.Resolve() is MappingNode m && m.Find(key, depth + 1) is { } found) return found;
        }

        return null;
    }

    /// <summary>
    /// Every effective entry: own entries in the order written (of duplicates, the last), then merged keys not
    /// overridden. A mapping without duplicate or merge keys (the common case) returns its entries as they are.
    /// </summary>
    public IReadOnlyList<MappingEntry> EffectiveEntries()
    {
        if (!HasDuplicateKeys && _merges is null) return _entries;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<MappingEntry>(_entries.Count);
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            var e = _entries[i];
            if (e.KeyText is null || seen.Add(e.KeyText)) result.Add(e);
        }

        result.Reverse();
        foreach (var merge in Merges)
        {
            if (merge.Resolve() is not MappingNode m) continue;
            foreach (var e in m.EffectiveEntries())
            {
                if (e.KeyText is null || seen.Add(e.KeyText)) result.Add(e);
            }
        }

        return result;
    }

    internal void Add(MappingEntry entry)
    {
        _entries.Add(entry);
        _expanded = Saturate(_expanded + entry.Key.ExpandedSize + entry.Value.ExpandedSize);
    }

    internal void AddMerge(YamlNode source)
    {
        (_merges ??= []).Add(source);
        _expanded = Saturate(_expanded + source.ExpandedSize);
    }

    /// <inheritdoc />
    public override string Describe() => "object";

    internal override long ExpandedSize => _expanded;

    internal static long Saturate(long value) => value is < 0 or > long.MaxValue / 4 ? long.MaxValue / 4 : value;
}

/// <summary>A sequence (array).</summary>
internal sealed class SequenceNode : YamlNode
{
    private readonly List<YamlNode> _items = [];
    private long _expanded = 1;

    internal SequenceNode(SourceSpan span, bool isFlow) : base(span) => IsFlow = isFlow;

    /// <inheritdoc />
    public override YamlNodeKind Kind => YamlNodeKind.Sequence;

    /// <summary>Whether the sequence was written in flow style (<c>[a, b]</c>).</summary>
    public bool IsFlow { get; }

    /// <summary>The items as written.</summary>
    public IReadOnlyList<YamlNode> Items => _items;

    internal void Add(YamlNode item)
    {
        _items.Add(item);
        _expanded = MappingNode.Saturate(_expanded + item.ExpandedSize);
    }

    /// <inheritdoc />
    public override string Describe() => "array";

    internal override long ExpandedSize => _expanded;
}

/// <summary>An alias (<c>*name</c>); its <see cref="YamlNode.Span"/> is where the alias was written.</summary>
internal sealed class AliasNode : YamlNode
{
    internal AliasNode(SourceSpan span, string anchor, YamlNode target) : base(span)
    {
        Anchor = anchor;
        Target = target;
    }

    /// <inheritdoc />
    public override YamlNodeKind Kind => YamlNodeKind.Alias;

    /// <summary>The anchor's name.</summary>
    public string Anchor { get; }

    /// <summary>The anchored node.</summary>
    public YamlNode Target { get; }

    /// <inheritdoc />
    public override YamlNode Resolve() => Target.Resolve();

    /// <inheritdoc />
    public override string Describe() => Target.Describe();

    internal override long ExpandedSize => Target.ExpandedSize;
}

/// <summary>Resolves plain scalars the way Kubernetes' YAML decoder (go-yaml v2, YAML 1.1) does.</summary>
internal static class ScalarResolver
{
    public static ScalarType Resolve(string value, bool isPlain, string? tag)
    {
        if (tag is not null)
        {
            switch (tag)
            {
                case "tag:yaml.org,2002:str": return ScalarType.String;
                case "tag:yaml.org,2002:null": return ScalarType.Null;
                case "tag:yaml.org,2002:bool": return IsBoolText(value) ? ScalarType.Bool : ScalarType.String;
                case "tag:yaml.org,2002:int": return TryParseInt(value, out _) ? ScalarType.Int : ScalarType.String;
                case "tag:yaml.org,2002:float": return ParseFloat(value) is not null ? ScalarType.Float : ScalarType.String;
                case "!": return ScalarType.String;
            }
        }

        if (!isPlain) return ScalarType.String;
        if (value.Length == 0) return ScalarType.Null;
        switch (value)
        {
            case "~" or "null" or "Null" or "NULL": return ScalarType.Null;
        }

        if (IsBoolText(value)) return ScalarType.Bool;
        var c = value[0];
        if (char.IsAsciiDigit(c) || c is '-' or '+' or '.')
        {
            if (TryParseInt(value, out _) || IsUInt64(value)) return ScalarType.Int;
            if (ParseFloat(value) is not null) return ScalarType.Float;
        }

        return ScalarType.String;
    }

    private static bool IsBoolText(string v) => v is "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON"
        or "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF";

    public static bool IsTrue(string v) => v is "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON";

    /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c> after removing underscores, as go-yaml v2 does.</summary>
    public static bool TryParseInt(string text, out long value)
    {
        value = 0;
        if (text.Length == 0) return false;
        var negative = text[0] == '-';
        var unsigned = text[0] is '+' or '-' ? text[1..] : text;
        if (unsigned.Length == 0 || unsigned[0] is '+' or '-' || !TryParseMagnitude(unsigned, out var magnitude)) return false;
        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1) return false;
            value = magnitude == (ulong)long.MaxValue + 1 ? long.MinValue : -(long)magnitude;
            return true;
        }

        if (magnitude > long.MaxValue) return false;
        value = (long)magnitude;
        return true;
    }

    /// <summary>The decimal text of a YAML integer (<c>0x10</c> → <c>16</c>), as the YAML-to-JSON conversion writes it;
    /// null when the text is not one.</summary>
    public static string? IntegerText(string text)
    {
        if (TryParseInt(text, out var signed)) return signed.ToString(CultureInfo.InvariantCulture);
        return IsUInt64(text) && TryParseMagnitude(text, out var unsigned) ? unsigned.ToString(CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Go's <c>strconv.ParseUint(s, 0, 64)</c>, which go-yaml v2 tries when ParseInt overflows.</summary>
    private static bool IsUInt64(string text)
        => text.Length > 0 && text[0] is not ('+' or '-') && !text.StartsWith("0x-", StringComparison.Ordinal) && TryParseMagnitude(text, out _);

    private static bool TryParseMagnitude(string text, out ulong magnitude)
    {
        magnitude = 0;
        var s = text.Replace("_", "", StringComparison.Ordinal);
        var i = 0;
        var radix = 10;
        if (s.Length >= 2 && s[0] == '0')
        {
            switch (s[1])
            {
                case 'x' or 'X': radix = 16; i = 2; break;
                case 'b' or 'B': radix = 2; i = 2; break;
                case 'o' or 'O': radix = 8; i = 2; break;
                default: radix = 8; i = 1; break;
            }
        }

        if (i >= s.Length) return false;
        for (; i < s.Length; i++)
        {
            var d = HexValue(s[i]);
            if (d < 0 || d >= radix) return false;
            if (magnitude > (ulong.MaxValue - (ulong)d) / (ulong)radix) return false;
            magnitude = (magnitude * (ulong)radix) + (ulong)d;
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>go-yaml v2's float syntax, plus <c>.inf</c> and <c>.nan</c>.</summary>
    public static double? ParseFloat(string text)
    {
        var s = text.Replace("_", "", StringComparison.Ordinal);
        switch (s)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF": return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF": return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN": return double.NaN;
        }

        if (!IsYamlFloat(s)) return null;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    // ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
    private static bool IsYamlFloat(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] is '+' or '-') i++;
        var intDigits = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; intDigits++; }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var frac = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; frac++; }
            if (intDigits == 0 && frac == 0) return false;
        }
        else if (intDigits == 0)
        {
            return false;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-') i++;
            var exp = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i])) { i++; exp++; }
            if (exp == 0) return false;
        }

        return i == s.Length;
    }
}
