using NJsonSchema;
using PodLint.Objects;
using PodLint.Parsing;

namespace PodLint.Schema;

/// <summary>
/// The field path of any node of a document, in the API server's syntax, with map keys in brackets where the schema
/// says the field is a map (<c>metadata.labels[app]</c>, <c>spec.containers[0].resources.limits[memory]</c>) and
/// struct fields with dots. The parser knows no field names; this walks the document's kind's schema (and, in a
/// <c>List</c>, each item's kind's) alongside the node's ancestors. Where the schema says nothing (unknown fields,
/// unknown kinds) names are fields; an unknown kind's <c>metadata</c> is still read as object metadata.
/// </summary>
internal static class SchemaPaths
{
    public static FieldPath PathOf(YamlNode node, string version)
    {
        var chain = new List<YamlNode>();
        for (var n = node; n.Parent is not null; n = n.Parent) chain.Add(n);
        chain.Reverse();
        var root = chain.Count > 0 ? chain[0].Parent! : node;
        var path = FieldPath.Root;
        var schema = ObjectSchema(root, version, out var metadataOnly);
        var listRoot = root.Resolve() is MappingNode rootMap && ObjectKinds.IsList(rootMap);
        for (var i = 0; i < chain.Count; i++)
        {
            var step = chain[i];
            if (step.IndexInParent >= 0)
            {
                path = path.Index(step.IndexInParent);
                // An item of a List's `items` is a whole object of its own kind.
                schema = listRoot && i == 1 && chain[0].KeyInParent == "items" ? ObjectSchema(step, version, out metadataOnly) : schema?.Item?.Resolved();
                continue;
            }

            var key = step.KeyInParent ?? string.Empty;
            if (schema is not null && schema.Properties.Count == 0 && schema.AdditionalPropertiesSchema is { } values)
            {
                path = path.Key(key);
                schema = values.Resolved();
                continue;
            }

            path = path.Field(key);
            if (metadataOnly && key != "metadata")
            {
                schema = null;
                metadataOnly = false;
                continue;
            }

            metadataOnly = false;
            schema = schema is not null && schema.Properties.TryGetValue(key, out var property) ? property.Resolved() : null;
        }

        return path;
    }

    /// <summary>The schema of an object by its <c>kind</c>; for a kind PodLint does not check, the Pod's, trusted only for <c>metadata</c>.</summary>
    private static JsonSchema? ObjectSchema(YamlNode node, string version, out bool metadataOnly)
    {
        metadataOnly = false;
        if (node.Resolve() is not MappingNode map) return null;
        var known = ObjectKinds.KindOf(map) is { } kind ? ObjectKinds.Find(kind) : null;
        if (known is null) metadataOnly = true;
        return KubernetesSchemas.GetRootSchema(known?.SchemaName ?? "pod", version);
    }
}
