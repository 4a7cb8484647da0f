using System.Diagnostics;
using System.Numerics;
using PodLint.Model;

namespace PodLint.Tests.Model;

/// <summary>
/// Quantities parse and print as <c>k8s.io/apimachinery</c>'s <c>resource.Quantity</c> does (the examples of its
/// documentation and of its tests, <c>quantity_test.go</c>), and do exact arithmetic.
/// </summary>
public class QuantityTests
{
    [TestCase("100m", "100m", "100000000")]
    [TestCase("0.5", "500m", "500000000")]
    [TestCase("1", "1", "1000000000")]
    [TestCase("2Gi", "2Gi", "2147483648000000000")]
    [TestCase("1.5Gi", "1536Mi", "1610612736000000000")]
    [TestCase("1536Mi", "1536Mi", "1610612736000000000")]
    [TestCase("0.5Gi", "512Mi", "536870912000000000")]
    [TestCase("1.5Ki", "1536", "1536000000000")]
    [TestCase("0.5Ki", "512", "512000000000")]
    [TestCase("1025Ki", "1025Ki", "1049600000000000")]
    [TestCase("1.5", "1500m", "1500000000")]
    [TestCase("1000m", "1", "1000000000")]
    [TestCase("1e3", "1e3", "1000000000000")]
    [TestCase("1E3", "1e3", "1000000000000")]
    [TestCase("1E-3", "1e-3", "1000000")]
    [TestCase("1.5e3", "1500", "1500000000000")]
    [TestCase("129e6", "129e6", "129000000000000000")]
    [TestCase("128974848", "128974848", "128974848000000000")]
    [TestCase("123Mi", "123Mi", "128974848000000000")]
    [TestCase("+1", "1", "1000000000")]
    [TestCase(".5", "500m", "500000000")]
    [TestCase("1.", "1", "1000000000")]
    [TestCase("1.G", "1G", "1000000000000000000")]
    [TestCase("-1", "-1", "-1000000000")]
    [TestCase("-1.5Gi", "-1536Mi", "-1610612736000000000")]
    [TestCase("500n", "500n", "500")]
    [TestCase("3u", "3u", "3000")]
    [TestCase("1E", "1E", "1000000000000000000000000000")]
    [TestCase("0", "0", "0")]
    [TestCase("0Mi", "0", "0")]
    [TestCase("00.000", "0", "0")]
    [TestCase("0.1n", "1n", "1")]
    [TestCase("-0.1n", "-1n", "-1")]
    [TestCase("1.0000000001", "1000000001n", "1000000001")]
    [TestCase("1e-10", "1e-9", "1")]
    [TestCase("1.0001m", "1000100n", "1000100")]
    [TestCase("12e-3", "12e-3", "12000000")]
    [TestCase("0.001Ki", "1024m", "1024000000")]
    [TestCase("100k", "100k", "100000000000000")]
    [TestCase("0100", "100", "100000000000")]
    [TestCase("3.001n", "4n", "4")]
    [TestCase("1.1E-9", "2e-9", "2")]
    [TestCase("0.00000012345", "124n", "124")]
    [TestCase("0.000000000001Ki", "2n", "2")]
    [TestCase(".000001Ki", "1024u", "1024000")]
    [TestCase("9Ei", "9223372036854775807", "9223372036854775807000000000")]
    [TestCase("9223372036854775807Ki", "9223372036854775807", "9223372036854775807000000000")]
    [TestCase("100.035Ki", "102435840m", "102435840000000")]
    [TestCase("0.025Ti", "27487790694400m", "27487790694400000000")]
    [TestCase("1.3E+6", "1300e3", "1300000000000000")]
    [TestCase("0.5e-2", "5e-3", "5000000")]
    [TestCase("10.035M", "10035k", "10035000000000000")]
    [TestCase("1024Mi", "1Gi", "1073741824000000000")]
    [TestCase("300Mi", "300Mi", "314572800000000000")]
    public void Parses_exactly_and_prints_as_Kubernetes(string text, string printed, string nanos)
    {
        Assert.That(Quantity.TryParse(text, out var q), Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(q.Nanos, Is.EqualTo(BigInteger.Parse(nanos, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(q.ToString(), Is.EqualTo(printed));
            Assert.That(q.Text, Is.EqualTo(text), "the text is kept as written");
            Assert.That(Quantity.Parse(printed), Is.EqualTo(q), "the printed form parses back to the same value");
        }
    }

    [TestCase("1K")]
    [TestCase("1 Gi")]
    [TestCase(" 1")]
    [TestCase("1gi")]
    [TestCase("Gi")]
    [TestCase("1.5.2")]
    [TestCase("0x10")]
    [TestCase("1e")]
    [TestCase("1e+")]
    [TestCase("1Ee3")]
    [TestCase("12 GB")]
    [TestCase("1kb")]
    [TestCase("1mi")]
    [TestCase("1i")]
    [TestCase("1MB")]
    [TestCase("")]
    [TestCase(".")]
    [TestCase("-")]
    [TestCase("+")]
    [TestCase("--1")]
    [TestCase("1e99999999999999999999")]
    [TestCase("∞")]
    public void Text_that_is_not_a_quantity_has_no_value(string text)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Quantity.TryParse(text, out var q), Is.False);
            Assert.That(q.HasValue, Is.False);
            Assert.That(q.Text, Is.EqualTo(text));
            Assert.That(q.ToString(), Is.EqualTo(text));
            Assert.That(() => q.Nanos, Throws.InvalidOperationException);
            Assert.That(() => q + Quantity.Zero, Throws.InvalidOperationException);
            Assert.That(() => Quantity.Parse(text), Throws.TypeOf<FormatException>());
        }
    }

