using NUnit.Framework;
using PodLint.Rules.ApiServer;

namespace PodLint.Tests.Rules;

/// <summary>The shared name formats give the API server's detail strings byte for byte (spec §4.2, §4.3).</summary>
public class NameFormatsTests
{
    private const string LabelRegexMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    private const string NamePartMessage = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    [TestCase("a")]
    [TestCase("my-name")]
    [TestCase("123-abc")]
    public void Valid_labels(string value) => Assert.That(NameFormats.Dns1123Label(value), Is.Empty);

    [Test]
    public void Label_with_dots_must_not_contain_dots()
        => Assert.That(NameFormats.Dns1123Label("a.b"), Is.EqualTo(new[] { "must not contain dots" }));

    [Test]
    public void Label_messages_keep_the_servers_two_spaces()
        => Assert.That(NameFormats.Dns1123Label("A_b"), Is.EqualTo(new[] { LabelRegexMessage }));

    [Test]
    public void Too_long_label_gets_both_errors()
        => Assert.That(NameFormats.Dns1123Label(new string('A', 64)), Is.EqualTo(new[] { "must be no more than 63 characters", LabelRegexMessage }));

    [Test]
    public void Trailing_newline_is_not_accepted()
        => Assert.That(NameFormats.Dns1123Subdomain("web\n"), Has.Count.EqualTo(1));

    [Test]
    public void Subdomain_message()
        => Assert.That(NameFormats.Dns1123Subdomain("-x"), Is.EqualTo(new[]
        {
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        }));

    [TestCase("web-", true)]
    [TestCase("a-", true)]
    [TestCase("-", false)]
    [TestCase("web--", true)]
    [TestCase("Web-", false)]
    public void Generate_name_masks_a_trailing_dash(string value, bool valid)
        => Assert.That(NameFormats.Dns1123SubdomainPrefix(value), valid ? Is.Empty : Is.Not.Empty);

    [Test]
    public void Empty_name_part_gets_both_errors_as_upstream()
        => Assert.That(NameFormats.QualifiedName("example.com/", "1.33"), Is.EqualTo(new[] { "name part must be non-empty", NamePartMessage }));

    [Test]
    public void Empty_prefix()
        => Assert.That(NameFormats.QualifiedName("/simple", "1.33"), Is.EqualTo(new[] { "prefix part must be non-empty" }));

    [Test]
    public void Prefix_errors_are_prefixed()
        => Assert.That(NameFormats.QualifiedName("Example.com/x", "1.33")[0], Does.StartWith("prefix part a lowercase RFC 1123 subdomain must consist of"));

    [Test]
    public void Two_slashes_wording_follows_the_version()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(NameFormats.QualifiedName("a/b/c", "1.34"), Is.EqualTo(new[]
            {
                "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
            }));
            Assert.That(NameFormats.QualifiedName("a/b/c", "1.35")[0], Does.StartWith("a valid label key must consist of"));
        }
    }

    [Test]
    public void Long_name_part_counts_characters_then_bytes()
    {
        var name = new string('a', 64);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(NameFormats.QualifiedName(name, "1.34"), Is.EqualTo(new[] { "name part must be no more than 63 characters" }));
            Assert.That(NameFormats.QualifiedName(name, "1.35"), Is.EqualTo(new[] { "name part must be no more than 63 bytes" }));
            Assert.That(NameFormats.QualifiedName(new string('a', 63), "1.35"), Is.Empty);
        }
    }

    [TestCase("")]
    [TestCase("MyValue")]
    [TestCase("my_value")]
    [TestCase("1.2.3")]
    public void Valid_label_values(string value) => Assert.That(NameFormats.LabelValue(value, "1.33"), Is.Empty);

    [Test]
    public void Label_value_message_is_the_servers()
        => Assert.That(NameFormats.LabelValue("-1", "1.33"), Is.EqualTo(new[]
        {
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        }));

    [Test]
    public void Long_label_value_follows_the_version()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(NameFormats.LabelValue(new string('a', 64), "1.34"), Is.EqualTo(new[] { "must be no more than 63 characters" }));
            Assert.That(NameFormats.LabelValue(new string('a', 64), "1.35"), Is.EqualTo(new[] { "must be no more than 63 bytes" }));
        }
    }

    [Test]
    public void Lengths_are_in_utf8_bytes()
        => Assert.That(NameFormats.LabelValue(new string('é', 32), "1.33"), Has.Member("must be no more than 63 characters"));
}
