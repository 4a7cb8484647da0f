using PodLint.Parsing;

namespace PodLint.Model;

/// <summary>
/// Binds a document's node tree to the typed model. It reports nothing: the schema check runs first and is the one
/// authority on types; the nodes it reported (wrong types, unknown fields, bad quantities) come in as
/// <paramref name="rejected"/> and are bound as <see cref="FieldState.Invalid"/>, as is anything the binder cannot
/// convert (which the schema check has reported too: a test keeps the two in agreement).
/// </summary>
/// <param name="rejected">The value nodes the schema check reported; null when it reported none.</param>
/// <param name="unreported">Collects the nodes the binder could not convert although the schema check did not report
/// them (tests keep it empty: the two must agree); null when not wanted.</param>
internal sealed class ModelBinder(IReadOnlySet<YamlNode>? rejected, List<YamlNode>? unreported = null)
{
    /// <summary>Binds a document (or a List item) as an object of type <typeparamref name="T"/> at <paramref name="path"/>.</summary>
    public static T BindRoot<T>(T target, YamlNode node, FieldPath path, IReadOnlySet<YamlNode>? rejected, List<YamlNode>? unreported = null)
        where T : ModelObject
    {
        target.Attach(node, null, null, path);
        new ModelBinder(rejected is { Count: > 0 } ? rejected : null, unreported).Fill(target);
        return target;
    }

    private bool IsRejected(YamlNode node) => rejected is not null && rejected.Contains(node);

    private FieldState Unconvertible(YamlNode node)
    {
        unreported?.Add(node);
        return FieldState.Invalid;
    }

    private void Fill(ModelObject target)
    {
        var entries = target.ObjectMapping.EffectiveEntries();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.KeyText is { } key) target.BindEntry(key, entry, this);
        }

        target.OnBound();
    }

    /// <summary>The state of a value node before its type is looked at: null, invalid (reported), or null when usable.</summary>
    private FieldState? Precheck(YamlNode node)
    {
        var resolved = node.Resolve();
        if (resolved.IsInvalid || IsRejected(node) || (!ReferenceEquals(resolved, node) && IsRejected(resolved))) return FieldState.Invalid;
        return resolved is ScalarNode { Type: ScalarType.Null } ? FieldState.Null : null;
    }

    public Field<T> Scalar<T, TScalar>(ModelObject owner, in MappingEntry entry, string name)
        where TScalar : IScalar<T>
        => ScalarValue<T, TScalar>(owner, name, Field<T>.NotAnItem, entry.Key, entry.Value);

    private Field<T> ScalarValue<T, TScalar>(ModelObject owner, string name, int index, YamlNode? key, YamlNode node)
        where TScalar : IScalar<T>
    {
        if (Precheck(node) is { } state) return new Field<T>(owner, name, index, key, node, state, default!);
        return node.Resolve() is ScalarNode s && TScalar.TryConvert(s, out var value)
            ? new Field<T>(owner, name, index, key, node, FieldState.Valid, value)
            : new Field<T>(owner, name, index, key, node, Unconvertible(node), default!);
    }

    /// <summary>A field whose content the API leaves free: present or not, never looked into.</summary>
    public Field<Opaque> Opaque(ModelObject owner, in MappingEntry entry, string name)
        => new(owner, name, Field<Opaque>.NotAnItem, entry.Key, entry.Value, Precheck(entry.Value) ?? FieldState.Valid, default);

    public Field<T> Object<T>(ModelObject owner, in MappingEntry entry, string name, Func<T> create)
        where T : ModelObject
    {
        var node = entry.Value;
        if (Precheck(node) is { } state) return new Field<T>(owner, name, Field<T>.NotAnItem, entry.Key, node, state, null!);
        if (node.Resolve() is not MappingNode) return new Field<T>(owner, name, Field<T>.NotAnItem, entry.Key, node, Unconvertible(node), null!);
        var target = create();
        target.Attach(node, entry.Key, owner, owner.ObjectPath.Field(name));
        Fill(target);
        return new Field<T>(owner, name, Field<T>.NotAnItem, entry.Key, node, FieldState.Valid, target);
    }

    public ListField<T> ObjectList<T>(ModelObject owner, in MappingEntry entry, string name, Func<T> create)
        where T : ModelObject
    {
        var (field, sequence) = List(owner, entry, name);
        if (sequence is null) return new ListField<T>(field, null);
        var items = sequence.Items;
        var result = new List<T>(items.Count);
        FieldPath? listPath = null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (Precheck(item) is not null) continue;
            if (item.Resolve() is not MappingNode)
            {
                Unconvertible(item);
                continue;
            }

            var target = create();
            target.Attach(item, null, owner, (listPath ??= owner.ObjectPath.Field(name)).Index(i));
            Fill(target);
            result.Add(target);
        }

        return new ListField<T>(field, [.. result]);
    }

    public ListField<Field<T>> ScalarList<T, TScalar>(ModelObject owner, in MappingEntry entry, string name)
        where TScalar : IScalar<T>
    {
        var (field, sequence) = List(owner, entry, name);
        if (sequence is null) return new ListField<Field<T>>(field, null);
        var items = sequence.Items;
        var result = new Field<T>[items.Count];
        for (var i = 0; i < items.Count; i++) result[i] = ScalarValue<T, TScalar>(owner, name, i, null, items[i]);
        return new ListField<Field<T>>(field, result);
    }

    public MapField<T> ScalarMap<T, TScalar>(ModelObject owner, in MappingEntry entry, string name)
        where TScalar : IScalar<T>
    {
        var node = entry.Value;
        var state = Precheck(node) ?? (node.Resolve() is MappingNode ? FieldState.Valid : Unconvertible(node));
        var field = new Field<Opaque>(owner, name, Field<Opaque>.NotAnItem, entry.Key, node, state, default);
        if (state != FieldState.Valid) return new MapField<T>(field, null);
        var entries = ((MappingNode)node.Resolve()).EffectiveEntries();
        var result = new List<Field<T>>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            // A key that is not a scalar cannot be a map key (the entry is left out).
            if (e.Key.Resolve() is not ScalarNode) continue;
            result.Add(ScalarValue<T, TScalar>(owner, name, Field<T>.MapEntry, e.Key, e.Value));
        }

        return new MapField<T>(field, [.. result]);
    }

    private (Field<Opaque> Field, SequenceNode? Sequence) List(ModelObject owner, in MappingEntry entry, string name)
    {
        var node = entry.Value;
        var state = Precheck(node) ?? (node.Resolve() is SequenceNode ? FieldState.Valid : Unconvertible(node));
        var field = new Field<Opaque>(owner, name, Field<Opaque>.NotAnItem, entry.Key, node, state, default);
        return (field, state == FieldState.Valid ? (SequenceNode)node.Resolve() : null);
    }
}

