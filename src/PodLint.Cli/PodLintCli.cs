using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using Microsoft.Extensions.Logging;
using PodLint.Diagnostics;
using PodLint.Engine;
using PodLint.Parsing;
using PodLint.Reporting;
using PodLint.Rules;

namespace PodLint.Cli;

/// <summary>The <c>podlint</c> command line: <c>check</c>, <c>rules</c>, <c>explain</c>, <c>--version</c>.</summary>
internal static class PodLintCli
{
    private static readonly Argument<string[]> PathsArgument = new("paths")
    {
        Description = "Files and folders to check; `-` reads standard input. Folders are searched for *.yaml, *.yml and *.json (hidden folders skipped).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string[]> FormatOption = new("--format", "-f")
    {
        Description = $"The report format, FORMAT or FORMAT:PATH ({ReportOutputs.FormatList}). Repeatable: one run can write several "
            + "reports, e.g. `--format text --format sarif:podlint.sarif`; at most one without a path (it goes to --output or standard output). Default: text.",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string> FailOnOption = CreateFailOnOption();

    private static readonly Option<int?> MaxWarningsOption = new("--max-warnings")
    {
        Description = "Exit 1 when there are more than N warnings (whatever --fail-on says).",
    };

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

    private static readonly Option<bool> AllowEmptyOption = new("--allow-empty")
    {
        Description = "Exit 0 when the paths hold no manifest (by default, no files to check is an error: a mistyped path must not pass).",
    };

    private static readonly Option<string?> MaxInputSizeOption = new("--max-input-size")
    {
        Description = "The largest input read, in bytes or with a unit (KB, MB, GB); larger inputs are a finding, not read (default: 256MB).",
    };

    private static readonly Option<string> RulesFormatOption = CreateRulesFormatOption();

    private static readonly Argument<string> ExplainRuleArgument = new("rule")
    {
        Description = "The rule's id (PL3001) or name (duplicate-container-port), in any case.",
    };

    private static Option<string> CreateRulesFormatOption()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "The output format; markdown prints the table of rules/README.md.",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json", "markdown");
        return option;
    }

    private static Option<string> CreateFailOnOption()
    {
        var option = new Option<string>("--fail-on")
        {
            Description = "The lowest severity that makes the run exit 1 (never: only --max-warnings does).",
            DefaultValueFactory = _ => "error",
        };
        option.AcceptOnlyFromAmong("error", "warning", "info", "never");
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
            // `podlint help [command]` reads as `podlint [command] --help`.
            if (args is ["help", .. var rest]) args = [.. rest, "--help"];
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
            PathsArgument, FormatOption, OutputOption, FailOnOption, MaxWarningsOption, NoColorOption, SeverityOption, KubernetesVersionOption, StdinFilenameOption, VerbosityOption,
            ConfigCli.ConfigOption, ConfigCli.NoConfigOption, AllowEmptyOption, MaxInputSizeOption,
        };
        check.SetAction((parse, ct) => CheckAsync(parse, console, ct));

        var rules = new Command("rules", "List every rule: id, name, category, default severity, whether it is on by default, and summary.")
        {
            RulesFormatOption,
        };
        rules.SetAction(parse => ListRules(parse, console));

        var explain = new Command("explain", "Print a rule's documentation page (Markdown).") { ExplainRuleArgument };
        explain.SetAction(parse => Explain(parse, console));

        // Not RootCommand: that names itself after the executable, which is PodLint.Cli (run by the tool's shim or its
        // apphost), not the command people type.
        return new Command("podlint", "Checks Kubernetes Pod manifests before they reach a cluster.")
        {
            check, rules, explain, ConfigCli.CreateInitCommand(console), new HelpOption(), new VersionOption(),
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
        if (!ReportOutputs.TryParse(parse.GetValue(FormatOption) ?? [], parse.GetValue(OutputOption), console.Error, out var reports)) return ExitCodes.UsageOrInternalError;
        if (parse.GetValue(MaxWarningsOption) is < 0)
        {
            await console.Error.WriteLineAsync("error: --max-warnings must be 0 or more").ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }

        var limits = ParserLimits.Default;
        if (parse.GetValue(MaxInputSizeOption) is { } maxSize)
        {
            if (!InputSize.TryParse(maxSize, out var bytes))
            {
                await console.Error.WriteLineAsync($"error: invalid --max-input-size `{maxSize}`: expected a number of bytes, or one with a unit, e.g. `512MB`").ConfigureAwait(false);
                return ExitCodes.UsageOrInternalError;
            }

            limits = limits with { MaxInputBytes = bytes };
        }

        using var loggerFactory = CreateLoggerFactory(parse.GetValue(VerbosityOption)!, console.Error);
        var commandLine = new PodLintOptions
        {
            RuleLevels = levels,
            KubernetesVersion = parse.GetValue(KubernetesVersionOption),
            Logger = loggerFactory.CreateLogger("podlint"),
            Limits = limits,
        };

        var stdinCount = paths.Count(p => p == "-");
        if (stdinCount > 1)
        {
            await console.Error.WriteLineAsync("error: `-` (standard input) can be given only once").ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }

        var filePaths = paths.Where(p => p != "-").ToList();
        var configPath = parse.GetValue(ConfigCli.ConfigOption);
        var noConfig = parse.GetValue(ConfigCli.NoConfigOption);
        var scopes = new ConfigCli.Scopes(commandLine, nested: configPath is null && !noConfig);
        List<ConfigCli.Group> groups;
        try
        {
            groups = ConfigCli.Plan(filePaths, stdinCount == 1, configPath, noConfig, scopes.Load);
        }
        catch (Configuration.PodLintConfigException ex)
        {
            ConfigCli.WriteError(ex, console.Error);
            return ExitCodes.UsageOrInternalError;
        }
        catch (ArgumentException ex)
        {
            await console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }

        List<LintResult> results;
        try
        {
            // A configuration inside a scanned folder is loaded when the scan enters it: it can still be invalid here.
            results = await ConfigCli.LintAsync(groups, scopes, async linter =>
            {
                await using var stdin = console.OpenStandardInput();
                return await linter.LintStreamAsync(stdin, parse.GetValue(StdinFilenameOption)!, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Configuration.PodLintConfigException ex)
        {
            ConfigCli.WriteError(ex, console.Error);
            return ExitCodes.UsageOrInternalError;
        }
        catch (ArgumentException ex)
        {
            await console.Error.WriteLineAsync($"error: {CliMessages.OptionsError(ex, parse.GetResult(KubernetesVersionOption)?.IdentifierToken?.Value)}").ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }

        var result = results.Count == 1 ? results[0] : LintResult.Combine(results);
        // A mistyped path or glob in CI must not pass silently; files named on the command line that the configuration
        // excludes (a pre-commit run on excluded files) are not a mistake.
        if (result.FileCount == 0 && !parse.GetValue(AllowEmptyOption) && !filePaths.Any(File.Exists) && !groups.Any(g => g.Stdin))
        {
            await console.Error.WriteLineAsync(CliMessages.NoFilesToCheck(filePaths)).ConfigureAwait(false);
            return ExitCodes.UsageOrInternalError;
        }

        var output = parse.GetValue(OutputOption);
        var failAt = ReportOutputs.FailAt(parse.GetValue(FailOnOption)!);
        var maxWarnings = parse.GetValue(MaxWarningsOption);
        var exitCode = ExitCodes.Of(result, failAt, maxWarnings);
        var useColor = output is null && console.OutputIsTerminal && !parse.GetValue(NoColorOption)
            && string.IsNullOrEmpty(console.GetEnvironmentVariable("NO_COLOR"));
        var written = await ReportOutputs.WriteAsync(result, reports, output,
            report => ReportOutputs.Create(report.Format, exitCode, failAt, maxWarnings, useColor && report.Path is null), console).ConfigureAwait(false);
        if (ExitCodes.TooManyWarnings(result, maxWarnings))
        {
            // Otherwise a run whose findings are all below --fail-on would exit 1 without saying why.
            await console.Error.WriteLineAsync(CliMessages.TooManyWarnings(result.WarningCount, maxWarnings!.Value)).ConfigureAwait(false);
        }

        return written ? exitCode : ExitCodes.UsageOrInternalError;
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

    private static LoggerFactory CreateLoggerFactory(string verbosity, TextWriter error)
    {
        var level = verbosity switch
        {
            "quiet" => LogLevel.None,
            "error" => LogLevel.Error,
            "info" => LogLevel.Information,
            "debug" => LogLevel.Debug,
            _ => LogLevel.Warning,
        };
        // Built directly, not through LoggerFactory.Create: that one sets up a dependency-injection container, which cost
        // about a sixth of a NativeAOT run's start (4 ms of one Pod's 25 ms) building generic types at run time.
        return new LoggerFactory([new TextWriterLoggerProvider(error)], new LoggerFilterOptions { MinLevel = level });
    }

    private static int ListRules(ParseResult parse, CliConsole console)
    {
        var rules = new PodLinter().Rules;
        var w = console.Out;
        switch (parse.GetValue(RulesFormatOption))
        {
            case "json":
                w.WriteLine(RulesAsJson(rules));
                break;
            case "markdown":
                foreach (var line in RulesAsMarkdown(rules)) w.WriteLine(line);
                break;
            default:
                WriteRulesAsText(rules, w);
                break;
        }

        return ExitCodes.Success;
    }

    private static void WriteRulesAsText(IReadOnlyList<RuleDescriptor> rules, TextWriter w)
    {
        var nameWidth = rules.Max(r => r.Name.Length);
        var categoryWidth = rules.Max(r => RuleCategories.GetName(r.Category).Length);
        w.WriteLine($"{"ID",-6}  {"NAME".PadRight(nameWidth)}  {"CATEGORY".PadRight(categoryWidth)}  {"SEVERITY",-8}  {"DEFAULT",-7}  SUMMARY");
        foreach (var r in rules)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Id,-6}  {r.Name.PadRight(nameWidth)}  {RuleCategories.GetName(r.Category).PadRight(categoryWidth)}  {SeverityName(r.DefaultSeverity),-8}  {(r.IsEnabledByDefault ? "on" : "off"),-7}  {r.Summary}"));
        }
    }

    private static string RulesAsJson(IReadOnlyList<RuleDescriptor> rules)
    {
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var r in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", r.Id);
                json.WriteString("name", r.Name);
                json.WriteString("category", RuleCategories.GetName(r.Category));
                json.WriteString("defaultSeverity", SeverityName(r.DefaultSeverity));
                json.WriteBoolean("enabledByDefault", r.IsEnabledByDefault);
                json.WriteString("summary", r.Summary);
                json.WriteString("helpUri", r.HelpUri.ToString());
                json.WriteStartArray("appliesTo");
                foreach (var role in RoleNames(r.AppliesTo)) json.WriteStringValue(role);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The rule table of <c>rules/README.md</c> (between its <c>&lt;!-- rules --&gt;</c> lines), line by line.</summary>
    private static IEnumerable<string> RulesAsMarkdown(IReadOnlyList<RuleDescriptor> rules)
    {
        yield return "| ID | Name | Category | Default severity | Enabled by default | Summary |";
        yield return "|---|---|---|---|---|---|";
        foreach (var r in rules)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"| [{r.Id}]({r.Id}.md) | {r.Name} | {RuleCategories.GetName(r.Category)} | {SeverityName(r.DefaultSeverity)} | {(r.IsEnabledByDefault ? "yes" : "no")} | {r.Summary.Replace("|", "\\|", StringComparison.Ordinal)} |");
        }
    }

    private static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The roles as listed in JSON: <c>app</c>, <c>native-sidecar</c>, <c>init</c>, <c>ephemeral</c>.</summary>
    private static List<string> RoleNames(ContainerRoles roles)
    {
        var names = new List<string>(4);
        if (roles.HasFlag(ContainerRoles.App)) names.Add("app");
        if (roles.HasFlag(ContainerRoles.NativeSidecar)) names.Add("native-sidecar");
        if (roles.HasFlag(ContainerRoles.Init)) names.Add("init");
        if (roles.HasFlag(ContainerRoles.Ephemeral)) names.Add("ephemeral");
        return names;
    }

    private static int Explain(ParseResult parse, CliConsole console)
    {
        var key = parse.GetValue(ExplainRuleArgument)!.Trim();
        if (RuleDocumentation.TryGetPage(key, out var markdown))
        {
            console.Out.Write(markdown);
            if (!markdown.EndsWith('\n')) console.Out.WriteLine();
            return ExitCodes.Success;
        }

        var rules = new PodLinter().Rules;
        var known = rules.FirstOrDefault(r => string.Equals(r.Id, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r.Name, key, StringComparison.OrdinalIgnoreCase));
        if (known is not null)
        {
            console.Error.WriteLine($"error: rule {known.Id} ({known.Name}) has no documentation page; see {known.HelpUri}");
            return ExitCodes.UsageOrInternalError;
        }

        var suggestion = ClosestRules(key);
        console.Error.WriteLine(suggestion is null
            ? $"error: unknown rule `{key}`"
            : $"error: unknown rule `{key}`; did you mean {suggestion}?");
        console.Error.WriteLine("Run `podlint rules` to list the rules.");
        return ExitCodes.UsageOrInternalError;
    }

    /// <summary>The ids or names closest to what was typed, when they are close enough to be a typo: <c>`PL0001` or `PL3001`</c>.</summary>
    private static string? ClosestRules(string typed)
    {
        var closest = RuleDocumentation.Suggest(typed).Select(c => $"`{c}`").ToList();
        return closest.Count switch
        {
            0 => null,
            1 => closest[0],
            _ => string.Join(", ", closest.Take(closest.Count - 1)) + " or " + closest[^1],
        };
    }
}