    [Test]
    public void Null_and_default_have_no_value()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Quantity.TryParse(null, out _), Is.False);
            Assert.That(default(Quantity).HasValue, Is.False);
            Assert.That(default(Quantity).Text, Is.Empty);
            Assert.That(default(Quantity).Equals(new Quantity(string.Empty)), Is.True);
        }
    }

    [Test]
    public void Binary_values_are_capped_at_2_to_the_63_minus_1_and_decimal_ones_are_not()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Quantity.Parse("8Ei").Nanos, Is.EqualTo(long.MaxValue * new BigInteger(1_000_000_000)));
            Assert.That(Quantity.Parse("16Ei").ToString(), Is.EqualTo("9223372036854775807"));
            Assert.That(Quantity.Parse("-16Ei").ToString(), Is.EqualTo("-9223372036854775807"));
            Assert.That(Quantity.Parse("7Ei").ToString(), Is.EqualTo("7Ei"));
            Assert.That(Quantity.Parse("10E").ToString(), Is.EqualTo("10E"));
            Assert.That(Quantity.Parse("1000E").ToString(), Is.EqualTo("1e21"), "Kubernetes has no decimal SI suffix above E");
            Assert.That((Quantity.Parse("7Ei") + Quantity.Parse("7Ei") + Quantity.Parse("2Ei")).ToString(), Is.EqualTo("16Ei"), "sums are not capped");
            Assert.That((Quantity.Parse("1024Ei") + Quantity.Zero).ToString(), Is.EqualTo("9223372036854775807"));
            var twoTo70 = BigInteger.Pow(2, 70) * 1_000_000_000;
            Assert.That(Quantity.FromNanos(twoTo70, QuantityFormat.BinarySI).ToString(), Is.EqualTo("1180591620717411303424"), "no suffix beyond Ei: decimal");
            Assert.That(Quantity.FromNanos(BigInteger.Pow(10, 79), QuantityFormat.BinarySI).ToString(), Is.EqualTo("10e69"));
        }
    }

    [Test]
    public void Huge_exponents_are_capped_and_cost_nothing()
    {
        var watch = Stopwatch.StartNew();
        var huge = Quantity.Parse("1e999999999");
        var tiny = Quantity.Parse("1e-999999999");
        var longDigits = Quantity.Parse("0." + new string('0', 5000) + "1");
        watch.Stop();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(huge, Is.EqualTo(Quantity.Parse("1e60")));
            Assert.That(huge, Is.EqualTo(Quantity.Parse("1e61")), "magnitudes from 10^60 are capped");
            Assert.That(huge > Quantity.Parse("999999e54"), Is.True);
            Assert.That(tiny.ToString(), Is.EqualTo("1e-9"));
            Assert.That(Quantity.TryParse("1e2147483647", out _), Is.True);
            Assert.That(Quantity.TryParse("1e-2147483647", out _), Is.True);
            Assert.That(Quantity.TryParse("1e2147483648", out _), Is.False, "Kubernetes rejects an exponent beyond 32 bits");
            Assert.That(Quantity.TryParse("1e-2147483648", out _), Is.False);
            Assert.That(Quantity.TryParse("1e4294967296", out _), Is.False, "older versions truncated it to 1e0");
            Assert.That(longDigits.Nanos, Is.EqualTo(BigInteger.One));
            Assert.That(watch.ElapsedMilliseconds, Is.LessThan(1000));
        }
    }

    [Test]
    public void Compares_by_value()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Quantity.Parse("1Gi"), Is.EqualTo(Quantity.Parse("1024Mi")));
            Assert.That(Quantity.Parse("1Gi").GetHashCode(), Is.EqualTo(Quantity.Parse("1024Mi").GetHashCode()));
            Assert.That(Quantity.Parse("1") == Quantity.Parse("1000m"), Is.True);
            Assert.That(Quantity.Parse("1") != Quantity.Parse("1001m"), Is.True);
            Assert.That(Quantity.Parse("500m") < Quantity.Parse("1"), Is.True);
            Assert.That(Quantity.Parse("1G") > Quantity.Parse("1Gi"), Is.False);
            Assert.That(Quantity.Parse("1G") <= Quantity.Parse("1Gi"), Is.True);
            Assert.That(Quantity.Parse("-1") >= Quantity.Parse("0"), Is.False);
            Assert.That(Quantity.Parse("2").CompareTo((object)Quantity.Parse("1")), Is.EqualTo(1));
            Assert.That(Quantity.Parse("2").CompareTo(null), Is.EqualTo(1));
            Assert.That(new Quantity("abc") < Quantity.Zero, Is.True, "text without a value sorts first");
            Assert.That(new Quantity("abc"), Is.EqualTo(new Quantity("ab" + "c")));
            Assert.That(new Quantity("abc"), Is.Not.EqualTo(new Quantity("abd")));
            Assert.That(Quantity.Max(Quantity.Parse("1Gi"), Quantity.Parse("1024Mi")).Text, Is.EqualTo("1Gi"), "the first of equal ones");
            Assert.That(Quantity.Max(Quantity.Parse("1Gi"), Quantity.Parse("1025Mi")).Text, Is.EqualTo("1025Mi"));
        }
    }

    [Test]
    public void Adds_in_the_format_of_the_first_non_zero_quantity()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That((Quantity.Parse("256Mi") + Quantity.Parse("256Mi")).ToString(), Is.EqualTo("512Mi"));
            Assert.That((Quantity.Parse("100m") + Quantity.Parse("0.5")).ToString(), Is.EqualTo("600m"));
            Assert.That((Quantity.Parse("1") + Quantity.Parse("1")).ToString(), Is.EqualTo("2"));
            Assert.That((Quantity.Zero + Quantity.Parse("1Gi")).ToString(), Is.EqualTo("1Gi"));
            Assert.That((Quantity.Parse("0Mi") + Quantity.Parse("1e3")).ToString(), Is.EqualTo("1e3"));
            Assert.That((Quantity.Parse("1Gi") + Quantity.Parse("1G")).ToString(), Is.EqualTo("2073741824"));
            Assert.That((Quantity.Parse("1G") + Quantity.Parse("1Gi")).ToString(), Is.EqualTo("2073741824"));
            Assert.That((Quantity.Parse("1Gi") + Quantity.Parse("500m")).ToString(), Is.EqualTo("1073741824500m"));
            Assert.That((Quantity.Parse("1") + Quantity.Parse("-1")).ToString(), Is.EqualTo("0"));
            Assert.That(Quantity.Parse("1.5Gi").Add(Quantity.Parse("512Mi")).ToString(), Is.EqualTo("2Gi"));
        }
    }

    [TestCase("0.1m", -3, "1m")]
    [TestCase("1.0001m", -3, "2m")]
    [TestCase("-1.0001m", -3, "-2m")]
    [TestCase("1m", -3, "1m")]
    [TestCase("0", -3, "0")]
    [TestCase("1.5", 0, "2")]
    [TestCase("1n", -9, "1n")]
    [TestCase("1.1Ki", -3, "1126400m")]
    public void Rounds_up_away_from_zero(string text, int scale, string rounded)
        => Assert.That(Quantity.Parse(text).RoundUp(scale).ToString(), Is.EqualTo(rounded));

    [TestCase("1.5", 2L, 1500L)]
    [TestCase("-1.5", -2L, -1500L)]
    [TestCase("1n", 1L, 1L)]
    [TestCase("128Mi", 134_217_728L, 134_217_728_000L)]
    [TestCase("0", 0L, 0L)]
    [TestCase("1e30", long.MaxValue, long.MaxValue)]
    [TestCase("-1e30", long.MinValue, long.MinValue)]
    public void Values_round_up_and_saturate(string text, long value, long milli)
    {
        var q = Quantity.Parse(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(q.Value, Is.EqualTo(value));
            Assert.That(q.MilliValue, Is.EqualTo(milli));
            Assert.That(q.Sign, Is.EqualTo(Math.Sign(value)));
            Assert.That(q.IsZero, Is.EqualTo(value == 0));
        }
    }

    [Test]
    public void From_nanos_prints_in_the_given_format()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Quantity.FromNanos(1_536_000_000).ToString(), Is.EqualTo("1536m"));
            Assert.That(Quantity.FromNanos(new BigInteger(1_048_576) * 1_000_000_000, QuantityFormat.BinarySI).ToString(), Is.EqualTo("1Mi"));
            Assert.That(Quantity.FromNanos(1_000_000_000_000, QuantityFormat.DecimalExponent).ToString(), Is.EqualTo("1e3"));
            Assert.That(Quantity.FromNanos(5).Text, Is.EqualTo("5n"), "a computed quantity's text is its printed form");
            Assert.That(Quantity.Zero.ToString(), Is.EqualTo("0"));
        }
    }

    [TestCase("cpu: 0.5", "0.5", "500m")]
    [TestCase("cpu: 2", "2", "2")]
    [TestCase("cpu: 1e3", "1e3", "1k")]
    [TestCase("cpu: 1.5e-7", "1.5e-7", "150e-9")]
    [TestCase("cpu: 0x10", "0x10", "16")]
    [TestCase("cpu: 010", "010", "8")]
    [TestCase("cpu: 1_000", "1_000", "1k")]
    [TestCase("cpu: 18446744073709551615", "18446744073709551615", "18446744073709551615")]
    [TestCase("cpu: 0.1", "0.1", "100m")]
    [TestCase("cpu: \"0.1\"", "0.1", "100m")]
    [TestCase("cpu: 1e22", "1e22", "10e21")]
    public void YAML_numbers_have_the_value_the_API_server_decodes(string entry, string text, string printed)
    {
        var spec = PodSpecs.Of($$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests: { {{entry}} }
            """);
        var cpu = spec.Containers[0].Resources.Value!.Requests[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(cpu.IsValid, Is.True);
            Assert.That(cpu.Value.Text, Is.EqualTo(text));
            Assert.That(cpu.Value.ToString(), Is.EqualTo(printed));
        }
    }

    [TestCase(".inf")]
    [TestCase("-.inf")]
    [TestCase(".nan")]
    public void YAML_numbers_the_API_server_cannot_decode_have_no_value(string number)
    {
        var spec = PodSpecs.Of($$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  resources:
                    requests: { cpu: {{number}} }
            """);
        var cpu = spec.Containers[0].Resources.Value!.Requests[0];
        Assert.That(cpu.IsValid && cpu.Value.HasValue, Is.False);
    }
}
