using System.Collections;
using PodLint.Diagnostics;
using PodLint.Parsing;

namespace PodLint.Model;

/// <summary>
/// One field of a model object (or one item of a list of values, or one entry of a map): its state, its typed value
/// when valid, and where it was written. An absent field still has a path (its owner's path and its name), and its
/// <see cref="Span"/> is where its owner is (the owner's <c>name</c> value, else its first key), so that "X is missing"
/// findings point somewhere useful.
/// </summary>
/// <typeparam name="T">The value's type: <see cref="string"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="bool"/>, <see cref="double"/>, <see cref="IntOrString"/>, <see cref="Quantity"/>,
/// <see cref="Opaque"/>, or a model object.</typeparam>
public readonly struct Field<T> : ILocated
{
    private readonly ModelObject? _owner;
    private readonly YamlNode? _key;
    private readonly YamlNode? _node;
    private readonly string? _name;
    private readonly int _index;
    private readonly T _value;

    internal Field(ModelObject owner, string name, int index, YamlNode? key, YamlNode? node, FieldState state, T value)
    {
        _owner = owner;
        _name = name;
        _index = index;
        _key = key;
        _node = node;
        State = state;
        _value = value;
    }

    internal const int NotAnItem = -1;
    internal const int MapEntry = -2;

    /// <summary>Whether the field is absent, null, invalid or valid.</summary>
    public FieldState State { get; }

    /// <summary>The value when <see cref="State"/> is <see cref="FieldState.Valid"/>, else the type's default.</summary>
    public T Value => _value;

    /// <summary>Whether the field is written with a usable value.</summary>
    public bool IsValid => State == FieldState.Valid;

    /// <summary>Whether the field is not written at all.</summary>
    public bool IsAbsent => State == FieldState.Absent;

    /// <summary>Whether the field is not set: absent, or written as null.</summary>
    public bool IsUnset => State is FieldState.Absent or FieldState.Null;

    /// <summary>Whether the value was rejected by an earlier finding (rules then say nothing more about it).</summary>
    public bool IsInvalid => State == FieldState.Invalid;

    /// <summary>The value, when valid.</summary>
    public bool TryGetValue(out T value)
    {
        value = _value;
        return State == FieldState.Valid;
    }

    /// <summary>The map key, for an entry of a <see cref="MapField{T}"/>; else null.</summary>
    public string? Key => _index == MapEntry ? (_key as ScalarNode)?.Value ?? (_key?.Resolve() as ScalarNode)?.Value : null;

    /// <summary>The value's span; for an absent field, its owner's anchor (see the type's remarks).</summary>
    public SourceSpan Span => _node?.Span ?? _owner?.AnchorSpan ?? default;

    /// <summary>The key's span (field name or map key); the value's span for list items and absent fields.</summary>
    public SourceSpan KeySpan => _key?.Span ?? Span;

    /// <summary>The field path: <c>spec.containers[0].image</c>, <c>spec.containers[0].args[1]</c>, <c>metadata.labels[app]</c>.</summary>
    public FieldPath Path
    {
        get
        {
            if (_owner is null) return FieldPath.Root;
            var path = _owner.ObjectPath.Field(_name!);
            return _index switch
            {
                NotAnItem => path,
                MapEntry => path.Key(Key ?? string.Empty),
                _ => path.Index(_index),
            };
        }
    }

    /// <inheritdoc />
    public Location Location => new(Span, KeySpan, Path);

    /// <summary>
    /// Where a finding that the field is not set points, whether it is absent or written as null: its owner's
    /// <c>name</c> value, else the owner's first key (there is no value to underline); the path is the field's.
    /// </summary>
    public Location MissingAt
    {
        get
        {
            var anchor = _owner?.AnchorSpan ?? Span;
            return new Location(anchor, anchor, Path);
        }
    }

    /// <summary>The object the field belongs to.</summary>
    public ModelObject? Owner => _owner;

    internal YamlNode? Node => _node;

    /// <summary>The field itself when it was bound, else an absent field of <paramref name="owner"/> named <paramref name="name"/>.</summary>
    internal Field<T> OrAbsent(ModelObject owner, string name)
        => _owner is not null ? this : new Field<T>(owner, name, NotAnItem, null, null, FieldState.Absent, default!);

    /// <inheritdoc />
    public override string ToString() => State == FieldState.Valid ? $"{_value}" : $"<{State.ToString().ToLowerInvariant()}>";
}

