using NUnit.Framework;
using System.Text;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

/// <summary>
/// Roslyn-style span markup for rule tests: <c>containerPort: {|PL3001:8080|}</c> marks where a finding of
/// PL3001 is expected. The markers are removed before linting; lines and columns are computed on the clean text.
/// </summary>
internal static class Markup
{
    public static (string Text, List<(string RuleId, SourceSpan Span)> Expected) Parse(string markup, string file = "pod.yaml")
    {
        var text = new StringBuilder();
        var expected = new List<(string, SourceSpan)>();
        var open = new Stack<(string RuleId, int Line, int Column)>();
        int line = 1, column = 1;
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i);
                open.Push((markup[(i + 2)..colon], line, column));
                i = colon;
                continue;
            }

            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}')
            {
                var (id, l, c) = open.Pop();
                expected.Add((id, new SourceSpan(file, l, c, line, column)));
                i++;
                continue;
            }

            text.Append(markup[i]);
            if (markup[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (text.ToString(), expected);
    }
}
