using System.Collections.Immutable;
using System.Text;

namespace PodLint.Diagnostics;

/// <summary>
/// One message a rule can report, as ESLint's <c>messageIds</c> and Ruff's violations have them: a stable id
/// (kebab-case, unique within its rule) and a text with <c>{name}</c> placeholders, rendered with the finding's
/// arguments. Tests assert on the id and the arguments; users read the rendered text. A template belongs to the one
/// <see cref="RuleDescriptor"/> that lists it.
/// </summary>
public sealed class MessageTemplate
{
    /// <summary>Creates a template.</summary>
    /// <param name="id">Kebab-case id, unique within the rule, e.g. <c>already-declared</c>.</param>
    /// <param name="text">The message: lowercase, no trailing period, identifiers in backticks; <c>{name}</c> is replaced
    /// by the argument of that name (<c>{{</c> and <c>}}</c> stand for braces).</param>
    /// <param name="help">The help line, with the same placeholders; null when the finding gives its own or has none.</param>
    /// <param name="errorType">The error the API server reports for this finding, for a rule that predicts one.</param>
    public MessageTemplate(string id, string text, string? help = null, ApiErrorType? errorType = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Id = id;
        Text = text;
        Help = help;
        ErrorType = errorType;
        Placeholders = [.. Names(text).Concat(help is null ? [] : Names(help)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The id, unique within the rule.</summary>
    public string Id { get; }

    /// <summary>The message text with its placeholders.</summary>
    public string Text { get; }

    /// <summary>The help text with its placeholders, if any.</summary>
    public string? Help { get; }

    /// <summary>The error the API server reports for this finding (<c>Required value</c>, <c>Invalid value</c> …), or null.</summary>
    public ApiErrorType? ErrorType { get; }

    /// <summary>The placeholder names of <see cref="Text"/> and <see cref="Help"/>.</summary>
    public ImmutableArray<string> Placeholders { get; }

    /// <summary>The rule the template belongs to (set when the descriptor is created).</summary>
    public RuleDescriptor Rule => _rule ?? throw new InvalidOperationException($"message `{Id}` is not listed by any rule descriptor");

    private RuleDescriptor? _rule;

    internal void Attach(RuleDescriptor rule)
    {
        if (_rule is not null && !ReferenceEquals(_rule, rule))
        {
            throw new ArgumentException($"message `{Id}` already belongs to rule {_rule.Id}", nameof(rule));
        }

        _rule = rule;
    }

    /// <summary>Renders the message with the given arguments.</summary>
    /// <exception cref="ArgumentException">An argument the text names is missing.</exception>
    public string Format(ImmutableArray<MessageArgument> arguments) => Render(Text, arguments);

    /// <summary>Renders the help line, or null when the template has none.</summary>
    public string? FormatHelp(ImmutableArray<MessageArgument> arguments) => Help is null ? null : Render(Help, arguments);

    private string Render(string template, ImmutableArray<MessageArgument> arguments)
    {
        var sb = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{') { sb.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}') { sb.Append('}'); i++; continue; }
            if (c != '{') { sb.Append(c); continue; }
            var close = template.IndexOf('}', i + 1);
            var name = template[(i + 1)..close];
            sb.Append(Find(arguments, name) ?? throw new ArgumentException($"message `{Id}` of {_rule?.Id} needs the argument `{name}`", nameof(arguments)));
            i = close;
        }

        return sb.ToString();
    }

    private static string? Find(ImmutableArray<MessageArgument> arguments, string name)
    {
        if (arguments.IsDefault) return null;
        foreach (var a in arguments)
        {
            if (string.Equals(a.Name, name, StringComparison.Ordinal)) return a.Value;
        }

        return null;
    }

    private static IEnumerable<string> Names(string template)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{') continue;
            if (i + 1 < template.Length && template[i + 1] == '{') { i++; continue; }
            var close = template.IndexOf('}', i + 1);
            if (close < 0) throw new ArgumentException($"unclosed `{{` in message template `{template}`", nameof(template));
            yield return template[(i + 1)..close];
            i = close;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{_rule?.Id}/{Id}";
}

/// <summary>One named argument of a finding's message (<c>port</c> = <c>8080/TCP</c>).</summary>
/// <param name="Name">The placeholder's name.</param>
/// <param name="Value">Its value, as rendered.</param>
public readonly record struct MessageArgument(string Name, string Value)
{
    /// <summary>Lets rules write arguments as tuples: <c>[("port", "8080/TCP")]</c>.</summary>
    public static implicit operator MessageArgument((string Name, string Value) pair) => new(pair.Name, pair.Value);

    /// <summary>Builds an argument from a tuple.</summary>
    public static MessageArgument FromValueTuple((string Name, string Value) pair) => new(pair.Name, pair.Value);

    /// <inheritdoc />
    public override string ToString() => $"{Name}={Value}";
}
