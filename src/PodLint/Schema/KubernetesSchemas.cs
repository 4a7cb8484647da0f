using System.Collections.Concurrent;
using NJsonSchema;

namespace PodLint.Schema;

/// <summary>The schema files of one kind: <c>{SchemaName}-1.NN.json</c>.</summary>
/// <param name="Kind">The kind, e.g. <c>Deployment</c>.</param>
/// <param name="ApiVersion">The API version it is served in, e.g. <c>apps/v1</c>.</param>
/// <param name="SchemaName">The schema files' name, e.g. <c>deployment</c>.</param>
internal sealed record KindSchema(string Kind, string ApiVersion, string SchemaName);

/// <summary>
/// The schemas of the kinds PodLint checks (Pod, and the workloads that hold a Pod template) for the supported
/// Kubernetes versions, embedded in the library (generated into <c>schemas/kubernetes/</c> by
/// <c>PodLint.SchemaGenerator</c>; nothing is downloaded). Each kind's schema of a version is loaded once per process,
/// on first use, and shared by all threads.
/// </summary>
internal static class KubernetesSchemas
{
    private const string Prefix = "PodLint.Schemas.pod-";
    private const string ResourcePrefix = "PodLint.Schemas.";
    private const string Suffix = ".json";

    private static readonly ConcurrentDictionary<(string Name, string Version), Lazy<JsonSchema>> Loaded = new();

    /// <summary>The supported minor versions (<c>1.29</c> …), oldest first.</summary>
    public static IReadOnlyList<string> SupportedVersions { get; } = typeof(KubernetesSchemas).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^Suffix.Length])
        .OrderBy(v => Version.Parse(v))
        .ToList();

    /// <summary>The newest supported version, the default.</summary>
    public static string Newest => SupportedVersions[^1];

    /// <summary>Whether a version (<c>1.33</c>) has a schema.</summary>
    public static bool IsSupported(string version) => SupportedVersions.Contains(version, StringComparer.Ordinal);

    /// <summary>The Pod schema of a version, loaded on first use.</summary>
    /// <exception cref="ArgumentException">The version is not supported; the message lists the supported ones.</exception>
    public static JsonSchema GetPodSchema(string version) => GetSchema("pod", version);

    /// <summary>The schema of a kind (by its schema name, <c>deployment</c>) in a version, loaded on first use.</summary>
    /// <exception cref="ArgumentException">The version is not supported; the message lists the supported ones.</exception>
    public static JsonSchema GetSchema(string schemaName, string version)
    {
        if (!IsSupported(version))
        {
            throw new ArgumentException(
                $"Kubernetes version `{version}` is not supported; supported versions: {string.Join(", ", SupportedVersions)}", nameof(version));
        }

        return Loaded.GetOrAdd((schemaName, version), k => new Lazy<JsonSchema>(() => Load(k.Name, k.Version), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The schema of the kind's object itself: the definition the schema file's root refers to.</summary>
    public static JsonSchema GetRootSchema(string schemaName, string version)
    {
        var schema = GetSchema(schemaName, version);
        return schema.AllOf.Count == 1 ? schema.AllOf.First().Resolved() : schema.Resolved();
    }

    /// <summary>The embedded JSON of a version's Pod schema.</summary>
    public static System.Text.Json.JsonDocument ReadJson(string version) => ReadJson("pod", version);

    /// <summary>The embedded JSON of a kind's schema in a version.</summary>
    public static System.Text.Json.JsonDocument ReadJson(string schemaName, string version)
    {
        using var stream = typeof(KubernetesSchemas).Assembly.GetManifestResourceStream(ResourcePrefix + schemaName + "-" + version + Suffix)
            ?? throw new InvalidOperationException($"the {schemaName} schema of Kubernetes {version} is not embedded");
        return System.Text.Json.JsonDocument.Parse(stream);
    }

    private static JsonSchema Load(string schemaName, string version)
    {
        using var document = ReadJson(schemaName, version);
        return SchemaBuilder.Build(document.RootElement);
    }
}
