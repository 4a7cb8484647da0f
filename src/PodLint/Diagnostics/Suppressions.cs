using System.Text.RegularExpressions;
using PodLint.Parsing;

namespace PodLint.Diagnostics;

/// <summary>How a finding was suppressed.</summary>
public enum SuppressionKind
{
    /// <summary>The <c>podlint.io/ignore</c> annotation of the object or of its Pod template.</summary>
    ObjectAnnotation,

    /// <summary>A <c>podlint.io/ignore.container.&lt;name&gt;</c> annotation: findings inside that container.</summary>
    ContainerAnnotation,

    /// <summary>A <c># podlint-disable-line …</c> comment at the end of the finding's line.</summary>
    LineComment,

    /// <summary>A <c># podlint-disable-next-line …</c> comment on the line before the finding's.</summary>
    NextLineComment,

    /// <summary>A <c># podlint-disable-file …</c> comment anywhere in the file.</summary>
    FileComment,
}

/// <summary>The suppression that silenced a finding: written in the manifest (SARIF's <c>inSource</c>).</summary>
/// <param name="Kind">The form of the suppression.</param>
/// <param name="Justification">The reason written after <c> -- </c>, or null when none was given.</param>
/// <param name="Span">Where the suppression is written (the annotation's value, or the comment).</param>
public sealed record Suppression(SuppressionKind Kind, string? Justification, SourceSpan Span);

/// <summary>
/// One suppression written in a manifest: the rules it names (each resolved, or reported when unknown), its reason,
/// and what it covers. Mutable: it records which of its rules silenced a finding, so that one that silenced nothing
/// is reported. Used by one thread (the one checking its document; the file's one for file-wide comments).
/// </summary>
internal sealed class SuppressionDirective
{
    public SuppressionDirective(SuppressionKind kind, SourceSpan span, string? justification, List<(string Text, RuleDescriptor? Rule)> rules)
    {
        Kind = kind;
        Span = span;
        Justification = justification;
        Rules = rules;
        Used = new bool[rules.Count];
        Public = new Suppression(kind, justification, span);
    }

    public SuppressionKind Kind { get; }

    public SourceSpan Span { get; }

    public string? Justification { get; }

    /// <summary>The rules as written, with the rule each names (null: unknown).</summary>
    public List<(string Text, RuleDescriptor? Rule)> Rules { get; }

    public bool[] Used { get; }

    /// <summary>For line comments: the line whose findings it covers.</summary>
    public int Line { get; init; }

    /// <summary>For container annotations: the path of the container (<c>spec.containers[1]</c>).</summary>
    public string? PathPrefix { get; init; }

    /// <summary>For container annotations: the container's name.</summary>
    public string? Container { get; init; }

    public Suppression Public { get; }

