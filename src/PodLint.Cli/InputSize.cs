using System.Globalization;

namespace PodLint.Cli;

/// <summary>Sizes as people write them: <c>1048576</c>, <c>512KB</c>, <c>256MB</c>, <c>1GB</c> (units of 1024; case-insensitive).</summary>
internal static class InputSize
{
    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var t = text.Trim();
        long unit = 1;
        foreach (var (suffix, factor) in new[] { ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10), ("B", 1L) })
        {
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                unit = factor;
                t = t[..^suffix.Length].TrimEnd();
                break;
            }
        }

        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > long.MaxValue / unit) return false;
        bytes = n * unit;
        return true;
    }
}
