using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PodLint.Diagnostics;
using PodLint.Engine;

namespace PodLint.Tests.Catalog;

/// <summary>
/// One fixture of <c>tests/PodLint.Tests/Fixtures/&lt;RuleId&gt;/</c>: a manifest whose expected findings are
/// written in it as caret comments under the offending lines, and whose header comments configure the run.
/// The format is described in <c>Fixtures/README.md</c>.
/// </summary>
internal sealed partial class FixtureFile
{
    private FixtureFile(string text, List<string> lines, List<Marker> markers, Dictionary<string, RuleLevel> levels, string? kubernetesVersion)
    {
        Text = text;
        Lines = lines;
        Markers = markers;
        RuleLevels = levels;
        KubernetesVersion = kubernetesVersion;
    }

    /// <summary>
    /// The file's text, decoded as UTF-8 or as the byte order mark says (invalid bytes become U+FFFD: the linter
    /// stops at their line, so no marker after them points at columns that could differ).
    /// </summary>
    public string Text { get; }

    /// <summary>The lines, without their terminators; <c>Lines[0]</c> is line 1.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The expected findings.</summary>
    public IReadOnlyList<Marker> Markers { get; }

    /// <summary>Rule levels from <c># podlint: enable=…</c> and <c># podlint: severity=…</c> headers.</summary>
    public IReadOnlyDictionary<string, RuleLevel> RuleLevels { get; }

    /// <summary>From <c># podlint: kubernetes-version=…</c>; null for the default.</summary>
    public string? KubernetesVersion { get; }

    /// <summary>An expected finding: the marker's own line, and what it says about the line it points at.</summary>
    /// <param name="MarkerLine">The line the marker is written on.</param>
    /// <param name="Line">The line it points at: the nearest earlier line that is not a marker.</param>
    /// <param name="StartColumn">The first column of the span.</param>
    /// <param name="EndColumn">The column after the span, on <paramref name="Line"/>; null when the span ends on a later line (<c>@C-</c>).</param>
    /// <param name="ReachesEndOfLine">The underline runs to the end of the line, so the span may also end on a later line.</param>
    /// <param name="RuleId">The rule expected.</param>
    /// <param name="Path">The field path expected; null for <c>-</c>.</param>
    /// <param name="ErrorType">The API server's error type expected (<c>(Invalid)</c> after the path), for API-server rules.</param>
    public sealed record Marker(int MarkerLine, int Line, int StartColumn, int? EndColumn, bool ReachesEndOfLine, string RuleId, string? Path,
        ApiErrorType? ErrorType = null)
    {
        /// <summary>Whether a finding is the one this marker describes.</summary>
        public bool Matches(Diagnostic d)
        {
            var s = d.Span;
            if (d.RuleId != RuleId || d.Path != Path || d.ErrorType != ErrorType || s.StartLine != Line || s.StartColumn != StartColumn) return false;
            if (s.EndLine == s.StartLine) return EndColumn == s.EndColumn;
            return EndColumn is null || ReachesEndOfLine;
        }

        public override string ToString() => FormattableString.Invariant(
            $"line {MarkerLine}: {RuleId} at {Line}:{StartColumn}-{(EndColumn is { } e ? $"{Line}:{e}" : "(a later line)")}{(ReachesEndOfLine ? " (or a later line)" : "")} {Path ?? "-"}{(ErrorType is { } t ? $" ({t})" : "")}");
    }

