using NUnit.Framework;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Rules.ApiServer;

namespace PodLint.Tests.Rules;

public class PL2024InvalidContainerPortTests
{
    [Test]
    public void Reports_numbers_with_the_servers_types()
    {
        var found = RuleAssert.FindingsInSpec("PL2024",
            "  containers:\n    - name: web\n      image: nginx\n      ports:\n        - {containerPort: 0}\n        - {containerPort: 70000, hostPort: 65536}\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType, d.Message)), Is.EqualTo(new (string, ApiErrorType?, string)[]
            {
                ("spec.containers[0].ports[0].containerPort", ApiErrorType.Required, "`containerPort` is 0"),
                ("spec.containers[0].ports[1].containerPort", ApiErrorType.Invalid, "`containerPort: 70000` must be between 1 and 65535, inclusive"),
                ("spec.containers[0].ports[1].hostPort", ApiErrorType.Invalid, "`hostPort: 65536` must be between 1 and 65535, inclusive"),
            }));
            Assert.That(found[2].Help, Is.EqualTo("give a node port between 1 and 65535, or remove `hostPort` (0 means none)"));
        }
    }

    [Test]
    public void Reports_names_and_duplicates_within_one_container()
    {
        var found = RuleAssert.FindingsInSpec("PL2024",
            "  containers:\n    - name: web\n      image: nginx\n      ports:\n        - {name: http, containerPort: 80}\n        - {name: http, containerPort: 81, protocol: UDP}\n        - {name: Http_1, containerPort: 82}\n"
            + "    - name: b\n      image: nginx\n      ports: [{name: http, containerPort: 90}]\n");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found.Select(d => (d.Path, d.ErrorType)), Is.EqualTo(new (string, ApiErrorType?)[]
            {
                ("spec.containers[0].ports[1].name", ApiErrorType.Duplicate),
                ("spec.containers[0].ports[2].name", ApiErrorType.Invalid),
            }));
            Assert.That(found[0].Message, Is.EqualTo("port name `http` is already used by `ports[0]` of this container"));
            Assert.That(found[1].Message, Is.EqualTo("port name `Http_1` is invalid: must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"));
        }
    }

    [TestCase("http", new string[0])]
    [TestCase("abcdefghijklmnop", new[] { "must be no more than 15 characters" })]
    [TestCase("8080", new[] { "must contain at least one letter (a-z)" })]
    [TestCase("a--b", new[] { "must not contain consecutive hyphens" })]
    [TestCase("-ab-", new[] { "must not begin or end with a hyphen" })]
    [TestCase("HTTP", new[] { "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)", "must contain at least one letter (a-z)" })]
    public void Port_name_details_follow_apimachinery(string name, string[] expected)
        => Assert.That(PortNames.Errors(name), Is.EqualTo(expected));
}
