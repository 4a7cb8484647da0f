using System.Diagnostics.CodeAnalysis;

namespace PodLint.Rules;

/// <summary>
/// The rule pages (<c>rules/PLnnnn.md</c>), embedded in this library: what <c>podlint explain</c> prints.
/// </summary>
public static class RuleDocumentation
{
    private const string ResourcePrefix = "PodLint.Rules.Docs.";

    /// <summary>Gets the Markdown page of a built-in rule, found by id (<c>PL3001</c>) or name
    /// (<c>duplicate-container-port</c>), ignoring case.</summary>
    /// <param name="idOrName">The rule's id or kebab-case name.</param>
    /// <param name="markdown">The page as written in <c>rules/</c>, or null when there is none.</param>
    /// <returns>Whether the rule exists and has a page.</returns>
    public static bool TryGetPage(string idOrName, [NotNullWhen(true)] out string? markdown)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        markdown = null;
        var key = idOrName.Trim();
        var rule = RuleRegistry.BuiltInDescriptors.FirstOrDefault(d =>
            string.Equals(d.Id, key, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Name, key, StringComparison.OrdinalIgnoreCase));
        if (rule is null) return false;
        using var stream = typeof(RuleDocumentation).Assembly.GetManifestResourceStream(ResourcePrefix + rule.Id + ".md");
        if (stream is null) return false;
        using var reader = new StreamReader(stream);
        markdown = reader.ReadToEnd();
        return true;
    }

    /// <summary>The ids and names of the built-in rules closest to something typed that names none (a typo, for a
    /// did-you-mean): at most a third of the longer word differs (<c>PL301</c> → <c>PL3001</c>).</summary>
    /// <param name="typed">What was typed.</param>
    /// <returns>The closest ids or names, best first, at most three; empty when none is close.</returns>
    public static IReadOnlyList<string> Suggest(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var key = typed.Trim();
        var candidates = RuleRegistry.BuiltInDescriptors.SelectMany(r => new[] { r.Id, r.Name });
        return [.. Diagnostics.Spelling.Closest(key, candidates, candidate => Math.Max(key.Length, candidate.Length) / 3).Take(3)];
    }
}
