using System.Globalization;
using System.Numerics;

namespace PodLint.Model;

/// <summary>How Kubernetes prints a quantity: it remembers the suffix family of the text it parsed.</summary>
public enum QuantityFormat
{
    /// <summary>Decimal SI suffixes (<c>n u m k M G T P E</c>, or none): <c>500m</c>, <c>2</c>, <c>1k</c>.</summary>
    DecimalSI,

    /// <summary>Binary SI suffixes (<c>Ki Mi Gi Ti Pi Ei</c>): <c>128Mi</c>, <c>2Gi</c>.</summary>
    BinarySI,

    /// <summary>A decimal exponent: <c>1e3</c>, <c>129e6</c>.</summary>
    DecimalExponent,
}

/// <summary>
/// A resource quantity (<c>500m</c>, <c>1.5</c>, <c>128Mi</c>, <c>1e3</c>), with its text as written and its exact value,
/// as <c>k8s.io/apimachinery</c>'s <c>resource.Quantity</c> parses it: a signed decimal number and a suffix (binary SI
/// <c>Ki</c>…<c>Ei</c>, decimal SI <c>n u m k M G T P E</c> or none, or a decimal exponent <c>e3</c>/<c>E-3</c>); values
/// are kept exactly in units of 10⁻⁹ (a finer value is rounded up, away from zero, to the next nano), binary SI values
/// above 2⁶³−1 are capped there, and no floating point is involved.
/// </summary>
/// <remarks>
/// <para>A quantity of the model whose text is not a quantity (the schema check has reported it as PL1004; or a YAML
/// number such as <c>.inf</c>) has no value: <see cref="HasValue"/> is false and rules skip it. Arithmetic on it throws.</para>
/// <para>Two quantities are equal when their values are (<c>1Gi</c> equals <c>1024Mi</c>), as Kubernetes compares them;
/// quantities without a value are equal when their texts are.</para>
/// <para>Magnitudes of 10⁶⁰ and more (far beyond anything a cluster has) are capped at 10⁶⁰, so that an exponent such
/// as <c>1e999999999</c> cannot make the linter allocate without end.</para>
/// </remarks>
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>, IComparable
{
    private const int NanoDigits = 9;
    private const int MaxDigits = 60;
    private static readonly BigInteger NanosPerUnit = 1_000_000_000;
    private static readonly BigInteger MaxBinary = long.MaxValue * NanosPerUnit;
    private static readonly BigInteger Saturated = BigInteger.Pow(10, MaxDigits + NanoDigits);
    private static readonly string[] BinarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
    private static readonly ulong[] PowersOfTen64 = [.. Enumerable.Range(0, 19).Select(PowerOfTen64)];
    private static readonly BigInteger[] PowersOfTen = [.. Enumerable.Range(0, MaxDigits + NanoDigits + 1).Select(static n => BigInteger.Pow(10, n))];

    private readonly string? _text;
    private readonly string? _number;
    private readonly BigInteger _nanos;
    private readonly QuantityFormat _format;
    private readonly Kind _kind;

    /// <summary>A quantity as written; <see cref="HasValue"/> tells whether the text is a quantity.</summary>
    /// <param name="text">The text: <c>500m</c>, <c>128Mi</c>.</param>
    public Quantity(string text)
    {
        _text = text;
        _kind = Kind.Text;
    }

    /// <summary>A quantity written as <paramref name="text"/> whose value is that of <paramref name="number"/> (a YAML
    /// number as Kubernetes' YAML-to-JSON conversion writes it: <c>0x10</c> is <c>16</c>).</summary>
    internal Quantity(string text, string number)
        : this(text, number, Kind.Text)
    {
    }

    private Quantity(string text, string number, Kind kind)
    {
        _text = text;
        _number = number;
        _kind = kind;
    }

    private Quantity(string? text, BigInteger nanos, QuantityFormat format)
    {
        _text = text;
        _nanos = nanos;
        _format = format;
        _kind = Kind.Value;
    }

    /// <summary>What the quantity holds: the model binds thousands of quantities that no rule reads, so a text is parsed
    /// when its value is asked for, not when it is bound.</summary>
    private enum Kind : byte
    {
        None,
        Text,
        YamlFloat,
        Value,
    }

    /// <summary>Zero.</summary>
    public static Quantity Zero { get; } = new(null, BigInteger.Zero, QuantityFormat.DecimalSI);

    /// <summary>The text as written; for a computed quantity (a sum), its Kubernetes form (<see cref="ToString"/>).</summary>
    public string Text => _text ?? (TryGetValue(out var nanos, out var format) ? Canonical(nanos, format) : string.Empty);

    /// <summary>Whether the text is a quantity, so that the value can be used.</summary>
    public bool HasValue => TryGetValue(out _, out _);

    /// <summary>The suffix family Kubernetes prints the value in (a binary SI value below 1 is decimal SI).</summary>
    public QuantityFormat Format => TryGetValue(out _, out var format) ? format : QuantityFormat.DecimalSI;

    /// <summary>The exact value in units of 10⁻⁹ (<c>500m</c> → 500,000,000).</summary>
    /// <exception cref="InvalidOperationException">The quantity has no value.</exception>
    public BigInteger Nanos => TryGetValue(out var nanos, out _) ? nanos : throw NoValue();

    /// <summary>-1, 0 or 1 as the value is negative, zero or positive.</summary>
    /// <exception cref="InvalidOperationException">The quantity has no value.</exception>
    public int Sign => Nanos.Sign;

    /// <summary>Whether the value is zero.</summary>
    /// <exception cref="InvalidOperationException">The quantity has no value.</exception>
    public bool IsZero => Nanos.IsZero;

    /// <summary>The value rounded up (away from zero) to an integer, capped to <see cref="long"/>: Kubernetes'
    /// <c>Value()</c> (bytes of memory, number of GPUs).</summary>
    /// <exception cref="InvalidOperationException">The quantity has no value.</exception>
    public long Value => ScaledValue(0);

    /// <summary>The value in thousandths rounded up (away from zero), capped to <see cref="long"/>: Kubernetes'
    /// <c>MilliValue()</c> (millicores of CPU).</summary>
    /// <exception cref="InvalidOperationException">The quantity has no value.</exception>
    public long MilliValue => ScaledValue(-3);

    /// <summary>Parses a quantity: <c>500m</c>, <c>1.5</c>, <c>128Mi</c>, <c>1e3</c>.</summary>
    /// <returns>False when <paramref name="text"/> is not a quantity (the API server rejects it).</returns>
    public static bool TryParse(string? text, out Quantity quantity)
    {
        if (text is null)
        {
            quantity = default;
            return false;
        }

        quantity = new Quantity(text);
        if (!TryParseValue(text, out var nanos, out var format)) return false;
        quantity = new Quantity(text, nanos, format);
        return true;
    }

    /// <summary>Parses a quantity.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a quantity.</exception>
    public static Quantity Parse(string text)
        => TryParse(text, out var q) ? q : throw new FormatException($"`{text}` is not a quantity (e.g. `500m`, `1.5`, `128Mi`, `1e3`)");

    /// <summary>A quantity of an exact value in units of 10⁻⁹, printed in the given format.</summary>
    public static Quantity FromNanos(BigInteger nanos, QuantityFormat format = QuantityFormat.DecimalSI) => new(null, nanos, format);

    /// <summary>
    /// A YAML float as Kubernetes reads it: the YAML-to-JSON conversion turns it into a 64-bit float and writes its
    /// shortest form (<c>1e3</c> becomes <c>1000</c>, decimal SI; from 10²¹, or below 10⁻⁶, with an exponent), which
    /// the API server parses. NaN and infinities have no value.
    /// </summary>
    internal static Quantity FromYamlFloat(string text, double value)
        => double.IsFinite(value) ? new Quantity(text, value.ToString("R", CultureInfo.InvariantCulture), Kind.YamlFloat) : new Quantity(text, string.Empty);

    /// <summary>The same quantity with its value worked out once (its text kept), for repeated use; itself when it has
    /// no value.</summary>
    internal Quantity Resolve() => _kind != Kind.Value && TryGetValue(out var nanos, out var format) ? new Quantity(_text, nanos, format) : this;

    /// <summary>The sum, in this quantity's format (the other's when this one is zero), as Kubernetes' <c>Add</c>.</summary>
    /// <exception cref="InvalidOperationException">Either quantity has no value.</exception>
    public Quantity Add(Quantity other)
    {
        if (!TryGetValue(out var nanos, out var format) || !other.TryGetValue(out var otherNanos, out var otherFormat)) throw NoValue();
        return new Quantity(null, nanos + otherNanos, nanos.IsZero ? otherFormat : format);
    }

    /// <summary>The larger of two quantities; the first when they are equal.</summary>
    /// <exception cref="InvalidOperationException">Either quantity has no value.</exception>
    public static Quantity Max(Quantity first, Quantity second) => second.Nanos > first.Nanos ? second : first;

    /// <summary>
    /// The value rounded up (away from zero) to a multiple of 10^<paramref name="scale"/>: -3 rounds to thousandths, as
    /// the API server does to every value of a resource list (<c>0.1m</c> → <c>1m</c>). The format is kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">The quantity has no value.</exception>
    public Quantity RoundUp(int scale)
    {
        var nanos = Nanos;
        if (scale <= -NanoDigits) return this;
        var unit = PowerOfTen(Math.Min(scale, MaxDigits) + NanoDigits);
        var quotient = BigInteger.DivRem(nanos, unit, out var remainder);
        if (remainder.IsZero) return this;
        return new Quantity(null, (quotient + nanos.Sign) * unit, Format);
    }

    /// <inheritdoc cref="Add"/>
    public static Quantity operator +(Quantity left, Quantity right) => left.Add(right);

    /// <summary>Compares values; quantities without a value come first, in ordinal order of their text.</summary>
    public int CompareTo(Quantity other)
    {
        var hasValue = TryGetValue(out var nanos, out _);
        var otherHasValue = other.TryGetValue(out var otherNanos, out _);
        if (hasValue && otherHasValue) return nanos.CompareTo(otherNanos);
        if (hasValue != otherHasValue) return hasValue ? 1 : -1;
        return string.CompareOrdinal(_text ?? string.Empty, other._text ?? string.Empty);
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Quantity q => CompareTo(q),
        _ => throw new ArgumentException("not a quantity", nameof(obj)),
    };

    /// <summary>Whether the values are equal (<c>1Gi</c> and <c>1024Mi</c> are); texts when neither has a value.</summary>
    public bool Equals(Quantity other) => CompareTo(other) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Quantity q && Equals(q);

    /// <inheritdoc />
    public override int GetHashCode() => TryGetValue(out var nanos, out _) ? nanos.GetHashCode() : StringComparer.Ordinal.GetHashCode(_text ?? string.Empty);

    /// <summary>Whether two quantities are equal.</summary>
    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    /// <summary>Whether two quantities differ.</summary>
    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    /// <summary>Whether the first is smaller.</summary>
    public static bool operator <(Quantity left, Quantity right) => left.CompareTo(right) < 0;

    /// <summary>Whether the first is smaller or equal.</summary>
    public static bool operator <=(Quantity left, Quantity right) => left.CompareTo(right) <= 0;

    /// <summary>Whether the first is larger.</summary>
    public static bool operator >(Quantity left, Quantity right) => left.CompareTo(right) > 0;

    /// <summary>Whether the first is larger or equal.</summary>
    public static bool operator >=(Quantity left, Quantity right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// The value as Kubernetes prints it (its canonical form), in the suffix family of the text it was parsed from:
    /// no fraction, the largest suffix that keeps the value exact (<c>1.5Gi</c> → <c>1536Mi</c>, <c>1.5</c> →
    /// <c>1500m</c>, <c>1000m</c> → <c>1</c>, <c>1e3</c> → <c>1e3</c>). A binary value below 1024, or not a whole
    /// number, is printed in decimal SI (<c>0.5Ki</c> → <c>512</c>); so is a value beyond the largest suffix
    /// (<c>1024Ei</c>), and a decimal SI value from 10²¹ takes an exponent (<c>1000E</c> → <c>1e21</c>), as the newest
    /// Kubernetes prints them (older ones dropped the suffix). A quantity without a value prints its text.
    /// </summary>
    public override string ToString() => TryGetValue(out var nanos, out var format) ? Canonical(nanos, format) : _text ?? string.Empty;

    private static BigInteger PowerOfTen(int n) => n < PowersOfTen.Length ? PowersOfTen[n] : BigInteger.Pow(10, n);

    private static ulong PowerOfTen64(int n)
    {
        var p = 1UL;
        for (var i = 0; i < n; i++) p *= 10;
        return p;
    }

    private static InvalidOperationException NoValue() => new("the quantity has no value: its text is not a quantity");

    private bool TryGetValue(out BigInteger nanos, out QuantityFormat format)
    {
        switch (_kind)
        {
            case Kind.Value:
                nanos = _nanos;
                format = _format;
                return true;
            case Kind.Text:
                return TryParseValue(_number ?? _text!, out nanos, out format);
            case Kind.YamlFloat when TryParseValue(_number!, out nanos, out _):
                // Go's JSON encoder writes a float with an exponent from 1e21, and below 1e-6.
                var magnitude = Math.Abs(double.Parse(_number!, NumberStyles.Float, CultureInfo.InvariantCulture));
                format = magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21) ? QuantityFormat.DecimalSI : QuantityFormat.DecimalExponent;
                return true;
            default:
                nanos = BigInteger.Zero;
                format = QuantityFormat.DecimalSI;
                return false;
        }
    }

    private long ScaledValue(int scale)
    {
        var nanos = Nanos;
        var unit = PowerOfTen(scale + NanoDigits);
        var quotient = BigInteger.DivRem(nanos, unit, out var remainder);
        if (!remainder.IsZero) quotient += nanos.Sign;
        if (quotient > long.MaxValue) return long.MaxValue;
        if (quotient < long.MinValue) return long.MinValue;
        return (long)quotient;
    }

    private static string Canonical(BigInteger nanos, QuantityFormat format)
    {
        if (nanos.IsZero) return "0";
        if (format == QuantityFormat.BinarySI)
        {
            if (BigInteger.Abs(nanos) >= 1024 * NanosPerUnit && (nanos % NanosPerUnit).IsZero)
            {
                var units = nanos / NanosPerUnit;
                var power = 0;
                while ((units % 1024).IsZero)
                {
                    units /= 1024;
                    power++;
                }

                if (power < BinarySuffixes.Length) return units.ToString(CultureInfo.InvariantCulture) + BinarySuffixes[power];
            }

            // Below 1024, not a whole number, or beyond Ei (no suffix): exact in decimal.
            format = QuantityFormat.DecimalSI;
        }

        // Move the factors of ten into the exponent, then bring the exponent down to a multiple of three.
        var mantissa = nanos;
        var exponent = -NanoDigits;
        while ((mantissa % 10).IsZero)
        {
            mantissa /= 10;
            exponent++;
        }

        while (exponent % 3 != 0)
        {
            mantissa *= 10;
            exponent--;
        }

        var number = mantissa.ToString(CultureInfo.InvariantCulture);
        if (format == QuantityFormat.DecimalExponent) return exponent == 0 ? number : number + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        return number + exponent switch
        {
            -9 => "n",
            -6 => "u",
            -3 => "m",
            0 => "",
            3 => "k",
            6 => "M",
            9 => "G",
            12 => "T",
            15 => "P",
            18 => "E",
            _ => "e" + exponent.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// The quantity grammar the API server's OpenAPI schema states (and so the schema check, PL1004, applies):
    /// <c>^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|[eE][+-]?[0-9]+)?$</c>, with an exponent within
    /// ±(2³¹−1) as <c>ParseQuantity</c> wants; then the value <c>ParseQuantity</c> gives.
    /// </summary>
    private static bool TryParseValue(string s, out BigInteger nanos, out QuantityFormat format)
    {
        nanos = BigInteger.Zero;
        format = QuantityFormat.DecimalSI;
        if (s.Length == 0) return false;
        var i = 0;
        var negative = false;
        if (s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            i++;
        }

        var intStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        var intEnd = i;
        var fracStart = i;
        var fracEnd = i;
        if (i < s.Length && s[i] == '.')
        {
            fracStart = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            fracEnd = i;
        }

        if (intEnd == intStart && fracEnd == fracStart) return false;
        if (!TryInterpretSuffix(s.AsSpan(i), out var binary, out var exponent, out format)) return false;

        // The digits without the point, and the power of ten that scales them (a binary suffix multiplies by 2^exponent).
        var fraction = fracEnd - fracStart;
        Span<char> joined = fraction > 0 && intEnd - intStart + fraction <= 128 ? stackalloc char[intEnd - intStart + fraction] : default;
        scoped ReadOnlySpan<char> digits;
        if (fraction == 0)
        {
            digits = s.AsSpan(intStart, intEnd - intStart);
        }
        else if (joined.Length > 0)
        {
            s.AsSpan(intStart, intEnd - intStart).CopyTo(joined);
            s.AsSpan(fracStart, fraction).CopyTo(joined[(intEnd - intStart)..]);
            digits = joined;
        }
        else
        {
            digits = string.Concat(s.AsSpan(intStart, intEnd - intStart), s.AsSpan(fracStart, fraction));
        }

        long power = (binary ? 0 : (long)exponent) - fraction;
        var first = 0;
        while (first < digits.Length && digits[first] == '0') first++;
        var last = digits.Length;
        while (last > first && digits[last - 1] == '0')
        {
            last--;
            power++;
        }

        if (first == last) return true; // zero, in the format of its suffix
        var significant = last - first;
        var binaryDigits = binary ? 19 : 0; // 2^60 < 10^19
        BigInteger magnitude;
        if (significant + power > MaxDigits - binaryDigits)
        {
            magnitude = binary ? MaxBinary : Saturated;
        }
        else
        {
            var nanoPower = (int)(power + NanoDigits);
            var shift = binary ? exponent : 0;
            if (significant + nanoPower + binaryDigits < 0)
            {
                magnitude = BigInteger.One; // below one nano: rounded up
            }
            else if (significant <= 18 && nanoPower is >= 0 and <= 18)
            {
                // The common case, without big-number arithmetic: below 10^18 · 10^18 < 2^120, then shifted if it fits.
                var value = ulong.Parse(digits[first..last], NumberStyles.None, CultureInfo.InvariantCulture);
                var product = (UInt128)value * PowersOfTen64[nanoPower];
                magnitude = (int)UInt128.LeadingZeroCount(product) > shift ? (BigInteger)(product << shift) : (BigInteger)product << shift;
            }
            else
            {
                var value = BigInteger.Parse(digits[first..last], NumberStyles.None, CultureInfo.InvariantCulture) << shift;
                if (nanoPower >= 0)
                {
                    magnitude = value * PowerOfTen(nanoPower);
                }
                else
                {
                    magnitude = BigInteger.DivRem(value, PowerOfTen(-nanoPower), out var remainder);
                    if (!remainder.IsZero) magnitude += BigInteger.One;
                }
            }
        }

        if (binary)
        {
            if (magnitude > MaxBinary) magnitude = MaxBinary;
            if (magnitude < NanosPerUnit) format = QuantityFormat.DecimalSI;
        }

        nanos = negative ? -magnitude : magnitude;
        return true;
    }

    private static bool TryInterpretSuffix(ReadOnlySpan<char> suffix, out bool binary, out int exponent, out QuantityFormat format)
    {
        binary = false;
        format = QuantityFormat.DecimalSI;
        exponent = suffix switch
        {
            "" => 0,
            "n" => -9,
            "u" => -6,
            "m" => -3,
            "k" => 3,
            "M" => 6,
            "G" => 9,
            "T" => 12,
            "P" => 15,
            "E" => 18,
            _ => int.MinValue,
        };
        if (exponent != int.MinValue) return true;
        exponent = suffix switch
        {
            "Ki" => 10,
            "Mi" => 20,
            "Gi" => 30,
            "Ti" => 40,
            "Pi" => 50,
            "Ei" => 60,
            _ => int.MinValue,
        };
        if (exponent != int.MinValue)
        {
            binary = true;
            format = QuantityFormat.BinarySI;
            return true;
        }

        exponent = 0;
        if (suffix.Length < 2 || suffix[0] is not ('e' or 'E')) return false;
        var number = suffix[1..];
        var start = number[0] is '+' or '-' ? 1 : 0;
        if (start == number.Length) return false;
        foreach (var c in number[start..])
        {
            if (!char.IsAsciiDigit(c)) return false;
        }

        // Kubernetes keeps the exponent in 32 bits, and rejects one that does not fit (older versions truncated it).
        if (!int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || exponent == int.MinValue) return false;
        format = QuantityFormat.DecimalExponent;
        return true;
    }
}
