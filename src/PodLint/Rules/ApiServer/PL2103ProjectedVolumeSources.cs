using System.Collections.Immutable;
using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2103: the sources of a <c>projected</c> volume (spec §1.L PJ2, PJ3, PJ5, PJ7–PJ10): each entry of <c>sources</c>
/// holds one kind of projection; secret and configMap projections need a name; no two items of the volume may write
/// the same path; a service account token needs a relative path (reported at <c>projected.path</c>, as the server does)
/// and a lifetime between 10 minutes and 2^32 seconds (3600 when unset, §0.3). The items' own keys, paths and modes are
/// PL2102's; <c>clusterTrustBundle</c> and <c>podCertificate</c> projections are behind feature gates that are off by
/// default (the server drops them) and are not checked.
/// </summary>
internal sealed class PL2103ProjectedVolumeSources : IPodRule
{
    private const string Text = "projected volume `{volume}`: {problem}";

    public static readonly MessageTemplate Required = new("required", Text, "{help}", ApiErrorType.Required);
    public static readonly MessageTemplate Invalid = new("invalid", Text, "{help}", ApiErrorType.Invalid);
    public static readonly MessageTemplate Forbidden = new("forbidden", Text, "{help}", ApiErrorType.Forbidden);

    public static readonly RuleDescriptor Rule = new(RuleIds.ProjectedVolumeSources, "projected-volume-sources", RuleCategory.ApiServer, Severity.Error,
        "Each source of a projected volume holds one projection, names its secret or configMap, writes paths no other item writes, and a service account token has a relative path and a lifetime of at least 10 minutes",
        messages: [Required, Invalid, Forbidden]);

    /// <summary>The shortest token lifetime, 10 minutes.</summary>
    public const long MinTokenSeconds = 600;

    /// <summary>The longest token lifetime, 2^32 seconds.</summary>
    public const long MaxTokenSeconds = 1L << 32;

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec) return;
        foreach (var volume in spec.Volumes)
        {
            if (VolumeSources.IsDropped(volume, context.KubernetesVersion) || VolumeSources.First(volume) is not { Source: ProjectedVolumeSource projected }) continue;
            var projectedPath = volume.Location.Path.Field("projected");
            var display = VolumeSources.DisplayName(volume);
            var paths = new Dictionary<string, ILocated>(StringComparer.Ordinal);

            void Report(MessageTemplate message, ILocated at, FieldPath path, string problem, string help, ImmutableArray<RelatedLocation> related = default)
            {
                var location = at.Location;
                context.Report(message, new Location(location.Span, location.KeySpan, path), [("volume", display), ("problem", problem), ("help", help)], related);
            }

            void Items(ListField<KeyToPath> items, string owner)
            {
                foreach (var item in items)
                {
                    if (item.Path is { IsValid: true, Value: { Length: > 0 } path }) Unique(item.Path, path, owner);
                }
            }

            void Unique(Field<string> at, string path, string value)
            {
                if (paths.TryGetValue(path, out var first))
                {
                    Report(Invalid, at, projectedPath, $"`{value}`: conflicting duplicate paths: `{path}` is already written by another item",
                        "give each item of the projected volume its own `path`", [RelatedLocation.At(first, "first written here")]);
                    return;
                }

                paths.Add(path, at);
            }

            foreach (var source in projected.Sources)
            {
                var kinds = 0;
                if (source.Secret is { IsValid: true, Value: { } secret })
                {
                    kinds++;
                    Name(secret.Name, source.Secret.Value.Location.AtKey, source.Location.Path.Field("secret").Field("name"), "Secret");
                    Items(secret.Items, secret.Name.IsValid ? secret.Name.Value : string.Empty);
                }

                if (source.ConfigMap is { IsValid: true, Value: { } configMap })
                {
                    kinds++;
                    Name(configMap.Name, source.ConfigMap.Value.Location.AtKey, source.Location.Path.Field("configMap").Field("name"), "ConfigMap");
                    Items(configMap.Items, configMap.Name.IsValid ? configMap.Name.Value : string.Empty);
                }

                if (source.DownwardAPI is { IsValid: true, Value: { } downwardApi })
                {
                    kinds++;
                    foreach (var file in downwardApi.Items)
                    {
                        if (file.Path is { IsValid: true, Value: { Length: > 0 } path }) Unique(file.Path, path, path);
                    }
                }

                if (source.ServiceAccountToken is { IsValid: true, Value: { } token })
                {
                    kinds++;
                    Token(token, source.Location.Path.Field("serviceAccountToken"));
                }

                if (kinds > 1)
                {
                    Report(Forbidden, source.Location.AtKey, source.Location.Path, "may not specify more than 1 volume type per source",
                        "put each projection (`secret`, `configMap`, `downwardAPI`, `serviceAccountToken`) in its own item of `sources`");
                }
            }

            void Name(Field<string> name, Location sourceKey, FieldPath path, string kind)
            {
                if (name.IsValid && name.Value.Length > 0) return;
                if (name.IsInvalid) return;
                Report(Required, name.IsValid ? name.Location : sourceKey, path, $"the {kind} projection has no `name`",
                    $"set `name` to the {kind} to project");
            }

            void Token(ServiceAccountTokenProjection token, FieldPath tokenPath)
            {
                var seconds = ServerDefaults.TokenExpirationSeconds(token.ExpirationSeconds);
                if (seconds < MinTokenSeconds)
                {
                    Report(Invalid, token.ExpirationSeconds, tokenPath.Field("expirationSeconds"),
                        $"`expirationSeconds` {seconds.ToString(CultureInfo.InvariantCulture)} may not specify a duration less than 10 minutes",
                        "use at least 600 seconds, or remove `expirationSeconds` for the default of 3600 (the kubelet refreshes the token before it expires)");
                }

                if (seconds > MaxTokenSeconds)
                {
                    Report(Invalid, token.ExpirationSeconds, tokenPath.Field("expirationSeconds"),
                        $"`expirationSeconds` {seconds.ToString(CultureInfo.InvariantCulture)} may not specify a duration larger than 2^32 seconds",
                        "use at most 4294967296 seconds, or remove `expirationSeconds` for the default of 3600");
                }

                // PJ9, PJ10: the server reports the token's path at `projected.path` (sic). A missing path is PL1003's.
                if (!token.Path.IsValid) return;
                var path = token.Path.Value;
                if (path.Length == 0)
                {
                    Report(Required, token.Path, projectedPath.Field("path"), "the service account token's `path` is empty",
                        "set `path` to the token's file name inside the volume, e.g. `token`");
                    return;
                }

                foreach (var detail in PathFormats.LocalNonReservedPathErrors(path))
                {
                    Report(Invalid, token.Path, projectedPath.Field("path"), $"the service account token's `path` `{path}` {detail}",
                        "use a file name relative to the volume's mount point, e.g. `token`");
                }
            }
        }
    }
}
