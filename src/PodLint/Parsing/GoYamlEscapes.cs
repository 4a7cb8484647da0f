using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PodLint.Parsing;

/// <summary>
/// Reads go-yaml's <c>\'</c> escape in double-quoted scalars (<c>command: ["sh", "-c", "echo \'hello\'"]</c>), which
/// YamlDotNet refuses ("found unknown escape character") and go-yaml, so kubectl, reads as <c>'</c>.
/// </summary>
/// <remarks>
/// <para>
/// Nothing happens until YamlDotNet fails on a <c>\'</c> inside a double-quoted scalar (<see cref="IsQuoteEscape"/>).
/// Then <see cref="Rewrite"/> replaces each such <c>\'</c> of the chunk with an escape of the same length that YamlDotNet
/// accepts and that stands for a character the chunk cannot hold (<c>\e</c>, ESC, unless the chunk holds an ESC or
/// an escape that could make one), the tree builder parses the rewritten chunk, and <see cref="Restore"/> turns that
/// character back into <c>'</c> in double-quoted scalars. No length changes, so every line and column is that of the
/// text as written. A <c>\'</c> in a plain, single-quoted or block scalar, or in a comment, is literal text and is
/// never changed; nor is <c>\\'</c> (an escaped backslash, then a quote).
/// </para>
/// <para>
/// Which <c>\'</c> are escapes is decided by YamlDotNet itself: a quick scan guesses the double-quoted scalars, the
/// chunk is parsed once with every guess rewritten, and a guess is kept only when the parse shows it inside a
/// double-quoted scalar whose value holds one stand-in per rewrite in it (so each rewrite was read as an escape).
/// Guesses are checked in order. One that lands in a plain or block scalar is dropped, and the check goes on: there
/// <c>'</c> and a letter read alike. Any other wrong guess ends the check, as it may change how the rest reads; the
/// chunk is then parsed again without it. A <c>\'</c> the scan missed makes the parse fail on it, and the scalar it is
/// in, known from that error, is rewritten exactly. So a chunk costs one more parse when the guesses are right, however
/// many escapes it holds, and one more per missed scalar or guess that ends the check.
/// </para>
/// <para>
/// Escapes. go-yaml v2 (<c>scannerc.go</c> of gopkg.in/yaml.v2 as vendored by kubernetes/kubernetes) accepts
/// <c>\0 \a \b \t \&lt;TAB&gt; \n \v \f \r \e \&lt;space&gt; \" \' \\ \N \_ \L \P \xXX \uXXXX \UXXXXXXXX</c> and an
/// escaped line break, and refuses a surrogate code point. YamlDotNet 18.1.0 accepts the same less <c>\'</c>, plus
/// <c>\/</c> and a surrogate pair written as two escapes (<c>\uD83D\uDE00</c>) (its Scanner; <c>GoYamlCompatibilityTests</c>).
/// So <c>\'</c> is the only escape go-yaml accepts and YamlDotNet refuses. The other two go-yaml refuses ("found
/// unknown escape character", "found invalid Unicode character escape code") and PodLint accepts: not reported, as both
/// are valid JSON and kubectl reads a stream whose first character is <c>{</c> with Go's JSON decoder, not go-yaml
/// (apimachinery <c>YAMLOrJSONDecoder</c>, used by cli-runtime's <c>StreamVisitor</c>).
/// </para>
/// <para>Other known differences between go-yaml as kubectl and the API server use it (sigs.k8s.io/yaml over go-yaml v2,
/// YAML 1.1 resolution) and YamlDotNet that matter to manifests; sources are go-yaml's <c>resolve.go</c>,
/// <c>parserc.go</c>, <c>scannerc.go</c>, sigs.k8s.io/yaml's <c>yaml.go</c> and apimachinery's <c>decoder.go</c>:</para>
/// <list type="bullet">
/// <item><description>Booleans: go-yaml v2 resolves plain <c>y Y yes Yes YES on On ON true True TRUE</c> and their
/// negatives as booleans (<c>resolve.go</c>). PodLint builds its tree from YamlDotNet's events, not its YAML 1.2 schema,
/// and resolves scalars the same way: handled, <c>ScalarResolver</c> (<c>ScalarResolutionTests</c>, <c>ValueTypeTests</c>).</description></item>
/// <item><description>Integers: go-yaml v2 reads a plain scalar with Go's <c>strconv.ParseInt(s, 0, 64)</c> after removing
/// <c>_</c>, so <c>0777</c> is octal 511 (<c>0o</c>, <c>0x</c>, <c>0b</c> too), then <c>ParseUint</c>, then a float.
/// Handled: <c>ScalarResolver.TryParseInt</c> (<c>ScalarResolutionTests</c>).</description></item>
/// <item><description>Integral floats: go-yaml gives <c>80.0</c> as a float64, which sigs.k8s.io/yaml hands to
/// <c>encoding/json</c>; that it comes out as <c>80</c>, so an integer field takes it, is Go's float formatting (not
/// verified here). Handled: <c>ScalarTypes.IsInteger</c> (<c>ValueTypeTests</c>).</description></item>
/// <item><description>Timestamps: go-yaml v2 resolves a plain scalar such as <c>2024-01-02</c> as a time
/// (<c>resolve.go</c>, <c>parseTimestamp</c>); which string kubectl then sends is not verified. Not handled: a string.</description></item>
/// <item><description>Non-string keys: sigs.k8s.io/yaml turns a boolean key into <c>true</c>/<c>false</c> (so
/// <c>yes:</c> becomes <c>true</c>), an integer key into its decimal form, a float key into Go's 32-bit <c>%g</c> form,
/// and refuses a null key (<c>convertToJSONableObject</c>). Not handled: PodLint keeps the key as written.</description></item>
/// <item><description>Merge keys <c>&lt;&lt;</c>: go-yaml applies them (<c>resolve.go</c> tags <c>&lt;&lt;</c> as a merge);
/// YamlDotNet's parser reports an ordinary key. Handled: <c>YamlTreeBuilder.AttachToMapping</c>, <c>MappingNode</c>
/// (<c>NodeSpanTests</c>, <c>DuplicateKeyTests</c>).</description></item>
/// <item><description>Duplicate keys: sigs.k8s.io/yaml's strict decoding refuses them (<c>key "a" already set in
/// map</c>); YamlDotNet's parser does not look. Handled: PL0002 from <c>YamlTreeBuilder</c> (<c>DuplicateKeyTests</c>).
/// Which mode kubectl and the API server use is not verified here.</description></item>
/// <item><description>Anchors and aliases: an alias to no anchor, an alias inside the node it names and alias bombs
/// are reported (PL0001, PL0012) by <c>YamlTreeBuilder.Alias</c> (<c>InvalidYamlTests</c>, <c>HostileInputTests</c>);
/// go-yaml's own messages and expansion limit are not verified here.</description></item>
/// <item><description><c>%YAML</c>: go-yaml v2 refuses any version but 1.1 ("found incompatible YAML document",
/// <c>parserc.go</c>); YamlDotNet accepts 1.x and refuses 2.0 (<c>GoYamlCompatibilityTests</c>). Not handled: PodLint
/// accepts <c>%YAML 1.2</c>. kubectl cuts the stream at <c>---</c> lines before go-yaml sees it (<c>YAMLReader</c>), so a
/// directive becomes a document of its own; what kubectl then reports is not verified.</description></item>
/// <item><description>Document markers: kubectl's <c>YAMLReader</c> cuts at every line that starts with <c>---</c> and
/// refuses anything but a comment after it ("invalid Yaml document separator"), and does not cut at <c>...</c>.
/// YamlDotNet accepts content after <c>---</c>. Not handled: PodLint accepts <c>--- {...}</c> (<c>GoYamlCompatibilityTests</c>).</description></item>
/// <item><description>Tabs: YamlDotNet refuses a tab as block indentation (<c>InvalidYamlTests</c>) and accepts one
/// between tokens (<c>GoYamlCompatibilityTests</c>); go-yaml's behaviour is not verified.</description></item>
/// <item><description>Implicit keys: both stop a simple key 1024 characters after its start (YamlDotNet's
/// <c>StaleSimpleKeys</c>, go-yaml's <c>yaml_parser_stale_simple_keys</c>: <c>start + 1024 &lt; current</c>). YamlDotNet
/// then refuses a 1025-character key (<c>GoYamlCompatibilityTests</c>); what go-yaml then reports is not verified. Same
/// limit; not handled.</description></item>
/// </list>
/// </remarks>
internal sealed class GoYamlEscapes
{
    // Two-character escapes YamlDotNet accepts, and the character each stands for; the first one whose character
    // the chunk cannot hold stands in for `'`. Control characters first: they never appear in manifests.
    private static readonly (char Letter, char Value)[] StandIns =
    [
        ('e', '\x1B'), ('a', '\x07'), ('v', '\x0B'), ('f', '\x0C'), ('b', '\x08'), ('0', '\0'),
        ('L', '\u2028'), ('P', '\u2029'), ('N', '\x85'), ('_', '\xA0'),
    ];

