using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PodLint.Diagnostics;
using PodLint.Parsing;

namespace PodLint.Configuration;

/// <summary>
/// Checks a configuration's node tree against <c>schemas/podlint-config.schema.json</c> (embedded), so that a mistake
/// is reported at its exact position with what was expected. The schema uses a small subset of JSON Schema
/// (<c>type</c>, <c>enum</c>, <c>pattern</c>, <c>minLength</c>, <c>properties</c>, <c>additionalProperties</c>,
/// <c>items</c>), which this walker implements; read with System.Text.Json, no reflection.
/// </summary>
internal static class ConfigSchema
{
    private static readonly Lazy<JsonDocument> Schema = new(Load);

    /// <summary>The schema's text, as shipped in <c>schemas/</c>.</summary>
    public static string Text
    {
        get
        {
            using var stream = typeof(ConfigSchema).Assembly.GetManifestResourceStream("PodLint.Config.podlint-config.schema.json")
                ?? throw new InvalidOperationException("the configuration schema is not embedded");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    private static JsonDocument Load() => JsonDocument.Parse(Text);

    /// <summary>The top-level keys the schema allows.</summary>
    public static IReadOnlyList<string> TopLevelKeys => [.. Schema.Value.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name)];

    /// <summary>Checks a node against the schema; throws at the first mistake.</summary>
    public static void Validate(YamlNode node, string file)
        => Check(node, Schema.Value.RootElement, file, "the configuration");

    private static void Check(YamlNode node, JsonElement schema, string file, string what)
    {
        var value = node.Resolve();
        // A key with no value (`rules:` with its entries commented out) is as if it were not there.
        if (value is ScalarNode { Type: ScalarType.Null }) return;
        if (schema.TryGetProperty("enum", out var choices))
        {
            var allowed = choices.EnumerateArray().Select(c => c.GetString()!).ToList();
            if (value is not ScalarNode s || !allowed.Contains(s.Value, StringComparer.Ordinal))
            {
                throw Error(node, file, $"{what} must be one of {Quote(allowed)}, not {Describe(value)}");
            }

            return;
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "object":
                if (value is not MappingNode map) throw Error(node, file, $"{what} must be a mapping (`key: value` lines), not {Describe(value)}");
                CheckObject(map, schema, file, what);
                break;
            case "array":
                if (value is not SequenceNode sequence) throw Error(node, file, $"{what} must be a list (`- item` lines or `[a, b]`), not {Describe(value)}");
                var items = schema.GetProperty("items");
                for (var i = 0; i < sequence.Items.Count; i++) Check(sequence.Items[i], items, file, $"item {(i + 1).ToString(CultureInfo.InvariantCulture)} of {what}");
                break;
            case "string":
                if (value is not ScalarNode { Type: ScalarType.String } text)
                {
                    var hint = value is ScalarNode { Type: ScalarType.Float or ScalarType.Int } number ? $": quote it, `\"{number.Value}\"`" : string.Empty;
                    throw Error(node, file, $"{what} must be a string, not {Describe(value)}{hint}");
                }

                if (schema.TryGetProperty("minLength", out var min) && text.Value.Length < min.GetInt32()) throw Error(node, file, $"{what} must not be empty");
                if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text.Value, pattern.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                {
                    throw Error(node, file, $"{what} `{text.Value}` is not valid: expected {Describe(schema)}");
                }

                break;
        }
    }

    private static void CheckObject(MappingNode map, JsonElement schema, string file, string what)
    {
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var entry in map.Entries)
        {
            if (entry.KeyText is not { } key) throw Error(entry.Key, file, $"the keys of {what} must be plain names");
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(key, out var propertySchema))
            {
                Check(entry.Value, propertySchema, file, $"`{key}`");
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                Check(entry.Value, additional, file, $"`{key}`");
            }
            else if (additional.ValueKind == JsonValueKind.False)
            {
                var known = properties.ValueKind == JsonValueKind.Object ? properties.EnumerateObject().Select(x => x.Name).ToList() : [];
                var close = Spelling.Closest(key, known, c => Math.Max(key.Length, c.Length) / 3);
                var hint = close.Count > 0 ? $"; did you mean `{close[0]}`?" : string.Empty;
                throw Error(entry.Key, file, $"unknown key `{key}` in {what}: expected {Quote(known)}{hint}");
            }
        }
    }

    private static string Describe(JsonElement schema)
        => schema.TryGetProperty("description", out var d) ? d.GetString()!.Split(". ", 2)[0].TrimEnd('.') : "see the schema";

    private static string Describe(YamlNode node) => node switch
    {
        ScalarNode { Type: ScalarType.Null } => "empty",
        ScalarNode s => $"`{s.Value}`",
        MappingNode => "a mapping",
        SequenceNode => "a list",
        _ => node.Describe(),
    };

    internal static string Quote(IEnumerable<string> values)
    {
        var list = values.Select(v => $"`{v}`").ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }

    internal static PodLintConfigException Error(YamlNode node, string file, string message)
        => new(file, node.Span.StartLine, node.Span.StartColumn, message);
}
