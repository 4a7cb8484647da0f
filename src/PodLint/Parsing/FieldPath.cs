using System.Text;

namespace PodLint.Parsing;

/// <summary>
/// A field path in the API server's syntax: <c>spec.containers[1].ports[0].containerPort</c>; map keys in
/// brackets, unquoted: <c>metadata.annotations[example.com/owner]</c>. Immutable; rendered once, on demand.
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private readonly FieldPath? _parent;
    private readonly string? _name;
    private readonly int _index;
    private readonly SegmentKind _kind;
    private string? _text;

    private enum SegmentKind : byte { Root, Field, Index, Key }

    private FieldPath(FieldPath? parent, SegmentKind kind, string? name, int index)
    {
        _parent = parent;
        _kind = kind;
        _name = name;
        _index = index;
    }

    /// <summary>The empty path: the object itself.</summary>
    public static FieldPath Root { get; } = new(null, SegmentKind.Root, null, 0);

    /// <summary>The path one level up, or null for the root.</summary>
    public FieldPath? Parent => _parent;

    /// <summary>Whether this is the root (empty) path.</summary>
    public bool IsRoot => _kind == SegmentKind.Root;

    /// <summary>The last segment's list index, if it is one.</summary>
    public int? LastIndex => _kind == SegmentKind.Index ? _index : null;

    /// <summary>The last segment's field or key name, if it is not an index.</summary>
    public string? LastName => _name;

    /// <summary>The path of a struct field: <c>spec</c> → <c>spec.containers</c>.</summary>
    public FieldPath Field(string name) => new(this, SegmentKind.Field, name, 0);

    /// <summary>The path of a list item: <c>spec.containers</c> → <c>spec.containers[0]</c>.</summary>
    public FieldPath Index(int index) => new(this, SegmentKind.Index, null, index);

    /// <summary>The path of a map entry: <c>metadata.labels</c> → <c>metadata.labels[app]</c>.</summary>
    public FieldPath Key(string key) => new(this, SegmentKind.Key, key, 0);

    /// <summary>Parses the syntax <see cref="ToString"/> renders (<c>a.b[0].c[key]</c>); bracketed non-numbers are keys.</summary>
    public static FieldPath Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var result = Root;
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.') { i++; continue; }
            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0) throw new FormatException($"unclosed `[` in `{path}`");
                var inner = path[(i + 1)..close];
                result = int.TryParse(inner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    ? result.Index(n) : result.Key(inner);
                i = close + 1;
                continue;
            }

            var end = path.IndexOfAny(['.', '['], i);
            if (end < 0) end = path.Length;
            result = result.Field(path[i..end]);
            i = end;
        }

        return result;
    }

    /// <inheritdoc />
    public override string ToString()
    {
        if (_text is not null) return _text;
        if (_kind == SegmentKind.Root) return _text = string.Empty;
        var sb = new StringBuilder();
        Append(sb);
        return _text = sb.ToString();
    }

    private void Append(StringBuilder sb)
    {
        if (_kind == SegmentKind.Root) return;
        if (_parent is { _text: { } parentText }) sb.Append(parentText);
        else _parent?.Append(sb);
        switch (_kind)
        {
            case SegmentKind.Field:
                if (sb.Length > 0) sb.Append('.');
                sb.Append(_name);
                break;
            case SegmentKind.Index:
                sb.Append('[').Append(_index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
                break;
            case SegmentKind.Key:
                sb.Append('[').Append(_name).Append(']');
                break;
        }
    }

    /// <inheritdoc />
    public bool Equals(FieldPath? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
