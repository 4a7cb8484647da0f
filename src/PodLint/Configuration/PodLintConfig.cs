using System.Collections.Immutable;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Parsing;
using PodLint.Rules;

namespace PodLint.Configuration;

/// <summary>A configuration file that cannot be used: where the mistake is and what was expected.</summary>
public sealed class PodLintConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PodLintConfigException(string file, int line, int column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Creates the exception (for serializers and tools; prefer the positioned constructor).</summary>
    public PodLintConfigException() : this("<config>", 1, 1, "invalid configuration") { }

    /// <summary>Creates the exception (for serializers and tools; prefer the positioned constructor).</summary>
    public PodLintConfigException(string message) : this("<config>", 1, 1, message) { }

    /// <summary>Creates the exception (for serializers and tools; prefer the positioned constructor).</summary>
    public PodLintConfigException(string message, Exception innerException) : base(message, innerException)
    {
        File = "<config>";
        Line = 1;
        Column = 1;
        Problem = message;
    }

    /// <summary>The configuration file.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the mistake.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the mistake.</summary>
    public int Column { get; }

    /// <summary>What is wrong, and what was expected.</summary>
    public string Problem { get; }
}

/// <summary>
/// A <c>.podlint.yaml</c> configuration: the rule set, rule levels, Kubernetes version, the files to check and the
/// rules' options. Load it with <see cref="Load"/> (or find it with <see cref="Find"/>), then
/// <see cref="ApplyTo"/> a <see cref="PodLintOptions"/>. The shape is <c>schemas/podlint-config.schema.json</c>.
/// </summary>
public sealed class PodLintConfig
{
    /// <summary>The file names looked for, in order, in each folder.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [".podlint.yaml", ".podlint.yml"];

    private PodLintConfig(string? path) => Path = path;

    /// <summary>The file the configuration was read from, or null when it was built from text without one.</summary>
    public string? Path { get; }

