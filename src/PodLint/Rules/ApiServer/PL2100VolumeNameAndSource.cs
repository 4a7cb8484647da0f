using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2100: the names and the source of a Pod's volumes (spec §1.L V1–V7): every volume needs a non-empty DNS-1123 label
/// as its name, unique in the Pod, and exactly one source. A generic ephemeral volume creates a PVC named
/// <c>&lt;pod&gt;-&lt;volume&gt;</c>: that name must be a DNS subdomain, and no <c>persistentVolumeClaim</c> volume of the
/// same Pod may name it. A volume with no source at all is defaulted to <c>emptyDir: {}</c> (§0.3), so the server's
/// "must specify a volume type" is not reported.
/// </summary>
internal sealed class PL2100VolumeNameAndSource : IPodRule
{
    public static readonly MessageTemplate EmptyName = new("empty-name", "volume name is empty",
        "give the volume a name (lowercase letters, digits and `-`), and mount it by that name", ApiErrorType.Required);

    public static readonly MessageTemplate InvalidName = new("invalid-name", "volume name `{value}` is invalid: {detail}",
        "use at most 63 lowercase letters, digits and `-`, starting and ending with a letter or digit (e.g. `config-data`)", ApiErrorType.Invalid);

    public static readonly MessageTemplate DuplicateName = new("duplicate-name", "volume name `{name}` is already used by `{first}`",
        "rename one of the volumes (and its mounts): volume names must be unique within the Pod", ApiErrorType.Duplicate);

    public static readonly MessageTemplate MoreThanOneSource = new("more-than-one-source",
        "volume `{volume}` has a second source `{source}` after `{first}`: may not specify more than 1 volume type",
        "keep one source per volume; split the others into volumes of their own (a `projected` volume combines secrets, configMaps, downward API and tokens)",
        ApiErrorType.Forbidden);

    public static readonly MessageTemplate ClaimOfEphemeralVolume = new("claim-of-ephemeral-volume",
        "`claimName` `{value}` is the PVC that ephemeral volume `{ephemeral}` creates: must not reference a PVC that gets created for an ephemeral volume",
        "use the ephemeral volume `{ephemeral}` itself in `volumeMounts`, or rename the claim", ApiErrorType.Invalid);

    public static readonly MessageTemplate InvalidEphemeralClaimName = new("invalid-ephemeral-claim-name",
        "ephemeral volume `{volume}` would create the PVC `{pvc}`, whose name is invalid: {detail}",
        "shorten the Pod or the volume name: the PVC is named `<pod name>-<volume name>` and must be a DNS-1123 subdomain of at most 253 characters",
        ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.VolumeNameAndSource, "volume-name-and-source", RuleCategory.ApiServer, Severity.Error,
        "Every volume needs a unique DNS-1123 label as its name and exactly one source; an ephemeral volume's PVC name must be valid and not used by another volume",
        messages: [EmptyName, InvalidName, DuplicateName, MoreThanOneSource, ClaimOfEphemeralVolume, InvalidEphemeralClaimName]);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is not { } spec || spec.Volumes.Count == 0) return;

        // The PVCs that ephemeral volumes create; the server knows them only when the Pod's name is set.
        var podName = context.Metadata?.Name is { IsValid: true, Value: { Length: > 0 } n } ? n : null;
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        if (podName is not null)
        {
            foreach (var volume in spec.Volumes)
            {
                if (VolumeSources.IsDropped(volume, context.KubernetesVersion) || !volume.Ephemeral.IsValid) continue;
                var name = volume.Name.IsValid ? volume.Name.Value : string.Empty;
                created.TryAdd(podName + "-" + name, name);
            }
        }

        var seen = new Dictionary<string, Volume>(StringComparer.Ordinal);
        foreach (var volume in spec.Volumes)
        {
            if (VolumeSources.IsDropped(volume, context.KubernetesVersion)) continue;
            var display = VolumeSources.DisplayName(volume);

            // V5: every source after the first is reported; only the first is validated (by the other PL21xx rules).
            string? first = null;
            var sources = 0;
            foreach (var (kind, source) in VolumeSources.Present(volume))
            {
                sources++;
                if (first is null)
                {
                    first = kind.Key;
                    if (kind.Key == "ephemeral") CheckEphemeralClaimName(context, volume, podName);
                    continue;
                }

                var at = source.Location.AtKey;
                context.Report(MoreThanOneSource, new Location(at.Span, at.KeySpan, volume.Location.Path.Field(kind.PathName)),
                    [("volume", display), ("source", kind.Key), ("first", first)]);
            }

            // V1–V3. A missing name is PL1003's; the duplicate check compares with earlier volumes whose name is valid
            // and that have one source (the server remembers only volumes without errors).
            var nameField = volume.Name;
            if (nameField.IsValid)
            {
                var name = nameField.Value;
                var valid = sources <= 1;
                if (name.Length == 0)
                {
                    context.Report(EmptyName, nameField);
                    valid = false;
                }
                else
                {
                    foreach (var detail in NameFormats.Dns1123Label(name))
                    {
                        context.Report(InvalidName, nameField, [("value", name), ("detail", detail)]);
                        valid = false;
                    }
                }

                if (seen.TryGetValue(name, out var earlier))
                {
                    context.Report(DuplicateName, nameField, [("name", name), ("first", earlier.Location.Path.ToString())],
                        [RelatedLocation.At(earlier.Name, "first used here")]);
                }
                else if (valid)
                {
                    seen.Add(name, volume);
                }
            }

            // V6: a persistentVolumeClaim volume that names the PVC of one of the Pod's ephemeral volumes.
            if (created.Count > 0 && volume.PersistentVolumeClaim is { IsValid: true, Value: { } pvc }
                && pvc.ClaimName is { IsValid: true, Value: { } claim } && created.TryGetValue(claim, out var ephemeral))
            {
                context.Report(ClaimOfEphemeralVolume, pvc.ClaimName, [("value", claim), ("ephemeral", ephemeral)]);
            }
        }
    }

    /// <summary>V7: the PVC <c>&lt;pod&gt;-&lt;volume&gt;</c> must be a valid object name (checked only with both names set).</summary>
    private static void CheckEphemeralClaimName(PodContext context, Volume volume, string? podName)
    {
        if (podName is null || VolumeSources.NameOf(volume) is not { } name) return;
        var pvc = podName + "-" + name;
        foreach (var detail in NameFormats.Dns1123Subdomain(pvc))
        {
            context.Report(InvalidEphemeralClaimName, volume.Name, [("volume", name), ("pvc", pvc), ("detail", detail)]);
        }
    }
}