    /// <summary>Reads and checks a fixture; a malformed marker or header throws <see cref="FormatException"/>.</summary>
    public static FixtureFile Read(string path)
    {
        string text;
        using (var reader = new StreamReader(path, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true))
        {
            text = reader.ReadToEnd();
        }

        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        var markers = new List<Marker>();
        var levels = new Dictionary<string, RuleLevel>(StringComparer.OrdinalIgnoreCase);
        string? version = null;
        var inHeader = true;
        var target = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var number = i + 1;
            if (HeaderAttempt().IsMatch(line))
            {
                var header = HeaderLine().Match(line);
                if (!header.Success) throw Error(number, $"malformed header `{line}`: expected `# podlint: KEY=VALUE`");
                if (!inHeader) throw Error(number, "a `# podlint:` header must come before the first line that is not a comment");
                ApplyHeader(number, header.Groups["key"].Value, header.Groups["value"].Value.Trim(), levels, ref version);
                target = number;
                continue;
            }

            if (!line.StartsWith('#') && line.Trim().Length > 0) inHeader = false;
            if (MarkerAttempt().IsMatch(line))
            {
                if (!line.StartsWith('#')) throw Error(number, "a marker line starts with `#` in column 1, so that its columns line up with the line above");
                if (target == 0) throw Error(number, "a marker needs a line above it to point at");
                markers.Add(ParseMarker(number, line, target, lines[target - 1]));
                continue;
            }

            target = number;
        }

