using PodLint.Model;
using PodLint.ModelGenerator;

namespace PodLint.Tests.Model;

/// <summary>The typed model is what the generator makes of the committed schemas, so it cannot fall behind them.</summary>
public class ModelGeneratorTests
{
    private static string GeneratedFolder => Path.Combine(RepositoryPaths.Root, "src", "PodLint", "Model", "Generated");

    [Test]
    public void Committed_model_is_what_the_generator_makes_of_the_schemas()
    {
        var expected = ModelGenerator.ModelGenerator.Generate(Path.Combine(RepositoryPaths.Schemas, "kubernetes"));
        var committed = Directory.GetFiles(GeneratedFolder, "*.g.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.That(committed, Is.EqualTo(expected.Keys.ToList()),
            "src/PodLint/Model/Generated is stale: run `dotnet run --project src/PodLint.ModelGenerator -- schemas/kubernetes src/PodLint/Model/Generated`");
        foreach (var (name, text) in expected)
        {
            Assert.That(File.ReadAllText(Path.Combine(GeneratedFolder, name)), Is.EqualTo(text),
                $"{name} is stale: run `dotnet run --project src/PodLint.ModelGenerator -- schemas/kubernetes src/PodLint/Model/Generated`");
        }
    }

    [Test]
    public void The_model_has_every_field_of_every_version()
    {
        // Fields of one version only are in the union, with their versions documented.
        var podSpec = typeof(PodSpec).GetProperties().Select(p => p.Name).ToHashSet();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(podSpec, Is.SupersetOf(new[] { "Affinity", "Tolerations", "TopologySpreadConstraints", "DnsConfig", "ResourceClaims", "SchedulingGates", "Resources", "HostnameOverride", "WorkloadRef", "SchedulingGroup" }));
            Assert.That(typeof(Container).GetProperty(nameof(Container.RestartPolicyRules)), Is.Not.Null);
            Assert.That(typeof(Container).GetProperty(nameof(Container.TargetContainerName)), Is.Not.Null, "ephemeral containers bind into Container");
            Assert.That(typeof(Lifecycle).GetProperty(nameof(Lifecycle.PreStop))!.PropertyType, Is.EqualTo(typeof(Field<LifecycleHandler>)));
            Assert.That(typeof(Container).GetProperty(nameof(Container.LivenessProbe))!.PropertyType, Is.EqualTo(typeof(Field<Probe>)));
            Assert.That(typeof(ContainerPort).GetProperty(nameof(ContainerPort.ContainerPortNumber))!.PropertyType, Is.EqualTo(typeof(Field<int>)));
            Assert.That(typeof(PodSpec).GetProperty(nameof(PodSpec.ActiveDeadlineSeconds))!.PropertyType, Is.EqualTo(typeof(Field<long>)));
            Assert.That(typeof(ResourceRequirements).GetProperty(nameof(ResourceRequirements.Limits))!.PropertyType, Is.EqualTo(typeof(MapField<Quantity>)));
            Assert.That(typeof(HTTPGetAction).GetProperty(nameof(HTTPGetAction.Port))!.PropertyType, Is.EqualTo(typeof(Field<IntOrString>)));
            Assert.That(typeof(Volume).GetProperties().Select(p => p.Name), Is.SupersetOf(new[] { "EmptyDir", "ConfigMap", "Secret", "Projected", "Csi", "Ephemeral", "Image", "HostPath", "PersistentVolumeClaim" }));
        }
    }
}