    /// <summary>The folder include and exclude globs are relative to.</summary>
    public string? BaseDirectory => Path is null ? null : System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));

    /// <summary>The rule set: <see cref="RuleSelection.Recommended"/> unless the file says <c>ruleset: all</c>.</summary>
    public RuleSelection RuleSet { get; private set; } = RuleSelection.Recommended;

    /// <summary>The rule levels, keyed as written (id or name).</summary>
    public IReadOnlyDictionary<string, RuleLevel> Rules { get; private set; } = new Dictionary<string, RuleLevel>();

    /// <summary>The Kubernetes version, or null.</summary>
    public string? KubernetesVersion { get; private set; }

    /// <summary>The include globs (empty: every file).</summary>
    public IReadOnlyList<string> Include { get; private set; } = [];

    /// <summary>The exclude globs.</summary>
    public IReadOnlyList<string> Exclude { get; private set; } = [];

    /// <summary>Extra long-lived helper image families for the multi-container rules.</summary>
    public IReadOnlyList<string> LongLivedImages { get; private set; } = [];

    private List<Glob> _include = [];
    private List<Glob> _exclude = [];

    /// <summary>
    /// Finds the configuration that applies to a folder: the nearest <c>.podlint.yaml</c> or <c>.podlint.yml</c> in
    /// it or a folder above it, stopping at the repository root (the folder holding <c>.git</c>).
    /// </summary>
    /// <returns>The file's path, or null when there is none.</returns>
    public static string? Find(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        for (var dir = new DirectoryInfo(System.IO.Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            if (InFolder(dir.FullName) is { } found) return found;
            if (IsRepositoryRoot(dir.FullName)) return null;
        }

        return null;
    }

    /// <summary>The configuration file in this very folder (<c>.podlint.yaml</c> before <c>.podlint.yml</c>), or null.</summary>
    internal static string? InFolder(string directory)
    {
        foreach (var name in FileNames)
        {
            var candidate = System.IO.Path.Combine(directory, name);
            if (System.IO.File.Exists(candidate)) return candidate;
        }

        return null;
    }

    /// <summary>Whether the folder is a repository's root (it holds <c>.git</c>, a folder or, in a worktree or submodule, a file).</summary>
    internal static bool IsRepositoryRoot(string directory)
    {
        var git = System.IO.Path.Combine(directory, ".git");
        return Directory.Exists(git) || System.IO.File.Exists(git);
    }

    /// <summary>Reads and checks a configuration file.</summary>
    /// <exception cref="PodLintConfigException">The file cannot be read, is not valid YAML, or does not follow the schema.</exception>
    public static PodLintConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PodLintConfigException(path, 1, 1, $"cannot read the configuration: {(ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message)}");
        }

        return Parse(text, path);
    }

    /// <summary>Reads and checks a configuration held in memory; globs are then relative to the folder of <paramref name="path"/>.</summary>
    /// <exception cref="PodLintConfigException">The text is not valid YAML, or does not follow the schema.</exception>
    public static PodLintConfig Parse(string text, string path = ".podlint.yaml")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var config = new PodLintConfig(path);
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var documents = YamlTreeBuilder.Parse(new DocumentChunk(normalized, 1, true, 0, true), path, ParserLimits.Default);
        if (documents.SelectMany(d => d.Diagnostics).FirstOrDefault() is { } problem)
        {
            throw new PodLintConfigException(path, problem.Span.StartLine, problem.Span.StartColumn, problem.Message);
        }

        if (documents.Count > 1) throw new PodLintConfigException(path, documents[1].Start.StartLine, 1, "the configuration must be one YAML document");
        if (documents.Count == 1 && documents[0].Duplicates is { Count: > 0 } duplicates)
        {
            var key = duplicates[0].Duplicate.Key;
            throw ConfigSchema.Error(key, path, $"`{duplicates[0].First.KeyText}` is set twice");
        }

        var root = documents.Count == 1 ? documents[0].Root : null;
        if (root is null || root.IsNull) return config;
        ConfigSchema.Validate(root, path);
        config.Read((MappingNode)root.Resolve(), path);
        return config;
    }

    private void Read(MappingNode root, string path)
    {
        if (root.Find("ruleset")?.Value is { } ruleset)
        {
            var name = ((ScalarNode)ruleset.Resolve()).Value;
            RuleSet = name switch
            {
                "all" => RuleSelection.All,
                "recommended" => RuleSelection.Recommended,
                _ => throw ConfigSchema.Error(ruleset, path,
                    $"the `{name}` rule set is not available yet: PodLint has no Pod Security rules so far; use `recommended` or `all`"),
            };
        }

        if (root.Find("kubernetesVersion")?.Value is { } version)
        {
            var v = ((ScalarNode)version.Resolve()).Value.TrimStart('v');
            if (!Schema.KubernetesSchemas.IsSupported(v))
            {
                throw ConfigSchema.Error(version, path,
                    $"Kubernetes version `{v}` is not supported: expected {ConfigSchema.Quote(Schema.KubernetesSchemas.SupportedVersions)}");
            }

            KubernetesVersion = v;
        }

        if (root.Find("rules")?.Value.Resolve() is MappingNode rules)
        {
            var known = RuleRegistry.BuiltInDescriptors;
            var levels = new Dictionary<string, RuleLevel>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in rules.Entries)
            {
                var key = entry.KeyText!;
                if (!known.Any(d => string.Equals(d.Id, key, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Name, key, StringComparison.OrdinalIgnoreCase)))
                {
                    var close = RuleDocumentation.Suggest(key);
                    throw ConfigSchema.Error(entry.Key, path,
                        $"unknown rule `{key}`: expected a rule id (`PL3001`) or name (`duplicate-container-port`)"
                        + (close.Count > 0 ? $"; did you mean {ConfigSchema.Quote(close)}?" : "; `podlint rules` lists them"));
                }

                levels[key] = ((ScalarNode)entry.Value.Resolve()).Value switch
                {
                    "error" => RuleLevel.Error,
                    "warning" => RuleLevel.Warning,
                    "info" => RuleLevel.Info,
                    _ => RuleLevel.Off,
                };
            }

            Rules = levels;
        }

        (Include, _include) = Globs(root, "include", path);
        (Exclude, _exclude) = Globs(root, "exclude", path);
        if (root.Find("options")?.Value.Resolve() is MappingNode options && options.Find("longLivedImages")?.Value.Resolve() is SequenceNode images)
        {
            LongLivedImages = [.. images.Items.Select(i => ((ScalarNode)i.Resolve()).Value)];
        }
    }

    private static (IReadOnlyList<string>, List<Glob>) Globs(MappingNode root, string key, string path)
    {
        if (root.Find(key)?.Value.Resolve() is not SequenceNode list) return ([], []);
        var texts = new List<string>();
        var globs = new List<Glob>();
        foreach (var item in list.Items)
        {
            var text = ((ScalarNode)item.Resolve()).Value;
            if (text.StartsWith('/') || text.Contains("..", StringComparison.Ordinal))
            {
                throw ConfigSchema.Error(item, path, $"`{key}` glob `{text}` must be relative to the configuration's folder, without `..`");
            }

            texts.Add(text);
            globs.Add(new Glob(text));
        }

        return (texts, globs);
    }

    /// <summary>
    /// Whether a file is to be checked: it matches an include glob (when there are any) and no exclude glob. Files
    /// outside the configuration's folder are checked.
    /// </summary>
    public bool IsIncluded(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (BaseDirectory is not { } baseDirectory) return true;
        var relative = System.IO.Path.GetRelativePath(baseDirectory, System.IO.Path.GetFullPath(file)).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || System.IO.Path.IsPathRooted(relative)) return true;
        if (_include.Count > 0 && !_include.Any(g => g.Matches(relative))) return false;
        return !_exclude.Any(g => g.Matches(relative));
    }

    /// <summary>
    /// Whether an exclude glob matches a folder itself (<c>vendor</c>, not <c>vendor/**</c>): a folder scan then does
    /// not enter it at all, so configurations inside it do not apply either (as Ruff prunes an excluded folder before
    /// reading its configuration). Folders outside the configuration's folder are entered.
    /// </summary>
    internal bool ExcludesFolder(string folder)
    {
        if (_exclude.Count == 0 || BaseDirectory is not { } baseDirectory) return false;
        var relative = System.IO.Path.GetRelativePath(baseDirectory, System.IO.Path.GetFullPath(folder)).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal) || relative is ".." or "." || System.IO.Path.IsPathRooted(relative)) return false;
        return _exclude.Any(g => g.Matches(relative));
    }

    /// <summary>
    /// The options with this configuration applied: its rule set, levels, version, file filter and rule options.
    /// Levels and version already set in <paramref name="options"/> win (they come from the command line).
    /// </summary>
    public PodLintOptions ApplyTo(PodLintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var levels = new Dictionary<string, RuleLevel>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, level) in Rules) levels[CanonicalId(key)] = level;
        foreach (var (key, level) in options.RuleLevels) levels[CanonicalId(key)] = level;
        return options with
        {
            RuleSelection = options.RuleSelection == RuleSelection.Recommended ? RuleSet : options.RuleSelection,
            RuleLevels = levels,
            KubernetesVersion = options.KubernetesVersion ?? KubernetesVersion,
            LongLivedImages = [.. options.LongLivedImages.Concat(LongLivedImages)],
            FileFilter = _include.Count + _exclude.Count == 0 ? options.FileFilter
                : options.FileFilter is { } outer ? f => outer(f) && IsIncluded(f) : IsIncluded,
            FolderFilter = _exclude.Count == 0 ? options.FolderFilter
                : options.FolderFilter is { } outerFolders ? d => outerFolders(d) && !ExcludesFolder(d) : d => !ExcludesFolder(d),
        };
    }

    /// <summary>A rule's id for a key written as its id or its name, so that the command line's `--severity name=…`
    /// overrides the file's `PL…: …` (unknown keys stay as written: the linter reports them).</summary>
    private static string CanonicalId(string key)
        => RuleRegistry.BuiltInDescriptors.FirstOrDefault(d => string.Equals(d.Id, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(d.Name, key, StringComparison.OrdinalIgnoreCase))?.Id ?? key;

    /// <summary>The commented starter configuration <c>podlint init</c> writes.</summary>
    public static string StarterText { get; } = """
        # yaml-language-server: $schema=https://raw.githubusercontent.com/podlint/podlint/main/schemas/podlint-config.schema.json
        # PodLint configuration. PodLint uses the nearest .podlint.yaml above each checked file (up to the
        # repository root); `podlint check --config FILE` picks another, `--no-config` ignores it, and the
        # command line's --severity and --kubernetes-version win over this file.

        # The rules that run: `recommended` (the rules enabled by default) or `all` (every rule).
        ruleset: recommended

        # The Kubernetes version the manifests are checked against (quoted: 1.30 would be a number).
        # kubernetesVersion: "1.33"

        # Rule levels by id or name: error, warning, info or off. `podlint rules` lists the rules.
        # rules:
        #   PL3001: error
        #   duplicate-port-name: off

        # Files to check and to skip, relative to this file's folder (`**` spans folders). A folder below with its
        # own .podlint.yaml decides for its files instead; excluding that folder itself (`vendor`) skips it whole.
        # include: ["deploy/**"]
        # exclude: ["deploy/generated/**"]

        # Options of the rules.
        # options:
        #   # Extra images of long-lived helpers (proxies, agents) for PL3005 and PL3007.
        #   longLivedImages: ["example.com/telemetry-agent", "*-shipper"]

        """;
}

