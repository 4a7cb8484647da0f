using System.CommandLine;
using PodLint.Configuration;
using PodLint.Engine;

namespace PodLint.Cli;

/// <summary>
/// The configuration side of the command line: <c>--config</c>, <c>--no-config</c>, which configuration applies to
/// which input, and <c>podlint init</c>.
/// </summary>
internal static class ConfigCli
{
    public static readonly Option<string?> ConfigOption = new("--config")
    {
        Description = "Use this configuration file instead of the nearest .podlint.yaml.",
        HelpName = "FILE",
    };

    public static readonly Option<bool> NoConfigOption = new("--no-config")
    {
        Description = "Ignore .podlint.yaml files.",
    };

    /// <summary>The inputs that share one configuration (null: none), and whether standard input is one of them.</summary>
    internal sealed record Group(PodLintConfig? Config, List<string> Paths, bool Stdin);

    /// <summary>
    /// Groups the inputs by the configuration that applies to them: the one given with <c>--config</c>, none with
    /// <c>--no-config</c>, else the nearest one above each path given (from a file's folder, or from a folder itself;
    /// standard input from the current folder). Folders may hold nearer configurations below them: see
    /// <see cref="Scopes.ScopeOf"/>. <paramref name="load"/> loads a found configuration file by its full path
    /// (<see cref="Scopes.Load"/>: each once per run).
    /// </summary>
    /// <exception cref="PodLintConfigException">A configuration is not valid.</exception>
    /// <exception cref="ArgumentException">Both <c>--config</c> and <c>--no-config</c> are given.</exception>
    public static List<Group> Plan(IReadOnlyList<string> paths, bool stdin, string? configPath, bool noConfig, Func<string, PodLintConfig> load)
    {
        if (noConfig && configPath is not null) throw new ArgumentException("`--config` and `--no-config` cannot be used together");
        if (noConfig) return [new Group(null, [.. paths], stdin)];
        if (configPath is not null) return [new Group(PodLintConfig.Load(configPath), [.. paths], stdin)];
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(string? configFile, string? path)
        {
            var key = configFile ?? string.Empty;
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = new Group(configFile is null ? null : load(configFile), [], false);
                order.Add(key);
            }

            if (path is null) groups[key] = group with { Stdin = true };
            else group.Paths.Add(path);
        }

