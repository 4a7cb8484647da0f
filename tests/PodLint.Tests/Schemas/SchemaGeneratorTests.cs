using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using PodLint.SchemaGenerator;

namespace PodLint.Tests.Schemas;

/// <summary>
/// The committed schemas in schemas/kubernetes are exactly what the generator makes of the official OpenAPI
/// documents (checked when ../shared is present), and they behave like the API server's strict decoding.
/// </summary>
public class SchemaGeneratorTests
{
    internal static readonly string[] Versions = ["1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36"];

    internal static string OpenApiFolder => Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "kubernetes-openapi"));

    private static string SchemaPath(string version) => Path.Combine(RepositoryPaths.Schemas, "kubernetes", SchemaKind.Pod.OutputName(version));

    internal static void RequireOpenApi()
    {
        if (!Directory.Exists(OpenApiFolder))
        {
            Assert.Ignore($"skipped: the official OpenAPI documents are not beside the repository ({OpenApiFolder}); the committed schemas are used as they are");
        }
    }

    [Test]
    public void Committed_schemas_are_what_the_generator_makes_of_the_openapi_documents()
    {
        RequireOpenApi();
        var inputs = KubernetesSchemaGenerator.Versions(OpenApiFolder).ToList();
        Assert.That(inputs.Select(i => i.Version), Is.EqualTo(Versions));
        foreach (var (version, folder) in inputs)
        {
            var expected = KubernetesSchemaGenerator.GenerateFiles(SchemaKind.Pod.Documents(folder), SchemaKind.Pod, version);
            Assert.That(File.ReadAllText(SchemaPath(version)), Is.EqualTo(expected),
                $"schemas/kubernetes/{SchemaKind.Pod.OutputName(version)} is stale: run `dotnet run --project src/PodLint.SchemaGenerator -- ../shared/kubernetes-openapi schemas/kubernetes`");
        }
    }

    [Test]
    public void Swagger_2_and_OpenAPI_3_documents_of_one_version_give_the_same_schema()
    {
        RequireOpenApi();
        var dir = Path.Combine(OpenApiFolder, "v1.35");
        var fromV3 = JsonNode.Parse(KubernetesSchemaGenerator.GenerateFiles([Path.Combine(dir, "api__v1_openapi.json")], SchemaKind.Pod, "1.35"))!.AsObject();
        var fromV2 = JsonNode.Parse(KubernetesSchemaGenerator.GenerateFiles([Path.Combine(dir, "swagger.json")], SchemaKind.Pod, "1.35"))!.AsObject();
        fromV3.Remove("x-podlint-source");
        fromV2.Remove("x-podlint-source");
        Assert.That(fromV2.ToJsonString(), Is.EqualTo(fromV3.ToJsonString()));
    }

    [Test]
    public void Generation_is_deterministic()
    {
        var doc = JsonNode.Parse(File.ReadAllText(SchemaPath("1.33")))!;
        // The generator accepts its own output's shape too (definitions + local references): a fixed point.
        var once = KubernetesSchemaGenerator.Generate([doc], ["test"], SchemaKind.Pod, "1.33");
        var twice = KubernetesSchemaGenerator.Generate([JsonNode.Parse(once)!], ["test"], SchemaKind.Pod, "1.33");
        Assert.That(twice, Is.EqualTo(once));
    }

    [TestCaseSource(nameof(Versions))]
    public void Schema_is_self_contained_and_strict(string version)
    {
        var text = File.ReadAllText(SchemaPath(version));
        var root = JsonNode.Parse(text)!.AsObject();
        var definitions = root["definitions"]!.AsObject();
        var refs = Regex.Matches(text, "\"\\$ref\": \"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root["x-kubernetes-version"]!.GetValue<string>(), Is.EqualTo(version));
            Assert.That(refs, Is.All.StartsWith("#/definitions/"));
            Assert.That(refs.Select(r => r["#/definitions/".Length..]).Where(d => !definitions.ContainsKey(d)), Is.Empty);
            Assert.That(text, Does.Not.Contain("\"description\""));
            Assert.That(definitions["io.k8s.api.core.v1.Container"]!["additionalProperties"]!.GetValue<bool>(), Is.False);
            Assert.That(text, Does.Not.Contain("\r"));
        }
    }

    [TestCase("1.31", false)]
    [TestCase("1.32", true)]
    [TestCase("1.36", true)]
    public void Pod_level_resources_exist_from_1_32(string version, bool exists)
        => Assert.That(PodSpecFields(version).Contains("resources"), Is.EqualTo(exists));

    [TestCase("1.33", false, false)]
    [TestCase("1.35", true, false)]
    [TestCase("1.36", false, true)]
    public void WorkloadRef_exists_only_in_1_35_and_schedulingGroup_from_1_36(string version, bool workloadRef, bool schedulingGroup)
    {
        var fields = PodSpecFields(version);
        Assert.That((fields.Contains("workloadRef"), fields.Contains("schedulingGroup")), Is.EqualTo((workloadRef, schedulingGroup)));
    }

    [TestCase("100m")]
    [TestCase("0.5")]
    [TestCase("1")]
    [TestCase("2Gi")]
    [TestCase("1e3")]
    [TestCase("1E-3")]
    [TestCase("129e6")]
    [TestCase("+1")]
    [TestCase(".5")]
    [TestCase("1.")]
    [TestCase("1.G")]
    [TestCase("-1")]
    [TestCase("500n")]
    [TestCase("3u")]
    public void Quantity_pattern_accepts_what_the_api_server_parses(string quantity)
        => Assert.That(Regex.IsMatch(quantity, KubernetesSchemaGenerator.QuantityPattern), Is.True);

    [TestCase("1K")]
    [TestCase("1 Gi")]
    [TestCase("1gi")]
    [TestCase("Gi")]
    [TestCase("1.5.2")]
    [TestCase("0x10")]
    [TestCase("1e")]
    [TestCase("1e+")]
    [TestCase("12 GB")]
    [TestCase("1kb")]
    [TestCase("1mi")]
    [TestCase("")]
    public void Quantity_pattern_rejects_what_the_api_server_refuses(string quantity)
        => Assert.That(Regex.IsMatch(quantity, KubernetesSchemaGenerator.QuantityPattern), Is.False);

    [Test]
    public async Task NJsonSchema_loads_a_schema_and_validates_like_strict_decoding()
    {
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(SchemaPath("1.33")));
        const string Valid = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.27","ports":[{"containerPort":80}],"resources":{"limits":{"memory":"128Mi","cpu":0.5}}}]}}""";
        const string Unknown = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"web","image":"nginx:1.27","imagePullPolic":"Always"}]}}""";
        const string BadQuantity = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},"spec":{"containers":[{"name":"web","image":"nginx:1.27","resources":{"limits":{"memory":"12 GB"}}}]}}""";
        using (Assert.EnterMultipleScope())
        {
            Assert.That(schema.Validate(Valid), Is.Empty);
            Assert.That(schema.Validate(Unknown), Is.Not.Empty);
            Assert.That(schema.Validate(BadQuantity), Is.Not.Empty);
        }
    }

    private static HashSet<string> PodSpecFields(string version)
    {
        var root = JsonNode.Parse(File.ReadAllText(SchemaPath(version)))!;
        return [.. root["definitions"]!["io.k8s.api.core.v1.PodSpec"]!["properties"]!.AsObject().Select(p => p.Key)];
    }
}
