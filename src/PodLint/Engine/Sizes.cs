using System.Globalization;

namespace PodLint.Engine;

/// <summary>Byte counts as findings show them: <c>256 MB</c>, <c>1.5 KB</c>, <c>100 bytes</c> (units of 1024).</summary>
internal static class Sizes
{
    public static string Describe(long bytes)
    {
        string[] units = ["GB", "MB", "KB"];
        for (var i = 0; i < units.Length; i++)
        {
            var unit = 1L << (10 * (units.Length - i));
            if (bytes >= unit) return (bytes / (double)unit).ToString("0.#", CultureInfo.InvariantCulture) + " " + units[i];
        }

        return bytes.ToString(CultureInfo.InvariantCulture) + (bytes == 1 ? " byte" : " bytes");
    }
}
