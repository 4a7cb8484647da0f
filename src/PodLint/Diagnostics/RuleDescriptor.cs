using System.Text.RegularExpressions;

namespace PodLint.Diagnostics;

/// <summary>
/// What a rule is, as opposed to one occurrence of it (a <see cref="Diagnostic"/>). Immutable, value equality.
/// </summary>
public sealed partial record RuleDescriptor
{
    /// <summary>Creates a descriptor and checks the catalogue conventions (id range, kebab-case name).</summary>
    /// <param name="id">Permanent id such as <c>PL3001</c>; its first digit is the category.</param>
    /// <param name="name">Kebab-case name that reads well after "allow": <c>duplicate-container-port</c>.</param>
    /// <param name="category">The family; must match the id's first digit.</param>
    /// <param name="defaultSeverity">Severity unless the user re-grades it.</param>
    /// <param name="summary">One sentence: what the rule checks.</param>
    /// <param name="isEnabledByDefault">Whether the rule runs without being asked for.</param>
    public RuleDescriptor(string id, string name, RuleCategory category, Severity defaultSeverity, string summary, bool isEnabledByDefault = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(summary);
        if (!IdPattern().IsMatch(id) || id[2] != RuleCategories.IdDigit(category))
        {
            throw new ArgumentException($"rule id `{id}` is not in the PL{RuleCategories.IdDigit(category)}xxx range of category {category}", nameof(id));
        }

        if (!NamePattern().IsMatch(name))
        {
            throw new ArgumentException($"rule name `{name}` is not kebab-case", nameof(name));
        }

        Id = id;
        Name = name;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Summary = summary;
        IsEnabledByDefault = isEnabledByDefault;
    }

    /// <summary>Permanent id, e.g. <c>PL3001</c>; never reused.</summary>
    public string Id { get; }

    /// <summary>Kebab-case name, e.g. <c>duplicate-container-port</c>.</summary>
    public string Name { get; }

    /// <summary>The family the rule belongs to.</summary>
    public RuleCategory Category { get; }

    /// <summary>The severity of its findings unless re-graded.</summary>
    public Severity DefaultSeverity { get; }

    /// <summary>One sentence: what the rule checks.</summary>
    public string Summary { get; }

    /// <summary>Whether the rule runs without being asked for.</summary>
    public bool IsEnabledByDefault { get; }

    /// <summary>Where the rule's documentation lives.</summary>
    public Uri HelpUri => RuleIds.GetHelpUri(Id);

    [GeneratedRegex("^PL[0-9]{4}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
