using System.Text;

namespace PodLint.Rules.MultiContainer;

/// <summary>
/// Just enough of a POSIX shell script (the <c>sh -c</c> argument of a container's command) to tell whether it can
/// end: its simple commands with their nesting (inside an <c>if</c>/<c>case</c>, inside a loop, in a loop's
/// condition, run in the background with <c>&amp;</c>), and its <c>while</c>/<c>until</c> loops. Quotes, escapes,
/// comments, <c>$(…)</c>, redirections and the <c>&amp;&amp;</c>/<c>||</c> lists are understood; functions,
/// here-documents and aliases are not (a script that uses them is read as well as the rest allows, and the rules
/// that use it only report what they can see for certain).
/// </summary>
internal sealed class ShellScript
{
    private ShellScript(List<ShellCommand> commands, List<ShellLoop> loops)
    {
        Commands = commands;
        Loops = loops;
    }

    /// <summary>The simple commands, in order (including those of loop conditions and bodies).</summary>
    public IReadOnlyList<ShellCommand> Commands { get; }

    /// <summary>The <c>while</c> and <c>until</c> loops, in the order they open.</summary>
    public IReadOnlyList<ShellLoop> Loops { get; }

    /// <summary>Reads a script.</summary>
    public static ShellScript Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Parser(Tokenize(text)).Run();
    }

    private enum TokenKind
    {
        Word,
        Operator,
        Redirect,
    }

    private readonly record struct Token(TokenKind Kind, string Text, bool Quoted);

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var word = new StringBuilder();
        var inWord = false;
        var quoted = false;

        void Flush()
        {
            if (inWord) tokens.Add(new Token(TokenKind.Word, word.ToString(), quoted));
            word.Clear();
            inWord = false;
            quoted = false;
        }

        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            switch (c)
            {
                case ' ' or '\t' or '\r':
                    Flush();
                    i++;
                    continue;
                case '\\':
                    if (i + 1 < s.Length && s[i + 1] != '\n')
                    {
                        word.Append(s[i + 1]);
                        inWord = true;
                        quoted = true;
                    }

                    i += 2;
                    continue;
                case '\'':
                {
                    var end = s.IndexOf('\'', i + 1);
                    if (end < 0) end = s.Length;
                    word.Append(s, i + 1, end - i - 1);
                    inWord = true;
                    quoted = true;
                    i = end + 1;
                    continue;
                }

                case '"':
                {
                    var j = i + 1;
                    while (j < s.Length && s[j] != '"')
                    {
                        if (s[j] == '\\' && j + 1 < s.Length) j++;
                        word.Append(s[j]);
                        j++;
                    }

                    inWord = true;
                    quoted = true;
                    i = j + 1;
                    continue;
                }

                case '$' when i + 1 < s.Length && s[i + 1] is '(' or '{':
                {
                    var end = Balanced(s, i + 1);
                    word.Append(s, i, end - i);
                    inWord = true;
                    i = end;
                    continue;
                }

                case '`':
                {
                    var end = s.IndexOf('`', i + 1);
                    end = end < 0 ? s.Length : end + 1;
                    word.Append(s, i, end - i);
                    inWord = true;
                    i = end;
                    continue;
                }

                case '#' when !inWord:
                    while (i < s.Length && s[i] != '\n') i++;
                    continue;
                case '\n':
                    Flush();
                    tokens.Add(new Token(TokenKind.Operator, "\n", false));
                    i++;
                    continue;
                case '<' or '>':
                {
                    // A file descriptor written before the operator (`2>&1`) belongs to the redirection.
                    if (inWord && !quoted && word.ToString().All(char.IsAsciiDigit))
                    {
                        word.Clear();
                        inWord = false;
                    }

                    Flush();
                    var j = i;
                    while (j < s.Length && s[j] is '<' or '>') j++;
                    var target = false;
                    if (j < s.Length && s[j] == '&')
                    {
                        j++;
                        while (j < s.Length && (char.IsAsciiDigit(s[j]) || s[j] == '-')) j++;
                    }
                    else
                    {
                        target = true;
                    }

                    tokens.Add(new Token(TokenKind.Redirect, target ? "target" : "fd", false));
                    i = j;
                    continue;
                }

                case ';' or '&' or '|' or '(' or ')':
                {
                    Flush();
                    var next = i + 1 < s.Length ? s[i + 1] : '\0';
                    if (c == '&' && next == '>')
                    {
                        // `&>file`: both streams to a file.
                        tokens.Add(new Token(TokenKind.Redirect, "target", false));
                        i += 2;
                        if (i < s.Length && s[i] == '>') i++;
                        continue;
                    }

                    var op = (c, next) switch
                    {
                        (';', ';') => ";;",
                        ('&', '&') => "&&",
                        ('|', '|') => "||",
                        ('|', '&') => "|",
                        _ => c.ToString(),
                    };
                    tokens.Add(new Token(TokenKind.Operator, op, false));
                    i += (c, next) is ('|', '&') ? 2 : op.Length;
                    continue;
                }

                default:
                    word.Append(c);
                    inWord = true;
                    i++;
                    continue;
            }
        }

        Flush();
        return tokens;
    }

    /// <summary>The index just past the bracket that closes the one at <paramref name="open"/> (quotes skipped).</summary>
    private static int Balanced(string s, int open)
    {
        var (opening, closing) = s[open] == '(' ? ('(', ')') : ('{', '}');
        var depth = 0;
        for (var j = open; j < s.Length; j++)
        {
            var c = s[j];
            if (c == '\\') { j++; continue; }
            if (c == '\'')
            {
                var end = s.IndexOf('\'', j + 1);
                if (end < 0) return s.Length;
                j = end;
                continue;
            }

            if (c == opening) depth++;
            else if (c == closing && --depth == 0) return j + 1;
        }

        return s.Length;
    }

    private enum FrameKind
    {
        Conditional,
        Loop,
        For,
        Group,
    }

    private sealed class Frame(FrameKind kind, int firstCommand, ShellLoop? loop)
    {
        public FrameKind Kind { get; } = kind;
        public int FirstCommand { get; } = firstCommand;
        public ShellLoop? Loop { get; } = loop;
        public bool InBody { get; set; }
        public int BodyStart { get; set; } = -1;
        public string Closer { get; init; } = "";
    }

    private sealed class Parser(List<Token> tokens)
    {
        private readonly List<ShellCommand> _commands = [];
        private readonly List<ShellLoop> _loops = [];
        private readonly List<Frame> _frames = [];
        private readonly List<string> _words = [];
        private bool _negated;
        private string _previousOperator = "";
        private bool _afterTest;
        private Frame? _justClosed;

        public ShellScript Run()
        {
            var skipTarget = false;
            foreach (var token in tokens)
            {
                switch (token.Kind)
                {
                    case TokenKind.Redirect:
                        skipTarget = token.Text == "target";
                        continue;
                    case TokenKind.Word when skipTarget:
                        skipTarget = false;
                        continue;
                    case TokenKind.Word:
                        Word(token);
                        continue;
                    default:
                        skipTarget = false;
                        Operator(token.Text);
                        continue;
                }
            }

            EndCommand(background: false);
            foreach (var frame in _frames) Close(frame);
            return new ShellScript(_commands, _loops);
        }

        private void Word(Token token)
        {
            _justClosed = null;
            var top = _frames.Count > 0 ? _frames[^1] : null;
            if (top is { Kind: FrameKind.For, InBody: false })
            {
                // `for NAME in WORDS; do`: the header holds no commands.
                if (!token.Quoted && token.Text == "do") top.InBody = true;
                return;
            }

            if (_words.Count == 0 && !token.Quoted)
            {
                switch (token.Text)
                {
                    case "if" or "case":
                        _frames.Add(new Frame(FrameKind.Conditional, _commands.Count, null) { Closer = token.Text == "if" ? "fi" : "esac" });
                        return;
                    case "while" or "until":
                    {
                        var loop = new ShellLoop(token.Text, ConditionalDepth(), LoopDepth(), _commands.Count);
                        _loops.Add(loop);
                        _frames.Add(new Frame(FrameKind.Loop, _commands.Count, loop) { Closer = "done" });
                        return;
                    }

                    case "for" or "select":
                        _frames.Add(new Frame(FrameKind.For, _commands.Count, null) { Closer = "done" });
                        return;
                    case "do":
                        if (top is { Kind: FrameKind.Loop, InBody: false })
                        {
                            top.InBody = true;
                            top.BodyStart = _commands.Count;
                        }

                        return;
                    case "{":
                        _frames.Add(new Frame(FrameKind.Group, _commands.Count, null) { Closer = "}" });
                        return;
                    case "fi" or "esac" or "done" or "}":
                        CloseUpTo(token.Text);
                        return;
                    case "then" or "else" or "elif" or "time" or "function":
                        return;
                    case "!":
                        _negated = !_negated;
                        return;
                }
            }

            _words.Add(token.Text);
        }

        private void Operator(string op)
        {
            var closed = _justClosed;
            EndCommand(background: op == "&", pipes: op == "|");
            if (op == "&" && closed is not null) MarkBackground(closed);
            _justClosed = null;
            switch (op)
            {
                case "(":
                    _frames.Add(new Frame(FrameKind.Group, _commands.Count, null) { Closer = ")" });
                    break;
                case ")":
                    // In a `case`, `)` ends a pattern; elsewhere it closes a subshell.
                    if (_frames.Count > 0 && _frames[^1].Closer == ")") CloseUpTo(")");
                    break;
            }

            _previousOperator = op;
        }

        private void EndCommand(bool background, bool pipes = false)
        {
            if (_words.Count == 0)
            {
                _negated = false;
                return;
            }

            var top = _frames.Count > 0 ? _frames[^1] : null;
            var conditional = _previousOperator is "&&" or "||" && _afterTest;
            var command = new ShellCommand([.. _words], ConditionalDepth() + (conditional ? 1 : 0), LoopDepth(),
                InCondition: top is { Kind: FrameKind.Loop, InBody: false }, background, _negated, InPipeline: pipes || _previousOperator == "|");
            _afterTest = command.Name is "[" or "[[" or "test";
            _commands.Add(command);
            if (top is { Kind: FrameKind.Loop, InBody: false }) top.Loop!.Condition.Add(command);
            _words.Clear();
            _negated = false;
        }

        private void CloseUpTo(string closer)
        {
            EndCommand(background: false);
            for (var i = _frames.Count - 1; i >= 0; i--)
            {
                if (_frames[i].Closer != closer) continue;
                var frame = _frames[i];
                for (var j = _frames.Count - 1; j >= i; j--) Close(_frames[j]);
                _frames.RemoveRange(i, _frames.Count - i);
                _justClosed = frame;
                return;
            }
        }

        private void Close(Frame frame)
        {
            if (frame.Loop is { } loop && frame.BodyStart >= 0)
            {
                for (var i = frame.BodyStart; i < _commands.Count; i++) loop.Body.Add(_commands[i]);
            }
        }

        private void MarkBackground(Frame frame)
        {
            // Only the background flag of commands and loops is read after this: the loops' lists keep the old records.
            for (var i = frame.FirstCommand; i < _commands.Count; i++) _commands[i] = _commands[i] with { Background = true };
            foreach (var loop in _loops)
            {
                if (loop.FirstCommand >= frame.FirstCommand) loop.Background = true;
            }
        }

        private int ConditionalDepth() => _frames.Count(f => f.Kind == FrameKind.Conditional);

        private int LoopDepth() => _frames.Count(f => f.Kind is FrameKind.Loop or FrameKind.For);
    }
}

