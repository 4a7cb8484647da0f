using System.Collections.Immutable;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2106: the claim template of a generic <c>ephemeral</c> volume (spec §1.L VS65–VS72, VS74–VS77): it must be
/// there; its metadata may only hold labels and annotations (valid ones); its spec needs at least one supported access
/// mode (<c>ReadWriteOncePod</c> alone), a positive storage request, and valid storage class, volume mode
/// (<c>Filesystem</c> when unset, §0.3), data source and volume attributes class names.
/// </summary>
internal sealed class PL2106EphemeralVolume : IPodRule
{
    private const string Text = "ephemeral volume `{volume}`: {problem}";

    public static readonly MessageTemplate Required = new("required", Text, "{help}", ApiErrorType.Required);
    public static readonly MessageTemplate Invalid = new("invalid", Text, "{help}", ApiErrorType.Invalid);
    public static readonly MessageTemplate NotSupported = new("not-supported", Text, "{help}", ApiErrorType.NotSupported);
    public static readonly MessageTemplate Forbidden = new("forbidden", Text, "{help}", ApiErrorType.Forbidden);

    public static readonly RuleDescriptor Rule = new(RuleIds.EphemeralVolume, "ephemeral-volume", RuleCategory.ApiServer, Severity.Error,
        "An ephemeral volume's claim template needs access modes, a positive storage request and valid class names, and its metadata only labels and annotations",
        messages: [Required, Invalid, NotSupported, Forbidden]);

