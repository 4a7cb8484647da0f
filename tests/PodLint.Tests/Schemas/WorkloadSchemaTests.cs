using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NJsonSchema;
using NJsonSchema.Validation;
using PodLint.Engine;
using PodLint.SchemaGenerator;

namespace PodLint.Tests.Schemas;

/// <summary>
/// The workload schemas beside the Pod ones in schemas/kubernetes (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job,
/// CronJob, ReplicationController, PodTemplate): generated like the Pod ones, self-contained, strict, and built of the
/// same core definitions as the Pod schema of their version.
/// </summary>
public class WorkloadSchemaTests
{
    private const string Container = "io.k8s.api.core.v1.Container";
    private const string PodSpec = "io.k8s.api.core.v1.PodSpec";

    private static readonly string[] WorkloadPrefixes =
        ["deployment", "statefulset", "daemonset", "replicaset", "job", "cronjob", "replicationcontroller", "podtemplate"];

    private static IEnumerable<TestCaseData> WorkloadFiles() =>
        from prefix in WorkloadPrefixes
        from version in SchemaGeneratorTests.Versions
        select new TestCaseData(prefix, version).SetArgDisplayNames($"{prefix}-{version}");

    private static SchemaKind Kind(string prefix) => SchemaKind.All.Single(k => k.FilePrefix == prefix);

    private static string SchemaPath(string prefix, string version) =>
        Path.Combine(RepositoryPaths.Schemas, "kubernetes", Kind(prefix).OutputName(version));

    private static JsonObject Read(string prefix, string version) => JsonNode.Parse(File.ReadAllText(SchemaPath(prefix, version)))!.AsObject();

    private static JsonObject Definition(string prefix, string version, string name) =>
        Read(prefix, version)["definitions"]![name]?.AsObject() ?? throw new AssertionException($"{prefix}-{version}.json has no {name}");

    [Test]
    public void The_kind_table_lists_Pod_and_the_eight_workload_kinds()
    {
        Assert.That(SchemaKind.All.Select(k => k.FilePrefix), Is.EqualTo(new[] { "pod" }.Concat(WorkloadPrefixes)));
        Assert.That(SchemaKind.All.Select(k => (k.Kind, k.ApiVersion, k.RootDefinition)), Is.EqualTo(new[]
        {
            ("Pod", "v1", "io.k8s.api.core.v1.Pod"),
            ("Deployment", "apps/v1", "io.k8s.api.apps.v1.Deployment"),
            ("StatefulSet", "apps/v1", "io.k8s.api.apps.v1.StatefulSet"),
            ("DaemonSet", "apps/v1", "io.k8s.api.apps.v1.DaemonSet"),
            ("ReplicaSet", "apps/v1", "io.k8s.api.apps.v1.ReplicaSet"),
            ("Job", "batch/v1", "io.k8s.api.batch.v1.Job"),
            ("CronJob", "batch/v1", "io.k8s.api.batch.v1.CronJob"),
            ("ReplicationController", "v1", "io.k8s.api.core.v1.ReplicationController"),
            ("PodTemplate", "v1", "io.k8s.api.core.v1.PodTemplate"),
        }));
    }

