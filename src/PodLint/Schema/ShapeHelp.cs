using NJsonSchema;
using PodLint.Parsing;

namespace PodLint.Schema;

/// <summary>
/// Help lines for values of the wrong shape, written from what the user wrote: the usual slips are a list written as
/// a mapping (<c>env: {MODE: fast}</c>), a single value where a list is expected (<c>command: nginx</c>), and a bare
/// value where an object with one required field is expected (<c>ports: [80]</c>), and one object where a list of them
/// is expected (<c>envFrom: {configMapRef: …}</c>).
/// </summary>
internal static class ShapeHelp
{
    /// <summary>A list was expected; <paramref name="item"/> is the schema of its items, if known.</summary>
    public static string? ForList(YamlNode value, JsonSchema? item)
    {
        switch (value)
        {
            case MappingNode { Entries.Count: > 0 } map when item is not null && IsNameValuePair(item)
                && map.Entries[0].KeyText is { } name && map.Entries[0].Value.Resolve() is ScalarNode first:
                // env: {MODE: fast} → - name: MODE / value: fast
                return $"write a list of name/value pairs: `- name: {name}` with `value: {first.Value}` below it, one item per entry";
            case MappingNode { Entries.Count: > 0 } map when item is not null && item.Properties.Count > 0
                && map.Entries.All(e => e.KeyText is { } key && item.Properties.ContainsKey(key)):
                // envFrom: {configMapRef: …} → - configMapRef: …
                return $"write it as a list item: `- {map.Entries[0].KeyText}: …` is a list of one";
            case MappingNode:
                return "write a list: one `- ` item per entry";
            case ScalarNode { Type: not ScalarType.Null } scalar when item?.Type.HasFlag(JsonObjectType.String) == true:
                // command: nginx -g 'daemon off;' → one list item per argument
                return $"write a list, one `- ` item per element (`[{ScalarNode.QuoteYaml(scalar.Value)}]` would be a single element)";
            default:
                return null;
        }
    }

    /// <summary>An object was expected.</summary>
    public static string? ForObject(YamlNode value, JsonSchema schema)
    {
        // ports: [80] → - containerPort: 80
        if (value is ScalarNode { Type: ScalarType.Int } scalar && schema.RequiredProperties.Count == 1)
        {
            var required = schema.RequiredProperties.First();
            if (schema.Properties.TryGetValue(required, out var property) && property.Resolved().Type.HasFlag(JsonObjectType.Integer))
            {
                return $"write it as an object: `{required}: {scalar.Value}`";
            }
        }

        return null;
    }

    /// <summary>A scalar of the wrong type: YAML 1.1 booleans, numbers meant as strings, quoted numbers.</summary>
    public static string? ForType(YamlNode node, string expected)
    {
        var wantsString = expected.Contains("string", StringComparison.Ordinal) || expected.StartsWith("quantity", StringComparison.Ordinal);
        return node.Resolve() switch
        {
            ScalarNode { Type: ScalarType.Bool, IsPlain: true } s when wantsString
                && !s.Value.Equals("true", StringComparison.OrdinalIgnoreCase) && !s.Value.Equals("false", StringComparison.OrdinalIgnoreCase)
                => $"Kubernetes reads YAML 1.1, where unquoted `{s.Value}` is a boolean; quote it if you mean the string",
            ScalarNode { Type: ScalarType.Int or ScalarType.Float or ScalarType.Bool or ScalarType.Null, IsPlain: true } when wantsString
                => "quote the value if it is meant as a string",
            ScalarNode { IsPlain: false } s when expected == "integer" && ScalarResolver.Resolve(s.Value, true, null) is ScalarType.Int
                => "remove the quotes: a quoted number is a string",
            _ => null,
        };
    }

    private static bool IsNameValuePair(JsonSchema item)
        => item.Properties.ContainsKey("name") && item.Properties.ContainsKey("value");
}