        foreach (var path in paths)
        {
            var start = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path));
            Add(start is not null && Directory.Exists(start) ? PodLintConfig.Find(start) : null, path);
        }

        if (stdin) Add(PodLintConfig.Find(Directory.GetCurrentDirectory()), null);
        return [.. order.Select(k => groups[k])];
    }

    /// <summary>
    /// The configurations and linters of one run: each configuration file is loaded once and each configuration gets
    /// one linter (its options under the command line's), whether it was found above a path given or inside a folder
    /// being scanned.
    /// </summary>
    /// <param name="commandLine">The command line's options, under every configuration.</param>
    /// <param name="nested">Whether configurations inside scanned folders apply to their subtree (not with
    /// <c>--config</c> or <c>--no-config</c>, which apply one configuration, or none, to everything).</param>
    internal sealed class Scopes(PodLintOptions commandLine, bool nested)
    {
        private readonly Dictionary<string, PodLintConfig> _configs = new(StringComparer.Ordinal);
        private readonly Dictionary<PodLintConfig, PodLinter> _linters = new(ReferenceEqualityComparer.Instance);
        private PodLinter? _unconfigured;

        /// <summary>Loads a configuration file found by its full path, once; messages show it relative to the current folder.</summary>
        /// <exception cref="PodLintConfigException">The configuration is not valid.</exception>
        public PodLintConfig Load(string configFile)
        {
            if (!_configs.TryGetValue(configFile, out var config)) _configs[configFile] = config = PodLintConfig.Load(Display(configFile));
            return config;
        }

        /// <summary>The linter of a configuration (null: none), built once.</summary>
        /// <exception cref="ArgumentException">The options are not valid (a command-line Kubernetes version or rule).</exception>
        public PodLinter LinterFor(PodLintConfig? config)
        {
            if (config is null) return _unconfigured ??= new PodLinter(commandLine);
            if (!_linters.TryGetValue(config, out var linter)) _linters[config] = linter = new PodLinter(config.ApplyTo(commandLine));
            return linter;
        }

        /// <summary>
        /// The linter for a subfolder a scan enters, when it differs from its parent's: the folder's own
        /// <c>.podlint.yaml</c> (nearest wins, include and exclude included), or no configuration at all for a nested
        /// repository without one (the walk up from its files stops at its root); null otherwise.
        /// </summary>
        /// <exception cref="PodLintConfigException">The folder's configuration is not valid.</exception>
        public PodLinter? ScopeOf(string folder)
        {
            if (!nested) return null;
            if (PodLintConfig.InFolder(folder) is { } configFile) return LinterFor(Load(configFile));
            return PodLintConfig.IsRepositoryRoot(folder) ? LinterFor(null) : null;
        }
    }

    /// <summary>
    /// Lints the groups' paths in one run (files reached from two paths are checked once, findings in one order), each
    /// folder's files with their nearest configuration, then standard input with its group's. The linters of the
    /// groups are built before anything is read.
    /// </summary>
    /// <exception cref="PodLintConfigException">A configuration found in a scanned folder is not valid.</exception>
    /// <exception cref="ArgumentException">The options are not valid (a command-line Kubernetes version or rule).</exception>
    public static async Task<List<LintResult>> LintAsync(IReadOnlyList<Group> groups, Scopes scopes, Func<PodLinter, Task<LintResult>> lintStdin,
        CancellationToken cancellationToken)
    {
        var results = new List<LintResult>();
        var paths = new List<PodLinter.ScopedPath>();
        PodLinter? first = null;
        PodLinter? stdin = null;
        foreach (var group in groups)
        {
            var linter = scopes.LinterFor(group.Config);
            first ??= linter;
            paths.AddRange(group.Paths.Select(p => new PodLinter.ScopedPath(p, linter)));
            if (group.Stdin) stdin = linter;
        }

        if (paths.Count > 0) results.Add(await first!.LintPathsAsync(paths, scopes.ScopeOf, cancellationToken).ConfigureAwait(false));
        if (stdin is not null) results.Add(await lintStdin(stdin).ConfigureAwait(false));
        return results;
    }

    /// <summary>A found configuration's path as messages show it: relative to the current folder when below it.</summary>
    private static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative.Replace('\\', '/');
    }

    /// <summary>Writes the error of a configuration that cannot be used.</summary>
    public static void WriteError(PodLintConfigException ex, TextWriter error)
        => error.WriteLine($"error: invalid configuration {ex.File}:{ex.Line}:{ex.Column}: {ex.Problem}");

    /// <summary><c>podlint init</c>: writes a commented starter <c>.podlint.yaml</c> into the current folder, never over one.</summary>
    public static Command CreateInitCommand(CliConsole console)
    {
        var init = new Command("init", "Write a commented starter .podlint.yaml into the current folder (never over an existing one).");
        init.SetAction(_ =>
        {
            var target = Path.Combine(Directory.GetCurrentDirectory(), PodLintConfig.FileNames[0]);
            var existing = PodLintConfig.FileNames.Select(n => Path.Combine(Directory.GetCurrentDirectory(), n)).FirstOrDefault(File.Exists);
            if (existing is not null)
            {
                console.Error.WriteLine($"error: `{Path.GetFileName(existing)}` already exists; PodLint does not overwrite it");
                return ExitCodes.UsageOrInternalError;
            }

            try
            {
                using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
                writer.Write(PodLintConfig.StarterText.ReplaceLineEndings("\n"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine($"error: cannot write `{PodLintConfig.FileNames[0]}`: {ex.Message}");
                return ExitCodes.UsageOrInternalError;
            }

            console.Out.WriteLine($"Wrote {PodLintConfig.FileNames[0]}: edit it, then run `podlint check`.");
            return ExitCodes.Success;
        });
        return init;
    }
}
