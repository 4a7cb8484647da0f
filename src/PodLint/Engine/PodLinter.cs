using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PodLint.Diagnostics;
using PodLint.Parsing;

namespace PodLint.Engine;

/// <summary>
/// The entry point: lints Pod manifests given as a string, a stream, a file, or a set of files and folders.
/// Thread-safe; never writes to the console; bad input becomes findings, never exceptions.
/// </summary>
public sealed partial class PodLinter
{
    /// <summary>The file extensions searched for in folders.</summary>
    public static IReadOnlyList<string> ManifestExtensions { get; } = [".yaml", ".yml", ".json"];

    private readonly PodLintOptions _options;
    private readonly RuleSet _rules;
    private readonly FileChecker _checker;
    private readonly ILogger _logger;

    /// <summary>Creates a linter.</summary>
    /// <exception cref="ArgumentException">The options name a rule that does not exist, or two rules share an id or name.</exception>
    public PodLinter(PodLintOptions? options = null)
    {
        _options = options ?? new PodLintOptions();
        KubernetesVersion = _options.KubernetesVersion ?? Schema.KubernetesSchemas.Newest;
        if (!Schema.KubernetesSchemas.IsSupported(KubernetesVersion))
        {
            throw new ArgumentException(
                $"Kubernetes version `{KubernetesVersion}` is not supported; supported versions: {string.Join(", ", SupportedKubernetesVersions)}", nameof(options));
        }

        _options = _options with { KubernetesVersion = KubernetesVersion };
        _rules = new RuleSet(_options);
        _checker = new FileChecker(_rules, _options);
        _logger = _options.Logger;
    }

    /// <summary>The Kubernetes minor versions whose Pod schemas PodLint carries, oldest first.</summary>
    public static IReadOnlyList<string> SupportedKubernetesVersions => Schema.KubernetesSchemas.SupportedVersions;

    /// <summary>The Kubernetes version manifests are checked against.</summary>
    public string KubernetesVersion { get; }

    /// <summary>Every rule this linter knows (input findings, built-in and additional rules), in id order.</summary>
    public IReadOnlyList<RuleDescriptor> Rules => _rules.Descriptors;

    /// <summary>Every rule with the level it runs at, in id order (also in every <see cref="LintResult.Rules"/>).</summary>
    public IReadOnlyList<RuleStatus> Catalog => _rules.Catalog;

    /// <summary>The level each rule runs at, after the options' re-grading.</summary>
    public RuleLevel LevelOf(RuleDescriptor rule) => _rules.LevelOf(rule);

    /// <summary>Lints manifest text held in memory.</summary>
    /// <param name="text">One or more YAML or JSON documents.</param>
    /// <param name="fileName">The name findings carry as their file.</param>
    /// <param name="cancellationToken">Stops the work between documents.</param>
    public LintResult LintText(string text, string fileName = "<input>", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LintResult.Merge([_checker.Check(fileName, new StringLineSource(text), text, cancellationToken)], _rules.Catalog);
    }

    /// <summary>Lints a UTF-8 stream (standard input, a network stream); the documents with findings are kept for reporters.</summary>
    public Task<LintResult> LintStreamAsync(Stream stream, string fileName = "<stdin>", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Task.Run(() =>
        {
            using var source = new Utf8LineSource(stream);
            return LintResult.Merge([_checker.Check(fileName, source, null, cancellationToken)], _rules.Catalog);
        }, cancellationToken);
    }

    /// <summary>Lints one file; a missing or unreadable file is a finding on that file.</summary>
    public Task<LintResult> LintFileAsync(string path, CancellationToken cancellationToken = default)
        => LintPathsAsync([path], cancellationToken);

    /// <summary>
    /// Lints files and folders. Folders are searched recursively for <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c>,
    /// skipping hidden files and folders; files named explicitly are read whatever their extension. Files are
    /// checked in parallel; the findings come back in a deterministic order.
    /// </summary>
    public async Task<LintResult> LintPathsAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var inputs = ExpandPaths(paths, _options.FileFilter);
        var outcomes = new FileOutcome[inputs.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, inputs.Count), parallel, (i, ct) =>
        {
            outcomes[i] = CheckInput(inputs[i], ct);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return LintResult.Merge(outcomes, _rules.Catalog);
    }

    private FileOutcome CheckInput(Input input, CancellationToken cancellationToken)
    {
        if (input.Problem is { } problem) return Unreadable(input.Display, problem);
        if (Objects.HelmCharts.IsTemplate(input.FullPath!))
        {
            // A Helm chart's template is Go template text, not a manifest: it becomes one only when rendered.
            LogSkippedTemplate(_logger, input.Display);
            return FileOutcome.Unread(input.Display, []) with { IsSkipped = true };
        }

        LogChecking(_logger, input.Display);
        try
        {
            using var stream = new FileStream(input.FullPath!, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var source = new Utf8LineSource(stream);
            return _checker.Check(input.Display, source, null, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(input.Display, ex is UnauthorizedAccessException ? "permission denied" : ex.Message);
        }
    }

    private FileOutcome Unreadable(string display, string problem)
    {
        var found = new List<Diagnostic>();
        new DiagnosticSink(_rules.LevelOf, found).Report(InputRules.CannotReadPath, SourceSpan.StartOfFile(display), null,
            [("file", display), ("problem", problem)]);
        return FileOutcome.Unread(display, found);
    }

    private sealed record Input(string Display, string? FullPath, string? Problem);

    private static List<Input> ExpandPaths(IEnumerable<string> paths, Func<string, bool>? filter)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new List<Input>();
        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            MatchCasing = MatchCasing.CaseInsensitive,
        };
        foreach (var path in paths)
        {
            if (string.IsNullOrEmpty(path)) continue;
            if (Directory.Exists(path))
            {
                var found = new List<Input>();
                try
                {
                    foreach (var file in Directory.EnumerateFiles(path, "*", enumeration))
                    {
                        if (!ManifestExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)) continue;
                        if (IsHiddenBelow(path, file)) continue;
                        var full = Path.GetFullPath(file);
                        if (filter is not null && !filter(full)) continue;
                        if (seen.Add(full)) found.Add(new Input(Display(file), full, null));
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The folder itself cannot be listed: a finding on it, like a missing file.
                    found.Add(new Input(Display(path), null, ex is UnauthorizedAccessException ? "permission denied" : ex.Message));
                }

                found.Sort((a, b) => string.CompareOrdinal(a.Display, b.Display));
                inputs.AddRange(found);
            }
            else if (File.Exists(path))
            {
                var full = Path.GetFullPath(path);
                if (filter is not null && !filter(full)) continue;
                if (seen.Add(full)) inputs.Add(new Input(Display(path), full, null));
            }
            else
            {
                inputs.Add(new Input(Display(path), null, "no such file or directory"));
            }
        }

        return inputs;
    }

    // Hidden folders are skipped even where the file system does not mark dot-folders hidden.
    private static bool IsHiddenBelow(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file);
        foreach (var part in relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar))
        {
            if (part.Length > 1 && part[0] == '.' && part != "..") return true;
        }

        return false;
    }

    /// <summary>Paths as the user wrote them, with <c>/</c> separators and no leading <c>./</c>.</summary>
    private static string Display(string path)
    {
        var p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal) && p.Length > 2) p = p[2..];
        return p;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checking {File}")]
    private static partial void LogChecking(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipping {File}: a Helm chart template")]
    private static partial void LogSkippedTemplate(ILogger logger, string file);
}
