using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2031: the API server's warning for an env var defined twice in one container (spec §2 W-32,
/// <c>pkg/api/pod/warnings.go</c>): the later definition wins, and <c>kubectl apply</c> may drop one of the two. The
/// server stays silent when the later value builds on the earlier one (<c>X=$(X):more</c>), and warns when it comes from
/// <c>valueFrom</c>, is exactly <c>$(X)</c>, or does not refer to <c>$(X)</c> at all.
/// </summary>
internal sealed class PL2031EnvVarHidesPrevious : ContainerRule
{
    public static readonly MessageTemplate HidesPrevious = new("hides-previous",
        "env var `{name}` hides previous definition of `{name}`, which may be dropped when using apply",
        "define `{name}` once: remove the earlier entry, or build on it with `$({name})` in this one's `value`");

    public static readonly RuleDescriptor Rule = new(RuleIds.EnvVarHidesPrevious, "env-var-hides-previous", RuleCategory.ApiServer,
        Severity.Warning, "An env var should be defined once per container: a second definition hides the first, and `kubectl apply` may drop one (the API server warns)",
        messages: [HidesPrevious], appliesTo: ContainerRoles.All);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        var env = container.Env;
        if (env.Count < 2) return;
        var seen = new Dictionary<string, EnvVar>(StringComparer.Ordinal);
        foreach (var item in env)
        {
            if (!item.Name.IsValid) continue;
            var name = item.Name.Value;
            if (!seen.TryGetValue(name, out var first))
            {
                seen.Add(name, item);
                continue;
            }

            var reference = "$(" + name + ")";
            var value = item.Value.IsValid ? item.Value.Value : string.Empty;
            var hides = item.ValueFrom.IsValid || value == reference || !value.Contains(reference, StringComparison.Ordinal);
            if (!hides) continue;
            context.Report(HidesPrevious, new Location(item.Name.Span, item.Name.KeySpan, item.Location.Path), [("name", name)],
                [RelatedLocation.At(first.Name, "first defined here")]);
        }
    }
}
