namespace PodLint.SchemaGenerator;

/// <summary>One kind PodLint keeps a schema of, one file per Kubernetes version: <c>{FilePrefix}-1.NN.json</c>.</summary>
/// <param name="FilePrefix">The file name before the version, e.g. <c>deployment</c>.</param>
/// <param name="RootDefinition">The OpenAPI definition of the object, e.g. <c>io.k8s.api.apps.v1.Deployment</c>.</param>
/// <param name="Kind">The object's <c>kind</c>, e.g. <c>Deployment</c>.</param>
/// <param name="ApiVersion">The object's <c>apiVersion</c>, e.g. <c>apps/v1</c>.</param>
/// <param name="GroupDocument">
/// The OpenAPI v3 document of the kind's API group beside the core one (<c>apis__apps__v1_openapi.json</c>),
/// or null for the core group. Swagger 2.0 documents hold every group in one file.
/// </param>
internal sealed record SchemaKind(string FilePrefix, string RootDefinition, string Kind, string ApiVersion, string? GroupDocument)
{
    /// <summary>The core group's OpenAPI v3 document of a version folder.</summary>
    public const string CoreDocument = "api__v1_openapi.json";

    /// <summary>The Swagger 2.0 document of a version folder, holding every group.</summary>
    public const string Swagger2Document = "swagger.json";

    private const string AppsDocument = "apis__apps__v1_openapi.json";
    private const string BatchDocument = "apis__batch__v1_openapi.json";

    public static SchemaKind Pod { get; } = new("pod", "io.k8s.api.core.v1.Pod", "Pod", "v1", null);

    /// <summary>Every kind, Pod first.</summary>
    public static IReadOnlyList<SchemaKind> All { get; } =
    [
        Pod,
        new("deployment", "io.k8s.api.apps.v1.Deployment", "Deployment", "apps/v1", AppsDocument),
        new("statefulset", "io.k8s.api.apps.v1.StatefulSet", "StatefulSet", "apps/v1", AppsDocument),
        new("daemonset", "io.k8s.api.apps.v1.DaemonSet", "DaemonSet", "apps/v1", AppsDocument),
        new("replicaset", "io.k8s.api.apps.v1.ReplicaSet", "ReplicaSet", "apps/v1", AppsDocument),
        new("job", "io.k8s.api.batch.v1.Job", "Job", "batch/v1", BatchDocument),
        new("cronjob", "io.k8s.api.batch.v1.CronJob", "CronJob", "batch/v1", BatchDocument),
        new("replicationcontroller", "io.k8s.api.core.v1.ReplicationController", "ReplicationController", "v1", null),
        new("podtemplate", "io.k8s.api.core.v1.PodTemplate", "PodTemplate", "v1", null),
    ];

    /// <summary>
    /// Whether the file records <c>x-podlint-kind</c> and <c>x-podlint-api-version</c> and lists its sources as an array.
    /// Not for Pod: its files predate the workload ones, are read by the library, and keep their bytes
    /// (a schema without <c>x-podlint-kind</c> is a Pod, v1, and its <c>x-podlint-source</c> is one string).
    /// </summary>
    public bool RecordsKind => this != Pod;

    /// <summary>The file name of a version's schema in <c>schemas/kubernetes/</c>, e.g. <c>deployment-1.33.json</c>.</summary>
    public string OutputName(string version) => $"{FilePrefix}-{version}.json";

    /// <summary>The schema's title, e.g. <c>Kubernetes 1.36 Deployment (apps/v1)</c>.</summary>
    public string Title(string version) => $"Kubernetes {version} {Kind} ({ApiVersion})";

    /// <summary>The documents of a version folder this kind is generated from: Swagger 2.0 alone, or core v3 plus the group's.</summary>
    public IReadOnlyList<string> Documents(string versionFolder)
    {
        var core = Path.Combine(versionFolder, CoreDocument);
        if (!File.Exists(core)) return [Path.Combine(versionFolder, Swagger2Document)];
        return GroupDocument is null ? [core] : [core, Path.Combine(versionFolder, GroupDocument)];
    }
}
