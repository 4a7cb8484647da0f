using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using NJsonSchema;
using PodLint.Diagnostics;
using PodLint.Parsing;

namespace PodLint.Schema;

/// <summary>
/// Checks an object's node tree against its kind's schema of one Kubernetes version, walking our positioned tree
/// against NJsonSchema's schema model (no JSON conversion), so every finding sits at the exact value. One root
/// cause gives one finding: a value of the wrong type is not looked into further. It is the one authority on types:
/// the value nodes it reports are handed to the model binder, which binds them as invalid and says nothing.
/// </summary>
internal sealed partial class SchemaValidator
{
    private readonly string _version;
    private readonly KindSchema _kind;
    private readonly FieldPath _basePath;
    private readonly DiagnosticSink _sink;
    private HashSet<YamlNode>? _rejected;

    // The path of the value being checked, as a stack: a FieldPath is only built for a finding (most values have none).
    private readonly List<Segment> _path = new(16);

    /// <summary>One step of the path: a field name, a list index (<c>Name</c> null) or a map key.</summary>
    private readonly record struct Segment(string? Name, int Index, bool IsKey);

    // The objects being checked, outermost first, with the path length at each: where a misplaced field belongs.
    private readonly List<(JsonSchema Schema, int Depth)> _owners = new(16);

    private SchemaValidator(string version, KindSchema kind, FieldPath basePath, DiagnosticSink sink)
    {
        _version = version;
        _kind = kind;
        _basePath = basePath;
        _sink = sink;
    }

    /// <summary>
    /// Checks one object (a document, or an item of a List at <paramref name="basePath"/>) against its kind's schema;
    /// returns the value nodes it reported (null when none), for the binder.
    /// </summary>
    public static HashSet<YamlNode>? Validate(YamlNode root, string version, KindSchema kind, FieldPath basePath, DiagnosticSink sink)
    {
        var rootSchema = KubernetesSchemas.GetRootSchema(kind.SchemaName, version);
        var validator = new SchemaValidator(version, kind, basePath, sink);
        var rootSpan = FirstKeySpan(root);
        validator.Check(root, rootSchema, rootSpan);
        return validator._rejected;
    }

    private void Reject(YamlNode node) => (_rejected ??= new HashSet<YamlNode>(ReferenceEqualityComparer.Instance)).Add(node);

    /// <summary>
    /// Some fields are Go structs, not pointers: the schema does not require them, but without one the API server
    /// validates an empty struct and rejects it for its required fields (a Pod without `spec`: `spec.containers:
    /// Required value`; a template without `spec` likewise). PodLint treats every `spec` field so.
    /// </summary>
    private void CheckStructFieldsPresent(MappingNode map, JsonSchema schema, SourceSpan ownerSpan)
    {
        if (!schema.Properties.TryGetValue("spec", out var specSchema)) return;
        var spec = map.Find("spec");
        if (spec is { } entry && !entry.Value.IsNull) return;
        var specPath = CurrentPath().Field("spec");
        foreach (var required in specSchema.Resolved().RequiredProperties)
        {
            var path = specPath.Field(required);
            _sink.Report(SchemaRules.MissingSpec, spec?.Key.Span ?? ownerSpan.FirstLine(), path, [("path", path.ToString()), ("field", required)],
                spec is null ? $"add `spec:` with `{required}:`" : $"give `spec` a value with `{required}:`");
        }
    }