    [Test]
    public void The_schema_folder_holds_one_file_per_kind_and_version_and_nothing_else()
    {
        var expected = SchemaKind.All.SelectMany(k => SchemaGeneratorTests.Versions.Select(k.OutputName)).Order(StringComparer.Ordinal);
        var actual = Directory.GetFiles(Path.Combine(RepositoryPaths.Schemas, "kubernetes")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.That(actual, Is.EqualTo(expected));
    }

    [Test]
    public void Committed_schemas_of_every_kind_are_what_the_generator_makes_of_the_openapi_documents()
    {
        SchemaGeneratorTests.RequireOpenApi();
        var versions = KubernetesSchemaGenerator.Versions(SchemaGeneratorTests.OpenApiFolder).ToList();
        Assert.That(versions.Select(v => v.Version), Is.EqualTo(SchemaGeneratorTests.Versions));
        using (Assert.EnterMultipleScope())
        {
            foreach (var (version, folder) in versions)
            {
                var parsed = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
                JsonNode Load(string path) => parsed.TryGetValue(path, out var node) ? node : parsed[path] = KubernetesSchemaGenerator.Load(path);
                foreach (var kind in SchemaKind.All)
                {
                    var expected = KubernetesSchemaGenerator.GenerateFiles(kind.Documents(folder), kind, version, Load);
                    Assert.That(File.ReadAllText(SchemaPath(kind.FilePrefix, version)), Is.EqualTo(expected),
                        $"schemas/kubernetes/{kind.OutputName(version)} is stale: run `dotnet run --project src/PodLint.SchemaGenerator -- ../shared/kubernetes-openapi schemas/kubernetes`");
                }
            }
        }
    }

    [Test]
    public void Workloads_up_to_1_35_are_generated_from_the_core_and_group_v3_documents_and_1_36_from_swagger()
    {
        SchemaGeneratorTests.RequireOpenApi();
        var folder = SchemaGeneratorTests.OpenApiFolder;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Kind("deployment").Documents(Path.Combine(folder, "v1.33")).Select(Path.GetFileName),
                Is.EqualTo(new[] { "api__v1_openapi.json", "apis__apps__v1_openapi.json" }));
            Assert.That(Kind("cronjob").Documents(Path.Combine(folder, "v1.29")).Select(Path.GetFileName),
                Is.EqualTo(new[] { "api__v1_openapi.json", "apis__batch__v1_openapi.json" }));
            Assert.That(Kind("podtemplate").Documents(Path.Combine(folder, "v1.35")).Select(Path.GetFileName), Is.EqualTo(new[] { "api__v1_openapi.json" }));
            Assert.That(Kind("job").Documents(Path.Combine(folder, "v1.36")).Select(Path.GetFileName), Is.EqualTo(new[] { "swagger.json" }));
            Assert.That(Read("statefulset", "1.34")["x-podlint-source"]!.AsArray().Select(s => s!.GetValue<string>()),
                Is.EqualTo(new[] { "kubernetes-openapi/v1.34/api__v1_openapi.json", "kubernetes-openapi/v1.34/apis__apps__v1_openapi.json" }));
            Assert.That(Read("statefulset", "1.36")["x-podlint-source"]!.AsArray().Select(s => s!.GetValue<string>()),
                Is.EqualTo(new[] { "kubernetes-openapi/v1.36/swagger.json" }));
        }
    }

    [Test]
    public void Swagger_2_and_OpenAPI_3_documents_of_1_35_give_the_same_schema_for_every_kind()
    {
        SchemaGeneratorTests.RequireOpenApi();
        var dir = Path.Combine(SchemaGeneratorTests.OpenApiFolder, "v1.35");
        var swagger = KubernetesSchemaGenerator.Load(Path.Combine(dir, "swagger.json"));
        var parsed = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        JsonNode Load(string path) => parsed.TryGetValue(path, out var node) ? node : parsed[path] = KubernetesSchemaGenerator.Load(path);
        using (Assert.EnterMultipleScope())
        {
            foreach (var kind in SchemaKind.All)
            {
                var v3Paths = kind.Documents(dir);
                Assert.That(v3Paths.Select(Path.GetFileName), Does.Not.Contain("swagger.json"));
                var fromV3 = JsonNode.Parse(KubernetesSchemaGenerator.GenerateFiles(v3Paths, kind, "1.35", Load))!.AsObject();
                var fromV2 = JsonNode.Parse(KubernetesSchemaGenerator.Generate([swagger], ["swagger"], kind, "1.35"))!.AsObject();
                fromV3.Remove("x-podlint-source");
                fromV2.Remove("x-podlint-source");
                Assert.That(fromV2.ToJsonString(), Is.EqualTo(fromV3.ToJsonString()), kind.Kind);
            }
        }
    }

    [TestCaseSource(nameof(WorkloadFiles))]
    public void Workload_schema_is_self_contained_strict_and_rooted_at_its_kind(string prefix, string version)
    {
        var kind = Kind(prefix);
        var text = File.ReadAllText(SchemaPath(prefix, version));
        var root = JsonNode.Parse(text)!.AsObject();
        var definitions = root["definitions"]!.AsObject();
        var refs = Regex.Matches(text, "\"\\$ref\": \"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        var structs = definitions.Where(d => d.Value!["properties"] is not null).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(root["$schema"]!.GetValue<string>(), Is.EqualTo("http://json-schema.org/draft-07/schema#"));
            Assert.That(root["title"]!.GetValue<string>(), Is.EqualTo($"Kubernetes {version} {kind.Kind} ({kind.ApiVersion})"));
            Assert.That(root["x-kubernetes-version"]!.GetValue<string>(), Is.EqualTo(version));
            Assert.That(root["x-podlint-kind"]!.GetValue<string>(), Is.EqualTo(kind.Kind));
            Assert.That(root["x-podlint-api-version"]!.GetValue<string>(), Is.EqualTo(kind.ApiVersion));
            Assert.That(root["x-podlint-source"]!.AsArray().Select(s => s!.GetValue<string>()), Is.Not.Empty.And.All.StartWith($"kubernetes-openapi/v{version}/"));
            Assert.That(root["allOf"]!.AsArray().Select(a => a!["$ref"]!.GetValue<string>()), Is.EqualTo(new[] { "#/definitions/" + kind.RootDefinition }));
            Assert.That(definitions[kind.RootDefinition]!["properties"]!.AsObject().Select(p => p.Key), Is.SupersetOf(new[] { "apiVersion", "kind", "metadata" }));

            Assert.That(refs, Is.All.StartsWith("#/definitions/"));
            Assert.That(refs.Select(r => r["#/definitions/".Length..]).Where(d => !definitions.ContainsKey(d)), Is.Empty, "unresolved references");
            Assert.That(text, Does.Not.Contain("\"description\""));
            Assert.That(Regex.Count(text, "\"allOf\""), Is.EqualTo(1), "only the root's allOf: v3 reference wrappers are unwrapped");
            Assert.That(text, Does.Not.Contain("\r"));

            // Strict: every object with declared properties says what else it accepts, and the structs accept nothing else.
            Assert.That(structs.Where(d => d.Value!["additionalProperties"] is null).Select(d => d.Key), Is.Empty);
            Assert.That(definitions[kind.RootDefinition]!["additionalProperties"]!.GetValue<bool>(), Is.False);
            Assert.That(definitions[Container]!["additionalProperties"]!.GetValue<bool>(), Is.False);
            Assert.That(definitions["io.k8s.api.core.v1.PodTemplateSpec"]!["additionalProperties"]!.GetValue<bool>(), Is.False);
        }
    }

    [TestCaseSource(nameof(WorkloadFiles))]
    public void Workload_schema_holds_the_same_pod_definitions_as_the_pod_schema_of_its_version(string prefix, string version)
    {
        var pod = JsonNode.Parse(File.ReadAllText(SchemaPath("pod", version)))!["definitions"]!.AsObject();
        var workload = Read(prefix, version)["definitions"]!.AsObject();
        var shared = workload.Where(d => pod.ContainsKey(d.Key)).Select(d => d.Key).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(JsonNode.DeepEquals(workload[Container], pod[Container]), Is.True, "Container");
            Assert.That(JsonNode.DeepEquals(workload[PodSpec], pod[PodSpec]), Is.True, "PodSpec");
            Assert.That(shared.Where(name => !JsonNode.DeepEquals(workload[name], pod[name])), Is.Empty);
        }
    }

    [Test]
    public void The_deployment_container_is_the_pod_container_of_the_same_version_and_changes_with_it()
    {
        var pod134 = Definition("pod", "1.34", Container).ToJsonString();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Definition("deployment", "1.34", Container).ToJsonString(), Is.EqualTo(pod134));
            Assert.That(Definition("deployment", "1.33", Container).ToJsonString(), Is.Not.EqualTo(pod134));
            Assert.That(Definition("deployment", "1.34", Container)["properties"]!.AsObject().ContainsKey("restartPolicyRules"), Is.True);
            Assert.That(Definition("deployment", "1.33", Container)["properties"]!.AsObject().ContainsKey("restartPolicyRules"), Is.False);
        }
    }

    [TestCaseSource(typeof(SchemaGeneratorTests), nameof(SchemaGeneratorTests.Versions))]
    public void Workload_specs_require_their_selector_and_template(string version)
    {
        static string[] Required(JsonObject definition) => [.. definition["required"]!.AsArray().Select(r => r!.GetValue<string>())];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Required(Definition("deployment", version, "io.k8s.api.apps.v1.DeploymentSpec")), Is.EqualTo(new[] { "selector", "template" }));
            Assert.That(Required(Definition("daemonset", version, "io.k8s.api.apps.v1.DaemonSetSpec")), Is.EqualTo(new[] { "selector", "template" }));
            Assert.That(Required(Definition("replicaset", version, "io.k8s.api.apps.v1.ReplicaSetSpec")), Is.EqualTo(new[] { "selector" }));
            Assert.That(Required(Definition("job", version, "io.k8s.api.batch.v1.JobSpec")), Is.EqualTo(new[] { "template" }));
            Assert.That(Required(Definition("cronjob", version, "io.k8s.api.batch.v1.CronJobSpec")), Is.EqualTo(new[] { "jobTemplate", "schedule" }));
            Assert.That(Definition("deployment", version, "io.k8s.api.apps.v1.DeploymentSpec")["additionalProperties"]!.GetValue<bool>(), Is.False);
        }
    }

    [TestCase("1.32", true)]
    [TestCase("1.33", false)]
    [TestCase("1.36", false)]
    public void StatefulSet_serviceName_is_required_up_to_1_32(string version, bool required)
    {
        var spec = Definition("statefulset", version, "io.k8s.api.apps.v1.StatefulSetSpec");
        Assert.That(spec["required"]!.AsArray().Select(r => r!.GetValue<string>()).Contains("serviceName"), Is.EqualTo(required));
    }

    [TestCase("1.29", false)]
    [TestCase("1.30", true)]
    [TestCase("1.36", true)]
    public void Job_has_podFailurePolicy_and_gains_successPolicy_and_managedBy_in_1_30(string version, bool newer)
    {
        var fields = Definition("job", version, "io.k8s.api.batch.v1.JobSpec")["properties"]!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(fields["podFailurePolicy"]!["$ref"]!.GetValue<string>(), Is.EqualTo("#/definitions/io.k8s.api.batch.v1.PodFailurePolicy"));
            Assert.That(fields.ContainsKey("successPolicy"), Is.EqualTo(newer));
            Assert.That(fields.ContainsKey("managedBy"), Is.EqualTo(newer));
        }
    }

    [TestCaseSource(typeof(SchemaGeneratorTests), nameof(SchemaGeneratorTests.Versions))]
    public void CronJob_reaches_the_pod_through_its_job_template(string version)
    {
        var root = Read("cronjob", version);
        var definitions = root["definitions"]!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(definitions["io.k8s.api.batch.v1.CronJobSpec"]!["properties"]!["jobTemplate"]!["$ref"]!.GetValue<string>(),
                Is.EqualTo("#/definitions/io.k8s.api.batch.v1.JobTemplateSpec"));
            Assert.That(definitions["io.k8s.api.batch.v1.JobTemplateSpec"]!["properties"]!["spec"]!["$ref"]!.GetValue<string>(),
                Is.EqualTo("#/definitions/io.k8s.api.batch.v1.JobSpec"));
            Assert.That(definitions["io.k8s.api.batch.v1.JobSpec"]!["properties"]!["template"]!["$ref"]!.GetValue<string>(),
                Is.EqualTo("#/definitions/io.k8s.api.core.v1.PodTemplateSpec"));
            Assert.That(definitions.ContainsKey("io.k8s.api.core.v1.Pod"), Is.False, "a template holds a PodSpec, not a Pod");
        }
    }

    [Test]
    public void Pod_schemas_keep_their_original_root_keys()
    {
        foreach (var version in SchemaGeneratorTests.Versions)
        {
            var root = JsonNode.Parse(File.ReadAllText(SchemaPath("pod", version)))!.AsObject();
            Assert.That(root.Select(p => p.Key), Is.EqualTo(new[] { "$schema", "allOf", "definitions", "title", "x-kubernetes-version", "x-podlint-source" }), version);
            Assert.That(root["x-podlint-source"]!.GetValueKind(), Is.EqualTo(System.Text.Json.JsonValueKind.String), version);
        }
    }

    [Test]
    public async Task NJsonSchema_loads_a_deployment_schema_and_validates_like_strict_decoding()
    {
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(SchemaPath("deployment", "1.36")));
        const string Valid = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":1}},
               "template":{"metadata":{"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"web","image":"nginx:1.27","resources":{"limits":{"memory":"128Mi","cpu":0.5}}}]}}}}
            """;
        const string UnknownContainerField = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"selector":{"matchLabels":{"app":"web"}},
               "template":{"metadata":{"labels":{"app":"web"}},
                 "spec":{"containers":[{"name":"web","image":"nginx:1.27","imagePullPolic":"Always"}]}}}}
            """;
        const string NoSelector = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
             "spec":{"template":{"spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}
            """;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(schema.Validate(Valid), Is.Empty);
            var unknown = Flatten(schema.Validate(UnknownContainerField)).ToList();
            Assert.That(unknown.Where(e => e.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed).Select(e => (e.Property, e.Path)),
                Is.EqualTo(new[] { ("imagePullPolic", "#/spec.template.spec.containers[0].imagePullPolic") }));
            Assert.That(Flatten(schema.Validate(NoSelector)).Where(e => e.Kind == ValidationErrorKind.PropertyRequired).Select(e => e.Property),
                Is.EqualTo(new[] { "selector" }));
        }
    }

    [Test]
    public async Task NJsonSchema_loads_a_cronjob_schema_and_checks_the_pod_inside_the_job_template()
    {
        var schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(SchemaPath("cronjob", "1.29")));
        const string Valid = """
            {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"nightly"},
             "spec":{"schedule":"0 3 * * *","jobTemplate":{"spec":{"backoffLimit":2,
               "template":{"spec":{"restartPolicy":"OnFailure","containers":[{"name":"run","image":"busybox:1.36"}]}}}}}}
            """;
        const string BadQuantity = """
            {"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"nightly"},
             "spec":{"schedule":"0 3 * * *","jobTemplate":{"spec":{
               "template":{"spec":{"containers":[{"name":"run","image":"busybox:1.36","resources":{"requests":{"memory":"12 GB"}}}]}}}}}}
            """;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(schema.Validate(Valid), Is.Empty);
            Assert.That(schema.Validate(BadQuantity), Is.Not.Empty);
        }
    }

    [Test]
    public void Definitions_held_by_several_documents_must_be_equal_once_normalized()
    {
        static JsonNode Doc(string imageType, string description) => JsonNode.Parse("""
            {"components":{"schemas":{
              "io.k8s.api.apps.v1.Deployment":{"type":"object","properties":{"kind":{"type":"string"},"c":{"allOf":[{"$ref":"#/components/schemas/io.k8s.api.core.v1.Container"}],"default":{}}}},
              "io.k8s.api.core.v1.Container":{"type":"object","description":"DESCRIPTION","properties":{"image":{"type":"IMAGE_TYPE"}}}}}}
            """.Replace("IMAGE_TYPE", imageType, StringComparison.Ordinal).Replace("DESCRIPTION", description, StringComparison.Ordinal))!;
        var deployment = Kind("deployment");
        using (Assert.EnterMultipleScope())
        {
            // Differences that normalization drops (descriptions) are fine.
            Assert.That(() => KubernetesSchemaGenerator.Generate([Doc("string", "a"), Doc("string", "b")], ["core", "apps"], deployment, "1.99"), Throws.Nothing);
            var ex = Assert.Throws<InvalidDataException>(
                () => KubernetesSchemaGenerator.Generate([Doc("string", "a"), Doc("integer", "a")], ["core", "apps"], deployment, "1.99"));
            Assert.That(ex!.Message, Does.Contain("io.k8s.api.core.v1.Container").And.Contain("core").And.Contain("apps"));
            Assert.That(() => KubernetesSchemaGenerator.Generate([Doc("string", "a")], ["core", "apps"], deployment, "1.99"), Throws.ArgumentException);
            Assert.That(() => KubernetesSchemaGenerator.Generate([Doc("string", "a")], ["core"], Kind("job"), "1.99"),
                Throws.InstanceOf<InvalidDataException>().With.Message.Contains("io.k8s.api.batch.v1.Job"));
        }
    }

    [Test]
    public void The_library_embeds_every_schema_of_the_folder()
    {
        var names = typeof(PodLinter).Assembly.GetManifestResourceNames();
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Schemas, "kubernetes"), "*.json").Select(f => "PodLint.Schemas." + Path.GetFileName(f)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(files, Has.Count.EqualTo(SchemaKind.All.Count * SchemaGeneratorTests.Versions.Length));
            Assert.That(files.Where(f => !names.Contains(f)), Is.Empty);
            Assert.That(PodLinter.SupportedKubernetesVersions, Is.EqualTo(SchemaGeneratorTests.Versions), "the podtemplate-* files are not Pod versions");
        }
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(e => e is ChildSchemaValidationError child
            ? new[] { e }.Concat(Flatten(child.Errors.Values.SelectMany(v => v)))
            : [e]);
}
