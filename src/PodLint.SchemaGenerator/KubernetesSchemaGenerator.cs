using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PodLint.SchemaGenerator;

/// <summary>
/// Turns the official Kubernetes OpenAPI documents of one version (v3 <c>components.schemas</c>, core plus an API
/// group's document, or Swagger 2.0 <c>definitions</c>) into a self-contained JSON Schema (draft-07) of one kind
/// (<see cref="SchemaKind"/>): only the definitions the object reaches, local references, no descriptions or
/// defaults, unknown fields rejected (<c>additionalProperties: false</c>, as the API server's strict field
/// validation does), int-or-string and quantity spelled out, the quantity grammar as a pattern.
/// The output is deterministic byte for byte (keys sorted, LF, two-space indent), and the same from v2 and v3.
/// </summary>
internal static class KubernetesSchemaGenerator
{
    public const string QuantityDefinition = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    public const string IntOrStringDefinition = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

    /// <summary>The quantity grammar of the API server (resource.Quantity), as a regular expression.</summary>
    public const string QuantityPattern = @"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?[0-9]+)?$";

    // Kubernetes extensions kept for later rules (list-map keys must be unique); the others only serve patching.
    private static readonly HashSet<string> KeptExtensions = new(StringComparer.Ordinal)
    {
        "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
    };

    private static readonly HashSet<string> DroppedKeywords = new(StringComparer.Ordinal)
    {
        "description", "default", "example", "readOnly",
    };

    /// <summary>Generates the schema of one kind for one Kubernetes minor version.</summary>
    /// <param name="documents">
    /// The parsed OpenAPI documents; their definitions are merged. A definition several of them hold must be the
    /// same in each once normalized, or generation fails.
    /// </param>
    /// <param name="sources">Where each document came from, in the same order, recorded in the output.</param>
    /// <param name="kind">The kind, whose root definition the schema describes.</param>
    /// <param name="kubernetesVersion">The version, e.g. <c>1.33</c>.</param>
    public static string Generate(IReadOnlyList<JsonNode> documents, IReadOnlyList<string> sources, SchemaKind kind, string kubernetesVersion)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(kind);
        if (documents.Count == 0 || documents.Count != sources.Count) throw new ArgumentException("one source per document, at least one document", nameof(sources));

        var definitions = Merge(documents, sources);
        if (!definitions.ContainsKey(kind.RootDefinition))
        {
            throw new InvalidDataException($"no {kind.RootDefinition} definition in {string.Join(", ", sources)}");
        }