    /// <summary>Whether the directive covers the finding; records the use.</summary>
    public bool Covers(Diagnostic d)
    {
        switch (Kind)
        {
            case SuppressionKind.LineComment or SuppressionKind.NextLineComment:
                if (d.Span.StartLine != Line || !string.Equals(d.File, Span.File, StringComparison.Ordinal)) return false;
                break;
            case SuppressionKind.ContainerAnnotation:
                if (d.Path is not { } path || !path.StartsWith(PathPrefix!, StringComparison.Ordinal)
                    || (path.Length > PathPrefix!.Length && path[PathPrefix.Length] is not ('.' or '['))) return false;
                break;
        }

        for (var i = 0; i < Rules.Count; i++)
        {
            if (Rules[i].Rule is { } rule && rule.Equals(d.Rule))
            {
                Used[i] = true;
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The suppressions in force for one sink: those of an object's annotations, then those of its document's comments
/// (<see cref="Parent"/>). Findings they cover go to <see cref="Suppressed"/> instead of the report.
/// </summary>
internal sealed class SuppressionScope(List<SuppressionDirective> directives, List<Diagnostic> suppressed, SuppressionScope? parent = null)
{
    private static readonly SuppressionKind[] Precedence =
        [SuppressionKind.LineComment, SuppressionKind.NextLineComment, SuppressionKind.ContainerAnnotation, SuppressionKind.ObjectAnnotation, SuppressionKind.FileComment];

    public List<SuppressionDirective> Directives { get; } = directives;

    public List<Diagnostic> Suppressed { get; } = suppressed;

    public SuppressionScope? Parent { get; } = parent;

    /// <summary>The suppression that covers a finding, or null. PL0016 findings are never suppressed.</summary>
    public Suppression? Find(Diagnostic d)
    {
        if (d.Rule.Equals(InputRules.UnusedSuppression)) return null;
        // The most specific suppression wins (and only it counts as used): a comment on the line, then a
        // container's annotation, then the object's.
        foreach (var kind in Precedence)
        {
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                foreach (var directive in scope.Directives)
                {
                    if (directive.Kind == kind && directive.Covers(d)) return directive.Public;
                }
            }
        }

        return null;
    }
}

/// <summary>
/// Reads suppressions written in manifests: <c>podlint.io/ignore</c> annotations and <c># podlint-disable…</c>
/// comments. The list of rules (ids or names, separated by commas or spaces) may be followed by <c> -- </c> and a
/// reason.
/// </summary>
internal static partial class SuppressionParser
{
    /// <summary>The annotation that suppresses rules for a whole object (and the Pod template's, for its Pods).</summary>
    public const string ObjectAnnotation = "podlint.io/ignore";

    /// <summary>The prefix of the annotation that suppresses rules for one container.</summary>
    public const string ContainerAnnotationPrefix = "podlint.io/ignore.container.";

    [GeneratedRegex(@"(?:^|\s)#\s*podlint-disable(?<kind>-next-line|-line|-file)(?=\s|$)(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CommentPattern();

    /// <summary>Splits <c>PL3001, duplicate-port-name -- reason</c> into the rule texts and the reason.</summary>
    public static (List<string> Rules, string? Justification) Split(string text)
    {
        string? justification = null;
        var cut = IndexOfReasonSeparator(text);
        if (cut >= 0)
        {
            justification = text[(cut + 2)..].Trim();
            if (justification.Length == 0) justification = null;
            text = text[..cut];
        }

        var rules = text.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return (rules, justification);
    }

    private static int IndexOfReasonSeparator(string text)
    {
        for (var i = text.IndexOf("--", StringComparison.Ordinal); i >= 0; i = text.IndexOf("--", i + 2, StringComparison.Ordinal))
        {
            if (i == 0 || char.IsWhiteSpace(text[i - 1])) return i;
        }

        return -1;
    }

    /// <summary>Finds the suppression comments of a document chunk; the file-wide ones go to <paramref name="fileWide"/>.</summary>
    public static List<SuppressionDirective> ScanComments(DocumentChunk chunk, string file, Func<string, RuleDescriptor?> findRule,
        List<SuppressionDirective> fileWide)
    {
        var found = new List<SuppressionDirective>();
        var text = chunk.Text;
        if (text is null || !text.Contains("podlint-disable", StringComparison.Ordinal)) return found;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!line.Contains("podlint-disable", StringComparison.Ordinal)) continue;
            var match = CommentPattern().Match(line);
            if (!match.Success) continue;
            var lineNumber = chunk.FirstLine + i;
            var hash = line.IndexOf('#', match.Index);
            var span = new SourceSpan(file, lineNumber, hash + 1, lineNumber, line.Length + 1);
            var (names, justification) = Split(match.Groups["rest"].Value);
            var rules = names.Select(n => (n, findRule(n))).ToList();
            switch (match.Groups["kind"].Value)
            {
                case "-file":
                    fileWide.Add(new SuppressionDirective(SuppressionKind.FileComment, span, justification, rules));
                    break;
                case "-line":
                    found.Add(new SuppressionDirective(SuppressionKind.LineComment, span, justification, rules) { Line = lineNumber });
                    break;
                default:
                    found.Add(new SuppressionDirective(SuppressionKind.NextLineComment, span, justification, rules) { Line = NextCodeLine(lines, i) + chunk.FirstLine });
                    break;
            }
        }

        return found;
    }

    /// <summary>The index of the next line that is neither blank nor only a comment (past the end when none).</summary>
    private static int NextCodeLine(string[] lines, int i)
    {
        for (var j = i + 1; j < lines.Length; j++)
        {
            var t = lines[j].Trim();
            if (t.Length > 0 && t[0] != '#') return j;
        }

        return lines.Length;
    }

    /// <summary>
    /// Reads the suppression annotations of an object: its own <c>metadata.annotations</c> and those of its Pod
    /// template (<c>spec.template</c>, a CronJob's <c>spec.jobTemplate.spec.template</c>, a PodTemplate's
    /// <c>template</c>). Container annotations are resolved to the container's path.
    /// </summary>
    public static List<SuppressionDirective> ReadAnnotations(MappingNode root, string kind, FieldPath basePath, Func<string, RuleDescriptor?> findRule)
    {
        var found = new List<SuppressionDirective>();
        var (podPath, podKeys) = kind switch
        {
            "Pod" => (basePath, Array.Empty<string>()),
            "PodTemplate" => (basePath.Field("template"), ["template"]),
            "CronJob" => (basePath.Field("spec").Field("jobTemplate").Field("spec").Field("template"), ["spec", "jobTemplate", "spec", "template"]),
            _ => (basePath.Field("spec").Field("template"), new[] { "spec", "template" }),
        };
        var pod = podKeys.Length == 0 ? root : Walk(root, podKeys);
        Read(root);
        if (pod is not null && !ReferenceEquals(pod, root)) Read(pod);
        return found;

        void Read(MappingNode owner)
        {
            if (Walk(owner, "metadata", "annotations") is not { } annotations) return;
            foreach (var entry in annotations.EffectiveEntries())
            {
                if (entry.KeyText is not { } key || entry.Value.Resolve() is not ScalarNode value) continue;
                if (string.Equals(key, ObjectAnnotation, StringComparison.Ordinal))
                {
                    var (names, justification) = Split(value.Value);
                    found.Add(new SuppressionDirective(SuppressionKind.ObjectAnnotation, value.Span, justification, [.. names.Select(n => (n, findRule(n)))]));
                }
                else if (key.StartsWith(ContainerAnnotationPrefix, StringComparison.Ordinal))
                {
                    var name = key[ContainerAnnotationPrefix.Length..];
                    var (names, justification) = Split(value.Value);
                    found.Add(new SuppressionDirective(SuppressionKind.ContainerAnnotation, value.Span, justification, [.. names.Select(n => (n, findRule(n)))])
                    {
                        Container = name,
                        PathPrefix = pod is null ? null : ContainerPath(pod, podPath, name),
                    });
                }
            }
        }
    }

    private static string? ContainerPath(MappingNode pod, FieldPath podPath, string name)
    {
        if (Walk(pod, "spec") is not { } spec) return null;
        foreach (var list in (string[])["containers", "initContainers", "ephemeralContainers"])
        {
            if (spec.Find(list)?.Value.Resolve() is not SequenceNode items) continue;
            for (var i = 0; i < items.Items.Count; i++)
            {
                if (items.Items[i].Resolve() is MappingNode c && c.Find("name")?.Value.Resolve() is ScalarNode n
                    && string.Equals(n.Value, name, StringComparison.Ordinal))
                {
                    return podPath.Field("spec").Field(list).Index(i).ToString();
                }
            }
        }

        return null;
    }

    private static MappingNode? Walk(MappingNode node, params string[] keys)
    {
        var current = node;
        foreach (var key in keys)
        {
            if (current.Find(key)?.Value.Resolve() is not MappingNode next) return null;
            current = next;
        }

        return current;
    }

    /// <summary>
    /// Reports what in the directives is wrong or useless (PL0016): a rule that is not one, a directive naming no
    /// rule, a container annotation naming no container, and a named rule that silenced nothing (unless the rule is
    /// off, when there is nothing to silence).
    /// </summary>
    public static void ReportUnused(IEnumerable<SuppressionDirective> directives, DiagnosticSink sink, Func<string, IEnumerable<string>> suggest)
    {
        foreach (var directive in directives)
        {
            var what = Describe(directive);
            if (directive.Rules.Count == 0)
            {
                sink.Report(SuppressionRules.NoRule, directive.Span, null, [("suppression", what)]);
                continue;
            }

            if (directive.Kind == SuppressionKind.ContainerAnnotation && directive.PathPrefix is null)
            {
                sink.Report(SuppressionRules.NoSuchContainer, directive.Span, null, [("container", directive.Container!)]);
                continue;
            }

            for (var i = 0; i < directive.Rules.Count; i++)
            {
                var (text, rule) = directive.Rules[i];
                if (rule is null)
                {
                    var close = suggest(text).Select(c => $"`{c}`").ToList();
                    sink.Report(SuppressionRules.UnknownRule, directive.Span, null, [("suppression", what), ("rule", text)],
                        close.Count == 0 ? null : "did you mean " + (close.Count == 1 ? close[0] : string.Join(", ", close[..^1]) + " or " + close[^1]) + "?");
                }
                else if (!directive.Used[i] && sink.IsEnabled(rule))
                {
                    sink.Report(SuppressionRules.Unused, directive.Span, null, [("suppression", what), ("rule", text)]);
                }
            }
        }
    }

    private static string Describe(SuppressionDirective d) => d.Kind switch
    {
        SuppressionKind.ObjectAnnotation => $"the `{ObjectAnnotation}` annotation",
        SuppressionKind.ContainerAnnotation => $"the `{ContainerAnnotationPrefix}{d.Container}` annotation",
        SuppressionKind.LineComment => "`podlint-disable-line`",
        SuppressionKind.NextLineComment => "`podlint-disable-next-line`",
        _ => "`podlint-disable-file`",
    };
}

/// <summary>The messages of PL0016 (<see cref="InputRules.UnusedSuppression"/>).</summary>
internal static class SuppressionRules
{
    internal static readonly MessageTemplate Unused = new("unused", "{suppression} suppresses `{rule}`, but `{rule}` reports nothing here",
        "remove `{rule}` from the suppression");
    internal static readonly MessageTemplate UnknownRule = new("unknown-rule", "{suppression} names `{rule}`, which is not a rule",
        "name rules by id (`PL3001`) or name (`duplicate-container-port`); `podlint rules` lists them");
    internal static readonly MessageTemplate NoRule = new("no-rule", "{suppression} names no rule",
        "name the rules to suppress, e.g. `# podlint-disable-next-line PL3001 -- reason`");
    internal static readonly MessageTemplate NoSuchContainer = new("no-such-container", "the Pod has no container named `{container}`, so this suppression covers nothing",
        "name the container as in its `name` field");
}
