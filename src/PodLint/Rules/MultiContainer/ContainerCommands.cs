using System.Globalization;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>A command that keeps a container running for ever, and the scalar of the manifest that says so.</summary>
/// <param name="At">The item of <c>command</c> or <c>args</c> to change: the duration of a <c>sleep</c>, the
/// <c>-f</c> of a <c>tail</c>, or the whole script of an <c>sh -c</c>.</param>
/// <param name="Description">What never ends, for messages: <c>`sleep infinity`</c>, <c>a `while true` loop</c>.</param>
internal readonly record struct NeverExitingCommand(Field<string> At, string Description);

/// <summary>
/// What a container's <c>command</c> and <c>args</c> say about how it runs: the words it executes, whether it can
/// never exit, and which programs it calls. Only what is written in the manifest counts: an image's own entrypoint
/// is unknown, so a container without <c>command</c> and <c>args</c> is never found to run for ever.
/// </summary>
internal static class ContainerCommands
{
    /// <summary>
    /// A <c>sleep</c> at least this long (one day, in seconds) counts as never ending. Shorter sleeps end: an init
    /// container that waits an hour is slow, not stuck, and <c>sleep 3600</c> in a debugging container is meant to
    /// end. Keep-alive idioms (<c>sleep 86400</c>, <c>sleep 999999</c>, <c>sleep 2147483647</c>, <c>sleep 365d</c>)
    /// are all at least this long.
    /// </summary>
    public const double NeverEndingSleepSeconds = 86_400;

    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "ash", "dash", "zsh", "ksh", "mksh" };

    /// <summary>The words the container executes: <c>command</c> then <c>args</c>; <c>args</c> alone when no
    /// <c>command</c> is written (images without an entrypoint run them as the command, and entrypoint scripts
    /// commonly <c>exec "$@"</c>). Items that are not valid strings are left out.</summary>
    public static List<Field<string>> Argv(Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var argv = new List<Field<string>>(container.Command.Count + container.Args.Count);
        foreach (var item in container.Command)
        {
            if (item.IsValid) argv.Add(item);
        }

        foreach (var item in container.Args)
        {
            if (item.IsValid) argv.Add(item);
        }

        return argv;
    }

    /// <summary>The file name of a command word: <c>/usr/bin/sleep</c> → <c>sleep</c>.</summary>
    public static string BaseName(string word)
    {
        var slash = word.LastIndexOf('/');
        return slash < 0 ? word : word[(slash + 1)..];
    }

    /// <summary>Finds a command that never exits: <c>sleep infinity</c> (or at least a day), <c>tail -f</c> without
    /// <c>--pid</c>, or a shell script that runs one of them in the foreground, or loops for ever
    /// (<c>while true</c>, <c>while :</c>, <c>until false</c>) without <c>break</c>, <c>exit</c>, <c>return</c> or
    /// <c>kill</c> in the loop.</summary>
    public static bool TryFindNeverExiting(Container container, out NeverExitingCommand found)
    {
        ArgumentNullException.ThrowIfNull(container);
        found = default;
        if (container.Command.Count == 0 && container.Args.Count == 0) return false;
        var argv = Argv(container);
        var words = argv.ConvertAll(a => a.Value);
        var start = SkipWrappers(words, 0);
        if (start >= words.Count) return false;
        var name = BaseName(words[start]);
        if (Shells.Contains(name))
        {
            var script = ScriptIndex(words, start + 1);
            if (script < 0 || !TryFindNeverEnding(ShellScript.Parse(words[script]), out var description)) return false;
            found = new NeverExitingCommand(argv[script], description);
            return true;
        }

        var decisive = NeverEndingProgram(words, start);
        if (decisive < 0) return false;
        found = new NeverExitingCommand(argv[decisive], Quote(words.Skip(start)));
        return true;
    }

    /// <summary>The parsed script when the container runs <c>sh -c SCRIPT</c> (or bash, ash …), with the item that
    /// holds it.</summary>
    public static bool TryGetScript(Container container, out ShellScript script, out Field<string> at)
    {
        var argv = Argv(container);
        var words = argv.ConvertAll(a => a.Value);
        var start = SkipWrappers(words, 0);
        script = null!;
        at = default;
        if (start >= words.Count || !Shells.Contains(BaseName(words[start]))) return false;
        var index = ScriptIndex(words, start + 1);
        if (index < 0) return false;
        script = ShellScript.Parse(words[index]);
        at = argv[index];
        return true;
    }

    /// <summary>Whether the container runs one of <paramref name="programs"/>: as its command, through a wrapper, or as
    /// a command of its shell script.</summary>
    public static bool Runs(Container container, params ReadOnlySpan<string> programs)
    {
        var set = programs.ToArray();
        var words = Argv(container).ConvertAll(a => a.Value);
        var start = SkipWrappers(words, 0);
        if (start < words.Count && set.Contains(BaseName(words[start]), StringComparer.Ordinal)) return true;
        if (!TryGetScript(container, out var script, out _)) return false;
        foreach (var command in script.Commands)
        {
            var (name, _) = Effective(command.Words);
            if (set.Contains(name, StringComparer.Ordinal)) return true;
        }

        return false;
    }

    private static bool TryFindNeverEnding(ShellScript script, out string description)
    {
        var waits = script.Commands.Any(c => c is { ConditionalDepth: 0, LoopDepth: 0, Background: false } && Effective(c.Words).Name == "wait");
        foreach (var command in script.Commands)
        {
            if (command is not { ConditionalDepth: 0, LoopDepth: 0, InCondition: false, InPipeline: false } || (command.Background && !waits)) continue;
            var (name, args) = Effective(command.Words);
            if (name.Length == 0) continue;
            var words = new List<string>(args.Count + 1) { name };
            words.AddRange(args);
            if (NeverEndingProgram(words, 0) >= 0)
            {
                description = Quote(words);
                return true;
            }
        }

        foreach (var loop in script.Loops)
        {
            if (loop is not { ConditionalDepth: 0, LoopDepth: 0 } || (loop.Background && !waits)) continue;
            if (!IsEndless(loop)) continue;
            if (loop.Body.Any(c => IsEscape(Effective(c.Words).Name))) continue;
            description = "a " + Quote([loop.Keyword, .. loop.Condition.SelectMany(c => c.Negated ? ["!", .. c.Words] : c.Words)]) + " loop";
            return true;
        }

        description = "";
        return false;
    }

    /// <summary>Commands that end a loop or the script, or stop another process (a watcher that kills its
    /// sidecar when the main container is done).</summary>
    public static bool IsEscape(string name) => name is "break" or "exit" or "return" or "kill" or "pkill" or "killall";

    /// <summary>A loop whose condition is a constant: <c>while true</c>, <c>while :</c>, <c>while [ 1 ]</c>,
    /// <c>while sleep 5</c> (sleep succeeds), <c>until false</c>.</summary>
    private static bool IsEndless(ShellLoop loop)
    {
        if (loop.Condition.Count != 1) return false;
        var condition = loop.Condition[0];
        var (name, args) = Effective(condition.Words);
        bool? value = name switch
        {
            "true" or ":" when args.Count == 0 => true,
            "false" when args.Count == 0 => false,
            "sleep" when args.Count > 0 => true,
            "[" when args is [var a, "]"] && IsLiteral(a) => a.Length > 0,
            "[[" when args is [var a, "]]"] && IsLiteral(a) => a.Length > 0,
            "test" when args is [var a] && IsLiteral(a) => a.Length > 0,
            _ => null,
        };
        if (value is null) return false;
        if (condition.Negated) value = !value;
        return loop.Keyword == "while" ? value.Value : !value.Value;
    }

    private static bool IsLiteral(string word) => !word.Contains('$', StringComparison.Ordinal) && !word.Contains('`', StringComparison.Ordinal) && !word.StartsWith('-');

    /// <summary>The command's name and arguments once prefixes that run it (<c>exec</c>, <c>nohup</c>, <c>env</c>,
    /// <c>VAR=value</c>, <c>tini --</c>) are skipped; <c>timeout</c> is kept (what it runs ends).</summary>
    private static (string Name, IReadOnlyList<string> Args) Effective(IReadOnlyList<string> words)
    {
        var list = words as List<string> ?? [.. words];
        var i = 0;
        while (i < list.Count && IsAssignment(list[i])) i++;
        i = SkipWrappers(list, i);
        return i >= list.Count ? ("", []) : (BaseName(list[i]), list.GetRange(i + 1, list.Count - i - 1));
    }

    private static bool IsAssignment(string word)
    {
        var eq = word.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && word[..eq].All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && !char.IsAsciiDigit(word[0]);
    }

    /// <summary>Skips programs that only run the rest of the line: <c>exec</c>, <c>nohup</c>, <c>command</c>,
    /// <c>env [-i] [VAR=value]…</c>, <c>tini [--]</c>, <c>dumb-init</c>, <c>catatonit</c>.</summary>
    private static int SkipWrappers(List<string> words, int i)
    {
        while (i < words.Count)
        {
            var name = BaseName(words[i]);
            if (name is "exec" or "nohup" or "command" or "builtin")
            {
                i++;
                continue;
            }

            if (name is "env" or "tini" or "tini-static" or "dumb-init" or "catatonit")
            {
                i++;
                while (i < words.Count && (words[i].StartsWith('-') || (name == "env" && IsAssignment(words[i]))))
                {
                    if (words[i++] == "--") break;
                }

                continue;
            }

            break;
        }

        return i;
    }

    /// <summary>The index of the script of <c>sh [options] -c SCRIPT</c>, or -1.</summary>
    private static int ScriptIndex(List<string> words, int i)
    {
        var c = false;
        while (i < words.Count)
        {
            var word = words[i];
            if (word == "--")
            {
                i++;
                break;
            }

            if (word is "-o" or "+o")
            {
                i += 2;
                continue;
            }

            if (word.Length < 2 || word[0] is not ('-' or '+')) break;
            if (word[0] == '-' && !word.StartsWith("--", StringComparison.Ordinal) && word.Contains('c', StringComparison.Ordinal)) c = true;
            i++;
        }

        return c && i < words.Count ? i : -1;
    }

    /// <summary>For <c>sleep</c> and <c>tail</c> commands that never end, the index of the word that makes them so
    /// (the duration, the follow option); else -1.</summary>
    private static int NeverEndingProgram(List<string> words, int start)
    {
        var name = BaseName(words[start]);
        if (name == "sleep")
        {
            double total = 0;
            var decisive = -1;
            for (var i = start + 1; i < words.Count; i++)
            {
                var seconds = SleepSeconds(words[i]);
                if (seconds is null) return -1;
                if (decisive < 0 || seconds > SleepSeconds(words[decisive])) decisive = i;
                total += seconds.Value;
            }

            return decisive >= 0 && total >= NeverEndingSleepSeconds ? decisive : -1;
        }

        if (name == "tail")
        {
            var follow = -1;
            for (var i = start + 1; i < words.Count; i++)
            {
                var word = words[i];
                if (word.StartsWith("--pid", StringComparison.Ordinal)) return -1;
                if (word == "--follow" || word.StartsWith("--follow=", StringComparison.Ordinal)) follow = i;
                else if (word.Length > 1 && word[0] == '-' && word[1] != '-' && word.Skip(1).TakeWhile(char.IsAsciiLetter).Any(ch => ch is 'f' or 'F')) follow = i;
            }

            return follow;
        }

        return -1;
    }

    /// <summary>The seconds of one <c>sleep</c> operand (GNU and BusyBox: a number with an optional <c>s</c>,
    /// <c>m</c>, <c>h</c> or <c>d</c>; <c>inf</c> and <c>infinity</c>); null when it is not one.</summary>
    internal static double? SleepSeconds(string word)
    {
        if (word.Equals("inf", StringComparison.OrdinalIgnoreCase) || word.Equals("infinity", StringComparison.OrdinalIgnoreCase)) return double.PositiveInfinity;
        if (word.Length == 0) return null;
        var unit = word[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => 0 };
        var number = unit == 0 ? word : word[..^1];
        if (unit == 0) unit = 1;
        if (number.Length == 0 || !(char.IsAsciiDigit(number[0]) || number[0] == '.')) return null;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n * unit : null;
    }

    /// <summary>Words as one backticked snippet for a message, shortened past 40 characters.</summary>
    private static string Quote(IEnumerable<string> words)
    {
        var text = string.Join(' ', words);
        if (text.Length > 40) text = text[..39] + "…";
        return "`" + text + "`";
    }
}
