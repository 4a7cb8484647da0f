using System.Collections.Concurrent;
using NJsonSchema;

namespace PodLint.Schema;

/// <summary>
/// The Pod schemas of the supported Kubernetes versions, embedded in the library (generated into
/// <c>schemas/kubernetes/</c> by <c>PodLint.SchemaGenerator</c>; nothing is downloaded). Each version's schema is
/// loaded once per process, on first use, and shared by all threads.
/// </summary>
internal static class KubernetesSchemas
{
    private const string Prefix = "PodLint.Schemas.pod-";
    private const string Suffix = ".json";

    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Loaded = new(StringComparer.Ordinal);

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
    public static JsonSchema GetPodSchema(string version)
    {
        if (!IsSupported(version))
        {
            throw new ArgumentException(
                $"Kubernetes version `{version}` is not supported; supported versions: {string.Join(", ", SupportedVersions)}", nameof(version));
        }

        return Loaded.GetOrAdd(version, v => new Lazy<JsonSchema>(() => Load(v), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The embedded JSON of a version's Pod schema.</summary>
    public static System.Text.Json.JsonDocument ReadJson(string version)
    {
        using var stream = typeof(KubernetesSchemas).Assembly.GetManifestResourceStream(Prefix + version + Suffix)
            ?? throw new InvalidOperationException($"the schema of Kubernetes {version} is not embedded");
        return System.Text.Json.JsonDocument.Parse(stream);
    }

    private static JsonSchema Load(string version)
    {
        using var document = ReadJson(version);
        return SchemaBuilder.Build(document.RootElement);
    }
}
