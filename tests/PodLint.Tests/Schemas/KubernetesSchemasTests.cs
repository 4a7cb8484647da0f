using PodLint.Schema;

namespace PodLint.Tests.Schemas;

public class KubernetesSchemasTests
{
    [Test]
    public void Every_generated_schema_is_embedded_and_the_newest_is_the_default()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Schemas, "kubernetes"), "pod-*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)["pod-".Length..]).OrderBy(Version.Parse);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(KubernetesSchemas.SupportedVersions, Is.EqualTo(files));
            Assert.That(KubernetesSchemas.SupportedVersions, Is.EqualTo(new[] { "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36" }));
            Assert.That(KubernetesSchemas.Newest, Is.EqualTo("1.36"));
        }
    }

    [Test]
    public void A_schema_is_loaded_once_and_shared()
    {
        var first = KubernetesSchemas.GetPodSchema("1.33");
        var again = KubernetesSchemas.GetPodSchema("1.33");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.SameAs(first));
            Assert.That(first.Validate("""{"spec":{"containers":[{"name":"a","image":"b","imagePullPolic":"Always"}]}}"""), Is.Not.Empty);
            Assert.That(first.Validate("""{"spec":{"containers":[{"name":"a","image":"b","imagePullPolicy":"Always"}]}}"""), Is.Empty);
        }
    }

    [TestCase("""{"spec":{"containers":[{"name":"a","image":"b","ports":[{"containerPort":80}],"resources":{"limits":{"cpu":0.5,"memory":"1Gi"}}}]}}""")]
    [TestCase("""{"spec":{"containers":[{"name":"a","image":"b","imagePullPolic":"Always"}]}}""")]
    [TestCase("""{"spec":{"containers":[{"image":"b","ports":[{"name":"x"}]}]}}""")]
    [TestCase("""{"spec":{"containers":[{"name":"a","env":{"A":"b"},"resources":{"limits":{"memory":"12 GB"}}}]}}""")]
    [TestCase("""{"metadata":{"labels":{"a":1}},"spec":{"containers":[{"name":"a","livenessProbe":{"httpGet":{"port":"http"}}}],"volumes":[{"name":"v","emptyDir":{"sizeLimit":1}}]}}""")]
    public async Task Model_built_in_code_validates_like_the_one_NJsonSchema_parses(string json)
    {
        // The fast builder must not change what the schema means: NJsonSchema's own validator agrees on both models.
        var parsed = await NJsonSchema.JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Schemas, "kubernetes", "pod-1.33.json")));
        var built = KubernetesSchemas.GetPodSchema("1.33");
        PodLint.Schema.SchemaBuilder.FillAll(built);
        static string[] Errors(NJsonSchema.JsonSchema schema, string json)
            => [.. Flatten(schema.Validate(json)).Select(e => $"{e.Kind} {e.Path}").Order(StringComparer.Ordinal)];
        Assert.That(Errors(built, json), Is.EqualTo(Errors(parsed, json)));
    }

    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors)
    {
        foreach (var e in errors)
        {
            yield return e;
            if (e is NJsonSchema.Validation.ChildSchemaValidationError child)
            {
                foreach (var nested in child.Errors.Values.SelectMany(Flatten)) yield return nested;
            }
        }
    }

    [Test]
    public void An_unsupported_version_lists_the_supported_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => KubernetesSchemas.GetPodSchema("1.20"));
        Assert.That(ex!.Message, Does.Contain("`1.20` is not supported").And.Contain("1.29, 1.30").And.Contain("1.36"));
    }

    [Test]
    public void Paths_print_map_keys_where_the_schema_has_a_map_and_struct_fields_elsewhere()
    {
        // `resources` is a struct in containers and a map in status.resourceClaimStatuses[]: the schema tells them apart.
        var root = PodLint.Tests.Parsing.TreeParsing.Root("""
            apiVersion: v1
            kind: Pod
            metadata: {name: a, labels: {app.kubernetes.io/name: web}}
            spec:
              containers: [{name: a, image: b, resources: {limits: {memory: 1Gi}}}]
              nodeSelector: {disk: ssd}
            status:
              allocatedResources: {cpu: "1"}
            """);
        string PathAt(params object[] steps) => PodLint.Schema.SchemaPaths.PathOf(PodLint.Tests.Parsing.TreeParsing.At(root, steps), "1.36").ToString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(PathAt("metadata", "labels", "app.kubernetes.io/name"), Is.EqualTo("metadata.labels[app.kubernetes.io/name]"));
            Assert.That(PathAt("spec", "containers", 0, "resources", "limits", "memory"), Is.EqualTo("spec.containers[0].resources.limits[memory]"));
            Assert.That(PathAt("spec", "nodeSelector", "disk"), Is.EqualTo("spec.nodeSelector[disk]"));
            Assert.That(PathAt("status", "allocatedResources", "cpu"), Is.EqualTo("status.allocatedResources[cpu]"));
        }
    }
}
