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
    /// standard input from the current folder).
    /// </summary>
    /// <exception cref="PodLintConfigException">A configuration is not valid.</exception>
    /// <exception cref="ArgumentException">Both <c>--config</c> and <c>--no-config</c> are given.</exception>
    public static List<Group> Plan(IReadOnlyList<string> paths, bool stdin, string? configPath, bool noConfig)
    {
        if (noConfig && configPath is not null) throw new ArgumentException("`--config` and `--no-config` cannot be used together");
        if (noConfig) return [new Group(null, [.. paths], stdin)];
        if (configPath is not null) return [new Group(PodLintConfig.Load(configPath), [.. paths], stdin)];
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var order = new List<string>();
        var loaded = new Dictionary<string, PodLintConfig>(StringComparer.Ordinal);
        void Add(string? configFile, string? path)
        {
            var key = configFile ?? string.Empty;
            if (!groups.TryGetValue(key, out var group))
            {
                PodLintConfig? config = null;
                if (configFile is not null && !loaded.TryGetValue(configFile, out config)) loaded[configFile] = config = PodLintConfig.Load(Display(configFile));
                groups[key] = group = new Group(config, [], false);
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

    /// <summary>A found configuration's path as messages show it: relative to the current folder when below it.</summary>
    private static string Display(string fullPath)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative.Replace('\\', '/');
    }

    /// <summary>The options of one group: the configuration's, under the command line's.</summary>
    public static PodLintOptions Apply(PodLintConfig? config, PodLintOptions commandLine) => config is null ? commandLine : config.ApplyTo(commandLine);

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
