using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Reporting;

namespace PodLint.Cli;

/// <summary>The <c>podlint</c> command line: <c>check</c>, <c>rules</c>, <c>--version</c>.</summary>
internal static class PodLintCli
{
    private static readonly Argument<string[]> PathsArgument = new("paths")
    {
        Description = "Files and folders to check; `-` reads standard input. Folders are searched for *.yaml, *.yml and *.json (hidden folders skipped).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string> FormatOption = CreateFormatOption("The report format.");

    private static readonly Option<string?> OutputOption = new("--output", "-o")
    {
        Description = "Write the report to this file instead of standard output.",
    };

    private static readonly Option<bool> NoColorOption = new("--no-color")
    {
        Description = "Never colour the text report (also: the NO_COLOR environment variable).",
    };

    private static readonly Option<string[]> SeverityOption = new("--severity")
    {
        Description = "Re-grade or disable a rule: ID=error|warning|info|off (the rule's id or name). Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string> StdinFilenameOption = new("--stdin-filename")
    {
        Description = "The file name findings carry when reading standard input (`-`).",
        DefaultValueFactory = _ => "<stdin>",
    };

    private static readonly Option<string?> KubernetesVersionOption = new("--kubernetes-version", "-k")
    {
        Description = $"The Kubernetes minor version to check against ({string.Join(", ", PodLinter.SupportedKubernetesVersions)}; default: the newest).",
    };

    private static readonly Option<string> VerbosityOption = CreateVerbosityOption();

    private static readonly Option<string> RulesFormatOption = CreateFormatOption("The output format.");

    private static Option<string> CreateFormatOption(string description)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = description,
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    private static Option<string> CreateVerbosityOption()
    {
        var option = new Option<string>("--verbosity", "-v")
        {
            Description = "Operational log level, written to standard error (findings are never logged).",
            DefaultValueFactory = _ => "warning",
        };
        option.AcceptOnlyFromAmong("quiet", "error", "warning", "info", "debug");
        return option;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var root = BuildCommand(console);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors) await console.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
                await console.Error.WriteLineAsync("Run `podlint --help` for usage.").ConfigureAwait(false);
                return ExitCodes.UsageOrInternalError;
            }

            return await parsed.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }
#pragma warning disable CA1031 // The tool's last line of defence: a failure is reported in one line, exit code 2, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await console.Error.WriteLineAsync($"error: podlint failed: {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            await console.Error.WriteLineAsync("This is a bug in podlint; please report it with the input that caused it.").ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }
    }

    private static Command BuildCommand(CliConsole console)
    {
        var check = new Command("check", "Check Pod manifests and report findings.")
        {
            PathsArgument, FormatOption, OutputOption, NoColorOption, SeverityOption, KubernetesVersionOption, StdinFilenameOption, VerbosityOption,
        };
        check.SetAction((parse, ct) => CheckAsync(parse, console, ct));

        var rules = new Command("rules", "List every rule: id, name, category, default severity and summary.") { RulesFormatOption };
        rules.SetAction(parse => ListRules(parse, console));

        // Not RootCommand: that names itself after the executable, which is PodLint.Cli (run by the tool's shim or its
        // apphost), not the command people type.
        return new Command("podlint", "Checks Kubernetes Pod manifests before they reach a cluster.")
        {
            check, rules, new HelpOption(), new VersionOption(),
        };
    }

    private static async Task<int> CheckAsync(ParseResult parse, CliConsole console, CancellationToken cancellationToken)
    {
        var paths = parse.GetValue(PathsArgument) ?? [];
        if (paths.Length == 0)
        {
            await console.Error.WriteLineAsync("error: no paths given; pass files or folders to check, or `-` to read standard input").ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }

        // System.CommandLine passes unknown options through as arguments: a path that looks like an option and
        // does not exist is a typo, not a missing file.
        if (paths.FirstOrDefault(p => p.Length > 1 && p[0] == '-' && !File.Exists(p) && !Directory.Exists(p)) is { } unknown)
        {
            await console.Error.WriteLineAsync($"error: unknown option `{unknown}`; run `podlint check --help` for the options").ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }

        if (!TryParseLevels(parse.GetValue(SeverityOption) ?? [], console.Error, out var levels)) return ExitCodes.UsageOrInternalError;

        using var loggerFactory = CreateLoggerFactory(parse.GetValue(VerbosityOption)!, console.Error);
        PodLinter linter;
        try
        {
            linter = new PodLinter(new PodLintOptions
            {
                RuleLevels = levels,
                KubernetesVersion = parse.GetValue(KubernetesVersionOption),
                Logger = loggerFactory.CreateLogger("podlint"),
            });
        }
        catch (ArgumentException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message.Split(" (Parameter", 2)[0]}").ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }

        var stdinCount = paths.Count(p => p == "-");
        if (stdinCount > 1)
        {
            await console.Error.WriteLineAsync("error: `-` (standard input) can be given only once").ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }

        var results = new List<LintResult>();
        var filePaths = paths.Where(p => p != "-").ToList();
        if (filePaths.Count > 0) results.Add(await linter.LintPathsAsync(filePaths, cancellationToken).ConfigureAwait(false));
        if (stdinCount == 1)
        {
            await using var stdin = console.OpenStandardInput();
            results.Add(await linter.LintStreamAsync(stdin, parse.GetValue(StdinFilenameOption)!, cancellationToken).ConfigureAwait(false));
        }

        var result = results.Count == 1 ? results[0] : LintResult.Combine(results);
        var format = parse.GetValue(FormatOption)!;
        var output = parse.GetValue(OutputOption);
        var useColor = format == "text" && output is null && console.OutputIsTerminal && !parse.GetValue(NoColorOption)
            && string.IsNullOrEmpty(console.GetEnvironmentVariable("NO_COLOR"));
        IReporter reporter = format == "json" ? new JsonReporter() : new TextReporter(useColor);

        if (output is null)
        {
            reporter.Write(result, console.Out);
        }
        else
        {
            try
            {
                await using var writer = new StreamWriter(output, append: false, new System.Text.UTF8Encoding(false));
                reporter.Write(result, writer);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"error: cannot write `{output}`: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.UsageOrInternalError;
            }
        }

        if (result.Diagnostics.Any(d => d.RuleId == RuleIds.InternalError)) return ExitCodes.UsageOrInternalError;
        return result.HasErrors ? ExitCodes.ErrorsFound : ExitCodes.Success;
    }

    private static bool TryParseLevels(string[] values, TextWriter error, out Dictionary<string, RuleLevel> levels)
    {
        levels = new Dictionary<string, RuleLevel>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var parts = value.Split('=', 2);
            if (parts.Length != 2 || !TryParseLevel(parts[1].Trim(), out var level) || parts[0].Trim().Length == 0)
            {
                error.WriteLine($"error: invalid --severity `{value}`: expected RULE=error|warning|info|off, e.g. `PL3001=error`");
                return false;
            }

            levels[parts[0].Trim()] = level;
        }

        return true;
    }

    private static bool TryParseLevel(string text, out RuleLevel level)
    {
        switch (text.ToLowerInvariant())
        {
            case "error": level = RuleLevel.Error; return true;
            case "warning" or "warn": level = RuleLevel.Warning; return true;
            case "info": level = RuleLevel.Info; return true;
            case "off": level = RuleLevel.Off; return true;
            default: level = RuleLevel.Off; return false;
        }
    }

    private static ILoggerFactory CreateLoggerFactory(string verbosity, TextWriter error)
    {
        var level = verbosity switch
        {
            "quiet" => LogLevel.None,
            "error" => LogLevel.Error,
            "info" => LogLevel.Information,
            "debug" => LogLevel.Debug,
            _ => LogLevel.Warning,
        };
        return LoggerFactory.Create(b => b.SetMinimumLevel(level).AddProvider(new TextWriterLoggerProvider(error)));
    }

    private static int ListRules(ParseResult parse, CliConsole console)
    {
        var linter = new PodLinter();
        var w = console.Out;
        if (parse.GetValue(RulesFormatOption) == "json")
        {
            using var buffer = new MemoryStream();
            using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
            {
                json.WriteStartArray();
                foreach (var r in linter.Rules)
                {
                    json.WriteStartObject();
                    json.WriteString("id", r.Id);
                    json.WriteString("name", r.Name);
                    json.WriteString("category", RuleCategories.GetName(r.Category));
                    json.WriteString("defaultSeverity", r.DefaultSeverity.ToString().ToLowerInvariant());
                    json.WriteBoolean("enabledByDefault", r.IsEnabledByDefault);
                    json.WriteString("summary", r.Summary);
                    json.WriteString("helpUri", r.HelpUri.ToString());
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            w.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return ExitCodes.Success;
        }

        var nameWidth = linter.Rules.Max(r => r.Name.Length);
        var categoryWidth = linter.Rules.Max(r => RuleCategories.GetName(r.Category).Length);
        w.WriteLine($"{"ID",-6}  {"NAME".PadRight(nameWidth)}  {"CATEGORY".PadRight(categoryWidth)}  {"SEVERITY",-8}  SUMMARY");
        foreach (var r in linter.Rules)
        {
            var severity = r.IsEnabledByDefault ? r.DefaultSeverity.ToString().ToLowerInvariant() : "off";
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Id,-6}  {r.Name.PadRight(nameWidth)}  {RuleCategories.GetName(r.Category).PadRight(categoryWidth)}  {severity,-8}  {r.Summary}"));
        }

        return ExitCodes.Success;
    }
}
