using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2061: the API server warns about a byte count that is not a whole number (spec §2 W-27, W-28): <c>memory</c> or
/// <c>ephemeral-storage</c> in a container's requests or limits (every kind of container), or in <c>spec.overhead</c>,
/// whose value, as the server stores it (rounded up to thousandths, <see cref="ServerDefaults.ResourceListValue"/>),
/// has a fraction: <c>1.5</c>, <c>100m</c>. Usually a unit mix-up: <c>m</c> (milli) where <c>M</c> or <c>Mi</c> was meant.
/// </summary>
internal sealed class PL2061FractionalByteValue : IPodRule
{
    public static readonly MessageTemplate Fractional = new("fractional",
        "fractional byte value `{value}` is invalid, must be an integer",
        "{help}");

    public static readonly RuleDescriptor Rule = new(RuleIds.FractionalByteValue, "fractional-byte-value", RuleCategory.ApiServer, Severity.Warning,
        "`memory` and `ephemeral-storage` amounts should be whole numbers of bytes",
        messages: [Fractional], appliesTo: ContainerRoles.All);

    public RuleDescriptor Descriptor => Rule;

    public void Analyze(PodContext context)
    {
        if (context.Spec is { } spec) Check(context, spec.Overhead);
        foreach (var container in context.Containers)
        {
            if (container.Resources.Value is not { } resources) continue;
            Check(context, resources.Limits);
            Check(context, resources.Requests);
        }
    }

    private static void Check(PodContext context, MapField<Quantity> list)
    {
        foreach (var entry in list)
        {
            if (entry.Key is not ("memory" or "ephemeral-storage")) continue;
            if (!PL2060InvalidResourceRequirements.TryValue(entry, out var value) || value.MilliValue % 1000 == 0) continue;
            var text = entry.Value.Text;
            var help = text.EndsWith('m')
                ? $"`m` means thousandths: for megabytes write `{text[..^1]}M`, for mebibytes `{text[..^1]}Mi`"
                : "give a whole number of bytes, e.g. with a binary suffix: `1536Mi` rather than `1.5Gi`";
            context.Report(Fractional, entry, [("value", value.ToString()), ("help", help)]);
        }
    }
}