    private readonly char? _standIn;

    private GoYamlEscapes(string text, char? standIn)
    {
        Text = text;
        _standIn = standIn;
    }

    /// <summary>The chunk with every <c>\'</c> escape of its double-quoted scalars rewritten (same length).</summary>
    public string Text { get; }

    /// <summary>Whether YamlDotNet failed on a <c>\'</c> escape of a double-quoted scalar of <paramref name="text"/>.</summary>
    /// <remarks>YamlDotNet's error starts at the scalar's opening quote and ends at the backslash.</remarks>
    public static bool IsQuoteEscape(string text, YamlException error)
    {
        var start = error.Start.Index;
        var at = error.End.Index;
        return error is SyntaxErrorException && start >= 0 && start < at && at + 1 < text.Length
            && text[(int)start] == '"' && text[(int)at] == '\\' && text[(int)at + 1] == '\'';
    }

    /// <summary>
    /// Rewrites the <c>\'</c> escapes of <paramref name="text"/>, given YamlDotNet's <paramref name="error"/> on one of
    /// them. Should no stand-in be free, or the search not settle, nothing is rewritten: the parse then fails again
    /// and the error is reported as usual.
    /// </summary>
    public static GoYamlEscapes Rewrite(string text, YamlException error)
    {
        if (FreeStandIn(text) is not { } standIn) return new GoYamlEscapes(text, null);
        var known = new HashSet<int>();
        ScanDoubleQuoted(text, (int)error.Start.Index, known.Add);
        var guesses = new List<int>();
        Guess(text, guesses);
        guesses.RemoveAll(known.Contains);
        var chars = text.ToCharArray();

        // Each round but the last settles at least one escape or drops at least one guess.
        var rounds = guesses.Count + CountQuoteEscapes(text) + 2;
        for (var round = 0; round < rounds; round++)
        {
            var patches = Merge(known, guesses);
            var patched = Apply(chars, text, patches, standIn.Letter);
            var (spans, parsedTo, failure) = ReadScalars(patched, standIn.Value);
            var (verified, rest, wrong) = Check(patches, spans, parsedTo);
            known = [.. verified, .. rest.Where(p => p.Known).Select(p => p.Position)];
            var pending = rest.Where(p => !p.Known).Select(p => p.Position).ToList();
            if (wrong)
            {
                // A rewrite that was not an escape may have changed how the rest reads: check the rest again without it.
                if (pending.Count == guesses.Count) break;
                guesses = pending;
                continue;
            }

            if (failure is not null && IsQuoteEscape(patched, failure))
            {
                var quote = (int)failure.Start.Index;
                if (pending.Exists(p => p < quote))
                {
                    // Unchecked guesses before the error may be its cause: drop them (real escapes among them fail again).
                    guesses = pending.FindAll(p => p > quote);
                    continue;
                }

                // A `\'` the guesses missed: rewrite the escapes of its scalar, exactly, and look further.
                ScanDoubleQuoted(patched, quote, known.Add);
                known.Add((int)failure.End.Index);
                guesses = pending.FindAll(p => !known.Contains(p));
                continue;
            }

            // Parsed to the end, or to an error of another kind: guesses past that point cannot be checked and are left alone.
            return new GoYamlEscapes(Apply(chars, text, Merge(known, []), standIn.Letter), standIn.Value);
        }

        return new GoYamlEscapes(text, null);
    }

