using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2101: the fields each volume source needs (spec §1.L VS1–VS10, VS15–VS56, VS78–VS79), as one table: the name of
/// the claim, secret or configMap, the host path, the CSI driver, the image reference, and the required fields and
/// formats of the legacy in-tree drivers. Only the source the server validates is checked: the first, in its order (a
/// second one is PL2100's). A required field that is absent from the manifest is PL1003's when the schema requires it;
/// this rule reports it empty (<c>""</c>), and absent where only the server requires it. Items, modes and downward
/// API files are PL2102's, projected sources PL2103's, ephemeral claim templates PL2104's.
/// </summary>
internal sealed partial class PL2101VolumeSourceFields : IPodRule
{
    private const string Text = "`{source}` volume `{volume}`: {problem}";

    public static readonly MessageTemplate Required = new("required", Text, "{help}", ApiErrorType.Required);
    public static readonly MessageTemplate Invalid = new("invalid", Text, "{help}", ApiErrorType.Invalid);
    public static readonly MessageTemplate NotSupported = new("not-supported", Text, "{help}", ApiErrorType.NotSupported);
    public static readonly MessageTemplate Forbidden = new("forbidden", Text, "{help}", ApiErrorType.Forbidden);
    public static readonly MessageTemplate TooLong = new("too-long", Text, "{help}", ApiErrorType.TooLong);

    public static readonly RuleDescriptor Rule = new(RuleIds.VolumeSourceFields, "volume-source-fields", RuleCategory.ApiServer, Severity.Error,
        "A volume's source needs the fields the API server requires (claim, secret or configMap name, host path, CSI driver, image reference …), in valid formats",
        messages: [Required, Invalid, NotSupported, Forbidden, TooLong]);

