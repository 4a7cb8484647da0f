using PodLint.Parsing;

namespace PodLint.Tests.Parsing;

/// <summary>
/// Scalars are typed the way Kubernetes reads YAML: go-yaml v2, YAML 1.1 (then converted to JSON). Quoted
/// scalars are always strings; plain ones are resolved.
/// </summary>
[TestFixture]
public class ScalarResolutionTests
{
    private static ScalarNode Value(string yaml)
    {
        var node = TreeParsing.Root("v: " + yaml + "\n").At("v");
        Assert.That(node, Is.TypeOf<ScalarNode>());
        return (ScalarNode)node;
    }

    [TestCase("yes", true)]
    [TestCase("Yes", true)]
    [TestCase("YES", true)]
    [TestCase("no", false)]
    [TestCase("No", false)]
    [TestCase("NO", false)]
    [TestCase("on", true)]
    [TestCase("On", true)]
    [TestCase("ON", true)]
    [TestCase("off", false)]
    [TestCase("Off", false)]
    [TestCase("OFF", false)]
    [TestCase("y", true)]
    [TestCase("Y", true)]
    [TestCase("n", false)]
    [TestCase("N", false)]
    [TestCase("true", true)]
    [TestCase("True", true)]
    [TestCase("TRUE", true)]
    [TestCase("false", false)]
    [TestCase("False", false)]
    [TestCase("FALSE", false)]
    public void YAML_1_1_booleans(string text, bool expected)
    {
        var scalar = Value(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scalar.Type, Is.EqualTo(ScalarType.Bool));
            Assert.That(scalar.AsBool(), Is.EqualTo(expected));
            Assert.That(scalar.Describe(), Is.EqualTo("boolean " + text));
        }
    }

    [TestCase("yEs")]
    [TestCase("oN")]
    [TestCase("nO")]
    [TestCase("tRUE")]
    [TestCase("yess")]
    public void Mixed_case_words_are_not_booleans(string text)
        => Assert.That(Value(text).Type, Is.EqualTo(ScalarType.String));

    [TestCase("0", 0L)]
    [TestCase("8080", 8080L)]
    [TestCase("-42", -42L)]
    [TestCase("+42", 42L)]
    [TestCase("0x1F", 31L)]
    [TestCase("0X1f", 31L)]
    [TestCase("-0x1F", -31L)]
    [TestCase("0o17", 15L)]
    [TestCase("017", 15L)]
    [TestCase("0b101", 5L)]
    [TestCase("1_000", 1000L)]
    [TestCase("0x_1F", 31L)]
    [TestCase("9223372036854775807", long.MaxValue)]
    [TestCase("-9223372036854775808", long.MinValue)]
    public void Integers(string text, long expected)
    {
        var scalar = Value(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scalar.Type, Is.EqualTo(ScalarType.Int));
            Assert.That(scalar.AsInt64(), Is.EqualTo(expected));
            Assert.That(scalar.AsDouble(), Is.EqualTo((double)expected));
            Assert.That(scalar.Describe(), Is.EqualTo("integer " + text));
        }
    }

    // 08 and 09 are not octal, so go-yaml's ParseInt fails and its float pattern matches.
    [TestCase("08", 8.0)]
    [TestCase("09.5", 9.5)]
    [TestCase("1.5", 1.5)]
    [TestCase("8080.0", 8080.0)]
    [TestCase("-0.25", -0.25)]
    [TestCase(".5", 0.5)]
    [TestCase("1.", 1.0)]
    [TestCase("1e6", 1e6)]
    [TestCase("1E+3", 1000.0)]
    [TestCase("2.5e-3", 0.0025)]
    [TestCase("1_000.5", 1000.5)]
    [TestCase("18446744073709551616", 18446744073709551616.0)]
    public void Floats(string text, double expected)
    {
        var scalar = Value(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scalar.Type, Is.EqualTo(ScalarType.Float));
            Assert.That(scalar.AsDouble(), Is.EqualTo(expected));
            Assert.That(scalar.AsInt64(), Is.Null);
            Assert.That(scalar.Describe(), Is.EqualTo("number " + text));
        }
    }

    // go-yaml v2 tries ParseInt, then ParseUint, then its float pattern: 2^63 .. 2^64-1 are integers (uint64).
    [TestCase("9223372036854775808")]
    [TestCase("18446744073709551615")]
    public void Integers_above_int64_up_to_uint64_max_are_integers(string text)
    {
        var scalar = Value(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scalar.Type, Is.EqualTo(ScalarType.Int));
            Assert.That(scalar.Describe(), Is.EqualTo("integer " + text));
        }
    }

    [TestCase(".inf", double.PositiveInfinity)]
    [TestCase(".Inf", double.PositiveInfinity)]
    [TestCase("+.INF", double.PositiveInfinity)]
    [TestCase("-.inf", double.NegativeInfinity)]
    [TestCase(".nan", double.NaN)]
    [TestCase(".NaN", double.NaN)]
    public void Infinity_and_not_a_number(string text, double expected)
    {
        var scalar = Value(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scalar.Type, Is.EqualTo(ScalarType.Float));
            Assert.That(scalar.AsDouble(), Is.EqualTo(expected));
        }
    }

    [TestCase("\"8080\"")]
    [TestCase("'8080'")]
    [TestCase("\"yes\"")]
    [TestCase("'true'")]
    [TestCase("\"0x1F\"")]
    [TestCase("\"1.5\"")]
    [TestCase("\"null\"")]
    [TestCase("\"~\"")]
    [TestCase("\"\"")]
    public void Quoted_scalars_are_strings(string text)
        => Assert.That(Value(text).Type, Is.EqualTo(ScalarType.String));

    [TestCase("|\n  8080")]
    [TestCase(">\n  yes")]
    public void Block_scalars_are_strings(string text)
        => Assert.That(Value(text).Type, Is.EqualTo(ScalarType.String));

    [TestCase("~")]
    [TestCase("null")]
    [TestCase("Null")]
    [TestCase("NULL")]
    [TestCase("")]
    public void Nulls(string text)
    {
        var scalar = Value(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scalar.Type, Is.EqualTo(ScalarType.Null));
            Assert.That(scalar.Describe(), Is.EqualTo("null"));
            Assert.That(scalar.AsBool(), Is.Null);
            Assert.That(scalar.AsInt64(), Is.Null);
        }
    }

    [TestCase("nginx:1.27.3")]
    [TestCase("nUll")]
    [TestCase("0x")]
    [TestCase("1e")]
    [TestCase("0b102")]
    [TestCase("0o8")]
    [TestCase("1.2.3")]
    [TestCase("1:20")]
    [TestCase("2001-12-14")]
    [TestCase("2001-12-14T21:59:43.10Z")]
    [TestCase(".")]
    [TestCase("_1")]
    [TestCase("500m")]
    [TestCase("128Mi")]
    public void Other_plain_text_is_a_string(string text)
    {
        var scalar = Value(text);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scalar.Type, Is.EqualTo(ScalarType.String));
            Assert.That(scalar.Value, Is.EqualTo(text));
            Assert.That(scalar.Describe(), Is.EqualTo("string `" + text + "`"));
        }
    }

    [TestCase("!!str 80", "String")]
    [TestCase("!!str yes", "String")]
    [TestCase("!!str ~", "String")]
    [TestCase("! 80", "String")]
    [TestCase("!!int \"80\"", "Int")]
    [TestCase("!!bool \"yes\"", "Bool")]
    [TestCase("!!float \"1\"", "Float")]
    [TestCase("!!null \"\"", "Null")]
    public void Explicit_tags_decide_the_type(string text, string expectedType)
        => Assert.That(Value(text).Type, Is.EqualTo(Enum.Parse<ScalarType>(expectedType)));

    [Test]
    public void A_tagged_string_keeps_its_text()
    {
        var scalar = Value("!!str 80");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(scalar.Value, Is.EqualTo("80"));
            Assert.That(scalar.IsPlain, Is.True);
            Assert.That(scalar.AsInt64(), Is.Null);
            Assert.That(scalar.Describe(), Is.EqualTo("string `80`"));
        }
    }

    [Test]
    public void Long_strings_are_shortened_and_escaped_in_descriptions()
    {
        var scalar = Value("\"" + new string('a', 70) + "\\n\\\"\"");
        Assert.That(scalar.Describe(), Is.EqualTo("string `" + new string('a', 60) + "…`"));
        Assert.That(Value("\"a\\tb\\\\c\\\"\"").Describe(), Is.EqualTo("string `a\\tb\\\\c\"`"));
    }
}
