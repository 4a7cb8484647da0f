using System.Text.Json;
using NJsonSchema;

namespace PodLint.Schema;

/// <summary>
/// Builds NJsonSchema's schema model straight from one of our generated Pod schemas. They use a small, known
/// subset of JSON Schema (type, format, pattern, properties, additionalProperties, items, required, oneOf, allOf
/// and local <c>$ref</c>s), so building the objects directly takes a few milliseconds where
/// <c>JsonSchema.FromJsonAsync</c> spends about 300 ms in a fresh process on deserialization and reference resolution.
/// A definition is filled on first use, when <see cref="Resolved"/> follows a reference to it: one Pod needs a few dozen
/// of a schema's two hundred definitions, and building them all was a fifth of a NativeAOT run's 20 ms.
/// </summary>
internal static class SchemaBuilder
{
    /// <summary>Definitions created but not filled yet, with what fills them.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSchema, Pending> Unfilled = [];

    /// <summary>Builds the model of a schema document; its definitions are filled on first use.</summary>
    public static JsonSchema Build(JsonElement root)
    {
        var definitions = new Definitions(root.Clone().GetProperty("definitions"));
        var rootSchema = new JsonSchema();
        lock (definitions) Fill(rootSchema, root, definitions);
        return rootSchema;
    }

    /// <summary>
    /// The schema a reference leads to (NJsonSchema's <c>ActualSchema</c>), filled. Code that reads the model goes
    /// through this, never through <c>ActualSchema</c> itself, which would show an unfilled definition as empty.
    /// </summary>
    public static JsonSchema Resolved(this JsonSchema schema)
    {
        while (true)
        {
            var actual = schema.ActualSchema;
            if (!Unfilled.TryGetValue(actual, out var pending)) return actual;
            pending.Run();
            schema = actual;
        }
    }

    /// <summary>Fills every definition reachable from <paramref name="schema"/>, for code that reads the model
    /// without <see cref="Resolved"/> (NJsonSchema's own validator, in tests).</summary>
    public static void FillAll(JsonSchema schema)
    {
        var seen = new HashSet<JsonSchema>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<JsonSchema>([schema]);
        while (stack.TryPop(out var next))
        {
            foreach (var s in new[] { next, next.Resolved() })
            {
                if (!seen.Add(s)) continue;
                foreach (var p in s.Properties.Values) stack.Push(p);
                if (s.Item is { } item) stack.Push(item);
                if (s.AdditionalPropertiesSchema is { } values) stack.Push(values);
                foreach (var o in s.OneOf) stack.Push(o);
                foreach (var a in s.AllOf) stack.Push(a);
            }
        }
    }

    /// <summary>The definitions of one schema document: each created on first reference, filled on first use.</summary>
    private sealed class Definitions(JsonElement definitions)
    {
        private readonly Dictionary<string, JsonSchema> _created = new(StringComparer.Ordinal);

        /// <summary>The definition's (shared) schema object; called with this object's lock held.</summary>
        public JsonSchema Get(string name)
        {
            if (_created.TryGetValue(name, out var schema)) return schema;
            var element = definitions.TryGetProperty(name, out var e) ? e
                : throw new InvalidDataException($"reference to a missing definition `{name}`");
            _created[name] = schema = new JsonSchema();
            Unfilled.Add(schema, new Pending(this, schema, element));
            return schema;
        }
    }

    /// <summary>Fills one definition once, under its document's lock (one thread fills, the others wait for it).</summary>
    private sealed class Pending(Definitions definitions, JsonSchema schema, JsonElement element)
    {
        private bool _done;

        public void Run()
        {
            lock (definitions)
            {
                if (_done) return;
                Fill(schema, element, definitions);
                _done = true;
                // Readers that no longer find it here read it without the lock: the filling is published first.
                Interlocked.MemoryBarrier();
                Unfilled.Remove(schema);
            }
        }
    }

    private static JsonSchema Create(JsonElement element, Definitions definitions)
    {
        var schema = new JsonSchema();
        Fill(schema, element, definitions);
        return schema;
    }

    private static void Fill(JsonSchema schema, JsonElement element, Definitions definitions)
    {
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "$ref":
                    schema.Reference = definitions.Get(value.GetString()!["#/definitions/".Length..]);
                    break;
                case "type":
                    schema.Type = value.GetString() switch
                    {
                        "object" => JsonObjectType.Object,
                        "array" => JsonObjectType.Array,
                        "string" => JsonObjectType.String,
                        "integer" => JsonObjectType.Integer,
                        "number" => JsonObjectType.Number,
                        "boolean" => JsonObjectType.Boolean,
                        _ => JsonObjectType.None,
                    };
                    break;
                case "format":
                    schema.Format = value.GetString();
                    break;
                case "pattern":
                    schema.Pattern = value.GetString();
                    break;
                case "properties":
                    foreach (var p in value.EnumerateObject())
                    {
                        var prop = new JsonSchemaProperty();
                        Fill(prop, p.Value, definitions);
                        schema.Properties[p.Name] = prop;
                    }

                    break;
                case "additionalProperties":
                    if (value.ValueKind == JsonValueKind.False) schema.AllowAdditionalProperties = false;
                    else if (value.ValueKind == JsonValueKind.Object) schema.AdditionalPropertiesSchema = Create(value, definitions);
                    break;
                case "items":
                    schema.Item = Create(value, definitions);
                    break;
                case "required":
                    foreach (var r in value.EnumerateArray()) schema.RequiredProperties.Add(r.GetString()!);
                    break;
                case "oneOf":
                    foreach (var o in value.EnumerateArray()) schema.OneOf.Add(Create(o, definitions));
                    break;
                case "allOf":
                    foreach (var a in value.EnumerateArray()) schema.AllOf.Add(Create(a, definitions));
                    break;
                case "definitions":
                    break;
                default:
                    // $schema, title and x-kubernetes-* / x-podlint-* annotations carry no validation.
                    break;
            }
        }
    }
}
