using System.Collections.Immutable;

namespace PodLint.Diagnostics;

/// <summary>A secondary location of a finding, such as "first declared here".</summary>
/// <param name="Span">Where it is.</param>
/// <param name="Message">What it is, lowercase, no trailing period.</param>
/// <param name="Path">Its field path, when it is a field.</param>
public sealed record RelatedLocation(SourceSpan Span, string Message, string? Path = null)
{
    /// <summary>A related location at a located value or object of the model.</summary>
    public static RelatedLocation At(ILocated at, string message)
    {
        ArgumentNullException.ThrowIfNull(at);
        var location = at.Location;
        return new RelatedLocation(location.Span, message, location.Path.ToString());
    }
}

/// <summary>
/// One finding: a rule that fired at a span. Immutable. Messages follow the rustc style: lowercase,
/// no trailing period, identifiers in backticks; the message says what is wrong, <see cref="Help"/> how to fix it.
/// </summary>
public sealed record Diagnostic
{
    /// <summary>Creates a finding.</summary>
    public Diagnostic(RuleDescriptor rule, Severity severity, string message, SourceSpan span,
        string? path = null, ObjectRef? @object = null, string? help = null,
        ImmutableArray<RelatedLocation> related = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrEmpty(message);
        Rule = rule;
        Severity = severity;
        Message = message;
        Span = span;
        Path = string.IsNullOrEmpty(path) ? null : path;
        Object = @object;
        Help = help;
        Related = related.IsDefault ? [] : related;
    }

    /// <summary>Creates a finding of one of a rule's messages, rendered with its arguments.</summary>
    /// <param name="message">The message (it knows its rule).</param>
    /// <param name="severity">The effective severity.</param>
    /// <param name="span">Where.</param>
    /// <param name="path">The field path, if any.</param>
    /// <param name="arguments">The message's arguments.</param>
    /// <param name="object">The object the finding is about.</param>
    /// <param name="help">The help line; null takes the template's, rendered.</param>
    /// <param name="related">Other places that explain the finding.</param>
    public Diagnostic(MessageTemplate message, Severity severity, SourceSpan span, string? path, ImmutableArray<MessageArgument> arguments,
        ObjectRef? @object = null, string? help = null, ImmutableArray<RelatedLocation> related = default)
        : this(ArgumentNullExceptionOr(message).Rule, severity, message.Format(arguments), span, path, @object, help ?? message.FormatHelp(arguments), related)
    {
        MessageId = message.Id;
        ErrorType = message.ErrorType;
        Arguments = arguments.IsDefault ? [] : arguments;
    }

    private static MessageTemplate ArgumentNullExceptionOr(MessageTemplate message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message;
    }

    /// <summary>The rule that fired.</summary>
    public RuleDescriptor Rule { get; init; }

    /// <summary>The error the API server reports for this finding, for the rules that predict its verdict; else null.</summary>
    public ApiErrorType? ErrorType { get; init; }

    /// <summary>The id of the rule's message (<see cref="MessageTemplate.Id"/>), or null for a finding built from free text.</summary>
    public string? MessageId { get; init; }

    /// <summary>The arguments the message was rendered with (empty for free text).</summary>
    public ImmutableArray<MessageArgument> Arguments { get; init; } = [];

    /// <summary>The value of a message argument, or null.</summary>
    public string? GetArgument(string name)
    {
        foreach (var a in Arguments)
        {
            if (string.Equals(a.Name, name, StringComparison.Ordinal)) return a.Value;
        }

        return null;
    }

    /// <summary>The rule id, e.g. <c>PL3001</c>.</summary>
    public string RuleId => Rule.Id;

    /// <summary>The rule's kebab-case name, e.g. <c>duplicate-container-port</c>.</summary>
    public string RuleName => Rule.Name;

    /// <summary>The effective severity (the rule's default, or as the options re-graded it).</summary>
    public Severity Severity { get; init; }

    /// <summary>What is wrong.</summary>
    public string Message { get; init; }

    /// <summary>Where: file, start and end line and column.</summary>
    public SourceSpan Span { get; init; }

    /// <summary>The file the finding is in.</summary>
    public string File => Span.File;

    /// <summary>The field path in the API server's syntax, e.g. <c>spec.containers[1].ports[0].containerPort</c>.</summary>
    public string? Path { get; init; }

    /// <summary>The object the finding is about, when known.</summary>
    public ObjectRef? Object { get; init; }

    /// <summary>How to fix it, when there is something specific to say.</summary>
    public string? Help { get; init; }

    /// <summary>The rule's documentation.</summary>
    public Uri HelpUri => Rule.HelpUri;

    /// <summary>Other places that explain the finding ("first declared here").</summary>
    public ImmutableArray<RelatedLocation> Related { get; init; }

    /// <summary>The suppression that silenced the finding (its form and justification), for the findings in
    /// <c>LintResult.Suppressed</c>; null for reported findings.</summary>
    public Suppression? SuppressedBy { get; init; }

    /// <summary>The reason the suppression gives, or null (also for reported findings).</summary>
    public string? Justification => SuppressedBy?.Justification;

    /// <summary>The deterministic report order: file, position, rule id, message.</summary>
    public static int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = SourceSpan.Compare(x.Span, y.Span);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.RuleId, y.RuleId);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