/// <summary>
/// A field whose value is a list: its state and location, and its items (empty unless valid). Items that are objects
/// know their own locations; items that are values are <see cref="Field{T}"/>s. Null items of a list of objects, and
/// items already reported as invalid, are left out of it (their indices are kept in the others' paths).
/// </summary>
/// <typeparam name="T">A model object type, or <see cref="Field{T}"/> of a value type.</typeparam>
public readonly struct ListField<T> : IReadOnlyList<T>, ILocated
{
    private readonly Field<Opaque> _field;
    private readonly T[]? _items;

    internal ListField(Field<Opaque> field, T[]? items)
    {
        _field = field;
        _items = items;
    }

    /// <summary>Whether the list is absent, null, invalid or valid.</summary>
    public FieldState State => _field.State;

    /// <summary>Whether the list is written with a usable value (possibly empty).</summary>
    public bool IsValid => _field.IsValid;

    /// <summary>Whether the list is not written.</summary>
    public bool IsAbsent => _field.IsAbsent;

    /// <summary>Whether the field is not set: absent, or written as null.</summary>
    public bool IsUnset => _field.IsUnset;

    /// <summary>Whether the value was rejected by an earlier finding (rules then say nothing more about it).</summary>
    public bool IsInvalid => _field.IsInvalid;

    /// <summary>Where a finding that the field is not set points (see <see cref="Field{T}.MissingAt"/>).</summary>
    public Location MissingAt => _field.MissingAt;

    /// <summary>The items (empty unless valid).</summary>
    public IReadOnlyList<T> Items => _items ?? [];

    /// <inheritdoc />
    public int Count => _items?.Length ?? 0;

    /// <summary>The number of items as written, null items included (the API server decodes a null item of a list of
    /// objects as an empty object, so it still counts).</summary>
    internal int WrittenCount => (_field.Node?.Resolve() as SequenceNode)?.Items.Count ?? Count;

    /// <inheritdoc />
    public T this[int index] => (_items ?? [])[index];

    /// <summary>The list's span (for an absent list, its owner's anchor).</summary>
    public SourceSpan Span => _field.Span;

    /// <summary>The list field's key span.</summary>
    public SourceSpan KeySpan => _field.KeySpan;

    /// <summary>The list field's path: <c>spec.containers</c>.</summary>
    public FieldPath Path => _field.Path;

    /// <inheritdoc />
    public Location Location => _field.Location;

    /// <summary>An enumerator over the items, without allocation.</summary>
    public ArrayEnumerator<T> GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? []).GetEnumerator();

    internal ListField<T> OrAbsent(ModelObject owner, string name) => _field.Owner is not null ? this : new(default(Field<Opaque>).OrAbsent(owner, name), null);

    /// <inheritdoc />
    public override string ToString() => $"{Path} ({State.ToString().ToLowerInvariant()}, {Count} items)";
}

/// <summary>
/// A field whose value is a map (labels, annotations, resource limits …): its state and location, and its entries in
/// the order written (empty unless valid). Each entry is a <see cref="Field{T}"/> whose <see cref="Field{T}.Key"/> is
/// the map key and whose path ends in <c>[key]</c>.
/// </summary>
/// <typeparam name="T">The type of the map's values.</typeparam>
public readonly struct MapField<T> : IReadOnlyList<Field<T>>, ILocated
{
    private readonly Field<Opaque> _field;
    private readonly Field<T>[]? _entries;

    internal MapField(Field<Opaque> field, Field<T>[]? entries)
    {
        _field = field;
        _entries = entries;
    }

    /// <summary>Whether the map is absent, null, invalid or valid.</summary>
    public FieldState State => _field.State;

    /// <summary>Whether the map is written with a usable value (possibly empty).</summary>
    public bool IsValid => _field.IsValid;

    /// <summary>Whether the map is not written.</summary>
    public bool IsAbsent => _field.IsAbsent;

    /// <summary>Whether the field is not set: absent, or written as null.</summary>
    public bool IsUnset => _field.IsUnset;

    /// <summary>Whether the value was rejected by an earlier finding (rules then say nothing more about it).</summary>
    public bool IsInvalid => _field.IsInvalid;

    /// <summary>Where a finding that the field is not set points (see <see cref="Field{T}.MissingAt"/>).</summary>
    public Location MissingAt => _field.MissingAt;

    /// <inheritdoc />
    public int Count => _entries?.Length ?? 0;

    /// <inheritdoc />
    public Field<T> this[int index] => (_entries ?? [])[index];

    /// <summary>The entry of a key (the last written, as the API server's decoder keeps).</summary>
    public bool TryGetValue(string key, out Field<T> entry)
    {
        if (_entries is not null)
        {
            for (var i = _entries.Length - 1; i >= 0; i--)
            {
                if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
                {
                    entry = _entries[i];
                    return true;
                }
            }
        }

        entry = default;
        return false;
    }

    /// <summary>Whether the map has a key.</summary>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <summary>The map's span (for an absent map, its owner's anchor).</summary>
    public SourceSpan Span => _field.Span;

    /// <summary>The map field's key span.</summary>
    public SourceSpan KeySpan => _field.KeySpan;

    /// <summary>The map field's path: <c>metadata.labels</c>.</summary>
    public FieldPath Path => _field.Path;

    /// <inheritdoc />
    public Location Location => _field.Location;

    /// <summary>An enumerator over the entries, without allocation.</summary>
    public ArrayEnumerator<Field<T>> GetEnumerator() => new(_entries);

    IEnumerator<Field<T>> IEnumerable<Field<T>>.GetEnumerator() => ((IEnumerable<Field<T>>)(_entries ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_entries ?? []).GetEnumerator();

    internal MapField<T> OrAbsent(ModelObject owner, string name) => _field.Owner is not null ? this : new(default(Field<Opaque>).OrAbsent(owner, name), null);

    /// <inheritdoc />
    public override string ToString() => $"{Path} ({State.ToString().ToLowerInvariant()}, {Count} entries)";
}

/// <summary>Enumerates an array (or nothing) without allocating.</summary>
/// <typeparam name="T">The item type.</typeparam>
public struct ArrayEnumerator<T>
{
    private readonly T[]? _items;
    private int _index;

    internal ArrayEnumerator(T[]? items)
    {
        _items = items;
        _index = -1;
    }

    /// <summary>The current item.</summary>
    public readonly T Current => _items![_index];

    /// <summary>Moves to the next item.</summary>
    public bool MoveNext() => _items is not null && ++_index < _items.Length;
}
