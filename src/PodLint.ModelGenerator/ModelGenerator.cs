using System.Text;
using System.Text.Json.Nodes;

namespace PodLint.ModelGenerator;

/// <summary>
/// Writes the typed model (one C# class per Kubernetes type, each with a generated binder) from the committed schemas
/// of <c>schemas/kubernetes/</c>: the union of every kind and every supported version, so that the model holds every
/// field any of them can have and cannot fall behind them. Deterministic: the same schemas give the same bytes.
/// </summary>
internal static class ModelGenerator
{
    public const string QuantityDefinition = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    public const string IntOrStringDefinition = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

    internal static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Types bound into the class of another: the API's EphemeralContainer has exactly a Container's fields
    /// plus <c>targetContainerName</c> (Kubernetes' own EphemeralContainerCommon), and rules look at all containers alike.</summary>
    private static readonly Dictionary<string, string> MergedInto = new(StringComparer.Ordinal)
    {
        ["io.k8s.api.core.v1.EphemeralContainer"] = "io.k8s.api.core.v1.Container",
    };

    /// <summary>C# names for fields that would be named like their class (not allowed in C#).</summary>
    private static readonly Dictionary<(string Class, string Field), string> Renamed = new()
    {
        [("ContainerPort", "containerPort")] = "ContainerPortNumber",
        [("HostIP", "ip")] = "IP",
        [("PodIP", "ip")] = "IP",
    };

