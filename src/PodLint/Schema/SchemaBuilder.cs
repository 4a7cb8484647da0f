using System.Text.Json;
using NJsonSchema;

namespace PodLint.Schema;

/// <summary>
/// Builds NJsonSchema's schema model straight from one of our generated Pod schemas. They use a small, known
/// subset of JSON Schema (type, format, pattern, properties, additionalProperties, items, required, oneOf, allOf
/// and local <c>$ref</c>s), so building the objects directly takes a few milliseconds where
/// <c>JsonSchema.FromJsonAsync</c> spends about 300 ms in a fresh process on deserialization and reference resolution.
/// </summary>
internal static class SchemaBuilder
{
    public static JsonSchema Build(JsonElement root)
    {
        var definitions = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        var rootSchema = new JsonSchema();
        var defs = root.GetProperty("definitions");
        // Create every definition first, so that references (also cyclic ones) resolve to the shared instance.
        foreach (var def in defs.EnumerateObject()) definitions[def.Name] = new JsonSchema();
        foreach (var def in defs.EnumerateObject())
        {
            Fill(definitions[def.Name], def.Value, definitions);
            rootSchema.Definitions[def.Name] = definitions[def.Name];
        }

        Fill(rootSchema, root, definitions);
        return rootSchema;
    }

    private static JsonSchema Create(JsonElement element, Dictionary<string, JsonSchema> definitions)
    {
        var schema = new JsonSchema();
        Fill(schema, element, definitions);
        return schema;
    }

    private static void Fill(JsonSchema schema, JsonElement element, Dictionary<string, JsonSchema> definitions)
    {
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "$ref":
                    var name = value.GetString()!["#/definitions/".Length..];
                    schema.Reference = definitions.TryGetValue(name, out var target) ? target
                        : throw new InvalidDataException($"reference to a missing definition `{name}`");
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
