namespace PodLint.Parsing;

/// <summary>What a scalar becomes in Kubernetes' YAML-to-JSON conversion, where it matters for decoding.</summary>
internal static class ScalarTypes
{
    /// <summary>
    /// Integers, and floats with an integral value: Kubernetes' YAML-to-JSON conversion writes those without a
    /// fraction (Go's JSON encoder uses exponents only from 1e21), so the API server decodes them as integers.
    /// <paramref name="value"/> is null when the integer does not fit in 64 bits.
    /// </summary>
    public static bool IsInteger(ScalarNode s, out long? value)
    {
        value = null;
        switch (s.Type)
        {
            case ScalarType.Int:
                value = s.AsInt64();
                return true;
            case ScalarType.Float when s.AsDouble() is { } d && Math.Abs(d) < 1e21 && Math.Floor(d) == d:
                if (d >= long.MinValue && d < 9.2233720368547758E18) value = (long)d;
                return true;
            default:
                return false;
        }
    }
}