    private void Check(YamlNode node, JsonSchema schema, SourceSpan ownerSpan)
    {
        var resolved = node.Resolve();
        if (resolved.IsInvalid || resolved is ScalarNode { Type: ScalarType.Null }) return;
        schema = schema.Resolved();
        if (schema.OneOf.Count > 0)
        {
            CheckOneOf(node, resolved, schema);
            return;
        }

        var type = schema.Type;
        if (type.HasFlag(JsonObjectType.Object) || schema.Properties.Count > 0)
        {
            if (resolved is MappingNode map) CheckMapping(map, schema, ownerSpan);
            else TypeMismatch(node, "object", ShapeHelp.ForObject(resolved, schema));
        }
        else if (type.HasFlag(JsonObjectType.Array))
        {
            if (resolved is not SequenceNode seq)
            {
                TypeMismatch(node, "array", ShapeHelp.ForList(resolved, schema.Item?.Resolved()));
                return;
            }

            if (schema.Item is not { } item) return;
            for (var i = 0; i < seq.Items.Count; i++)
            {
                var element = seq.Items[i];
                _path.Add(new Segment(null, i, IsKey: false));
                Check(element, item, FirstKeySpan(element));
                _path.RemoveAt(_path.Count - 1);
            }
        }
        else if (type.HasFlag(JsonObjectType.String))
        {
            if (resolved is not ScalarNode { Type: ScalarType.String } text) TypeMismatch(node, "string");
            else if (schema.Format == "date-time" && !IsTimestamp(text.Value))
            {
                Reject(node);
                var path = CurrentPath();
                _sink.Report(SchemaRules.NotTimestamp, node.Span, path, [("path", path.ToString()), ("actual", node.Describe())]);
            }
        }
        else if (type.HasFlag(JsonObjectType.Integer))
        {
            if (resolved is not ScalarNode s || !ScalarTypes.IsInteger(s, out var value)) TypeMismatch(node, "integer");
            else if (value is null || (schema.Format == "int32" && value is < int.MinValue or > int.MaxValue)) OutOfRange(node, s, schema.Format);
        }
        else if (type.HasFlag(JsonObjectType.Number))
        {
            if (resolved is not ScalarNode { Type: ScalarType.Int or ScalarType.Float }) TypeMismatch(node, "number");
        }
        else if (type.HasFlag(JsonObjectType.Boolean))
        {
            if (resolved is not ScalarNode { Type: ScalarType.Bool }) TypeMismatch(node, "boolean");
        }
    }

    private void CheckOneOf(YamlNode node, YamlNode resolved, JsonSchema schema)
    {
        var scalar = resolved as ScalarNode;
        if (schema.Format == "quantity")
        {
            switch (scalar)
            {
                case { Type: ScalarType.Int or ScalarType.Float }:
                    return;
                case { Type: ScalarType.String } s when !IsQuantity(schema, s.Value):
                    Reject(node);
                    var path = CurrentPath();
                    _sink.Report(SchemaRules.NotQuantity, node.Span, path, [("path", path.ToString()), ("value", ScalarNode.Quote(s.Value))]);
                    return;
                case { Type: ScalarType.String }:
                    return;
                default:
                    TypeMismatch(node, "quantity (string or number)");
                    return;
            }
        }

        // int-or-string: the integer is decoded into an int32 (intstr.IntOrString.IntVal).
        if (scalar is { Type: ScalarType.String }) return;
        if (scalar is not null && ScalarTypes.IsInteger(scalar, out var number))
        {
            if (number is null or < int.MinValue or > int.MaxValue) OutOfRange(node, scalar, "int32");
            return;
        }

        TypeMismatch(node, "integer or string");
    }