/// <summary>Converts a scalar node to a value of the model, following the API server's decoding after Kubernetes'
/// YAML-to-JSON conversion (the same rules the schema check applies).</summary>
/// <typeparam name="T">The value type.</typeparam>
internal interface IScalar<T>
{
    static abstract bool TryConvert(ScalarNode node, out T value);
}

internal readonly struct StringScalar : IScalar<string>
{
    public static bool TryConvert(ScalarNode node, out string value)
    {
        value = node.Value;
        return node.Type == ScalarType.String;
    }
}

internal readonly struct BoolScalar : IScalar<bool>
{
    public static bool TryConvert(ScalarNode node, out bool value)
    {
        value = node.AsBool() ?? false;
        return node.Type == ScalarType.Bool;
    }
}

internal readonly struct Int32Scalar : IScalar<int>
{
    public static bool TryConvert(ScalarNode node, out int value)
    {
        value = 0;
        if (!ScalarTypes.IsInteger(node, out var v) || v is not { } n || n is < int.MinValue or > int.MaxValue) return false;
        value = (int)n;
        return true;
    }
}

internal readonly struct Int64Scalar : IScalar<long>
{
    public static bool TryConvert(ScalarNode node, out long value)
    {
        value = 0;
        if (!ScalarTypes.IsInteger(node, out var v) || v is not { } n) return false;
        value = n;
        return true;
    }
}

internal readonly struct NumberScalar : IScalar<double>
{
    public static bool TryConvert(ScalarNode node, out double value)
    {
        value = node.AsDouble() ?? 0;
        return node.Type is ScalarType.Int or ScalarType.Float;
    }
}

internal readonly struct IntOrStringScalar : IScalar<IntOrString>
{
    public static bool TryConvert(ScalarNode node, out IntOrString value)
    {
        value = default;
        if (node.Type == ScalarType.String)
        {
            value = new IntOrString(null, node.Value);
            return true;
        }

        if (!ScalarTypes.IsInteger(node, out var v) || v is not { } n || n is < int.MinValue or > int.MaxValue) return false;
        value = new IntOrString((int)n, null);
        return true;
    }
}

internal readonly struct QuantityScalar : IScalar<Quantity>
{
    public static bool TryConvert(ScalarNode node, out Quantity value)
    {
        // YAML numbers reach the API server through Kubernetes' YAML-to-JSON conversion: an integer as its decimal
        // value (`0x10` is 16, `010` is 8), a float as the shortest text of its 64-bit value.
        switch (node.Type)
        {
            case ScalarType.String:
                value = new Quantity(node.Value);
                return true;
            case ScalarType.Int:
                value = new Quantity(node.Value, ScalarResolver.IntegerText(node.Value) ?? string.Empty);
                return true;
            case ScalarType.Float:
                value = Quantity.FromYamlFloat(node.Value, node.AsDouble() ?? double.NaN);
                return true;
            default:
                value = new Quantity(node.Value);
                return false;
        }
    }
}

internal readonly struct OpaqueScalar : IScalar<Opaque>
{
    public static bool TryConvert(ScalarNode node, out Opaque value)
    {
        value = default;
        return true;
    }
}
