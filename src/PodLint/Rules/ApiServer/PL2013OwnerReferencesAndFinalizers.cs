using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2013: a Pod's owner references and finalizers (spec §1.A M11–M18, apimachinery <c>ValidateOwnerReferences</c>,
/// <c>ValidateFinalizers</c>, core <c>validateKubeFinalizerName</c>). Paths are the server's: an owner reference's
/// fields are reported without the index (<c>metadata.ownerReferences.uid</c>), a finalizer's format at
/// <c>metadata.finalizers</c> and the standard-name check at <c>metadata.finalizers[i]</c>. A missing field of an owner
/// reference is PL1003's; this rule reports empty ones. Pod templates are not checked: the server ignores their owner
/// references and finalizers.
/// </summary>
internal sealed class PL2013OwnerReferencesAndFinalizers : IPodRule
{
    public static readonly MessageTemplate EmptyOwnerField = new("empty-owner-field", "owner reference `{field}` is empty: {detail}",
        "write the owner's {what}, or remove the owner reference (controllers set their own)", ApiErrorType.Invalid);

    public static readonly MessageTemplate BannedOwner = new("banned-owner", "owner reference to an Event: {detail}",
        "an Event cannot own objects: remove this owner reference", ApiErrorType.Invalid);

    public static readonly MessageTemplate TwoControllers = new("two-controllers",
        "only one owner reference can have `controller: true`: found in the references for `{first}` and `{second}`",
        "keep `controller: true` on one owner reference only", ApiErrorType.Invalid);

    public static readonly MessageTemplate InvalidFinalizer = new("invalid-finalizer", "finalizer `{value}` is invalid: {detail}",
        "use a qualified name: a DNS subdomain prefix and `/`, then a name (e.g. `example.com/cleanup`)", ApiErrorType.Invalid);

    public static readonly MessageTemplate NotStandardFinalizer = new("not-standard-finalizer",
        "finalizer `{value}`: name is neither a standard finalizer name nor is it fully qualified",
        "prefix it with your domain (e.g. `example.com/{value}`); only `kubernetes`, `orphan` and `foregroundDeletion` may stand alone", ApiErrorType.Invalid);

    public static readonly MessageTemplate OrphanAndForeground = new("orphan-and-foreground",
        "finalizer orphan and foregroundDeletion cannot be both set",
        "keep one: `orphan` leaves the dependents, `foregroundDeletion` deletes them first", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.OwnerReferencesAndFinalizers, "owner-references-and-finalizers", RuleCategory.ApiServer, Severity.Error,
        "A Pod's owner references need an API version, kind, name and uid, at most one of them may be the controller, and its finalizers must be qualified names",
        messages: [EmptyOwnerField, BannedOwner, TwoControllers, InvalidFinalizer, NotStandardFinalizer, OrphanAndForeground]);

    private static readonly string[] StandardFinalizers = ["kubernetes", "orphan", "foregroundDeletion"];

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.IsTemplate || context.Object.Metadata is not { IsValid: true, Value: { } metadata }) return;
        CheckOwners(context, metadata.OwnerReferences);
        CheckFinalizers(context, metadata.Finalizers, context.KubernetesVersion);
    }

    private static void CheckOwners(PodContext context, ListField<OwnerReference> owners)
    {
        var listPath = owners.Path;
        string? firstController = null;
        foreach (var owner in owners)
        {
            // FromAPIVersionAndKind: an apiVersion with no version ("", "apps/") or more than one `/` has none.
            if (owner.ApiVersion.IsValid && VersionOf(owner.ApiVersion.Value).Length == 0)
            {
                Empty(context, owner.ApiVersion, listPath, "apiVersion", "version must not be empty", "API version (`apps/v1`)");
            }

            if (owner.Kind.IsValid && owner.Kind.Value.Length == 0) Empty(context, owner.Kind, listPath, "kind", "kind must not be empty", "kind (`ReplicaSet`)");
            if (owner.Name.IsValid && owner.Name.Value.Length == 0) Empty(context, owner.Name, listPath, "name", "name must not be empty", "name");
            if (owner.Uid.IsValid && owner.Uid.Value.Length == 0) Empty(context, owner.Uid, listPath, "uid", "uid must not be empty", "uid (`kubectl get <kind> <name> -o jsonpath='{.metadata.uid}'`)");

            if (owner.ApiVersion.IsValid && owner.Kind.IsValid && owner.ApiVersion.Value == "v1" && owner.Kind.Value == "Event")
            {
                var at = owner.Location;
                context.Report(BannedOwner, new Location(at.KeySpan, at.KeySpan, listPath), [("detail", "/v1, Kind=Event is disallowed from being an owner")]);
            }

            if (owner.Controller.IsValid && owner.Controller.Value)
            {
                var current = (owner.Kind.IsValid ? owner.Kind.Value : string.Empty) + "/" + (owner.Name.IsValid ? owner.Name.Value : string.Empty);
                if (firstController is null)
                {
                    firstController = current;
                }
                else
                {
                    var c = owner.Controller.Location;
                    context.Report(TwoControllers, new Location(c.Span, c.KeySpan, listPath), [("first", firstController), ("second", current)]);
                }
            }
        }
    }

    private static void Empty(PodContext context, Field<string> field, Parsing.FieldPath listPath, string name, string detail, string what)
        => context.Report(EmptyOwnerField, new Location(field.Span, field.KeySpan, listPath.Field(name)), [("field", name), ("detail", detail), ("what", what)]);

    /// <summary>The version part of an apiVersion as <c>schema.ParseGroupVersion</c> reads it, or empty when it has none.</summary>
    private static string VersionOf(string apiVersion)
    {
        if (apiVersion.Length == 0 || apiVersion == "/") return string.Empty;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0) return apiVersion;
        return apiVersion.IndexOf('/', slash + 1) >= 0 ? string.Empty : apiVersion[(slash + 1)..];
    }

    private static void CheckFinalizers(PodContext context, ListField<Field<string>> finalizers, string version)
    {
        var orphan = false;
        var foreground = false;
        foreach (var finalizer in finalizers)
        {
            if (!finalizer.IsValid) continue;
            var value = finalizer.Value;
            var errors = NameFormats.QualifiedName(value, version);
            foreach (var detail in errors)
            {
                context.Report(InvalidFinalizer, new Location(finalizer.Span, finalizer.KeySpan, finalizers.Path), [("value", value), ("detail", detail)]);
            }

            // The server also reports a name without `/` that is not a standard one at its index; a name that already
            // failed the format check is not reported twice.
            if (errors.Count == 0 && !value.Contains('/', StringComparison.Ordinal) && !StandardFinalizers.Contains(value, StringComparer.Ordinal))
            {
                context.Report(NotStandardFinalizer, finalizer, [("value", value)]);
            }

            orphan |= value == "orphan";
            foreground |= value == "foregroundDeletion";
        }

        if (orphan && foreground) context.Report(OrphanAndForeground, finalizers.Location.AtKey);
    }
}