    private static readonly string[] HostPathTypes = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"];
    private static readonly string[] CachingModes = ["None", "ReadOnly", "ReadWrite"];
    private static readonly string[] DiskKinds = ["Dedicated", "Managed", "Shared"];
    private static readonly string[] PullPolicies = ["Always", "IfNotPresent", "Never"];

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        foreach (var volume in spec.Volumes)
        {
            if (VolumeSources.IsDropped(volume, context.KubernetesVersion) || VolumeSources.First(volume) is not { } first) continue;
            var (kind, source) = first;
            var check = new Check(context, volume, kind);
            switch (source)
            {
                case EmptyDirVolumeSource s:
                    if (s.SizeLimit is { IsValid: true, Value: { HasValue: true } limit } && limit.Sign < 0)
                    {
                        check.Report(Forbidden, s.SizeLimit, "sizeLimit", $"`sizeLimit` `{limit.Text}` is negative: SizeLimit field must be a valid resource quantity",
                            "set a positive `sizeLimit` (e.g. `1Gi`), or remove it for no limit");
                    }

                    break;
                case HostPathVolumeSource s:
                    if (!check.NotEmpty(s.Path, "path", true, "set `path` to the absolute path on the node")) break;
                    if (PathFormats.HasBackstep(s.Path.Value))
                    {
                        check.Report(Invalid, s.Path, "path", $"`path` `{s.Path.Value}` must not contain '..'", "write the path without `..` elements");
                    }

                    var type = s.Type.IsValid ? s.Type.Value : ServerDefaults.HostPathType;
                    if (!HostPathTypes.Contains(type, StringComparer.Ordinal))
                    {
                        check.Report(NotSupported, s.Type, "type", $"`type` `{type}` is not supported (supported values: {List(HostPathTypes)})",
                            Suggest(type, HostPathTypes, "type"));
                    }

                    break;
                case GitRepoVolumeSource s:
                    check.NotEmpty(s.Repository, "repository", true, "set `repository` to the URL of the git repository");
                    if (s.Directory.IsValid)
                    {
                        foreach (var detail in PathFormats.LocalDescendingPathErrors(s.Directory.Value))
                        {
                            check.Report(Invalid, s.Directory, "directory", $"`directory` `{s.Directory.Value}` {detail}",
                                "use a path relative to the volume, without `..` elements (`.` for the volume itself)");
                        }
                    }

                    break;
                case GCEPersistentDiskVolumeSource s:
                    check.NotEmpty(s.PdName, "pdName", true, "set `pdName` to the name of the persistent disk");
                    check.Partition(s.Partition, "must be between 1 and 255, inclusive");
                    break;
                case AWSElasticBlockStoreVolumeSource s:
                    check.NotEmpty(s.VolumeID, "volumeID", true, "set `volumeID` to the EBS volume id");
                    check.Partition(s.Partition, "must be between 1 and 255, inclusive");
                    break;
                case SecretVolumeSource s:
                    check.NotEmpty(s.SecretName, "secretName", false, "set `secretName` to the name of the Secret to mount");
                    break;
                case NFSVolumeSource s:
                    check.NotEmpty(s.Server, "server", true, "set `server` to the NFS server's host name or IP address");
                    if (check.NotEmpty(s.Path, "path", true, "set `path` to the path exported by the NFS server") && !s.Path.Value.StartsWith('/'))
                    {
                        check.Report(Invalid, s.Path, "path", $"`path` `{s.Path.Value}` must be an absolute path", "write the exported path from the root, e.g. `/exports/data`");
                    }

                    break;
                case ISCSIVolumeSource s:
                    IscsiChecks(check, volume, s);
                    break;
                case GlusterfsVolumeSource s:
                    check.NotEmpty(s.Endpoints, "endpoints", true, "set `endpoints` to the name of the Endpoints object of the Gluster cluster");
                    check.NotEmpty(s.Path, "path", true, "set `path` to the Gluster volume path");
                    break;
                case FlockerVolumeSource s:
                    FlockerChecks(check, s);
                    break;
                case PersistentVolumeClaimVolumeSource s:
                    check.NotEmpty(s.ClaimName, "claimName", true, "set `claimName` to the name of a PersistentVolumeClaim in the Pod's namespace");
                    break;
                case RBDVolumeSource s:
                    check.NotEmptyList(s.Monitors, "monitors", "list the Ceph monitors (`host:port`)");
                    check.NotEmpty(s.Image, "image", true, "set `image` to the RADOS image name");
                    break;
                case CinderVolumeSource s:
                    check.NotEmpty(s.VolumeID, "volumeID", true, "set `volumeID` to the Cinder volume id");
                    check.SecretRefName(s.SecretRef);
                    break;
                case CephFSVolumeSource s:
                    check.NotEmptyList(s.Monitors, "monitors", "list the Ceph monitors (`host:port`)");
                    break;
                case QuobyteVolumeSource s:
                    QuobyteChecks(check, s);
                    break;
                case FCVolumeSource s:
                    FcChecks(check, s);
                    break;
                case FlexVolumeSource s:
                    check.NotEmpty(s.Driver, "driver", true, "set `driver` to the FlexVolume driver's name");
                    FlexOptionChecks(check, s);
                    break;
                case ConfigMapVolumeSource s:
                    check.NotEmpty(s.Name, "name", false, "set `name` to the name of the ConfigMap to mount");
                    break;
                case AzureFileVolumeSource s:
                    check.NotEmpty(s.SecretName, "secretName", true, "set `secretName` to the Secret holding the storage account's name and key");
                    check.NotEmpty(s.ShareName, "shareName", true, "set `shareName` to the Azure file share");
                    break;
                case VsphereVirtualDiskVolumeSource s:
                    check.NotEmpty(s.VolumePath, "volumePath", true, "set `volumePath` to the vSphere volume path");
                    break;
                case PhotonPersistentDiskVolumeSource s:
                    check.NotEmpty(s.PdID, "pdID", true, "set `pdID` to the Photon Controller disk id");
                    break;
                case PortworxVolumeSource s:
                    check.NotEmpty(s.VolumeID, "volumeID", true, "set `volumeID` to the Portworx volume id");
                    break;
                case AzureDiskVolumeSource s:
                    AzureDiskChecks(check, s);
                    break;
                case StorageOSVolumeSource s:
                    StorageOsChecks(check, s);
                    break;
                case ScaleIOVolumeSource s:
                    check.NotEmpty(s.Gateway, "gateway", true, "set `gateway` to the ScaleIO API gateway");
                    check.NotEmpty(s.System, "system", true, "set `system` to the ScaleIO protection system");
                    check.NotEmpty(s.VolumeName, "volumeName", false, "set `volumeName` to the ScaleIO volume");
                    break;
                case CSIVolumeSource s:
                    CsiChecks(check, s);
                    break;
                case ImageVolumeSource s:
                    // VS78: required for Pods only (a workload's template may leave it to be filled in).
                    if (!context.IsTemplate) check.NotEmpty(s.Reference, "reference", false, "set `reference` to the image to mount, e.g. `registry.example.com/data:1.0`");
                    if (!ServerDefaults.ImagePullPolicyDefaulted(s.PullPolicy) && !PullPolicies.Contains(s.PullPolicy.Value, StringComparer.Ordinal))
                    {
                        check.Report(NotSupported, s.PullPolicy, "pullPolicy", $"`pullPolicy` `{s.PullPolicy.Value}` is not supported (supported values: {List(PullPolicies)})",
                            Suggest(s.PullPolicy.Value, PullPolicies, "pullPolicy"));
                    }

                    break;
            }
        }
    }

    private static void IscsiChecks(Check check, Volume volume, ISCSIVolumeSource s)
    {
        check.NotEmpty(s.TargetPortal, "targetPortal", true, "set `targetPortal` to the iSCSI target's `host:port`");
        if (check.NotEmpty(s.Iqn, "iqn", true, "set `iqn` to the target's iSCSI Qualified Name"))
        {
            IqnFormat(check, s.Iqn, "iqn");
        }

        if (s.Lun.IsValid && s.Lun.Value is < 0 or > 255)
        {
            check.Report(Invalid, s.Lun, "lun", $"`lun` {Int(s.Lun.Value)} must be between 0 and 255, inclusive", "use a LUN number between 0 and 255");
        }

        if (((s.ChapAuthDiscovery.IsValid && s.ChapAuthDiscovery.Value) || (s.ChapAuthSession.IsValid && s.ChapAuthSession.Value)) && s.SecretRef.IsUnset)
        {
            check.ReportMissing(Required, s.SecretRef, "secretRef", "`secretRef` is required with CHAP authentication",
                "add `secretRef` naming the Secret with the CHAP credentials, or turn off `chapAuthDiscovery` and `chapAuthSession`");
        }

        if (s.InitiatorName.IsValid)
        {
            IqnFormat(check, s.InitiatorName, "initiatorname");
            var name = VolumeSources.NameOf(volume) ?? string.Empty;
            var portal = s.TargetPortal.IsValid ? s.TargetPortal.Value : string.Empty;
            if (NameFormats.ByteLength(name + ":" + portal) > 64)
            {
                check.Report(Invalid, volume.Name, null, "Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.",
                    "shorten the volume name or the target portal: with `initiatorName`, `<volume name>:<targetPortal>` must be at most 64 characters",
                    volume.Location.Path.Field("name"));
            }
        }
    }

    private static void IqnFormat(Check check, Field<string> field, string pathName)
    {
        var value = field.Value;
        string? detail = null;
        if (!value.StartsWith("iqn", StringComparison.Ordinal) && !value.StartsWith("eui", StringComparison.Ordinal) && !value.StartsWith("naa", StringComparison.Ordinal))
        {
            detail = "must be valid format starting with iqn, eui, or naa";
        }
        else if ((value.StartsWith("iqn", StringComparison.Ordinal) && !IqnRegex().IsMatch(value))
                 || (value.StartsWith("eui", StringComparison.Ordinal) && !EuiRegex().IsMatch(value))
                 || (value.StartsWith("naa", StringComparison.Ordinal) && !NaaRegex().IsMatch(value)))
        {
            detail = "must be valid format";
        }

        if (detail is not null)
        {
            var name = pathName == "initiatorname" ? "initiatorName" : pathName;
            check.Report(Invalid, field, pathName, $"`{name}` `{value}` {detail}",
                "write an iSCSI name such as `iqn.2001-04.com.example:storage`, `eui.02004567A425678D` or `naa.` and 32 hex digits");
        }
    }

    private static void FlockerChecks(Check check, FlockerVolumeSource s)
    {
        var name = s.DatasetName.IsValid ? s.DatasetName.Value : string.Empty;
        var uuid = s.DatasetUUID.IsValid ? s.DatasetUUID.Value : string.Empty;
        if (name.Length == 0 && uuid.Length == 0)
        {
            check.Report(Required, check.SourceLocation, null, "one of datasetName and datasetUUID is required", "set `datasetName` or `datasetUUID`");
        }

        if (name.Length > 0 && uuid.Length > 0)
        {
            check.Report(Invalid, check.SourceLocation, null, "datasetName and datasetUUID can not be specified simultaneously", "keep `datasetName` or `datasetUUID`, not both");
        }

        if (name.Contains('/', StringComparison.Ordinal))
        {
            check.Report(Invalid, s.DatasetName, "datasetName", $"`datasetName` `{name}` must not contain '/'", "use the dataset's name without `/`");
        }
    }

    private static void QuobyteChecks(Check check, QuobyteVolumeSource s)
    {
        const string RegistryDetail = "must be a host:port pair or multiple pairs separated by commas";
        if (s.Registry.IsValid && s.Registry.Value.Length == 0)
        {
            check.Report(Required, s.Registry, "registry", "`registry` is empty: " + RegistryDetail, "set `registry` to `host:port` of the Quobyte registry (several separated by commas)");
        }
        else if (s.Registry.IsValid)
        {
            if (s.Tenant.IsValid && NameFormats.ByteLength(s.Tenant.Value) >= 65)
            {
                check.Report(Required, s.Tenant, "tenant", "`tenant` must be a UUID and may not exceed a length of 64 characters", "set `tenant` to the tenant's UUID");
            }
            else if (s.Registry.Value.Split(',').Any(pair => !IsHostPort(pair)))
            {
                check.Report(Invalid, s.Registry, "registry", $"`registry` `{s.Registry.Value}` {RegistryDetail}", "write `host:port`, several separated by commas");
            }
        }

        check.NotEmpty(s.Volume, "volume", true, "set `volume` to the Quobyte volume");
    }

    /// <summary>Go's <c>net.SplitHostPort</c> succeeds: <c>host:port</c>, or <c>[ipv6]:port</c>.</summary>
    private static bool IsHostPort(string value)
    {
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            return close > 0 && close + 1 < value.Length && value[close + 1] == ':' && value.IndexOf(':', close + 2) < 0
                && value.IndexOf('[', 1) < 0 && value.IndexOf(']', close + 1) < 0;
        }

        var colons = value.Count(c => c == ':');
        return colons == 1 && !value.Contains('[', StringComparison.Ordinal) && !value.Contains(']', StringComparison.Ordinal);
    }

    private static void FcChecks(Check check, FCVolumeSource s)
    {
        var wwns = s.TargetWWNs.Count;
        var wwids = s.Wwids.Count;
        if (wwns == 0 && wwids == 0)
        {
            check.ReportMissing(Required, s.TargetWWNs.IsUnset ? s.TargetWWNs.MissingAt : s.TargetWWNs.Location, "targetWWNs",
                "must specify either targetWWNs or wwids, but not both", "set `targetWWNs` (with `lun`) or `wwids`");
        }

        if (wwns > 0 && wwids > 0)
        {
            check.Report(Invalid, s.TargetWWNs.Location.AtKey, "targetWWNs", "targetWWNs and wwids can not be specified simultaneously", "keep `targetWWNs` or `wwids`, not both");
        }

        if (wwns == 0) return;
        if (s.Lun.IsUnset)
        {
            check.ReportMissing(Required, s.Lun.MissingAt, "lun", "lun is required if targetWWNs is specified", "set `lun` to the LUN number (0–255)");
        }
        else if (s.Lun.IsValid && s.Lun.Value is < 0 or > 255)
        {
            check.Report(Invalid, s.Lun, "lun", $"`lun` {Int(s.Lun.Value)} must be between 0 and 255, inclusive", "use a LUN number between 0 and 255");
        }
    }

    private static void FlexOptionChecks(Check check, FlexVolumeSource s)
    {
        foreach (var option in s.Options)
        {
            var key = option.Key ?? string.Empty;
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var ns = "." + (slash >= 0 ? key[..slash] : key).ToLowerInvariant();
            if (!ns.EndsWith(".kubernetes.io", StringComparison.Ordinal) && !ns.EndsWith(".k8s.io", StringComparison.Ordinal)) continue;
            var at = option.Location;
            check.Report(Invalid, new Location(at.KeySpan, at.KeySpan, at.Path), null, $"option `{key}`: kubernetes.io and k8s.io namespaces are reserved",
                "prefix the driver's options with a domain of your own (e.g. `example.com/fs-options`)", at.Path);
        }
    }

    private static void AzureDiskChecks(Check check, AzureDiskVolumeSource s)
    {
        check.NotEmpty(s.DiskName, "diskName", true, "set `diskName` to the data disk's name");
        check.NotEmpty(s.DiskURI, "diskURI", true, "set `diskURI` to the data disk's URI");
        if (s.CachingMode.IsValid && !CachingModes.Contains(s.CachingMode.Value, StringComparer.Ordinal))
        {
            check.Report(NotSupported, s.CachingMode, "cachingMode", $"`cachingMode` `{s.CachingMode.Value}` is not supported (supported values: {List(CachingModes)})",
                Suggest(s.CachingMode.Value, CachingModes, "cachingMode"));
        }

        if (s.Kind.IsValid && !DiskKinds.Contains(s.Kind.Value, StringComparer.Ordinal))
        {
            check.Report(NotSupported, s.Kind, "kind", $"`kind` `{s.Kind.Value}` is not supported (supported values: {List(DiskKinds)})", Suggest(s.Kind.Value, DiskKinds, "kind"));
        }

        if (!s.DiskURI.IsValid || s.DiskURI.Value.Length == 0) return;
        var kind = s.Kind.IsValid ? s.Kind.Value : ServerDefaults.AzureDiskKind;
        var uri = s.DiskURI.Value;
        if (kind == "Managed" && !uri.StartsWith("/subscriptions/", StringComparison.Ordinal))
        {
            check.Report(NotSupported, s.DiskURI, "diskURI",
                $"`diskURI` `{uri}` is not supported for a managed disk (supported values: `/subscriptions/{{sub-id}}/resourcegroups/{{group-name}}/providers/microsoft.compute/disks/{{disk-id}}`)",
                "give the managed disk's resource id, starting with `/subscriptions/`");
        }
        else if (kind != "Managed" && !uri.StartsWith("https://", StringComparison.Ordinal))
        {
            check.Report(NotSupported, s.DiskURI, "diskURI",
                $"`diskURI` `{uri}` is not supported for a `{kind}` blob disk (supported values: `https://{{account-name}}.blob.core.windows.net/{{container-name}}/{{disk-name}}.vhd`)",
                "give the blob's `https://` URL, or set `kind: Managed` for a managed disk");
        }
    }

    private static void StorageOsChecks(Check check, StorageOSVolumeSource s)
    {
        if (check.NotEmpty(s.VolumeName, "volumeName", false, "set `volumeName` to the StorageOS volume"))
        {
            foreach (var detail in NameFormats.Dns1123Label(s.VolumeName.Value))
            {
                check.Report(Invalid, s.VolumeName, "volumeName", $"`volumeName` `{s.VolumeName.Value}` is invalid: {detail}", "use a DNS-1123 label (lowercase letters, digits and `-`)");
            }
        }

        if (s.VolumeNamespace.IsValid && s.VolumeNamespace.Value.Length > 0)
        {
            foreach (var detail in NameFormats.Dns1123Label(s.VolumeNamespace.Value))
            {
                check.Report(Invalid, s.VolumeNamespace, "volumeNamespace", $"`volumeNamespace` `{s.VolumeNamespace.Value}` is invalid: {detail}", "use a DNS-1123 label (lowercase letters, digits and `-`)");
            }
        }

        check.SecretRefName(s.SecretRef);
    }

    private static void CsiChecks(Check check, CSIVolumeSource s)
    {
        if (check.NotEmpty(s.Driver, "driver", true, "set `driver` to the CSI driver's name, e.g. `secrets-store.csi.k8s.io`"))
        {
            var driver = s.Driver.Value;
            if (NameFormats.ByteLength(driver) > 63)
            {
                var detail = KubernetesVersions.AtLeast(check.Context.KubernetesVersion, 1, 32) ? "may not be more than 63 bytes" : "must have at most 63 bytes";
                check.Report(TooLong, s.Driver, "driver", $"`driver` is too long: {detail}", "use the driver's registered name (at most 63 characters)");
            }

            foreach (var detail in NameFormats.Dns1123Subdomain(driver.ToLowerInvariant()))
            {
                if (detail.StartsWith("must be no more than", StringComparison.Ordinal)) continue;
                check.Report(Invalid, s.Driver, "driver", $"`driver` `{driver}` is invalid: {detail}", "use the driver's registered name, a DNS subdomain such as `ebs.csi.aws.com`");
            }
        }

        if (s.NodePublishSecretRef is { IsValid: true, Value: { } secretRef })
        {
            if (!secretRef.Name.IsValid || secretRef.Name.Value.Length == 0)
            {
                var name = secretRef.Name;
                var path = check.SourcePath.Field("nodePublishSecretRef").Field("name");
                check.Report(Required, name.IsValid ? name.Location : new Location(name.MissingAt.Span, name.MissingAt.KeySpan, path), null,
                    "`nodePublishSecretRef.name` is empty", "set `nodePublishSecretRef.name` to the Secret the driver needs", path);
            }
            else
            {
                foreach (var detail in NameFormats.Dns1123Subdomain(secretRef.Name.Value))
                {
                    // The server reports it at `csi.name` (sic).
                    check.Report(Invalid, secretRef.Name, "name", $"`nodePublishSecretRef.name` `{secretRef.Name.Value}` is invalid: {detail}",
                        "use the name of a Secret: a DNS-1123 subdomain (lowercase letters, digits, `-` and `.`)");
                }
            }
        }
    }

    private static string List(string[] values) => SupportedValues.List(values);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Suggest(string value, string[] supported, string field)
        => SupportedValues.Help([.. supported.Where(s => s.Length > 0)], value, $"use one of {List(supported)} for `{field}`");

    [GeneratedRegex(@"iqn\.[0-9]{4}-[0-9]{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\t\n\f\r ]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex IqnRegex();

    [GeneratedRegex(@"^eui.[A-Za-z0-9]{16}\z", RegexOptions.CultureInvariant)]
    private static partial Regex EuiRegex();

    [GeneratedRegex(@"^naa.[A-Za-z0-9]{32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NaaRegex();

    /// <summary>Reports the findings of one volume's source, at the server's paths.</summary>
    private readonly struct Check(PodContext context, Volume volume, VolumeSourceKind kind)
    {
        public PodContext Context => context;

        /// <summary>The server's path of the source (<c>spec.volumes[0].persistentDisk</c> for a GCE disk).</summary>
        public FieldPath SourcePath => volume.Location.Path.Field(kind.Key == "gcePersistentDisk" ? "persistentDisk" : kind.Key);

        /// <summary>The source's key, at the source's path.</summary>
        public Location SourceLocation
        {
            get
            {
                var source = kind.Get(volume)!.Location.AtKey;
                return new Location(source.Span, source.KeySpan, SourcePath);
            }
        }

        /// <summary>Reports at a written value; <paramref name="pathName"/> is the child of the source's path (null: <paramref name="path"/>, or the value's own).</summary>
        public void Report(MessageTemplate message, ILocated at, string? pathName, string problem, string help, FieldPath? path = null)
        {
            var location = at.Location;
            var target = path ?? (pathName is null ? SourcePath : SourcePath.Field(pathName));
            context.Report(message, new Location(location.Span, location.KeySpan, target), Args(problem, help));
        }

        /// <summary>Reports a value that is not written, at its owner.</summary>
        public void ReportMissing(MessageTemplate message, ILocated at, string pathName, string problem, string help) => Report(message, at, pathName, problem, help);

        /// <summary>A required string: empty (or, where only the server requires it, absent) is reported; true when it has a value.</summary>
        public bool NotEmpty(Field<string> field, string name, bool schemaRequired, string help)
        {
            if (field.IsValid && field.Value.Length > 0) return true;
            if (field.IsValid) Report(Required, field, name, $"`{name}` is empty", help);
            else if (field.IsUnset && !schemaRequired) Report(Required, field.MissingAt, name, $"`{name}` is missing", help);
            return false;
        }

        /// <summary>A required list the schema requires: reported when written empty.</summary>
        public void NotEmptyList(ListField<Field<string>> list, string name, string help)
        {
            if (list.IsValid && list.Count == 0) Report(Required, list.Location.AtKey, name, $"`{name}` is empty", help);
        }

        /// <summary>A partition outside 0–255 (the message says 1 although 0 is accepted).</summary>
        public void Partition(Field<int> partition, string detail)
        {
            if (partition.IsValid && partition.Value is < 0 or > 255)
            {
                Report(Invalid, partition, "partition", $"`partition` {Int(partition.Value)} {detail}", "use a partition number between 1 and 255, or 0 for the whole disk");
            }
        }

        /// <summary>A <c>secretRef</c> written without a name.</summary>
        public void SecretRefName(Field<LocalObjectReference> secretRef)
        {
            if (secretRef is not { IsValid: true, Value: { } reference }) return;
            var name = reference.Name;
            if (name.IsValid && name.Value.Length > 0) return;
            var path = SourcePath.Field("secretRef").Field("name");
            var at = name.IsValid ? name.Location : name.MissingAt;
            Report(Required, at, null, "`secretRef.name` is empty", "set `secretRef.name` to the Secret with the credentials, or remove `secretRef`", path);
        }

        private ImmutableArray<MessageArgument> Args(string problem, string help)
            => [("source", kind.Key), ("volume", VolumeSources.DisplayName(volume)), ("problem", problem), ("help", help)];
    }
}