        return new FixtureFile(text, lines, markers, levels, version);
    }

    /// <summary>The linter options of the fixture: its headers, and its rule on (at its default severity) unless a header sets it.</summary>
    public PodLintOptions Options(string ruleId)
    {
        var levels = new Dictionary<string, RuleLevel>(RuleLevels, StringComparer.OrdinalIgnoreCase);
        if (!levels.ContainsKey(ruleId))
        {
            var rule = new PodLinter().Rules.Single(r => r.Id == ruleId);
            levels[ruleId] = (RuleLevel)rule.DefaultSeverity;
        }

        return new PodLintOptions { RuleLevels = levels, KubernetesVersion = KubernetesVersion };
    }

    private static void ApplyHeader(int number, string key, string value, Dictionary<string, RuleLevel> levels, ref string? version)
    {
        switch (key)
        {
            case "kubernetes-version":
                version = value;
                break;
            case "enable":
                foreach (var id in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var rule = new PodLinter().Rules.FirstOrDefault(r => r.Id == id) ?? throw Error(number, $"unknown rule `{id}`");
                    levels[id] = (RuleLevel)rule.DefaultSeverity;
                }

                break;
            case "severity":
                var parts = value.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || !Enum.TryParse<RuleLevel>(parts[1], ignoreCase: true, out var level) || !Enum.IsDefined(level)
                    || int.TryParse(parts[1], CultureInfo.InvariantCulture, out _))
                {
                    throw Error(number, $"expected `severity=RULE=error|warning|info|off`, found `severity={value}`");
                }

                levels[parts[0]] = level;
                break;
            default:
                throw Error(number, $"unknown header `{key}`; the headers are kubernetes-version, enable and severity");
        }
    }

    private static Marker ParseMarker(int number, string line, int target, string pointed)
    {
        var m = MarkerLine().Match(line);
        if (!m.Success)
        {
            throw Error(number, $"malformed marker `{line}`: expected `#`, spaces, then `^^^` under the span (or `|` for an empty span, "
                + "or `@START-END`), a space, the rule id and the field path or `-`");
        }

        var rule = m.Groups["rule"].Value;
        var path = m.Groups["path"].Value.Trim();
        ApiErrorType? errorType = null;
        if (ErrorTypeSuffix().Match(path) is { Success: true } suffix)
        {
            errorType = Enum.Parse<ApiErrorType>(suffix.Groups["type"].Value);
            path = path[..suffix.Index];
        }

        var nullablePath = path == "-" ? null : path;
        var pad = m.Groups["pad"].Value.Length;
        if (m.Groups["carets"].Success)
        {
            // The `#` is column 1: carets that touch it start the underline there.
            var carets = m.Groups["carets"].Value.Length;
            var start = pad == 0 ? 1 : pad + 2;
            var last = pad + 1 + carets;
            if (last > pointed.Length)
            {
                throw Error(number, FormattableString.Invariant(
                    $"the carets reach column {last}, beyond the end of line {target} ({pointed.Length} columns): `{pointed}`"));
            }

            return new Marker(number, target, start, last + 1, last == pointed.Length, rule, nullablePath, errorType);
        }

        if (m.Groups["empty"].Success)
        {
            var column = pad == 0 ? 1 : pad + 2;
            if (column > pointed.Length + 1)
            {
                throw Error(number, FormattableString.Invariant(
                    $"the `|` stands in column {column}, beyond the end of line {target} ({pointed.Length} columns): `{pointed}`"));
            }

            return new Marker(number, target, column, column, false, rule, nullablePath, errorType);
        }

        var from = int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture);
        int? to = m.Groups["to"].Value.Length > 0 ? int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture) : null;
        if (from < 1 || to < from || (to ?? from) > pointed.Length + 1)
        {
            throw Error(number, FormattableString.Invariant($"`@{from}-{to}` is not a span of line {target} ({pointed.Length} columns): `{pointed}`"));
        }

        return new Marker(number, target, from, to, false, rule, nullablePath, errorType);
    }

    /// <summary>The marker line that describes a finding, as this format writes it (for failure messages).</summary>
    public static string Render(Diagnostic d, string pointed)
    {
        var s = d.Span;
        var rest = $" {d.RuleId} {d.Path ?? "-"}{(d.ErrorType is { } t ? $" ({t})" : "")}";
        int? end = s.EndLine == s.StartLine ? s.EndColumn : s.StartColumn <= pointed.Length ? pointed.Length + 1 : null;
        var c = s.StartColumn;
        if (end is null) return FormattableString.Invariant($"# @{c}-{rest}");
        var width = end.Value - c;
        if (width == 0 && c != 2) return "#" + new string(' ', Math.Max(0, c - 2)) + "|" + rest;
        if (width > 0 && c >= 3) return "#" + new string(' ', c - 2) + new string('^', width) + rest;
        if (width > 1 && c == 1) return "#" + new string('^', width - 1) + rest;
        return FormattableString.Invariant($"# @{c}-{(s.EndLine == s.StartLine ? end.Value.ToString(CultureInfo.InvariantCulture) : string.Empty)}{rest}");
    }

    /// <summary>
    /// The fixture with its markers replaced by the findings of the given rules, linted afresh (marker lines
    /// are comments: removing them moves lines, not findings).
    /// </summary>
    public string WithMarkersFor(PodLintOptions options, IReadOnlyCollection<string> ruleIds)
    {
        var markerLines = Markers.Select(m => m.MarkerLine).ToHashSet();
        var kept = Lines.Where((_, i) => !markerLines.Contains(i + 1)).ToList();
        var result = new PodLinter(options).LintText(string.Concat(kept.Select(l => l + "\n")), "fixture.yaml");
        var sb = new StringBuilder();
        for (var i = 0; i < kept.Count; i++)
        {
            sb.Append(kept[i]).Append('\n');
            foreach (var d in result.Diagnostics.Where(d => d.Span.StartLine == i + 1 && ruleIds.Contains(d.RuleId)))
            {
                sb.Append(Render(d, kept[i])).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static FormatException Error(int line, string message) => new(FormattableString.Invariant($"line {line}: {message}"));

    [GeneratedRegex(@"^\s*#\s*podlint:")]
    private static partial Regex HeaderAttempt();

    [GeneratedRegex(@"^# podlint: (?<key>[a-z-]+)=(?<value>.*)$")]
    private static partial Regex HeaderLine();

    // A comment whose first character after `#` and spaces is `^`, `|` or `@` is meant as a marker.
    [GeneratedRegex(@" \((?<type>Required|Invalid|Duplicate|NotSupported|NotFound|Forbidden|TooLong|TooMany)\)$")]
    private static partial Regex ErrorTypeSuffix();

    [GeneratedRegex(@"^\s*#\s*[\^|@]")]
    private static partial Regex MarkerAttempt();

    [GeneratedRegex(@"^#(?<pad> *)(?:(?<carets>\^+)|(?<empty>\|)|@(?<from>[0-9]+)-(?<to>[0-9]*)) +(?<rule>PL[0-9]{4}) +(?<path>\S.*)$")]
    private static partial Regex MarkerLine();
}
