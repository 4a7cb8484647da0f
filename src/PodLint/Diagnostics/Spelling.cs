namespace PodLint.Diagnostics;

/// <summary>Did-you-mean suggestions for names typed by hand (field names, rule ids and names).</summary>
internal static class Spelling
{
    /// <summary>The candidates closest to <paramref name="typed"/> (ignoring case), when they are close enough to be a
    /// typo: at most <paramref name="maxDistance"/>(candidate) edits. Ties are all returned, in the given order.</summary>
    public static List<string> Closest(string typed, IEnumerable<string> candidates, Func<string, int> maxDistance)
    {
        var lower = typed.ToLowerInvariant();
        var best = int.MaxValue;
        var closest = new List<string>();
        foreach (var candidate in candidates)
        {
            var d = Distance(lower, candidate.ToLowerInvariant());
            if (d > maxDistance(candidate) || d > best) continue;
            if (d < best)
            {
                best = d;
                closest.Clear();
            }

            closest.Add(candidate);
        }

        return closest;
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
