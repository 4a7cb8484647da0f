using System.Globalization;
using System.Text.Json;
using PodLint.Engine;
using YamlDotNet.Serialization;

namespace PodLint.Tests.Schemas;

/// <summary>
/// Two Kubernetes versions give different findings exactly where their APIs differ. The oracle is the generated
/// schemas themselves, read as plain JSON (not through the validator's NJsonSchema model): a Pod is written that
/// uses every field of one version, then linted under every other version, and the schema findings must be exactly
/// the fields the other version lacks (the outermost one of each new subtree) and the fields it requires in addition.
/// </summary>
public class VersionDifferenceTests
{
    private static readonly string[] Versions = [.. PodLinter.SupportedKubernetesVersions];

    /// <summary>Every ordered pair of versions: (the version the Pod is written for, the version it is linted under).</summary>
    private static IEnumerable<TestCaseData> Pairs()
        => from written in Versions from selected in Versions where written != selected select new TestCaseData(written, selected);

    [TestCaseSource(nameof(Versions))]
    public void A_pod_using_every_field_of_a_version_is_clean_under_it(string version)
    {
        foreach (var sparse in new[] { false, true })
        {
            var pod = SchemaPod.Write(version, sparse);
            var result = new PodLinter(new PodLintOptions { KubernetesVersion = version }).LintText(pod.Yaml, "pod.yaml");
            Assert.That(SchemaFindings(result), Is.Empty, () => $"sparse: {sparse}\n{Input.Lint.Dump(result)}");
        }
    }

