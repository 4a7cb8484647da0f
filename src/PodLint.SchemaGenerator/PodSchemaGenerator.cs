using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PodLint.SchemaGenerator;

/// <summary>
/// Turns one official Kubernetes OpenAPI document (v3 <c>components.schemas</c> or Swagger 2.0 <c>definitions</c>)
/// into a self-contained JSON Schema (draft-07) of a Pod: only the definitions a Pod reaches, local references,
/// no descriptions or defaults, unknown fields rejected (<c>additionalProperties: false</c>, as the API server's
/// strict field validation does), int-or-string and quantity spelled out, the quantity grammar as a pattern.
/// The output is deterministic byte for byte (keys sorted, LF, two-space indent), and the same from v2 and v3.
/// </summary>
internal static class PodSchemaGenerator
{
    public const string PodDefinition = "io.k8s.api.core.v1.Pod";
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

    /// <summary>Generates the Pod schema of one Kubernetes minor version.</summary>
    /// <param name="openApi">The parsed OpenAPI document.</param>
    /// <param name="kubernetesVersion">The version, e.g. <c>1.33</c>.</param>
    /// <param name="source">Where the document came from, recorded in the output.</param>
    public static string Generate(JsonNode openApi, string kubernetesVersion, string source)
    {
        var definitions = (openApi["components"]?["schemas"] ?? openApi["definitions"])?.AsObject()
            ?? throw new InvalidDataException("neither components.schemas (OpenAPI v3) nor definitions (Swagger 2.0) found");
        if (!definitions.ContainsKey(PodDefinition)) throw new InvalidDataException($"no {PodDefinition} definition");

        var output = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        var pending = new Queue<string>([PodDefinition]);
        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (output.ContainsKey(name)) continue;
            var source0 = definitions[name] ?? throw new InvalidDataException($"reference to missing definition {name}");
            var normalized = name switch
            {
                QuantityDefinition => Quantity(),
                IntOrStringDefinition => IntOrString(),
                _ => Normalize(source0, pending),
            };
            output[name] = normalized;
        }

        var root = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = $"Kubernetes {kubernetesVersion} Pod (v1)",
            ["x-podlint-source"] = source,
            ["x-kubernetes-version"] = kubernetesVersion,
            // A root $ref to a definition that is also referenced elsewhere does not resolve in NJsonSchema: wrap it.
            ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/definitions/" + PodDefinition }),
            ["definitions"] = new JsonObject(output.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        };
        return Write(Sorted(root)!);
    }

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
                // v3 wraps references: {"allOf": [{"$ref": …}], "default": {}, "description": …} is just the reference.
                if (obj["allOf"] is JsonArray { Count: 1 } allOf && allOf[0] is JsonObject only && only.ContainsKey("$ref")
                    && obj.All(p => p.Key is "allOf" || DroppedKeywords.Contains(p.Key)))
                {
                    return Normalize(only, pending);
                }

                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (DroppedKeywords.Contains(key)) continue;
                    if (key.StartsWith("x-", StringComparison.Ordinal) && !KeptExtensions.Contains(key)) continue;
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

    /// <summary>The OpenAPI document to use for each version folder (<c>v1.33</c>): v3 where there is one, else Swagger 2.0.</summary>
    public static IEnumerable<(string Version, string Path)> Inputs(string openApiFolder)
    {
        foreach (var dir in Directory.GetDirectories(openApiFolder, "v1.*").Order(StringComparer.Ordinal))
        {
            var version = Path.GetFileName(dir)[1..];
            var v3 = Path.Combine(dir, "api__v1_openapi.json");
            var v2 = Path.Combine(dir, "swagger.json");
            if (File.Exists(v3)) yield return (version, v3);
            else if (File.Exists(v2)) yield return (version, v2);
        }
    }

    /// <summary>The file name of a version's schema in <c>schemas/kubernetes/</c>.</summary>
    public static string OutputName(string version) => $"pod-{version}.json";

    /// <summary>Generates from a file, recording its folder-relative name as the source.</summary>
    public static string GenerateFile(string path, string version)
    {
        var node = JsonNode.Parse(File.ReadAllBytes(path)) ?? throw new InvalidDataException($"{path} is empty");
        var source = $"kubernetes-openapi/{Path.GetFileName(Path.GetDirectoryName(path))}/{Path.GetFileName(path)}";
        return Generate(node, version, source);
    }

    internal static readonly UTF8Encoding Utf8NoBom = new(false);
}