    /// <summary>Members of the base classes a generated property must not hide.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "Location", "Owner", "ToString", "GetHashCode", "Equals", "GetType", "ObjectPath", "ObjectNode", "ObjectMapping", "AnchorSpan",
    };

    /// <summary>Members of <c>KubernetesObject</c>, the base of the kinds' classes.</summary>
    private static readonly HashSet<string> ReservedInRoots = new(StringComparer.Ordinal) { "Reference" };

    private sealed record SchemaFile(string Name, string Kind, string ApiVersion, string Version, string Root, JsonObject Definitions);

    private sealed class TypeInfo(string definition, string className)
    {
        public string Definition { get; } = definition;

        public string ClassName { get; } = className;

        public SortedSet<string> Sources { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> Versions { get; } = new(VersionComparer.Instance);

        public SortedDictionary<string, PropertyInfo> Properties { get; } = new(StringComparer.Ordinal);

        public string? RootKind { get; set; }
    }

    private sealed class PropertyInfo(string json, ModelType type)
    {
        public string Json { get; } = json;

        public ModelType Type { get; } = type;

        public SortedSet<string> Versions { get; } = new(VersionComparer.Instance);
    }

    private enum Shape { Scalar, Object, ScalarList, ObjectList, ScalarMap, Opaque }

    /// <summary>A field's type: its shape and, for values, the C# type and the converter that binds it.</summary>
    private sealed record ModelType(Shape Shape, string Type, string? Scalar = null)
    {
        public string FieldType => Shape switch
        {
            Shape.Scalar => $"Field<{Type}>",
            Shape.Object => $"Field<{Type}>",
            Shape.ScalarList => $"ListField<Field<{Type}>>",
            Shape.ObjectList => $"ListField<{Type}>",
            Shape.ScalarMap => $"MapField<{Type}>",
            _ => "Field<Opaque>",
        };

        public string Describe() => Shape switch
        {
            Shape.Scalar => Words(Type),
            Shape.Object => $"<see cref=\"{Type}\"/>",
            Shape.ScalarList => $"list of {Words(Type)}",
            Shape.ObjectList => $"list of <see cref=\"{Type}\"/>",
            Shape.ScalarMap => $"map of {Words(Type)}",
            _ => "any value (not typed)",
        };

        public string Bind(string json) => Shape switch
        {
            Shape.Scalar => $"binder.Scalar<{Type}, {Scalar}>(this, entry, \"{json}\")",
            Shape.Object => $"binder.Object(this, entry, \"{json}\", static () => new {Type}())",
            Shape.ScalarList => $"binder.ScalarList<{Type}, {Scalar}>(this, entry, \"{json}\")",
            Shape.ObjectList => $"binder.ObjectList(this, entry, \"{json}\", static () => new {Type}())",
            Shape.ScalarMap => $"binder.ScalarMap<{Type}, {Scalar}>(this, entry, \"{json}\")",
            _ => $"binder.Opaque(this, entry, \"{json}\")",
        };

        private static string Words(string type) => type switch
        {
            "string" => "string",
            "int" => "integer (int32)",
            "long" => "integer (int64)",
            "bool" => "boolean",
            "double" => "number",
            "IntOrString" => "integer or string",
            "Quantity" => "quantity",
            _ => type,
        };
    }

    /// <summary>Generates every file: <c>{Class}.g.cs</c> per type and <c>ModelKinds.g.cs</c>, by file name.</summary>
    public static SortedDictionary<string, string> Generate(string schemasFolder)
    {
        var files = Directory.GetFiles(schemasFolder, "*.json").Order(StringComparer.Ordinal).Select(Load).ToList();
        if (files.Count == 0) throw new InvalidDataException($"no schemas in {schemasFolder}");
        var types = new SortedDictionary<string, TypeInfo>(StringComparer.Ordinal);
        foreach (var file in files) Collect(file, types);

        var byClass = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in types.Values)
        {
            if (!byClass.TryAdd(type.ClassName, type.Definition))
            {
                throw new InvalidDataException($"{type.Definition} and {byClass[type.ClassName]} would both be the class {type.ClassName}");
            }
        }

        var allVersions = new SortedSet<string>(files.Select(f => f.Version), VersionComparer.Instance);
        var output = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in types.Values) output[type.ClassName + ".g.cs"] = WriteClass(type, allVersions);
        output["ModelKinds.g.cs"] = WriteKinds(files, types);
        return output;
    }

    private static SchemaFile Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var version = root["x-kubernetes-version"]!.GetValue<string>();
        var rootRef = root["allOf"]![0]!["$ref"]!.GetValue<string>()["#/definitions/".Length..];
        var kind = root["x-podlint-kind"]?.GetValue<string>() ?? rootRef.Split('.')[^1];
        var apiVersion = root["x-podlint-api-version"]?.GetValue<string>() ?? "v1";
        return new SchemaFile(Path.GetFileName(path), kind, apiVersion, version, rootRef, root["definitions"]!.AsObject());
    }

    private static string DefinitionOf(string name) => MergedInto.TryGetValue(name, out var target) ? target : name;

    private static void Collect(SchemaFile file, SortedDictionary<string, TypeInfo> types)
    {
        foreach (var (name, node) in file.Definitions)
        {
            var schema = node!.AsObject();
            if (schema["properties"] is not JsonObject properties) continue;
            var definition = DefinitionOf(name);
            if (!types.TryGetValue(definition, out var type))
            {
                types[definition] = type = new TypeInfo(definition, definition.Split('.')[^1]);
            }

            type.Sources.Add(name);
            type.Versions.Add(file.Version);
            if (name == file.Root) type.RootKind = file.Kind;
            foreach (var (json, property) in properties)
            {
                var modelType = Resolve(property!.AsObject(), file.Definitions, $"{name}.{json}");
                if (type.Properties.TryGetValue(json, out var known))
                {
                    if (known.Type != modelType)
                    {
                        throw new InvalidDataException($"{name}.{json} is {modelType} in {file.Name} but {known.Type} elsewhere");
                    }
                }
                else
                {
                    type.Properties[json] = known = new PropertyInfo(json, modelType);
                }

                known.Versions.Add(file.Version);
            }
        }
    }

    private static ModelType Resolve(JsonObject schema, JsonObject definitions, string where)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>()["#/definitions/".Length..];
            switch (name)
            {
                case QuantityDefinition: return new ModelType(Shape.Scalar, "Quantity", "QuantityScalar");
                case IntOrStringDefinition: return new ModelType(Shape.Scalar, "IntOrString", "IntOrStringScalar");
            }

            var target = definitions[name]!.AsObject();
            if (target["properties"] is JsonObject) return new ModelType(Shape.Object, ClassOf(name));
            return Resolve(target, definitions, where);
        }

        var type = schema["type"]?.GetValue<string>();
        switch (type)
        {
            case "string": return new ModelType(Shape.Scalar, "string", "StringScalar");
            case "boolean": return new ModelType(Shape.Scalar, "bool", "BoolScalar");
            case "number": return new ModelType(Shape.Scalar, "double", "NumberScalar");
            case "integer":
                return schema["format"]?.GetValue<string>() == "int32"
                    ? new ModelType(Shape.Scalar, "int", "Int32Scalar")
                    : new ModelType(Shape.Scalar, "long", "Int64Scalar");
            case "array":
                var item = Resolve(schema["items"]!.AsObject(), definitions, where + "[]");
                return item.Shape switch
                {
                    Shape.Scalar => new ModelType(Shape.ScalarList, item.Type, item.Scalar),
                    Shape.Object => new ModelType(Shape.ObjectList, item.Type),
                    _ => throw new InvalidDataException($"{where}: lists of {item.Shape} are not supported"),
                };
            case "object" when schema["additionalProperties"] is JsonObject values:
                var value = Resolve(values, definitions, where + "{}");
                return value.Shape == Shape.Scalar
                    ? new ModelType(Shape.ScalarMap, value.Type, value.Scalar)
                    : throw new InvalidDataException($"{where}: maps of {value.Shape} are not supported");
            case "object" when schema["properties"] is null:
                return new ModelType(Shape.Opaque, "Opaque");
            default:
                throw new InvalidDataException($"{where}: unsupported schema {schema.ToJsonString()}");
        }
    }

    private static string ClassOf(string definition) => DefinitionOf(definition).Split('.')[^1];

    private static string PropertyName(string className, string json, bool isRoot)
    {
        if (Renamed.TryGetValue((className, json), out var renamed)) return renamed;
        var name = char.ToUpperInvariant(json[0]) + json[1..];
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new InvalidDataException($"{className}.{json} is not a valid C# name");
        }

        if (name == className) throw new InvalidDataException($"{className}.{json} would be named like its class: add it to Renamed");
        if (Reserved.Contains(name) || (isRoot && ReservedInRoots.Contains(name))) throw new InvalidDataException($"{className}.{json} would hide a member of the model's base classes");
        return name;
    }

    private static string WriteClass(TypeInfo type, SortedSet<string> allVersions)
    {
        var sb = new StringBuilder();
        Header(sb);
        sb.Append("using PodLint.Parsing;\n\nnamespace PodLint.Model;\n\n");
        var also = type.Sources.Where(s => s != type.Definition).Select(s => $" (also <c>{s}</c>)");
        sb.Append($"/// <summary>The Kubernetes type <c>{type.Definition}</c>{string.Concat(also)}{Availability(type.Versions, allVersions)}.</summary>\n");
        sb.Append("[global::System.CodeDom.Compiler.GeneratedCode(\"PodLint.ModelGenerator\", \"1.0\")]\n");
        var isRoot = type.RootKind is not null;
        sb.Append($"public sealed partial class {type.ClassName} : {(isRoot ? "KubernetesObject" : "ModelObject")}\n{{\n");
        // Objects of the model come only from the binder.
        sb.Append($"    internal {type.ClassName}()\n    {{\n    }}\n");
        var first = false;
        foreach (var property in type.Properties.Values)
        {
            var name = PropertyName(type.ClassName, property.Json, isRoot);
            var field = "_" + char.ToLowerInvariant(name[0]) + name[1..];
            var isOverride = isRoot && property.Json is "apiVersion" or "kind" or "metadata";
            if (!first) sb.Append('\n');
            first = false;
            sb.Append($"    private {property.Type.FieldType} {field};\n\n");
            sb.Append($"    /// <summary><c>{property.Json}</c>: {property.Type.Describe()}{Availability(property.Versions, type.Versions)}.</summary>\n");
            sb.Append($"    public {(isOverride ? "override " : "")}{property.Type.FieldType} {name} => {field}.OrAbsent(this, \"{property.Json}\");\n");
        }

        if (!first) sb.Append('\n');
        sb.Append("    internal override void BindEntry(string key, in MappingEntry entry, ModelBinder binder)\n    {\n");
        sb.Append("        switch (key)\n        {\n");
        foreach (var property in type.Properties.Values)
        {
            var name = PropertyName(type.ClassName, property.Json, isRoot);
            var field = "_" + char.ToLowerInvariant(name[0]) + name[1..];
            sb.Append($"            case \"{property.Json}\":\n                {field} = {property.Type.Bind(property.Json)};\n                break;\n");
        }

        sb.Append("        }\n    }\n}\n");
        return sb.ToString();
    }

    private static string WriteKinds(List<SchemaFile> files, SortedDictionary<string, TypeInfo> types)
    {
        var sb = new StringBuilder();
        Header(sb);
        sb.Append("namespace PodLint.Model;\n\n");
        sb.Append("/// <summary>The kinds of objects the model binds, with their API versions and schema files.</summary>\n");
        sb.Append("[global::System.CodeDom.Compiler.GeneratedCode(\"PodLint.ModelGenerator\", \"1.0\")]\n");
        sb.Append("internal static partial class ModelKinds\n{\n");
        var kinds = files.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Kind: g.Key, g.First().ApiVersion, Schema: g.First().Name[..g.First().Name.LastIndexOf('-')], Class: types[DefinitionOf(g.First().Root)].ClassName))
            .ToList();
        sb.Append("    /// <summary>Every kind: its <c>apiVersion</c> and the name of its schema files (<c>{schema}-1.NN.json</c>).</summary>\n");
        sb.Append("    public static readonly IReadOnlyList<(string Kind, string ApiVersion, string Schema)> All =\n    [\n");
        foreach (var k in kinds) sb.Append($"        (\"{k.Kind}\", \"{k.ApiVersion}\", \"{k.Schema}\"),\n");
        sb.Append("    ];\n\n");
        sb.Append("    /// <summary>A new, unbound object of a kind, or null for a kind the model does not have.</summary>\n");
        sb.Append("    public static KubernetesObject? Create(string kind) => kind switch\n    {\n");
        foreach (var k in kinds) sb.Append($"        \"{k.Kind}\" => new {k.Class}(),\n");
        sb.Append("        _ => null,\n    };\n}\n");
        return sb.ToString();
    }

    private static string Availability(SortedSet<string> versions, SortedSet<string> of)
    {
        if (of.Count == 0 || versions.SetEquals(of)) return string.Empty;
        var list = versions.ToList();
        var all = of.ToList();
        var first = all.IndexOf(list[0]);
        var contiguous = list.Select((v, i) => all.IndexOf(v) == first + i).All(x => x);
        if (!contiguous) return $" (Kubernetes {string.Join(", ", list)})";
        if (list[^1] == all[^1]) return $" (Kubernetes {list[0]} and later)";
        return list.Count == 1 ? $" (Kubernetes {list[0]} only)" : $" (Kubernetes {list[0]} to {list[^1]})";
    }

    private static void Header(StringBuilder sb)
    {
        sb.Append("// <auto-generated>\n");
        sb.Append("//   Generated by PodLint.ModelGenerator from schemas/kubernetes/*.json; do not edit. Regenerate with\n");
        sb.Append("//   dotnet run --project src/PodLint.ModelGenerator -- schemas/kubernetes src/PodLint/Model/Generated\n");
        sb.Append("// </auto-generated>\n");
        sb.Append("#nullable enable\n\n");
    }

    private sealed class VersionComparer : IComparer<string>
    {
        public static VersionComparer Instance { get; } = new();

        public int Compare(string? x, string? y) => Version.Parse(x!).CompareTo(Version.Parse(y!));
    }
}
