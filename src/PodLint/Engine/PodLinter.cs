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
        KubernetesVersion = NormalizeVersion(_options.KubernetesVersion) ?? Schema.KubernetesSchemas.Newest;
        if (!Schema.KubernetesSchemas.IsSupported(KubernetesVersion))
        {
            throw new ArgumentException(
                $"Kubernetes version `{KubernetesVersion}` is not supported; supported versions: {string.Join(", ", SupportedKubernetesVersions)}", nameof(options))
            {
                Data = { ["kubernetesVersion"] = KubernetesVersion },
            };
        }

        _options = _options with { KubernetesVersion = KubernetesVersion };
        _rules = new RuleSet(_options);
        _checker = new FileChecker(_rules, _options);
        _logger = _options.Logger;
    }

    /// <summary><c>v1.33</c> (as kubectl prints versions) reads as <c>1.33</c>.</summary>
    private static string? NormalizeVersion(string? version)
    {
        var v = version?.Trim();
        return v is { Length: > 1 } && v[0] is 'v' or 'V' && char.IsAsciiDigit(v[1]) ? v[1..] : v;
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
            using var source = new Utf8LineSource(stream, maxBytes: _options.Limits.MaxInputBytes);
            return LintResult.Merge([_checker.Check(fileName, source, null, cancellationToken)], _rules.Catalog);
        }, cancellationToken);
    }

    /// <summary>Lints one file; a missing or unreadable file is a finding on that file.</summary>
    public Task<LintResult> LintFileAsync(string path, CancellationToken cancellationToken = default)
        => LintPathsAsync([path], cancellationToken);

    /// <summary>
    /// Lints files and folders. Folders are searched recursively for <c>*.yaml</c>, <c>*.yml</c> and <c>*.json</c>,
    /// skipping hidden files and folders; files named explicitly are read whatever their extension. Files are
    /// checked in parallel (a single file on the calling thread); the findings come back in a deterministic order.
    /// </summary>
    public async Task<LintResult> LintPathsAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return await LintPathsAsync([.. paths.Select(p => new ScopedPath(p, this))], null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A path to lint and the linter (the configuration) it is checked with.</summary>
    internal readonly record struct ScopedPath(string Path, PodLinter Linter);

    /// <summary>
    /// Lints files and folders in one run, each path with its own linter, as <see cref="LintPathsAsync(IEnumerable{string}, CancellationToken)"/>
    /// does. A folder scan asks <paramref name="scopeOf"/> about every subfolder it enters (by full path, as scanned):
    /// a linter returned checks that subtree, its file filter (include and exclude) included, until a deeper folder
    /// returns another; null keeps the parent folder's. Files reached from several paths are checked once; the rules
    /// catalog is this linter's.
    /// </summary>
    internal async Task<LintResult> LintPathsAsync(IReadOnlyList<ScopedPath> paths, Func<string, PodLinter?>? scopeOf, CancellationToken cancellationToken)
    {
        var inputs = ExpandPaths(paths, scopeOf);
        var outcomes = new FileOutcome[inputs.Count];
        if (inputs.Count == 1)
        {
            // One file (a pre-commit hook's usual call): checked on this thread, so a short run starts no pool workers.
            outcomes[0] = inputs[0].Linter.CheckInput(inputs[0], cancellationToken);
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxDegreeOfParallelism), CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, inputs.Count), parallel, (i, ct) =>
            {
                outcomes[i] = inputs[i].Linter.CheckInput(inputs[i], ct);
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
        }

        return LintResult.Merge(outcomes, _rules.Catalog);
    }

    private FileOutcome CheckInput(Input input, CancellationToken cancellationToken)
    {
        if (input.Problem is { } problem) return Unreadable(input.Display, problem);
        if (input.Kind != FileKind.Regular)
        {
            // Found by a folder scan: opening a FIFO blocks until a writer comes, and a device may never end.
            return Finding(input.Display, InputRules.NotRegularFile, [("file", input.Display), ("kind", FileKinds.Describe(input.Kind))]);
        }

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
            var limit = _options.Limits.MaxInputBytes;
            if (stream.CanSeek && stream.Length > limit) return Finding(input.Display, InputRules.TooLarge, [("limit", Sizes.Describe(limit))]);
            using var source = new Utf8LineSource(stream, maxBytes: limit);
            return _checker.Check(input.Display, source, null, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Unreadable(input.Display, ex is UnauthorizedAccessException ? "permission denied" : ex.Message);
        }
    }

    private FileOutcome Unreadable(string display, string problem)
        => Finding(display, InputRules.CannotReadPath, [("file", display), ("problem", problem)]);

    private FileOutcome Finding(string display, MessageTemplate message, System.Collections.Immutable.ImmutableArray<MessageArgument> arguments)
    {
        var found = new List<Diagnostic>();
        new DiagnosticSink(_rules.LevelOf, found).Report(message, SourceSpan.StartOfFile(display), null, arguments);
        return FileOutcome.Unread(display, found);
    }

    /// <summary>A file to check, and the linter it is checked with.</summary>
    private sealed record Input(string Display, string? FullPath, string? Problem, PodLinter Linter, FileKind Kind = FileKind.Regular);

    private static List<Input> ExpandPaths(IReadOnlyList<ScopedPath> paths, Func<string, PodLinter?>? scopeOf)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var inputs = new List<Input>();
        foreach (var (path, linter) in paths)
        {
            if (string.IsNullOrEmpty(path)) continue;
            if (Directory.Exists(path))
            {
                var found = new List<Input>();
                try
                {
                    ScanFolder(path, linter, found, seen, scopeOf);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The folder itself cannot be listed: a finding on it, like a missing file.
                    found.Add(new Input(Display(path), null, ex is UnauthorizedAccessException ? "permission denied" : ex.Message, linter));
                }

                found.Sort((a, b) => string.CompareOrdinal(a.Display, b.Display));
                inputs.AddRange(found);
            }
            else if (File.Exists(path))
            {
                var full = Path.GetFullPath(path);
                if (linter._options.FileFilter is { } filter && !filter(full)) continue;
                if (seen.Add(full)) inputs.Add(new Input(Display(path), full, null, linter));
            }
            else
            {
                inputs.Add(new Input(Display(path), null, "no such file or directory", linter));
            }
        }

        return inputs;
    }

    /// <summary>
    /// Lists the manifests under <paramref name="root"/>, depth first in ordinal order. Symbolic links to folders are
    /// followed, but each real folder is entered at most once (<c>ln -s . loop</c> neither repeats files nor loops);
    /// hidden files and folders are skipped, even where the file system does not mark dot-names hidden; FIFOs, sockets
    /// and devices are listed with their kind, to be reported and not opened. Subfolders that cannot be listed are
    /// skipped, as before; the root failing throws. Each file is checked with, and filtered by, the linter of its
    /// folder: <paramref name="linter"/> for the root, else what <paramref name="scopeOf"/> says when the scan enters
    /// a subfolder (null: its parent's). A subfolder the parent's linter excludes is not entered (nor asked about).
    /// </summary>
    private static void ScanFolder(string root, PodLinter linter, List<Input> found, HashSet<string> seen, Func<string, PodLinter?>? scopeOf)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            ReturnSpecialDirectories = false,
        };
        var visited = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal) { RealPath(root) };
        var pending = new Stack<(string Path, string Real, PodLinter Linter)>();
        pending.Push((root, RealPath(root), linter));
        var isRoot = true;
        while (pending.Count > 0)
        {
            var (folder, real, scope) = pending.Pop();
            // Asked only for folders the scan enters (not hidden ones, each real folder once), before reading them.
            if (!isRoot && scopeOf?.Invoke(Path.GetFullPath(folder)) is { } nested) scope = nested;
            List<string> entries;
            try
            {
                entries = [.. Directory.EnumerateFileSystemEntries(folder, "*", options)];
            }
            catch (Exception ex) when (!isRoot && ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            isRoot = false;
            entries.Sort(StringComparer.Ordinal);
            var subfolders = new List<(string Path, string Real, PodLinter Linter)>();
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (name.Length > 1 && name[0] == '.') continue;
                if (Directory.Exists(entry))
                {
                    // A folder its scope excludes is not entered, nor marked visited (another link to it may be entered).
                    if (scope._options.FolderFilter is { } enter && !enter(Path.GetFullPath(entry))) continue;
                    var entryReal = new DirectoryInfo(entry).LinkTarget is null ? Path.Join(real, name) : RealPath(entry);
                    if (visited.Add(entryReal)) subfolders.Add((entry, entryReal, scope));
                    continue;
                }

                if (!ManifestExtensions.Contains(Path.GetExtension(entry), StringComparer.OrdinalIgnoreCase)) continue;
                var full = Path.GetFullPath(entry);
                if (scope._options.FileFilter is { } filter && !filter(full)) continue;
                if (seen.Add(full)) found.Add(new Input(Display(entry), full, null, scope, FileKinds.Of(full)));
            }

            for (var i = subfolders.Count - 1; i >= 0; i--) pending.Push(subfolders[i]);
        }
    }

    /// <summary>The path with every symbolic link resolved (as <c>realpath</c>); links nested past 40 levels are left as they are.</summary>
    internal static string RealPath(string path, int depth = 0)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var part in full[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Join(current, part);
            string? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Not a link we can read: keep the name.
            }

            current = target is not null && depth < 40 ? RealPath(Path.IsPathRooted(target) ? target : Path.Join(current, target), depth + 1) : next;
        }

        return current;
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
