using System.Globalization;
using System.Text.RegularExpressions;
using PodLint.Model;

namespace PodLint.Rules.MultiContainer;

/// <summary>A place where a container reaches a port of its own Pod through the loopback interface.</summary>
/// <param name="At">The scalar that says so: an item of <c>command</c> or <c>args</c>, or an env <c>value</c>.</param>
/// <param name="Port">The port number.</param>
/// <param name="Address">The address as a message shows it: <c>localhost:15000</c>.</param>
/// <param name="Waits">Whether the scalar waits for the port in a loop (<c>until nc -z localhost 8080; do …</c>).</param>
internal readonly record struct LocalhostReference(Field<string> At, int Port, string Address, bool Waits);

/// <summary>
/// Finds where a container reaches <c>localhost:PORT</c>, <c>127.0.0.1:PORT</c> or <c>[::1]:PORT</c> (also inside URLs
/// such as <c>http://localhost:15000/ready</c>), <c>nc -z localhost PORT</c> (also <c>ncat</c>, <c>netcat</c>,
/// <c>telnet</c>) or bash's <c>/dev/tcp/localhost/PORT</c>, in its command, args and env values. Shared by PL3006 and
/// PL3009. Left out, so as not to guess:
/// <list type="bullet">
/// <item><c>localhost</c> without a port, and ports of other hosts (<c>db:5432</c>, <c>example.com:8080</c>);</item>
/// <item>addresses the container listens on rather than reaches: the value of an option or env variable whose name
/// says so (<c>--listen=127.0.0.1:9000</c>, <c>--web.listen-address</c>, <c>--bind-address</c>, <c>LISTEN_ADDR</c>,
/// <c>BIND</c>), and <c>0.0.0.0</c>;</item>
/// <item>env values from <c>valueFrom</c>, ConfigMaps and files (not in the manifest).</item>
/// </list>
/// </summary>
internal static partial class LocalhostReferences
{
    /// <summary>Every loopback reference of the container, in the order written (command, args, env).</summary>
    public static List<LocalhostReference> Find(Container container)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (!Mentions(container)) return [];
        var found = new List<LocalhostReference>();
        var argv = ContainerCommands.Argv(container);
        for (var i = 0; i < argv.Count; i++)
        {
            // `nc -z localhost 8080` written as separate items.
            if (i >= 2 && IsLoopbackHost(argv[i - 1].Value) && TryPort(argv[i].Value, out var port) && IsNetcat(argv, i - 2))
            {
                found.Add(new LocalhostReference(argv[i], port, Address(argv[i - 1].Value, port), false));
            }

            if (!MayMentionLoopback(argv[i].Value)) continue;
            if (i > 0 && ListenOption().IsMatch(argv[i - 1].Value)) continue;
            Scan(argv[i], found);
        }

        foreach (var env in container.Env)
        {
            if (!env.Value.IsValid || !MayMentionLoopback(env.Value.Value)) continue;
            if (env.Name.Value is { } name && ListenName().IsMatch(name)) continue;
            Scan(env.Value, found);
        }

        return found;
    }

    /// <summary>Whether any value of the container may mention a loopback address (most do not: no allocation then).</summary>
    private static bool Mentions(Container container)
    {
        foreach (var item in container.Command)
        {
            if (item.IsValid && MayMentionLoopback(item.Value)) return true;
        }

        foreach (var item in container.Args)
        {
            if (item.IsValid && MayMentionLoopback(item.Value)) return true;
        }

        foreach (var env in container.Env)
        {
            if (env.Value.IsValid && MayMentionLoopback(env.Value.Value)) return true;
        }

        return false;
    }

    /// <summary>A cheap test that lets most values skip the regular expressions.</summary>
    private static bool MayMentionLoopback(string text)
        => text.Length >= 3 && (text.Contains("localhost", StringComparison.OrdinalIgnoreCase)
            || text.Contains("127.0.0.1", StringComparison.Ordinal) || text.Contains("::1", StringComparison.Ordinal));

    private static void Scan(Field<string> scalar, List<LocalhostReference> found)
    {
        var text = scalar.Value;
        foreach (var regex in (ReadOnlySpan<Regex>)[HostPort(), Netcat(), DevTcp()])
        {
            foreach (Match m in regex.Matches(text))
            {
                if (!TryPort(m.Groups["port"].Value, out var port)) continue;
                if (regex == HostPort() && IsListenValue(text, m.Index)) continue;
                var waits = LoopBefore().IsMatch(text.AsSpan(0, m.Index));
                found.Add(new LocalhostReference(scalar, port, Address(m.Groups["host"].Value, port), waits));
            }
        }
    }

    /// <summary>Whether the address at <paramref name="index"/> is the value of a listen/bind option or keyword:
    /// <c>--listen=…</c>, <c>--bind-address …</c>, nginx's <c>listen …;</c>.</summary>
    private static bool IsListenValue(string text, int index)
    {
        var start = index;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('"' or '\'' or ',')) start--;
        var glued = text[start..index];
        if (glued.Length > 0) return ListenOption().IsMatch(glued);
        var end = start;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var wordStart = end;
        while (wordStart > 0 && !char.IsWhiteSpace(text[wordStart - 1])) wordStart--;
        return end > wordStart && ListenOption().IsMatch(text[wordStart..end]);
    }

    private static bool IsNetcat(List<Field<string>> argv, int hostIndexMinusOne)
    {
        // The program is the nearest word before the host that is not an option (`nc -z -w 1 localhost 80`).
        for (var j = hostIndexMinusOne; j >= 0; j--)
        {
            var word = argv[j].Value;
            if (word.StartsWith('-') || word.All(char.IsAsciiDigit)) continue;
            return ContainerCommands.BaseName(word) is "nc" or "ncat" or "netcat" or "telnet";
        }

        return false;
    }

    private static bool IsLoopbackHost(string word) => word is "localhost" or "127.0.0.1" or "::1";

    private static bool TryPort(string text, out int port)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;

    private static string Address(string host, int port)
    {
        var p = port.ToString(CultureInfo.InvariantCulture);
        return host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{p}" : $"{host}:{p}";
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9._-])(?:(?<host>localhost)|(?<host>127\.0\.0\.1)|\[(?<host>::1)\]):(?<port>[0-9]{1,5})(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostPort();

    [GeneratedRegex(@"(?<![A-Za-z0-9._-])(?:nc|ncat|netcat|telnet)(?:\s+-[A-Za-z]+(?:\s+[0-9]+)?)*\s+(?<host>localhost|127\.0\.0\.1|::1)\s+(?<port>[0-9]{1,5})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Netcat();

    [GeneratedRegex(@"/dev/tcp/(?<host>localhost|127\.0\.0\.1)/(?<port>[0-9]{1,5})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex DevTcp();

    [GeneratedRegex(@"^-{0,2}[A-Za-z0-9._-]*(?:listen|bind)[A-Za-z0-9._-]*[=:]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListenOption();

    [GeneratedRegex("listen|bind", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListenName();

    [GeneratedRegex(@"\b(?:until|while)\b", RegexOptions.CultureInvariant)]
    private static partial Regex LoopBefore();
}