        var output = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var pending = new Queue<string>([kind.RootDefinition]);
        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (output.ContainsKey(name)) continue;
            var definition = definitions.GetValueOrDefault(name) ?? throw new InvalidDataException($"reference to missing definition {name}");
            output[name] = NormalizeDefinition(name, definition, pending);
        }

        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = kind.Title(kubernetesVersion),
            ["x-podlint-source"] = kind.RecordsKind
                ? new JsonArray(sources.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray())
                : string.Join(", ", sources),
            ["x-kubernetes-version"] = kubernetesVersion,
            // A root $ref to a definition that is also referenced elsewhere does not resolve in NJsonSchema: wrap it.
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/" + kind.RootDefinition }),
            ["definitions"] = new JsonObject(output.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        };
        if (kind.RecordsKind)
        {
            root["x-podlint-kind"] = kind.Kind;
            root["x-podlint-api-version"] = kind.ApiVersion;
        }

        return Write(Sorted(root)!);
    }

    /// <summary>
    /// The definitions of all documents by name. Where several documents hold a name (the v3 group documents carry
    /// the core definitions they reach), the normalized definitions must be equal: the first is kept.
    /// </summary>
    private static Dictionary<string, JsonNode> Merge(IReadOnlyList<JsonNode> documents, IReadOnlyList<string> sources)
    {
        var merged = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var from = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var definitions = (documents[i]["components"]?["schemas"] ?? documents[i]["definitions"])?.AsObject()
                ?? throw new InvalidDataException($"{sources[i]}: neither components.schemas (OpenAPI v3) nor definitions (Swagger 2.0) found");
            foreach (var (name, definition) in definitions)
            {
                if (definition is null) throw new InvalidDataException($"{sources[i]}: definition {name} is null");
                if (merged.TryGetValue(name, out var first))
                {
                    var a = Write(Sorted(NormalizeDefinition(name, first, new Queue<string>()))!);
                    var b = Write(Sorted(NormalizeDefinition(name, definition, new Queue<string>()))!);
                    if (a != b)
                    {
                        throw new InvalidDataException(
                            $"definition {name} differs between {sources[from[name]]} and {sources[i]} (after normalization):\n{a}\nversus\n{b}");
                    }

                    continue;
                }

                merged[name] = definition;
                from[name] = i;
            }
        }

        return merged;
    }

    private static JsonNode NormalizeDefinition(string name, JsonNode definition, Queue<string> pending) => name switch
    {
        QuantityDefinition => Quantity(),
        IntOrStringDefinition => IntOrString(),
        _ => Normalize(definition, pending),
    };

    private static JsonObject Quantity() => new()
    {
        ["oneOf"] = new JsonArray(
            new JsonObject { ["type"] = "string", ["pattern"] = QuantityPattern },
            new JsonObject { ["type"] = "number" }),
        ["format"] = "quantity",
    };

    private static JsonObject IntOrString() => new()
    {
        ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
        ["format"] = "int-or-string",
    };

    private static JsonNode Normalize(JsonNode node, Queue<string> pending)
    {
        switch (node)
        {
            case JsonObject obj:
                // v3 wraps references: {"allOf": [{"$ref": …}], "default": {}, "description": …} is just the reference
                // (also when it carries an extension that is dropped anyway, e.g. DeploymentSpec.strategy's patch strategy).
                if (obj["allOf"] is JsonArray { Count: 1 } allOf && allOf[0] is JsonObject only && only.ContainsKey("$ref")
                    && obj.All(p => p.Key is "allOf" || IsDropped(p.Key)))
                {
                    return Normalize(only, pending);
                }

                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (IsDropped(key)) continue;
                    if (key == "$ref")
                    {
                        var target = value!.GetValue<string>().Split('/')[^1];
                        pending.Enqueue(target);
                        result["$ref"] = "#/definitions/" + target;
                        continue;
                    }

                    if (key == "properties")
                    {
                        var props = new JsonObject();
                        foreach (var (name, schema) in value!.AsObject()) props[name] = Normalize(schema!, pending);
                        result["properties"] = props;
                        continue;
                    }

                    result[key] = value is null ? null : Normalize(value, pending);
                }

                // Strict: an object with declared properties accepts no others (maps declare additionalProperties).
                if (result.ContainsKey("properties") && !result.ContainsKey("additionalProperties")) result["additionalProperties"] = false;
                if (result["required"] is JsonArray required)
                {
                    result["required"] = new JsonArray(required.Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal)
                        .Select(r => (JsonNode?)JsonValue.Create(r)).ToArray());
                }

                return result;
            case JsonArray array:
                return new JsonArray(array.Select(i => i is null ? null : Normalize(i, pending)).ToArray());
            default:
                return node.DeepClone();
        }
    }

    private static bool IsDropped(string key) => DroppedKeywords.Contains(key)
        || (key.StartsWith("x-", StringComparison.Ordinal) && !KeptExtensions.Contains(key));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value?.DeepClone())))),
        JsonArray array => new JsonArray(array.Select(i => Sorted(i?.DeepClone())).ToArray()),
        _ => node?.DeepClone(),
    };

    private static string Write(JsonNode node)
    {
        var json = node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return json.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The version folders (<c>v1.33</c>) that hold a core v3 or a Swagger 2.0 document, oldest first.</summary>
    public static IEnumerable<(string Version, string Folder)> Versions(string openApiFolder) =>
        Directory.GetDirectories(openApiFolder, "v1.*")
            .Where(dir => File.Exists(Path.Combine(dir, SchemaKind.CoreDocument)) || File.Exists(Path.Combine(dir, SchemaKind.Swagger2Document)))
            .Select(dir => (Version: Path.GetFileName(dir)[1..], Folder: dir))
            .OrderBy(v => Version.Parse(v.Version));

    /// <summary>
    /// Generates from files, recording their names relative to the OpenAPI folder (<c>kubernetes-openapi/v1.33/…</c>)
    /// as the sources. <paramref name="load"/> can share parsed documents between kinds.
    /// </summary>
    public static string GenerateFiles(IReadOnlyList<string> paths, SchemaKind kind, string version, Func<string, JsonNode>? load = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        load ??= Load;
        var sources = paths.Select(path => $"kubernetes-openapi/{Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)}").ToList();
        return Generate(paths.Select(load).ToList(), sources, kind, version);
    }

    /// <summary>Parses an OpenAPI document.</summary>
    public static JsonNode Load(string path) => JsonNode.Parse(File.ReadAllBytes(path)) ?? throw new InvalidDataException($"{path} is empty");

    internal static readonly UTF8Encoding Utf8NoBom = new(false);
}
