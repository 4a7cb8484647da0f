using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Rules.ApiServer;

namespace PodLint.Tests.Rules;

public class PL2020InvalidContainerNameTests
{
    // The server's detail, byte for byte (two spaces before `or`).
    private const string LabelRegexDetail = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    [Test]
    public void Reports_the_servers_label_message_with_a_suggestion()
    {
        var found = RuleAssert.FindingsInSpec("PL2020", "  containers:\n    - {name: Web_Server, image: nginx}\n");
        Assert.That(found, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Path, Is.EqualTo("spec.containers[0].name"));
            Assert.That(found[0].ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(found[0].Message, Is.EqualTo("container name `Web_Server` is invalid: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"));
            Assert.That(found[0].Help, Is.EqualTo("use only lowercase letters, digits and `-`, starting and ending with a letter or digit, e.g. `web-server`"));
        }
    }

    [Test]
    public void Reports_dots_length_and_empty_names()
    {
        var found = RuleAssert.FindingsInSpec("PL2020",
            "  containers:\n    - {name: a.b, image: nginx}\n    - {name: \"\", image: nginx}\n    - {name: " + new string('a', 64) + ", image: nginx}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EqualTo(new[]
            {
                ("spec.containers[0].name", (ApiErrorType?)ApiErrorType.Invalid),
                ("spec.containers[1].name", ApiErrorType.Required),
                ("spec.containers[2].name", ApiErrorType.Invalid),
            }));
            Assert.That(found[0].Message, Is.EqualTo("container name `a.b` is invalid: must not contain dots"));
            Assert.That(found[0].Help, Is.EqualTo("replace the dots: a container name is one DNS label, e.g. `a-b`"));
            Assert.That(found[1].Message, Is.EqualTo("container name is empty"));
            Assert.That(found[2].Message, Does.EndWith("is invalid: must be no more than 63 characters"));
            Assert.That(found[2].Help, Is.EqualTo("shorten the name to 63 characters or fewer"));
        }
    }

    [TestCase("abc", new string[0])]
    [TestCase("123-abc", new string[0])]
    [TestCase("a-", new[] { LabelRegexDetail })]
    [TestCase("-a", new[] { LabelRegexDetail })]
    [TestCase("a..b", new[] { LabelRegexDetail })]
    [TestCase("a.b", new[] { NameFormats.NoDotsDetail })]
    [TestCase("abc\n", new[] { LabelRegexDetail })]
    [TestCase("é", new[] { LabelRegexDetail })]
    public void Label_details_follow_apimachinery(string value, string[] expected)
        => Assert.That(NameFormats.Dns1123Label(value), Is.EqualTo(expected));

    [Test]
    public void Length_is_counted_in_bytes_and_comes_first()
        => Assert.That(NameFormats.Dns1123Label(new string('A', 64)),
            Is.EqualTo(new[] { NameFormats.LabelTooLongDetail, LabelRegexDetail }));
}
