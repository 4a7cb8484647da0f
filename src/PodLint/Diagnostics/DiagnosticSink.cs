using System.Collections.Immutable;
using PodLint.Parsing;

namespace PodLint.Diagnostics;

/// <summary>
/// Where every finding of one checked object (or of a file, outside any object) goes: the one place that applies the
/// configured levels (a rule turned off reports nothing and its message is never rendered) and stamps the object the
/// finding is about, and the one place suppressions apply: a finding a suppression in force covers goes to the
/// scope's suppressed list, stamped with the suppression. Not thread-safe: one sink per object, filled by one thread.
/// </summary>
internal sealed class DiagnosticSink(Func<RuleDescriptor, RuleLevel> levelOf, List<Diagnostic> output, ObjectRef? @object = null,
    SuppressionScope? suppressions = null)
{
    /// <summary>The suppressions in force, if any.</summary>
    public SuppressionScope? Suppressions { get; } = suppressions;

    /// <summary>The object findings are about, when known.</summary>
    public ObjectRef? Object { get; } = @object;

    /// <summary>Whether findings of a rule are reported at all.</summary>
    public bool IsEnabled(RuleDescriptor rule) => levelOf(rule) != RuleLevel.Off;

    /// <summary>Reports one of a rule's messages at a span and path.</summary>
    public void Report(MessageTemplate message, SourceSpan span, FieldPath? path, ImmutableArray<MessageArgument> arguments = default,
        string? help = null, ImmutableArray<RelatedLocation> related = default)
    {
        var level = levelOf(message.Rule);
        if (level == RuleLevel.Off) return;
        Emit(new Diagnostic(message, (Severity)level, span, path?.ToString(), arguments, Object, help, related));
    }

    /// <summary>Reports one of a rule's messages at a located value or object of the model.</summary>
    public void Report(MessageTemplate message, ILocated at, ImmutableArray<MessageArgument> arguments = default,
        string? help = null, ImmutableArray<RelatedLocation> related = default)
    {
        ArgumentNullException.ThrowIfNull(at);
        var location = at.Location;
        Report(message, location.Span, location.Path, arguments, help, related);
    }

    /// <summary>Adds a finding made elsewhere (a parser's, or a custom rule's own), at its configured level and about this object.</summary>
    public void Add(Diagnostic diagnostic)
    {
        var level = levelOf(diagnostic.Rule);
        if (level == RuleLevel.Off) return;
        var stamped = diagnostic.Object is null && Object is not null ? diagnostic with { Object = Object } : diagnostic;
        Emit((Severity)level == stamped.Severity ? stamped : stamped with { Severity = (Severity)level });
    }

    private void Emit(Diagnostic diagnostic)
    {
        if (Suppressions?.Find(diagnostic) is { } suppression) Suppressions.Suppressed.Add(diagnostic with { SuppressedBy = suppression });
        else output.Add(diagnostic);
    }
}
