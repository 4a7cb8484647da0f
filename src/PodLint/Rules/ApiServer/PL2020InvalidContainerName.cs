using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2020: a container name must be a DNS-1123 label (spec §1.C C1, C2). A missing name is the schema's
/// (PL1003); an empty one is the API server's "Required value"; a malformed one gets one finding per failed
/// sub-check, as the server reports them.
/// </summary>
internal sealed class PL2020InvalidContainerName : ContainerRule
{
    public static readonly MessageTemplate Empty = new("empty", "container name is empty",
        "give the container a name: lowercase letters, digits and `-`, starting and ending with a letter or digit, e.g. `web`", ApiErrorType.Required);

    public static readonly MessageTemplate NotLabel = new("not-a-label", "container name `{name}` is invalid: {detail}",
        "{help}", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.InvalidContainerName, "invalid-container-name", RuleCategory.ApiServer,
        Severity.Error, "A container name must be a non-empty DNS-1123 label: at most 63 lowercase letters, digits and `-`, starting and ending with a letter or digit",
        messages: [Empty, NotLabel], appliesTo: ContainerRoles.All);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        var name = container.Name;
        if (!name.IsValid) return;
        if (name.Value.Length == 0)
        {
            context.Report(Empty, name);
            return;
        }

        foreach (var detail in NameFormats.Dns1123Label(name.Value))
        {
            context.Report(NotLabel, name, [("name", name.Value), ("detail", detail), ("help", Help(name.Value, detail))]);
        }
    }

    private static string Help(string name, string detail)
    {
        if (detail == NameFormats.LabelTooLongDetail) return "shorten the name to 63 characters or fewer";
        var suggestion = Suggest(name);
        var write = suggestion.Length > 0 && suggestion != name ? $", e.g. `{suggestion}`" : string.Empty;
        return detail == NameFormats.NoDotsDetail
            ? "replace the dots: a container name is one DNS label" + write
            : "use only lowercase letters, digits and `-`, starting and ending with a letter or digit" + write;
    }

    /// <summary>The name lower-cased, with every other character made a <c>-</c> and the ends trimmed.</summary>
    private static string Suggest(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-').ToArray();
        var text = new string(chars).Trim('-');
        while (text.Contains("--", StringComparison.Ordinal)) text = text.Replace("--", "-", StringComparison.Ordinal);
        return text.Length > NameFormats.Dns1123LabelMaxLength ? text[..NameFormats.Dns1123LabelMaxLength].TrimEnd('-') : text;
    }
}
