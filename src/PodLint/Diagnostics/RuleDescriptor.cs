using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace PodLint.Diagnostics;

/// <summary>
/// What a rule is, as opposed to one occurrence of it (a <see cref="Diagnostic"/>). Immutable; two descriptors are
/// equal when their ids are.
/// </summary>
public sealed partial class RuleDescriptor : IEquatable<RuleDescriptor>
{
    /// <summary>Creates a descriptor and checks the catalogue conventions (id range, kebab-case name).</summary>
    /// <param name="id">Permanent id such as <c>PL3001</c>; its first digit is the category.</param>
    /// <param name="name">Kebab-case name that reads well after "allow": <c>duplicate-container-port</c>.</param>
    /// <param name="category">The family; must match the id's first digit.</param>
    /// <param name="defaultSeverity">Severity unless the user re-grades it.</param>
    /// <param name="summary">One sentence: what the rule checks.</param>
    /// <param name="isEnabledByDefault">Whether the rule runs without being asked for.</param>
    /// <param name="messages">The messages the rule reports (ids unique within the rule).</param>
    /// <param name="appliesTo">The container roles the rule looks at; <see cref="ContainerRoles.None"/> when it is not about containers.</param>
    public RuleDescriptor(string id, string name, RuleCategory category, Severity defaultSeverity, string summary, bool isEnabledByDefault = true,
        ImmutableArray<MessageTemplate> messages = default, ContainerRoles appliesTo = ContainerRoles.None)
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
        AppliesTo = appliesTo;
        Messages = messages.IsDefault ? [] : messages;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in Messages)
        {
            if (!ids.Add(message.Id)) throw new ArgumentException($"rule {id} lists the message id `{message.Id}` twice", nameof(messages));
            message.Attach(this);
        }
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

    /// <summary>The container roles the rule looks at (documented on its page).</summary>
    public ContainerRoles AppliesTo { get; }

    /// <summary>The messages the rule reports, each with a stable id.</summary>
    public ImmutableArray<MessageTemplate> Messages { get; }

    /// <summary>The message of the given id.</summary>
    /// <exception cref="KeyNotFoundException">The rule has no such message.</exception>
    public MessageTemplate GetMessage(string messageId)
        => Messages.FirstOrDefault(m => string.Equals(m.Id, messageId, StringComparison.Ordinal))
            ?? throw new KeyNotFoundException($"rule {Id} has no message `{messageId}`");

    /// <summary>Where the rule's documentation lives.</summary>
    public Uri HelpUri => RuleIds.GetHelpUri(Id);

    /// <inheritdoc />
    public bool Equals(RuleDescriptor? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as RuleDescriptor);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Name})";

    [GeneratedRegex("^PL[0-9]{4}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
