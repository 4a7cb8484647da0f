using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using PodLint.Engine;

namespace PodLint.Tests.Architecture;

/// <summary>
/// The layers keep to their parts, checked on the compiled library: no rule reads YAML nodes (rules read the typed
/// model), and the model binder reports nothing (the schema check is the one authority on types).
/// </summary>
public class LayeringTests
{
    private static readonly string[] YamlTypes = ["YamlNode", "ScalarNode", "MappingNode", "SequenceNode", "AliasNode", "MappingEntry", "YamlNodeKind", "ScalarType"];

    /// <summary>Every type the methods of the types of <paramref name="namespacePrefix"/> refer to, as <c>Namespace.Name</c>.</summary>
    private static HashSet<string> TypesReferencedBy(string namespacePrefix, out int methods)
    {
        using var stream = File.OpenRead(typeof(PodLinter).Assembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        methods = 0;
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var ns = md.GetString(type.Namespace);
            if (type.IsNested) ns = md.GetString(md.GetTypeDefinition(type.GetDeclaringType()).Namespace);
            if (!ns.StartsWith(namespacePrefix, StringComparison.Ordinal)) continue;
            foreach (var field in type.GetFields()) referenced.Add(SignatureText(md, md.GetFieldDefinition(field).Signature));
            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                methods++;
                referenced.Add(SignatureText(md, method.Signature));
                if (method.RelativeVirtualAddress == 0) continue;
                var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes() ?? [];
                foreach (var token in Tokens(il)) referenced.Add(EntityText(md, MetadataTokens.EntityHandle(token)));
            }
        }

        return referenced;
    }

    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>The tokens a method body's instructions name (fields, methods, types), read instruction by instruction:
    /// scanning every offset instead finds "tokens" in the middle of other operands, which come and go as the library
    /// grows.</summary>
    private static IEnumerable<int> Tokens(byte[] il)
    {
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? unchecked((short)(0xFE00 | il[i + 1])) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            switch (Operands[value])
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    yield return BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default: // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
                    i += 4;
                    break;
            }
        }
    }

    private static string EntityText(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)handle).Namespace) + "." + md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)handle).Name),
        HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)handle).Namespace) + "." + md.GetString(md.GetTypeReference((TypeReferenceHandle)handle).Name),
        HandleKind.MethodDefinition => EntityText(md, md.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType())
            + " " + SignatureText(md, md.GetMethodDefinition((MethodDefinitionHandle)handle).Signature),
        HandleKind.FieldDefinition => EntityText(md, md.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType())
            + " " + SignatureText(md, md.GetFieldDefinition((FieldDefinitionHandle)handle).Signature),
        HandleKind.MemberReference => EntityText(md, md.GetMemberReference((MemberReferenceHandle)handle).Parent) + " " + SignatureText(md, md.GetMemberReference((MemberReferenceHandle)handle).Signature),
        HandleKind.TypeSpecification => SignatureText(md, md.GetTypeSpecification((TypeSpecificationHandle)handle).Signature),
        HandleKind.MethodSpecification => EntityText(md, md.GetMethodSpecification((MethodSpecificationHandle)handle).Method) + " " + SignatureText(md, md.GetMethodSpecification((MethodSpecificationHandle)handle).Signature),
        _ => string.Empty,
    };

    /// <summary>The type names a signature blob mentions (enough to find the YAML types in it).</summary>
    private static string SignatureText(MetadataReader md, BlobHandle blob)
    {
        var reader = md.GetBlobReader(blob);
        var names = new List<string>();
        while (reader.RemainingBytes > 0)
        {
            var b = reader.ReadByte();
            if (b is not (0x11 or 0x12) || reader.RemainingBytes == 0) continue; // ELEMENT_TYPE_VALUETYPE, ELEMENT_TYPE_CLASS
            var offset = reader.Offset;
            try
            {
                var handle = reader.ReadTypeHandle();
                if (!handle.IsNil) names.Add(EntityText(md, handle));
            }
            catch (BadImageFormatException)
            {
                reader.Offset = offset;
            }
        }

        return string.Join(" ", names);
    }

    private static IEnumerable<string> YamlReferences(HashSet<string> referenced)
        => referenced.Where(r => YamlTypes.Any(t => r.Contains("PodLint.Parsing." + t, StringComparison.Ordinal))).Order(StringComparer.Ordinal);

    [Test]
    public void No_rule_reads_YAML_nodes()
    {
        var referenced = TypesReferencedBy("PodLint.Rules", out var methods);
        Assert.That(methods, Is.GreaterThan(20), "the rules were found");
        Assert.That(referenced, Has.Some.Contains("PodLint.Model.Container"), "the scan sees what the rules use");
        Assert.That(YamlReferences(referenced), Is.Empty);
    }

    [Test]
    public void The_scan_would_see_a_rule_that_read_YAML_nodes()
    {
        // The schema check reads YAML nodes by design: the same scan must find them there, or it proves nothing.
        Assert.That(YamlReferences(TypesReferencedBy("PodLint.Schema", out _)), Is.Not.Empty);
    }

    [Test]
    public void The_model_binder_reports_nothing()
    {
        var binder = typeof(PodLinter).Assembly.GetType("PodLint.Model.ModelBinder")!;
        var members = binder.GetMembers(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static |
            System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic);
        var mentions = members.Select(m => m.ToString() ?? string.Empty)
            .Where(m => m.Contains("Diagnostic", StringComparison.Ordinal) || m.Contains("MessageTemplate", StringComparison.Ordinal));
        Assert.That(mentions, Is.Empty);
    }
}