    /// <summary>The value of a scalar of <see cref="Text"/> as go-yaml reads it.</summary>
    public string Restore(Scalar scalar)
        => _standIn is { } standIn && scalar.Style == ScalarStyle.DoubleQuoted && scalar.Value.Contains(standIn, StringComparison.Ordinal)
            ? scalar.Value.Replace(standIn, '\'')
            : scalar.Value;

    /// <summary>
    /// A stand-in whose character cannot be in any scalar of the chunk: not written as is, and not as an escape (by its
    /// letter or in hex), wherever a backslash is, quoted or not.
    /// </summary>
    private static (char Letter, char Value)? FreeStandIn(string text)
    {
        Span<bool> taken = stackalloc bool[StandIns.Length];
        for (var i = 0; i < text.Length; i++)
        {
            Take(text[i], taken, byValue: true);
            if (text[i] != '\\' || i + 1 >= text.Length) continue;
            var next = text[i + 1];
            Take(next, taken, byValue: false);
            var digits = next switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
            if (digits > 0 && i + 2 + digits <= text.Length
                && int.TryParse(text.AsSpan(i + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                && code is >= 0 and <= char.MaxValue)
            {
                Take((char)code, taken, byValue: true);
            }
        }

        for (var k = 0; k < StandIns.Length; k++)
        {
            if (!taken[k]) return StandIns[k];
        }

        return null;

        static void Take(char c, Span<bool> taken, bool byValue)
        {
            for (var k = 0; k < StandIns.Length; k++)
            {
                if ((byValue ? StandIns[k].Value : StandIns[k].Letter) == c) taken[k] = true;
            }
        }
    }

    /// <summary>
    /// Scans a double-quoted scalar from its opening quote as YamlDotNet does, giving the backslash position of each
    /// <c>\'</c> escape to <paramref name="escape"/>; returns the index after the closing quote. A document marker at the
    /// start of a line ends the scan (YamlDotNet fails there).
    /// </summary>
    private static int ScanDoubleQuoted(string text, int quote, Func<int, bool> escape)
    {
        var i = quote + 1;
        while (i < text.Length)
        {
            switch (text[i])
            {
                case '"':
                    return i + 1;
                case '\\':
                    if (i + 1 < text.Length && text[i + 1] == '\'') escape(i);
                    i += 2;
                    break;
                case '-' or '.' when text[i - 1] is '\n' or '\r' && (Starts(text, i, "---") || Starts(text, i, "...")):
                    return i;
                default:
                    i++;
                    break;
            }
        }

        return text.Length;
    }

    private static int CountQuoteEscapes(string text)
    {
        var count = 0;
        for (var i = text.IndexOf("\\'", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\\'", i + 2, StringComparison.Ordinal)) count++;
        return count;
    }

    private static List<(int Position, bool Known)> Merge(HashSet<int> known, List<int> guesses)
    {
        var all = new List<(int Position, bool Known)>(known.Count + guesses.Count);
        all.AddRange(known.Select(p => (p, true)));
        all.AddRange(guesses.Select(p => (p, false)));
        all.Sort((a, b) => a.Position.CompareTo(b.Position));
        return all;
    }

    private static string Apply(char[] chars, string text, List<(int Position, bool Known)> patches, char letter)
    {
        text.CopyTo(chars);
        foreach (var (position, _) in patches) chars[position + 1] = letter;
        return new string(chars);
    }

    /// <summary>
    /// Parses the rewritten chunk: every scalar (its span as indexes, its style, and how many stand-ins its value holds),
    /// how far events were produced, and the error that stopped the parse, if any.
    /// </summary>
    private static (List<ScalarSpan> Spans, long ParsedTo, YamlException? Failure) ReadScalars(string text, char standIn)
    {
        var spans = new List<ScalarSpan>();
        long parsedTo = 0;
        var parser = new Parser(new Scanner(new StringReader(text)));
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                if (e is Scalar s)
                {
                    var standIns = s.Style == ScalarStyle.DoubleQuoted ? s.Value.AsSpan().Count(standIn) : 0;
                    spans.Add(new ScalarSpan((int)s.Start.Index, (int)s.End.Index, s.Style, standIns));
                }

                parsedTo = Math.Max(parsedTo, e.End.Index);
            }

            return (spans, long.MaxValue, null);
        }
        catch (YamlException ex)
        {
            return (spans, parsedTo, ex);
        }
#pragma warning disable CA1031 // Whatever else YamlDotNet throws only ends the check; the tree builder reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (spans, parsedTo, null);
        }
    }

    /// <summary>
    /// Checks the rewrites in order against the parse. Returns those verified (inside a double-quoted scalar whose value
    /// holds one stand-in per rewrite in it), those still to check, and whether a guess proved wrong. A guess inside a
    /// plain or block scalar is dropped without ending the check: there, <c>'</c> and a letter read alike.
    /// </summary>
    private static (List<int> Verified, List<(int Position, bool Known)> Unchecked, bool Wrong) Check(
        List<(int Position, bool Known)> patches, List<ScalarSpan> spans, long parsedTo)
    {
        var verified = new List<int>(patches.Count);
        var i = 0;
        var k = 0;
        while (i < patches.Count)
        {
            var (position, known) = patches[i];
            while (k < spans.Count && spans[k].End <= position) k++;
            var inside = k < spans.Count && spans[k].Start < position;
            if (inside && spans[k].Style == ScalarStyle.DoubleQuoted)
            {
                var j = i;
                while (j < patches.Count && patches[j].Position < spans[k].End) j++;
                if (j - i != spans[k].StandIns)
                {
                    // Some rewrite in this scalar was not read as an escape: drop its guesses.
                    var rest = patches.GetRange(i, j - i).Where(p => p.Known).Concat(patches.Skip(j)).ToList();
                    return (verified, rest, true);
                }

                for (var m = i; m < j; m++) verified.Add(patches[m].Position);
                i = j;
                continue;
            }

            if (position >= parsedTo) break;
            if (known)
            {
                verified.Add(position);
            }
            else if (!inside || spans[k].Style == ScalarStyle.SingleQuoted)
            {
                // Not in a double-quoted scalar, and the rewrite may have changed how the rest reads.
                return (verified, patches.Skip(i + 1).ToList(), true);
            }

            i++;
        }

        return (verified, patches.Skip(i).ToList(), false);
    }

    private readonly record struct ScalarSpan(int Start, int End, ScalarStyle Style, int StandIns);

    /// <summary>
    /// Guesses the <c>\'</c> escapes of a chunk with a light scan of its tokens: comments, quoted scalars, plain scalars
    /// to the end of their line, block scalars by indentation. It can be wrong; <see cref="Rewrite"/> checks every guess.
    /// </summary>
    private static void Guess(string t, List<int> found)
    {
        var flow = 0;
        var i = 0;
        while (i < t.Length)
        {
            var c = t[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                i++;
                continue;
            }

            var lineStart = i == 0 || t[i - 1] is '\n' or '\r';
            if (lineStart && (Starts(t, i, "---") || Starts(t, i, "...")))
            {
                i += 3;
                continue;
            }

            switch (c)
            {
                case '#':
                    i = LineEnd(t, i);
                    break;
                case '"':
                    i = ScanDoubleQuoted(t, i, p =>
                    {
                        found.Add(p);
                        return true;
                    });
                    break;
                case '\'':
                    i = SkipSingleQuoted(t, i);
                    break;
                case '[' or '{':
                    flow++;
                    i++;
                    break;
                case ']' or '}':
                    if (flow > 0) flow--;
                    i++;
                    break;
                case ',' when flow > 0:
                    i++;
                    break;
                case ':' when flow > 0 || IsBlank(t, i + 1):
                    i++;
                    break;
                case '-' or '?' when IsBlank(t, i + 1):
                    i++;
                    break;
                case '|' or '>' when flow == 0:
                    i = SkipBlockScalar(t, i);
                    break;
                case '&' or '*' or '!':
                    while (i < t.Length && !IsBlank(t, i) && !(flow > 0 && t[i] is ',' or '[' or ']' or '{' or '}')) i++;
                    break;
                case '%' when lineStart:
                    i = LineEnd(t, i);
                    break;
                default:
                    i = SkipPlain(t, i, flow);
                    break;
            }
        }
    }

    private static bool Starts(string t, int i, string marker)
        => string.CompareOrdinal(t, i, marker, 0, marker.Length) == 0 && IsBlank(t, i + marker.Length);

    /// <summary>Whether position <paramref name="i"/> is a space, tab, line break or the end.</summary>
    private static bool IsBlank(string t, int i) => i >= t.Length || t[i] is ' ' or '\t' or '\n' or '\r';

    private static int LineEnd(string t, int i)
    {
        var end = t.IndexOfAny(['\n', '\r'], i);
        return end < 0 ? t.Length : end;
    }

    private static int SkipSingleQuoted(string t, int quote)
    {
        var i = quote + 1;
        while (i < t.Length)
        {
            if (t[i] == '\'')
            {
                if (i + 1 < t.Length && t[i + 1] == '\'')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        return t.Length;
    }

    /// <summary>A plain scalar runs to the end of its line, a comment, a <c>: </c>, or (in flow) a flow indicator.</summary>
    private static int SkipPlain(string t, int i, int flow)
    {
        for (i++; i < t.Length; i++)
        {
            var c = t[i];
            if (c is '\n' or '\r') return i;
            if (c == '#' && t[i - 1] is ' ' or '\t') return i;
            if (c == ':' && (IsBlank(t, i + 1) || (flow > 0 && t[i + 1] is ',' or '[' or ']' or '{' or '}'))) return i;
            if (flow > 0 && c is ',' or '[' or ']' or '{' or '}') return i;
        }

        return t.Length;
    }

    /// <summary>
    /// Skips a block scalar: its header line, then every line blank or indented deeper than the node that holds it (the
    /// key after any <c>- </c> on the header line, or the last <c>-</c> when the scalar is itself the item).
    /// </summary>
    private static int SkipBlockScalar(string t, int indicator)
    {
        var lineStart = indicator;
        while (lineStart > 0 && t[lineStart - 1] is not ('\n' or '\r')) lineStart--;
        var k = lineStart;
        while (k < indicator && t[k] == ' ') k++;
        var parent = k - lineStart - 1;
        while (k < indicator && t[k] == '-' && IsBlank(t, k + 1))
        {
            parent = k - lineStart;
            k++;
            while (k < indicator && t[k] is ' ' or '\t') k++;
        }

        if (k < indicator) parent = k - lineStart;

        var i = LineEnd(t, indicator);
        while (i < t.Length)
        {
            var next = i + (t[i] == '\r' && i + 1 < t.Length && t[i + 1] == '\n' ? 2 : 1);
            var indent = 0;
            while (next + indent < t.Length && t[next + indent] == ' ') indent++;
            var end = LineEnd(t, next);
            if (next + indent < end && t[next + indent] != '\t' && indent <= parent) return next;
            i = end;
        }

        return t.Length;
    }
}
