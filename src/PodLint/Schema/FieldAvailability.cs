using System.Collections.Concurrent;
using System.Text.Json;

namespace PodLint.Schema;

/// <summary>
/// Tells in which Kubernetes versions a field exists, so that a field of another version is reported as such
/// ("not available before Kubernetes 1.32") rather than as a bare unknown field. Reads the embedded schemas as
/// plain JSON (fast), only when an unknown field is met.
/// </summary>
internal static class FieldAvailability
{
    private static readonly ConcurrentDictionary<(string Name, string Version), JsonDocument> Documents = new();

    /// <summary>
    /// For a field path given as schema steps (property names, <c>[]</c> for list items, <c>{}</c> for map values),
    /// describes its availability relative to <paramref name="version"/>, or null when no supported version has it.
    /// </summary>
    public static string? Describe(string schemaName, IReadOnlyList<string> steps, string version)
    {
        var versions = KubernetesSchemas.SupportedVersions.Where(v => v != version && Exists(schemaName, v, steps)).ToList();
        if (versions.Count == 0) return null;
        var current = Version.Parse(version);
        var later = versions.Where(v => Version.Parse(v) > current).ToList();
        var earlier = versions.Where(v => Version.Parse(v) < current).ToList();
        if (earlier.Count == 0) return $"is not available before Kubernetes {later[0]} (selected: {version})";
        if (later.Count == 0) return $"was removed after Kubernetes {earlier[^1]} (selected: {version})";
        return $"is not available in Kubernetes {version}; it exists in {string.Join(", ", versions)}";
    }

    private static bool Exists(string schemaName, string version, IReadOnlyList<string> steps)
    {
        var doc = Documents.GetOrAdd((schemaName, version), k => KubernetesSchemas.ReadJson(k.Name, k.Version));
        var definitions = doc.RootElement.GetProperty("definitions");
        var current = doc.RootElement.GetProperty("allOf")[0];
        foreach (var step in steps)
        {
            current = Resolve(definitions, current);
            var next = step switch
            {
                "[]" => current.TryGetProperty("items", out var items) ? items : (JsonElement?)null,
                "{}" => current.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object ? values : null,
                _ => current.TryGetProperty("properties", out var props) && props.TryGetProperty(step, out var prop) ? prop : null,
            };
            if (next is null) return false;
            current = next.Value;
        }

        return true;
    }

    private static JsonElement Resolve(JsonElement definitions, JsonElement schema)
    {
        for (var i = 0; i < 16 && schema.TryGetProperty("$ref", out var reference); i++)
        {
            schema = definitions.GetProperty(reference.GetString()!["#/definitions/".Length..]);
        }

        return schema;
    }
}