/// <summary>The rules that run before levels are applied.</summary>
public enum RuleSelection
{
    /// <summary>The rules enabled by default, at their default severities.</summary>
    Recommended,

    /// <summary>Every rule, those disabled by default included, at their default severities.</summary>
    All,
}

/// <summary>
/// A path glob, matched against paths relative to the configuration's folder with <c>/</c> separators: <c>*</c>
/// and <c>?</c> within one name, <c>**</c> across folders. A glob without <c>/</c> matches a name in any folder; a
/// glob that matches a folder matches everything below it.
/// </summary>
internal sealed class Glob
{
    private readonly System.Text.RegularExpressions.Regex _regex;

    public Glob(string pattern)
    {
        var p = pattern.Trim();
        if (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        p = p.TrimEnd('/');
        if (!p.Contains('/', StringComparison.Ordinal)) p = "**/" + p;
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                var slash = i + 2 < p.Length && p[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') regex.Append("[^/]*");
            else if (c == '?') regex.Append("[^/]");
            else regex.Append(System.Text.RegularExpressions.Regex.Escape(c.ToString()));
        }

        regex.Append("(?:/.*)?$");
        _regex = new System.Text.RegularExpressions.Regex(regex.ToString(), System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public bool Matches(string relativePath) => _regex.IsMatch(relativePath);
}
