using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using PodLint.Engine;

namespace PodLint.Tests.Architecture;

/// <summary>
/// Why the NativeAOT build may leave NJsonSchema's dependencies unanalyzed (IL2104 and IL3053 for Newtonsoft.Json and
/// Namotion.Reflection, see src/PodLint.Cli/PodLint.Cli.csproj): PodLint uses NJsonSchema's schema classes as a data
/// model only, never its JSON (de)serialization, reference resolution or validator, whose reflection the trimmer cannot
/// see. Checked on the compiled library: what it references of NJsonSchema is this list, and nothing of the two.
/// </summary>
public class NativeAotSafetyTests
{
    /// <summary>Constructors, properties and collections of the schema model that SchemaBuilder fills and
    /// SchemaValidator, SchemaPaths and ShapeHelp read.</summary>
    private static readonly string[] AllowedNJsonSchemaMembers =
    [
        "NJsonSchema.JsonSchema::.ctor",
        "NJsonSchema.JsonSchemaProperty::.ctor",
        "NJsonSchema.JsonSchema::get_ActualSchema",
        "NJsonSchema.JsonSchema::get_AdditionalPropertiesSchema",
        "NJsonSchema.JsonSchema::get_AllOf",
        "NJsonSchema.JsonSchema::get_AllowAdditionalProperties",
        "NJsonSchema.JsonSchema::get_Definitions",
        "NJsonSchema.JsonSchema::get_Format",
        "NJsonSchema.JsonSchema::get_Item",
        "NJsonSchema.JsonSchema::get_OneOf",
        "NJsonSchema.JsonSchema::get_Pattern",
        "NJsonSchema.JsonSchema::get_Properties",
        "NJsonSchema.JsonSchema::get_RequiredProperties",
        "NJsonSchema.JsonSchema::get_Type",
        "NJsonSchema.JsonSchema::set_AdditionalPropertiesSchema",
        "NJsonSchema.JsonSchema::set_AllowAdditionalProperties",
        "NJsonSchema.JsonSchema::set_Format",
        "NJsonSchema.JsonSchema::set_Item",
        "NJsonSchema.JsonSchema::set_Pattern",
        "NJsonSchema.JsonSchema::set_Type",
        "NJsonSchema.References.JsonReferenceBase`1::set_Reference",
    ];

    [Test]
    public void The_library_references_no_serializer_of_NJsonSchema_and_nothing_of_Newtonsoft_or_Namotion()
    {
        using var stream = File.OpenRead(typeof(PodLinter).Assembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var assemblies = md.AssemblyReferences.Select(h => md.GetString(md.GetAssemblyReference(h).Name)).ToList();
        var members = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.MemberReferences)
        {
            var member = md.GetMemberReference(handle);
            var parent = member.Parent;
            if (parent.Kind == HandleKind.TypeSpecification)
            {
                // A generic instantiation (JsonReferenceBase<JsonSchema>): its generic type.
                var blob = md.GetBlobReader(md.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance) continue;
                blob.ReadSignatureTypeCode();
                parent = blob.ReadTypeHandle();
            }

            if (parent.Kind != HandleKind.TypeReference) continue;
            var type = md.GetTypeReference((TypeReferenceHandle)parent);
            var ns = md.GetString(type.Namespace);
            if (ns.StartsWith("NJsonSchema", StringComparison.Ordinal)) members.Add($"{ns}.{md.GetString(type.Name)}::{md.GetString(member.Name)}");
        }

        var types = md.TypeReferences.Select(h => md.GetTypeReference(h)).Select(t => md.GetString(t.Namespace)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(assemblies, Has.None.StartWith("Newtonsoft").And.None.StartWith("Namotion"));
            Assert.That(types, Has.None.StartWith("Newtonsoft").And.None.StartWith("Namotion"));
            Assert.That(members, Is.SubsetOf(AllowedNJsonSchemaMembers),
                "a new use of NJsonSchema: if it serializes, resolves references or validates, the NativeAOT tool may break (see the comment on IL2104 in the CLI project)");
            Assert.That(members, Is.Not.Empty, "the check reads the library's references");
        }
    }
}