    private static readonly string[] AccessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
    private static readonly string[] VolumeModes = ["Block", "Filesystem"];

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        foreach (var volume in spec.Volumes)
        {
            if (VolumeSources.IsDropped(volume, context.KubernetesVersion) || VolumeSources.First(volume) is not { Source: EphemeralVolumeSource ephemeral }) continue;
            var display = VolumeSources.DisplayName(volume);

            void Report(MessageTemplate message, ILocated at, string problem, string help, FieldPath? path = null)
            {
                var location = at.Location;
                ImmutableArray<MessageArgument> args = [("volume", display), ("problem", problem), ("help", help)];
                context.Report(message, path is null ? location : new Location(location.Span, location.KeySpan, path), args);
            }

            var template = ephemeral.VolumeClaimTemplate;
            if (template.IsUnset)
            {
                Report(Required, template.MissingAt, "`volumeClaimTemplate` is missing",
                    "add a `volumeClaimTemplate` with the claim's `spec` (`accessModes`, `resources.requests.storage`, `storageClassName`)");
                continue;
            }

            if (template.Value is not { } claim) continue;
            if (claim.Metadata is { IsValid: true, Value: { } meta }) Metadata(context, meta, Report);
            if (claim.Spec is { IsValid: true, Value: { } claimSpec }) Spec(context, claimSpec, claim.Spec.Value.Location.Path, Report);
        }
    }

    private delegate void Reporter(MessageTemplate message, ILocated at, string problem, string help, FieldPath? path = null);

    private static void Metadata(PodContext context, ObjectMeta meta, Reporter report)
    {
        const string Help = "remove it: the claim's name is `<pod name>-<volume name>`, in the Pod's namespace; only `labels` and `annotations` may be set";
        void Forbid<T>(Field<T> field, string name, bool set)
        {
            if (set) report(Forbidden, field, $"`metadata.{name}` cannot be set for an ephemeral volume", Help, meta.Location.Path.Field(name));
        }

        // The server compares every other ObjectMeta field with its zero value, by its Go name lower-cased at the first letter (`uID`).
        Forbid(meta.Name, "name", meta.Name is { IsValid: true, Value.Length: > 0 });
        Forbid(meta.GenerateName, "generateName", meta.GenerateName is { IsValid: true, Value.Length: > 0 });
        Forbid(meta.Namespace, "namespace", meta.Namespace is { IsValid: true, Value.Length: > 0 });
        Forbid(meta.SelfLink, "selfLink", meta.SelfLink is { IsValid: true, Value.Length: > 0 });
        Forbid(meta.Uid, "uID", meta.Uid is { IsValid: true, Value.Length: > 0 });
        Forbid(meta.ResourceVersion, "resourceVersion", meta.ResourceVersion is { IsValid: true, Value.Length: > 0 });
        Forbid(meta.Generation, "generation", meta.Generation is { IsValid: true, Value: not 0 });
        Forbid(meta.CreationTimestamp, "creationTimestamp", meta.CreationTimestamp is { IsValid: true, Value.Length: > 0 });
        Forbid(meta.DeletionTimestamp, "deletionTimestamp", meta.DeletionTimestamp is { IsValid: true, Value.Length: > 0 });
        Forbid(meta.DeletionGracePeriodSeconds, "deletionGracePeriodSeconds", meta.DeletionGracePeriodSeconds.IsValid);
        if (meta.OwnerReferences.Count > 0) report(Forbidden, meta.OwnerReferences.Location.AtKey, "`metadata.ownerReferences` cannot be set for an ephemeral volume", Help, meta.Location.Path.Field("ownerReferences"));
        if (meta.Finalizers.Count > 0) report(Forbidden, meta.Finalizers.Location.AtKey, "`metadata.finalizers` cannot be set for an ephemeral volume", Help, meta.Location.Path.Field("finalizers"));
        if (meta.ManagedFields.Count > 0) report(Forbidden, meta.ManagedFields.Location.AtKey, "`metadata.managedFields` cannot be set for an ephemeral volume", Help, meta.Location.Path.Field("managedFields"));

        // VS67: label keys and values, annotation keys (lower-cased), as ObjectMeta's (key errors have no `[key]`).
        foreach (var label in meta.Labels)
        {
            var key = label.Key ?? string.Empty;
            foreach (var detail in NameFormats.QualifiedName(key, context.KubernetesVersion))
            {
                var at = label.Location;
                report(Invalid, new Location(at.KeySpan, at.KeySpan, at.Path), $"label key `{key}` is invalid: {detail}",
                    "use a qualified name: an optional DNS subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` and `.`", meta.Labels.Path);
            }

            if (!label.IsValid) continue;
            foreach (var detail in NameFormats.LabelValue(label.Value, context.KubernetesVersion))
            {
                report(Invalid, label, $"label value `{label.Value}` of `{key}` is invalid: {detail}",
                    "use at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit, or an empty value");
            }
        }

        foreach (var annotation in meta.Annotations)
        {
            var key = annotation.Key ?? string.Empty;
            foreach (var detail in NameFormats.QualifiedName(key.ToLowerInvariant(), context.KubernetesVersion))
            {
                var at = annotation.Location;
                report(Invalid, new Location(at.KeySpan, at.KeySpan, at.Path), $"annotation key `{key}` is invalid: {detail}",
                    "use a qualified name: an optional DNS subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` and `.`", meta.Annotations.Path);
            }
        }
    }

    private static void Spec(PodContext context, PersistentVolumeClaimSpec spec, FieldPath specPath, Reporter report)
    {
        // VS68–VS70.
        var modes = spec.AccessModes;
        if (!modes.IsInvalid && modes.Count == 0)
        {
            report(Required, modes.IsUnset ? modes.MissingAt : modes.Location.AtKey, "at least 1 access mode is required",
                "add `accessModes: [ReadWriteOnce]` (or `ReadWriteOncePod`, `ReadOnlyMany`, `ReadWriteMany`, as the storage class supports)", specPath.Field("accessModes"));
        }

        bool once = false, other = false;
        foreach (var mode in modes)
        {
            if (!mode.IsValid) continue;
            if (!AccessModes.Contains(mode.Value, StringComparer.Ordinal))
            {
                report(NotSupported, mode, $"access mode `{mode.Value}` is not supported (supported values: {List(AccessModes)})",
                    SupportedValues.Help(AccessModes, mode.Value, $"use one of {List(AccessModes)}"), specPath.Field("accessModes"));
            }
            else if (mode.Value == "ReadWriteOncePod") once = true;
            else other = true;
        }

        if (once && other)
        {
            report(Forbidden, modes.Location.AtKey, "may not use ReadWriteOncePod with other access modes", "use `ReadWriteOncePod` alone, or drop it", specPath.Field("accessModes"));
        }

        // VS71, VS72: the path is `….spec.resources[storage]` (sic, no `requests`).
        var storagePath = specPath.Field("resources").Key("storage");
        var resources = spec.Resources;
        Field<Quantity> storage = default;
        var hasStorage = resources is { IsValid: true, Value: { } r } && r.Requests.TryGetValue("storage", out storage);
        if (!hasStorage && !resources.IsInvalid && !(resources.Value?.Requests.IsInvalid ?? false))
        {
            var at = resources is { IsValid: true, Value: { } rr } ? (rr.Requests.IsValid ? rr.Requests.Location.AtKey : rr.Requests.MissingAt) : resources.MissingAt;
            report(Required, at, "the claim has no storage request", "add `resources: {requests: {storage: 1Gi}}` with the size the volume needs", storagePath);
        }
        else if (hasStorage && storage is { IsValid: true, Value: { HasValue: true } size } && size.Sign <= 0)
        {
            report(Invalid, storage, $"storage request `{size}` must be greater than zero", "request the size the volume needs, e.g. `1Gi`", storagePath);
        }

        // VS74, VS75, VS77.
        ClassName(spec.StorageClassName, "storageClassName", report);
        var volumeMode = ServerDefaults.ClaimVolumeMode(spec.VolumeMode);
        if (!spec.VolumeMode.IsInvalid && !VolumeModes.Contains(volumeMode, StringComparer.Ordinal))
        {
            report(NotSupported, spec.VolumeMode, $"`volumeMode` `{volumeMode}` is not supported (supported values: {List(VolumeModes)})",
                "use `Filesystem` (the default) or `Block`", specPath.Field("volumeMode"));
        }

        // VolumeAttributesClass: 1.29 alpha, 1.31 beta (off), GA 1.34.
        if (KubernetesVersions.AtLeast(context.KubernetesVersion, 1, 34)) ClassName(spec.VolumeAttributesClassName, "volumeAttributesClassName", report);

        // VS76 (part): a data source needs a name and a kind; without an apiGroup the kind must be PersistentVolumeClaim.
        if (spec.DataSource is { IsValid: true, Value: { } source }) DataSource(source.Name, source.Kind, source.ApiGroup, specPath.Field("dataSource"), report);
        if (spec.DataSourceRef is { IsValid: true, Value: { } sourceRef }) DataSource(sourceRef.Name, sourceRef.Kind, sourceRef.ApiGroup, specPath.Field("dataSourceRef"), report);

        // Both written: they must name the same object, and dataSource is not allowed with a cross-namespace dataSourceRef.
        if (spec.DataSource is { IsValid: true, Value: { } ds } && spec.DataSourceRef is { IsValid: true, Value: { } dsr })
        {
            if (dsr.Namespace is { IsValid: true, Value.Length: > 0 })
            {
                report(Invalid, spec.DataSource.Value.Location.AtKey, "`dataSource` may not be specified when dataSourceRef.namespace is specified",
                    "remove `dataSource`: `dataSourceRef` alone names an object of another namespace", specPath);
            }
            else if (!Same(ds.ApiGroup, dsr.ApiGroup) || !Same(ds.Kind, dsr.Kind) || !Same(ds.Name, dsr.Name))
            {
                report(Invalid, spec.DataSource.Value.Location.AtKey, "`dataSource` must match dataSourceRef",
                    "remove one of `dataSource` and `dataSourceRef`, or make them name the same object", specPath);
            }
        }
    }

    private static void ClassName(Field<string> name, string field, Reporter report)
    {
        if (!name.IsValid || name.Value.Length == 0) return;
        foreach (var detail in NameFormats.Dns1123Subdomain(name.Value))
        {
            report(Invalid, name, $"`{field}` `{name.Value}` is invalid: {detail}", "use the name of the class: a DNS-1123 subdomain (lowercase letters, digits, `-` and `.`)");
        }
    }

    private static void DataSource(Field<string> name, Field<string> kind, Field<string> apiGroup, FieldPath path, Reporter report)
    {
        if (name is { IsValid: true, Value.Length: 0 })
        {
            report(Required, name, "the data source's `name` is empty", "set `name` to the snapshot or claim to copy", path.Field("name"));
        }

        if (kind is { IsValid: true, Value.Length: 0 })
        {
            report(Required, kind, "the data source's `kind` is empty", "set `kind`, e.g. `VolumeSnapshot` (with `apiGroup: snapshot.storage.k8s.io`) or `PersistentVolumeClaim`", path.Field("kind"));
        }

        var group = apiGroup.IsValid ? apiGroup.Value : string.Empty;
        if (group.Length == 0 && kind is { IsValid: true, Value.Length: > 0 } && kind.Value != "PersistentVolumeClaim")
        {
            report(Invalid, kind, $"the data source's `kind` `{kind.Value}` must be 'PersistentVolumeClaim' when referencing the default apiGroup",
                "set `apiGroup` (e.g. `snapshot.storage.k8s.io` for a `VolumeSnapshot`), or use `kind: PersistentVolumeClaim`", path.Field("kind"));
        }
        else if (group.Length > 0)
        {
            foreach (var detail in NameFormats.Dns1123Subdomain(group))
            {
                report(Invalid, apiGroup, $"the data source's `apiGroup` `{group}` is invalid: {detail}", "use the API group of the kind, e.g. `snapshot.storage.k8s.io`", path.Field("apiGroup"));
            }
        }
    }

    /// <summary>Equal as the server compares them: both unset, or both set to the same text.</summary>
    private static bool Same(Field<string> a, Field<string> b)
        => a.IsValid == b.IsValid && (!a.IsValid || string.Equals(a.Value, b.Value, StringComparison.Ordinal));

    private static string List(string[] values) => SupportedValues.List(values);
}