    [TestCaseSource(nameof(Pairs))]
    public void Every_field_the_selected_version_lacks_is_reported_as_such(string written, string selected)
    {
        var pod = SchemaPod.Write(written, sparse: false);
        var target = SchemaPod.Write(selected, sparse: false);
        var expected = pod.Fields.Keys
            .Where(path => !target.Fields.ContainsKey(path) && target.Fields.ContainsKey(pod.Fields[path].Parent))
            .Select(path => "PL1002 " + path)
            .Order(StringComparer.Ordinal)
            .ToList();

        var result = new PodLinter(new PodLintOptions { KubernetesVersion = selected }).LintText(pod.Yaml, "pod.yaml");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SchemaFindings(result), Is.EqualTo(expected), () => Input.Lint.Dump(result));
            foreach (var d in result.Diagnostics.Where(d => d.RuleId == "PL1002"))
            {
                // Said as a matter of versions, never as a bare unknown field.
                Assert.That(d.Message, Does.StartWith($"`{d.Path}` "));
                Assert.That(d.Message, Does.Contain($"(selected: {selected})").Or.Contain($"is not available in Kubernetes {selected};"));
            }
        }
    }

    [TestCaseSource(nameof(Pairs))]
    public void Every_field_the_selected_version_requires_in_addition_is_reported(string written, string selected)
    {
        // A Pod that reaches every object of its version but sets only the scalar fields that version requires.
        var pod = SchemaPod.Write(written, sparse: true);
        var target = SchemaPod.Write(selected, sparse: false);
        var expected = new List<string>();
        foreach (var (path, field) in pod.Fields)
        {
            if (!target.Fields.ContainsKey(path))
            {
                if (target.Fields.ContainsKey(field.Parent)) expected.Add("PL1002 " + path);
                continue;
            }

            expected.AddRange(target.Fields[path].Required
                .Where(name => !pod.Fields.ContainsKey(Child(path, name)))
                .Select(name => "PL1003 " + Child(path, name)));
        }

        expected.Sort(StringComparer.Ordinal);
        var result = new PodLinter(new PodLintOptions { KubernetesVersion = selected }).LintText(pod.Yaml, "pod.yaml");
        Assert.That(SchemaFindings(result), Is.EqualTo(expected), () => Input.Lint.Dump(result));
    }

    [Test]
    public void The_oracle_sees_the_known_differences()
    {
        // Guards the tests above against an oracle that finds nothing: facts of the Kubernetes API.
        var v129 = SchemaPod.Write("1.29", sparse: false);
        var v130 = SchemaPod.Write("1.30", sparse: false);
        var v131 = SchemaPod.Write("1.31", sparse: false);
        var v132 = SchemaPod.Write("1.32", sparse: false);
        var v135 = SchemaPod.Write("1.35", sparse: false);
        var v136 = SchemaPod.Write("1.36", sparse: false);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(v131.Fields.ContainsKey("spec.resources"), Is.False);
            Assert.That(v132.Fields.ContainsKey("spec.resources"), Is.True);
            Assert.That(v135.Fields.ContainsKey("spec.workloadRef"), Is.True);
            Assert.That(v136.Fields.ContainsKey("spec.workloadRef"), Is.False);
            Assert.That(v129.Fields["spec.hostAliases[0]"].Required, Is.Empty);
            Assert.That(v130.Fields["spec.hostAliases[0]"].Required, Is.EqualTo(new[] { "ip" }));
            Assert.That(v136.Fields, Has.Count.GreaterThan(1500));
        }
    }

    private static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

    /// <summary>The schema rules' findings (PL1xxx) as <c>rule path</c>; the API-validation rules have their own tests.</summary>
    private static List<string> SchemaFindings(LintResult result)
        => [.. result.Diagnostics.Where(d => d.RuleId.StartsWith("PL1", StringComparison.Ordinal)).Select(d => d.RuleId + " " + d.Path).Order(StringComparer.Ordinal)];

    /// <summary>A field of the written Pod: its parent's path, and the fields it requires (objects only).</summary>
    private sealed record Field(string Parent, string[] Required);

    /// <summary>A Pod written from a version's schema, with the path of every field it sets.</summary>
    private sealed class SchemaPod
    {
        private readonly JsonElement _definitions;
        private readonly bool _sparse;

        private SchemaPod(JsonElement definitions, bool sparse)
        {
            _definitions = definitions;
            _sparse = sparse;
        }

        public string Yaml { get; private set; } = "";

        /// <summary>Path (<c>spec.containers[0].ports[0]</c>, map keys as <c>[example]</c>; the Pod itself is "") → field.</summary>
        public Dictionary<string, Field> Fields { get; } = new(StringComparer.Ordinal);

        private static readonly Dictionary<(string, bool), SchemaPod> Cache = [];

        /// <summary>
        /// Every property of every object, or with <paramref name="sparse"/> only the properties that are objects
        /// (or lists or maps of them) and the required ones: every object of the schema is reached either way.
        /// </summary>
        public static SchemaPod Write(string version, bool sparse)
        {
            lock (Cache)
            {
                if (Cache.TryGetValue((version, sparse), out var cached)) return cached;
                using var document = PodLint.Schema.KubernetesSchemas.ReadJson(version);
                var definitions = document.RootElement.GetProperty("definitions");
                var pod = new SchemaPod(definitions, sparse);
                var value = (Dictionary<string, object>)pod.Value(definitions.GetProperty("io.k8s.api.core.v1.Pod"), "", "", 0);
                value["apiVersion"] = "v1";
                value["kind"] = "Pod";
                pod.Yaml = new SerializerBuilder().Build().Serialize(value);
                return Cache[(version, sparse)] = pod;
            }
        }

        private object Value(JsonElement schema, string path, string parent, int depth)
        {
            Assert.That(depth, Is.LessThan(40), $"the schema recurses at {path}");
            schema = Resolve(schema);
            if (schema.TryGetProperty("oneOf", out _))
            {
                // int-or-string and quantity: 1 is both.
                Fields[path] = new Field(parent, []);
                return 1;
            }

            var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (schema.TryGetProperty("properties", out var properties))
            {
                var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
                Fields[path] = new Field(parent, required);
                var map = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (var property in properties.EnumerateObject())
                {
                    if (_sparse && !required.Contains(property.Name) && !HoldsObjects(property.Value)) continue;
                    map[property.Name] = Value(property.Value, Child(path, property.Name), path, depth + 1);
                }

                return map;
            }

            Fields[path] = new Field(parent, []);
            switch (type)
            {
                case "array":
                    return new List<object> { Value(schema.GetProperty("items"), path + "[0]", path, depth + 1) };
                case "object" when schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object:
                    return new Dictionary<string, object>(StringComparer.Ordinal) { ["example"] = Value(values, path + "[example]", path, depth + 1) };
                case "object":
                    return new Dictionary<string, object>();
                case "integer" or "number":
                    return 1;
                case "boolean":
                    return true;
                case "string" when schema.TryGetProperty("format", out var format) && format.GetString() == "date-time":
                    return "2024-05-01T12:00:00Z";
                default:
                    return "x";
            }
        }

        private bool HoldsObjects(JsonElement schema)
        {
            schema = Resolve(schema);
            if (schema.TryGetProperty("properties", out _)) return true;
            if (schema.TryGetProperty("items", out var items)) return HoldsObjects(items);
            return schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object && HoldsObjects(values);
        }

        private JsonElement Resolve(JsonElement schema)
        {
            while (true)
            {
                if (schema.TryGetProperty("$ref", out var reference))
                {
                    schema = _definitions.GetProperty(reference.GetString()!["#/definitions/".Length..]);
                }
                else if (schema.TryGetProperty("allOf", out var allOf) && allOf.GetArrayLength() == 1 && !schema.TryGetProperty("properties", out _))
                {
                    schema = allOf[0];
                }
                else
                {
                    return schema;
                }
            }
        }
    }
}
