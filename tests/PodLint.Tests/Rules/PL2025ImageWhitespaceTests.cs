using NUnit.Framework;
using PodLint.Diagnostics;

namespace PodLint.Tests.Rules;

public class PL2025ImageWhitespaceTests
{
    [Test]
    public void Reports_the_image_with_the_trimmed_one_as_help()
    {
        var found = RuleAssert.FindingsInSpec("PL2025", "  containers:\n    - {name: web, image: \" something \"}\n");
        Assert.That(found, Has.Count.EqualTo(1));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(found[0].Path, Is.EqualTo("spec.containers[0].image"));
            Assert.That(found[0].ErrorType, Is.EqualTo(ApiErrorType.Invalid));
            Assert.That(found[0].Message, Is.EqualTo("image ` something ` of container `web` must not have leading or trailing whitespace"));
            Assert.That(found[0].Help, Is.EqualTo("write the image without the surrounding spaces: `something`"));
        }
    }

    [Test]
    public void Whitespace_only_asks_for_an_image()
    {
        var found = RuleAssert.FindingsInSpec("PL2025", "  containers:\n    - {name: web, image: \" \"}\n");
        Assert.That(found.Single().Help, Is.EqualTo("give the container an image, e.g. `nginx:1.27`"));
    }

    [Test]
    public void An_empty_image_is_PL2002s()
        => Assert.That(RuleAssert.FindingsInSpec("PL2025", "  containers:\n    - {name: web, image: \"\"}\n"), Is.Empty);
}
