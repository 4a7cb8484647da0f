using PodLint.Diagnostics;

namespace PodLint.Tests.Input;

/// <summary>PL1001: a value of the wrong type is reported at the value, and the rest of the Pod is still checked.</summary>
[TestFixture]
public class ValueTypeTests
{
    private const string PortPath = "spec.containers[0].ports[0].containerPort";
    private const string ValuePath = "spec.containers[0].env[0].value";

    // Line 10 holds the port (column 26), line 13 the env value (column 18); the second container repeats the
    // name `app` (PL2001 at 14:13-14:16), which proves the rest of the Pod is still checked.
    private static string Pod(string port = "8080", string value = "\"fast\"", string? env = null) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: app
              image: nginx:1.27.3
              ports:
                - containerPort: {port}
              env:
        {env ?? $"        - name: MODE\n          value: {value}"}
            - name: app
              image: nginx:1.27.3

        """;

    private const string StillChecked = "PL2001 14:13-14:16 spec.containers[1].name";

    private static Diagnostic AssertTypeError(string text, string where, string message)
    {
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { where, StillChecked }), () => Lint.Dump(result));
        var d = result.Single(RuleIds.InvalidValueType);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Message, Is.EqualTo(message));
            Assert.That(d.Severity, Is.EqualTo(Severity.Error));
            Assert.That(d.RuleName, Is.EqualTo("invalid-value-type"));
            Assert.That(d.Object?.Name, Is.EqualTo("web"));
        }

        return d;
    }

    [Test]
    public void A_word_where_an_integer_is_expected()
    {
        var d = AssertTypeError(Pod(port: "eighty"), "PL1001 10:26-10:32 " + PortPath,
            "`spec.containers[0].ports[0].containerPort`: expected integer, got string `eighty`");
        Assert.That(d.Help, Is.EqualTo("give the field a value of type integer"));
    }

    [Test]
    public void A_quoted_port_is_a_string()
    {
        var d = AssertTypeError(Pod(port: "\"8080\""), "PL1001 10:26-10:32 " + PortPath, "`" + PortPath + "`: expected integer, got string `8080`");
        Assert.That(d.Help, Is.EqualTo("remove the quotes: a quoted number is a string"));
    }

    [TestCase("3000000000", "10:26-10:36")]
    [TestCase("2147483648", "10:26-10:36")]
    [TestCase("-2147483649", "10:26-10:37")]
    [TestCase("0x80000000", "10:26-10:36")]
    public void An_integer_out_of_the_int32_range(string port, string range)
        => AssertTypeError(Pod(port: port), "PL1001 " + range + " " + PortPath,
            "`" + PortPath + "`: the integer " + port + " is too " + (port.StartsWith('-') ? "small" : "large") + " for this field, which holds 32-bit integers");

    [TestCase("2147483647")]
    [TestCase("-2147483648")]
    [TestCase("0x1F90")]
    [TestCase("8_080")]
    public void Integers_in_the_int32_range_are_accepted(string port)
        // A valid int32 decodes (no PL1001); outside 1-65535 it is then the API server's range error, PL2024.
        => Assert.That(Lint.Where(Lint.Text(Pod(port: port))).Where(w => !w.StartsWith("PL2024 ", StringComparison.Ordinal)), Is.EqualTo(new[] { StillChecked }));

    [Test]
    public void An_integral_float_is_accepted_as_the_integer()
    {
        // 8080.0 becomes 8080 in Kubernetes' YAML-to-JSON conversion: it clashes with the other container's 8080.
        var text = Pod(port: "8080.0") + "      ports: [{ containerPort: 8080 }]\n";
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { StillChecked, "PL3001 16:32-16:36 spec.containers[1].ports[0].containerPort" }),
            () => Lint.Dump(result));
        Assert.That(Lint.Where(result.Single(RuleIds.DuplicateContainerPort).Related[0].Span), Is.EqualTo("10:26-10:32"));
    }

    [Test]
    public void An_integral_exponent_is_accepted_as_the_integer()
        // go-yaml reads 1e3 as a float; Go's JSON encoder writes it as 1000 (exponents only from 1e21), so it decodes as an int.
        => Assert.That(Lint.Where(Lint.Text(Pod(port: "1e3"))), Is.EqualTo(new[] { StillChecked }));

    [Test]
    public void An_exponent_beyond_int32_is_out_of_range_not_a_type_error()
        => AssertTypeError(Pod(port: "1e10"), "PL1001 10:26-10:30 " + PortPath, "`" + PortPath + "`: the integer 1e10 is too large for this field, which holds 32-bit integers");

    [Test]
    public void An_exponent_from_1e21_is_rejected()
        => AssertTypeError(Pod(port: "1e21"), "PL1001 10:26-10:30 " + PortPath, "`" + PortPath + "`: expected integer, got number 1e21");

    [Test]
    public void A_fraction_is_rejected()
        => AssertTypeError(Pod(port: "8080.5"), "PL1001 10:26-10:32 " + PortPath, "`" + PortPath + "`: expected integer, got number 8080.5");

    [Test]
    public void A_boolean_where_an_integer_is_expected()
        => AssertTypeError(Pod(port: "yes"), "PL1001 10:26-10:29 " + PortPath, "`" + PortPath + "`: expected integer, got boolean yes");

    [Test]
    public void A_mapping_where_an_array_is_expected()
    {
        var d = AssertTypeError(Pod(env: "        MODE: fast\n        LEVEL: debug"), "PL1001 12:9-13:21 spec.containers[0].env",
            "`spec.containers[0].env`: expected array, got object");
        Assert.That(d.Path, Is.EqualTo("spec.containers[0].env"));
    }

    [Test]
    public void A_scalar_where_an_array_is_expected()
        => AssertTypeError(Pod(env: "        MODE=fast\n        # one line more"), "PL1001 12:9-12:18 spec.containers[0].env",
            "`spec.containers[0].env`: expected array, got string `MODE=fast`");

    [Test]
    public void An_unquoted_yes_in_env_is_a_YAML_1_1_boolean()
    {
        var d = AssertTypeError(Pod(value: "yes"), "PL1001 13:18-13:21 " + ValuePath, "`" + ValuePath + "`: expected string, got boolean yes");
        Assert.That(d.Help, Is.EqualTo("Kubernetes reads YAML 1.1, where unquoted `yes` is a boolean; quote it if you mean the string"));
    }

    [TestCase("on")]
    [TestCase("off")]
    [TestCase("no")]
    [TestCase("Y")]
    public void Other_YAML_1_1_booleans_get_the_same_help(string value)
    {
        var d = AssertTypeError(Pod(value: value), FormattableString.Invariant($"PL1001 13:18-13:{18 + value.Length} {ValuePath}"),
            "`" + ValuePath + "`: expected string, got boolean " + value);
        Assert.That(d.Help, Is.EqualTo($"Kubernetes reads YAML 1.1, where unquoted `{value}` is a boolean; quote it if you mean the string"));
    }

    [TestCase("true", "boolean true")]
    [TestCase("1.10", "number 1.10")]
    [TestCase("42", "integer 42")]
    public void Other_plain_scalars_where_a_string_is_expected_get_the_quoting_help(string value, string described)
    {
        var d = AssertTypeError(Pod(value: value), FormattableString.Invariant($"PL1001 13:18-13:{18 + value.Length} {ValuePath}"),
            "`" + ValuePath + "`: expected string, got " + described);
        Assert.That(d.Help, Is.EqualTo("quote the value if it is meant as a string"));
    }

    [TestCase("\"yes\"")]
    [TestCase("'1.10'")]
    [TestCase("!!str on")]
    [TestCase("''")]
    [TestCase("~")]
    public void Strings_and_null_are_accepted_as_strings(string value)
        => Assert.That(Lint.Where(Lint.Text(Pod(value: value))), Is.EqualTo(new[] { StillChecked }));

    [Test]
    public void A_wrong_type_found_through_a_merge_is_reported_where_it_was_written_with_the_path_where_it_is_used()
    {
        var text = "x-port: &port { containerPort: eighty, protocol: TCP }\n"
            + Pod().Replace("        - containerPort: 8080", "        - <<: *port", StringComparison.Ordinal);
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL1002 1:1-1:7 x-port", "PL1001 1:32-1:38 " + PortPath, "PL2001 15:13-15:16 spec.containers[1].name" }),
            () => Lint.Dump(result));
    }

    [Test]
    public void An_image_of_the_wrong_type_is_reported_once()
    {
        var text = Pod().Replace("      image: nginx:1.27.3\n      ports:", "      image: [nginx]\n      ports:", StringComparison.Ordinal);
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[] { "PL1001 8:14-8:21 spec.containers[0].image", StillChecked }), () => Lint.Dump(result));
        Assert.That(result.Single(RuleIds.InvalidValueType).Message, Is.EqualTo("`spec.containers[0].image`: expected string, got array"));
    }

    [Test]
    public void Several_type_errors_in_one_Pod_are_all_reported_in_file_order()
    {
        var text = Pod(port: "eighty", value: "yes").Replace("  name: web", "  name: web\n  labels: { tier: 1 }", StringComparison.Ordinal);
        var result = Lint.Text(text);
        Assert.That(Lint.Where(result), Is.EqualTo(new[]
        {
            "PL1001 5:19-5:20 metadata.labels[tier]",
            "PL1001 11:26-11:32 " + PortPath,
            "PL1001 14:18-14:21 " + ValuePath,
            "PL2001 15:13-15:16 spec.containers[1].name",
        }), () => Lint.Dump(result));
    }

    [TestCase("3000000000")]
    [TestCase("99999999999999999999")]
    public void An_int_or_string_integer_beyond_32_bits_does_not_fit(string port)
    {
        // intstr.IntOrString decodes its integer into an int32; found by the binder's agreement test.
        var text = Pod().Replace("    env:\n        - name: MODE\n          value: \"fast\"\n",
            $"    livenessProbe: {{tcpSocket: {{port: {port}}}}}\n", StringComparison.Ordinal);
        var result = Lint.Text(text);
        var d = result.Single(RuleIds.InvalidValueType);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(d.Path, Is.EqualTo("spec.containers[0].livenessProbe.tcpSocket.port"));
            Assert.That(d.Message, Does.EndWith($"the integer {port} is too large for this field, which holds 32-bit integers"));
        }
    }
}
