using System.Text.RegularExpressions;
using PodLint.Diagnostics;
using PodLint.Parsing;

namespace PodLint.Objects;

/// <summary>
/// Helm template text met outside a chart's <c>templates/</c> folder (a file copied out of a chart, a template
/// piped in): it is not a manifest until Helm renders it, so it gets one finding that says so, not a bare YAML error.
/// A document is a template when it fails to parse and holds <c>{{ … }}</c>, or when it holds an action only Helm
/// writes (<c>.Values</c>, <c>.Release</c>, <c>include</c> …) even if it parses: a quoted <c>"{{ .Values.image }}"</c>
/// is valid YAML, but not an image. Other <c>{{ }}</c> text in valid YAML (a Prometheus alert's
/// <c>{{ $labels.instance }}</c>, an Argo parameter) is left alone.
/// </summary>
internal static partial class HelmTemplates
{
    /// <summary>Where the document's first template action is, when the document is a Helm template.</summary>
    public static SourceSpan? Find(DocumentChunk chunk, IReadOnlyList<ParsedDocument> documents, string file)
    {
        var text = chunk.Text;
        var action = HelmAction().Match(text);
        if (!action.Success)
        {
            var failed = documents.Any(d => d.Diagnostics.Any(x => x.RuleId == RuleIds.InvalidYaml));
            if (!failed) return null;
            action = AnyAction().Match(text);
            if (!action.Success) return null;
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(0, action.Index - 1)) + 1;
        if (action.Index == 0) lineStart = 0;
        var line = chunk.FirstLine + text.AsSpan(0, lineStart).Count('\n');
        var column = action.Index - lineStart + 1;
        return new SourceSpan(file, line, column, line, column + action.Length);
    }

    /// <summary>A Go template action on one line: <c>{{ … }}</c>, <c>{{- … -}}</c>.</summary>
    [GeneratedRegex(@"\{\{[^\n]*?\}\}")]
    private static partial Regex AnyAction();

    /// <summary>An action that only Helm writes: its built-in objects and functions.</summary>
    [GeneratedRegex(@"\{\{-?\s*(?:[^\n}]*?[\s(|])?(?:\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|\$\.Values\b|include\s+""|template\s+""|tpl\s|toYaml\s|required\s+"")[^\n]*?\}\}")]
    private static partial Regex HelmAction();
}