/// <summary>One simple command of a <see cref="ShellScript"/>.</summary>
/// <param name="Words">The command's words, quotes removed (redirections left out).</param>
/// <param name="ConditionalDepth">How many <c>if</c>/<c>case</c> blocks it is in (an <c>&amp;&amp;</c>/<c>||</c> after a
/// test, <c>[ … ] &amp;&amp; cmd</c>, counts as one).</param>
/// <param name="LoopDepth">How many loops it is in.</param>
/// <param name="InCondition">Whether it is a loop's condition (between <c>while</c> and <c>do</c>).</param>
/// <param name="Background">Whether it runs in the background (<c>cmd &amp;</c>, or inside <c>( … ) &amp;</c>).</param>
/// <param name="Negated">Whether it is written <c>! cmd</c>.</param>
/// <param name="InPipeline">Whether it is part of a pipeline (<c>tail -f log | grep -m1 ready</c>), which ends when its
/// last command does.</param>
internal sealed record ShellCommand(IReadOnlyList<string> Words, int ConditionalDepth, int LoopDepth, bool InCondition, bool Background, bool Negated,
    bool InPipeline)
{
    /// <summary>The command word's file name (<c>/bin/sleep</c> → <c>sleep</c>).</summary>
    public string Name => Words.Count == 0 ? "" : ContainerCommands.BaseName(Words[0]);
}

/// <summary>A <c>while</c> or <c>until</c> loop of a <see cref="ShellScript"/>.</summary>
internal sealed class ShellLoop(string keyword, int conditionalDepth, int loopDepth, int firstCommand)
{
    /// <summary>The index in <see cref="ShellScript.Commands"/> of the loop's first command.</summary>
    public int FirstCommand { get; } = firstCommand;

    /// <summary><c>while</c> or <c>until</c>.</summary>
    public string Keyword { get; } = keyword;

    /// <summary>How many <c>if</c>/<c>case</c> blocks the loop is in.</summary>
    public int ConditionalDepth { get; } = conditionalDepth;

    /// <summary>How many loops the loop is in.</summary>
    public int LoopDepth { get; } = loopDepth;

    /// <summary>The commands of the condition.</summary>
    public List<ShellCommand> Condition { get; } = [];

    /// <summary>Every command of the body, nested ones included.</summary>
    public List<ShellCommand> Body { get; } = [];

    /// <summary>Whether the loop runs in the background (<c>done &amp;</c>).</summary>
    public bool Background { get; set; }
}