    private void CheckMapping(MappingNode map, JsonSchema schema, SourceSpan ownerSpan)
    {
        // Our schemas put no properties under allOf (the generator wraps only the root, unwrapped above), so Properties
        // is the whole set; NJsonSchema's ActualProperties would copy it into a new dictionary on every call.
        var properties = schema.Properties;
        var additional = schema.AdditionalPropertiesSchema;
        HashSet<string>? suggested = null;
        _owners.Add((schema, _path.Count));
        var entries = map.EffectiveEntries();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entry.KeyText is not { } key) continue;
            if (properties.TryGetValue(key, out var property))
            {
                _path.Add(new Segment(key, 0, IsKey: false));
                Check(entry.Value, property, entry.Key.Span);
                _path.RemoveAt(_path.Count - 1);
            }
            else if (additional is not null)
            {
                _path.Add(new Segment(key, 0, IsKey: true));
                Check(entry.Value, additional, entry.Key.Span);
                _path.RemoveAt(_path.Count - 1);
            }
            else if (properties.Count > 0 && !schema.AllowAdditionalProperties)
            {
                if (UnknownField(entry, key, schema) is { } suggestion) (suggested ??= []).Add(suggestion);
            }
        }

        _owners.RemoveAt(_owners.Count - 1);
        CheckStructFieldsPresent(map, schema, ownerSpan);

        if (schema.RequiredProperties.Count == 0) return;
        foreach (var required in schema.RequiredProperties)
        {
            var present = map.Find(required);
            // A misspelt required field is one mistake: the unknown-field finding already names it.
            if (suggested?.Contains(required) == true) continue;
            if (present is { } entry)
            {
                // Kubernetes reads null as "not set", so a required field written as `name:` (or `~`, `null`) is missing.
                if (!entry.Value.IsNull) continue;
                var nullPath = CurrentPath().Field(required);
                _sink.Report(SchemaRules.MissingNull, entry.Key.Span, nullPath, [("path", nullPath.ToString()), ("field", required)]);
                continue;
            }

            var fieldPath = CurrentPath().Field(required);
            _sink.Report(SchemaRules.Missing, ownerSpan.FirstLine(), fieldPath, [("path", fieldPath.ToString()), ("field", required)]);
        }
    }

    /// <summary>Reports an unknown field; returns the known field it suggests instead, if any.</summary>
    private string? UnknownField(MappingEntry entry, string key, JsonSchema owner)
    {
        Reject(entry.Value);
        var parent = CurrentPath();
        var fieldPath = parent.Field(key);
        var where = Where(parent);
        // The field's schema steps: property names, `[]` for list items, `{}` for map values.
        var steps = _path.Select(s => s.IsKey ? "{}" : s.Name ?? "[]").Append(key).ToList();
        var span = entry.Key.Span;
        if (FieldAvailability.Describe(_kind.SchemaName, steps, _version) is { } availability)
        {
            _sink.Report(SchemaRules.OtherVersion, span, fieldPath, [("path", fieldPath.ToString()), ("availability", availability)]);
            return null;
        }

        var field = ScalarNode.Escape(key);
        if (DidYouMean(key, owner.Properties.Keys) is { } suggestion)
        {
            _sink.Report(SchemaRules.UnknownDidYouMean, span, fieldPath,
                [("field", field), ("where", where), ("suggestion", suggestion), ("name", suggestion)]);
            return suggestion;
        }

        var value = entry.Value.Resolve();
        var (place, help) = Enclosing(key, value) is { } above ? (Where(above), "move it there: is it indented too far?")
            : Within(key, value, owner, parent) is { } below ? ("in " + below, "move it there: is it indented too little?")
            : Beside(key, value) is { } beside ? ("in " + beside, "move it there")
            : ((string?)null, (string?)null);
        if (place is null)
        {
            _sink.Report(SchemaRules.Unknown, span, fieldPath, [("field", field), ("where", where)]);
        }
        else
        {
            _sink.Report(SchemaRules.Misplaced, span, fieldPath, [("field", field), ("where", where), ("place", place)], help);
        }

        return null;
    }

    /// <summary>"at the top level of the Pod", or "in `spec.containers[0]`".</summary>
    private string Where(FieldPath parent) => parent.Equals(_basePath) ? $"at the top level of the {_kind.Kind}" : $"in `{parent}`";

    /// <summary>The nearest enclosing object that has the field, for a field indented too far.</summary>
    private FieldPath? Enclosing(string key, YamlNode value)
    {
        for (var i = _owners.Count - 2; i >= 0; i--)
        {
            if (_owners[i].Schema.Properties.TryGetValue(key, out var field) && Fits(value, field.Resolved())) return PathPrefix(_owners[i].Depth);
        }

        return null;
    }

    /// <summary>
    /// The objects just inside <paramref name="owner"/> (its object fields, or the items of its list fields) that have the
    /// field with a value of the written shape, for a field indented too little: "the items of spec.containers or …".
    /// Null when none, or when so many have it that naming them would not help. A resource name (<c>memory</c>) in a
    /// container belongs in its resources' limits or requests.
    /// </summary>
    private static string? Within(string key, YamlNode value, JsonSchema owner, FieldPath path)
    {
        if (IsResourceName(key))
        {
            if (owner.Properties.TryGetValue("resources", out var resources) && HasLimitsAndRequests(resources.Resolved()))
            {
                return $"`{path.Field("resources").Field("limits")}` or `{path.Field("resources").Field("requests")}`";
            }

            if (HasLimitsAndRequests(owner)) return $"`{path.Field("limits")}` or `{path.Field("requests")}`";
        }

        var places = new List<string>();
        foreach (var (name, property) in owner.Properties)
        {
            var schema = property.Resolved();
            var isList = schema.Type.HasFlag(JsonObjectType.Array);
            if (isList) schema = schema.Item?.Resolved();
            if (schema is null || !schema.Properties.TryGetValue(key, out var field) || !Fits(value, field.Resolved())) continue;
            places.Add(isList ? $"the items of `{path.Field(name)}`" : $"`{path.Field(name)}`");
        }

        return places.Count switch
        {
            0 or > 3 => null,
            1 => places[0],
            _ => string.Join(", ", places.Take(places.Count - 1)) + " or " + places[^1],
        };
    }

    /// <summary>An object field of an enclosing object that has the field (<c>spec.labels</c> → metadata).</summary>
    private string? Beside(string key, YamlNode value)
    {
        for (var i = _owners.Count - 2; i >= 0; i--)
        {
            foreach (var (name, property) in _owners[i].Schema.Properties)
            {
                var schema = property.Resolved();
                if (schema.Properties.TryGetValue(key, out var field) && Fits(value, field.Resolved()))
                {
                    return $"`{PathPrefix(_owners[i].Depth).Field(name)}`";
                }
            }
        }

        return null;
    }

    /// <summary>Whether a written value has the shape of a field's schema (a scalar for a scalar, a list for a list …).</summary>
    private static bool Fits(YamlNode value, JsonSchema schema)
    {
        var type = schema.Type;
        return value switch
        {
            MappingNode => type.HasFlag(JsonObjectType.Object) || schema.Properties.Count > 0,
            SequenceNode => type.HasFlag(JsonObjectType.Array),
            _ => !type.HasFlag(JsonObjectType.Object) && !type.HasFlag(JsonObjectType.Array) && schema.Properties.Count == 0,
        };
    }

    private static bool IsResourceName(string key)
        => key is "cpu" or "memory" or "ephemeral-storage" || key.StartsWith("hugepages-", StringComparison.Ordinal);

    private static bool HasLimitsAndRequests(JsonSchema schema)
        => schema.Properties.ContainsKey("limits") && schema.Properties.ContainsKey("requests");

    private FieldPath PathPrefix(int length)
    {
        var path = _basePath;
        for (var i = 0; i < length; i++)
        {
            var segment = _path[i];
            path = segment.Name is null ? path.Index(segment.Index) : segment.IsKey ? path.Key(segment.Name) : path.Field(segment.Name);
        }

        return path;
    }

    /// <summary>The closest known name by edit distance, when it is close enough to be a typo (ties: the first in ordinal order).</summary>
    internal static string? DidYouMean(string key, IEnumerable<string> known)
    {
        var best = Spelling.Closest(key, known, _ => int.MaxValue).Order(StringComparer.Ordinal).FirstOrDefault();
        return best is not null && Spelling.Distance(key.ToLowerInvariant(), best.ToLowerInvariant()) <= Math.Max(1, Math.Min(3, best.Length / 3)) ? best : null;
    }

    private void TypeMismatch(YamlNode node, string expected, string? help = null)
    {
        Reject(node);
        var path = CurrentPath();
        _sink.Report(SchemaRules.ExpectedType, node.Span, path, [("path", path.ToString()), ("expected", expected), ("actual", node.Describe())],
            help ?? ShapeHelp.ForType(node, expected));
    }

    /// <summary>An integer the API server cannot decode into its field's Go type (int32, or int64 for the rest).</summary>
    private void OutOfRange(YamlNode node, ScalarNode scalar, string? format)
    {
        Reject(node);
        var path = CurrentPath();
        var (bits, range) = format == "int32" ? ("32", "-2147483648 to 2147483647") : ("64", "-9223372036854775808 to 9223372036854775807");
        var direction = scalar.Value.TrimStart().StartsWith('-') ? "small" : "large";
        _sink.Report(SchemaRules.DoesNotFit, node.Span, path,
            [("path", path.ToString()), ("actual", scalar.Describe()), ("value", scalar.Value), ("direction", direction), ("bits", bits), ("range", range)]);
    }

    private FieldPath CurrentPath() => PathPrefix(_path.Count);

    private static SourceSpan FirstKeySpan(YamlNode node)
        => node.Resolve() is MappingNode { Entries.Count: > 0 } m ? m.Entries[0].Key.Span : node.Span;

    /// <summary>
    /// What the API server's time fields accept (metav1.Time: Go's <c>time.Parse(time.RFC3339, …)</c>): a date, an
    /// uppercase <c>T</c>, a time with optional fractional seconds, and <c>Z</c> or a numeric offset.
    /// </summary>
    private static bool IsTimestamp(string value)
        => Rfc3339().IsMatch(value)
            && DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    private static readonly ConcurrentDictionary<JsonSchema, Regex?> QuantityPatterns = new(ReferenceEqualityComparer.Instance);

    /// <summary>The quantity grammar, as the schema itself states it (its string branch's pattern).</summary>
    private static bool IsQuantity(JsonSchema quantitySchema, string value)
    {
        var pattern = QuantityPatterns.GetOrAdd(quantitySchema, static s => s.OneOf.Select(o => o.Pattern).FirstOrDefault(p => p is not null) is { } p
            ? new Regex(p, RegexOptions.CultureInvariant) : null);
        return pattern is null || pattern.IsMatch(value);
    }
}
