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
                foreach (var token in OperandTokens(il))
                {
                    var table = token >> 24;
                    if (table is not (0x01 or 0x02 or 0x04 or 0x06 or 0x0A or 0x1B or 0x2B)) continue;
                    referenced.Add(EntityText(md, MetadataTokens.EntityHandle(token)));
                }
            }
        }

        return referenced;
    }

    /// <summary>
    /// The metadata tokens that are operands of the method body's instructions, read instruction by instruction (reading
    /// four bytes at every offset would also decode bytes that only look like a token, such as a field token followed by
    /// <c>ldloc.0</c>).
    /// </summary>
    private static IEnumerable<int> OperandTokens(byte[] il)
    {
        var i = 0;
        while (i < il.Length)
        {
            int op = il[i++];
            if (op == 0xFE && i < il.Length) op = 0xFE00 | il[i++];
            switch (op)
            {
                // Instructions whose operand is a token (method, field, type, string, signature).
                case 0x27 or 0x28 or 0x29 or 0x6F or 0x70 or 0x71 or 0x72 or 0x73 or 0x74 or 0x75 or 0x79 or (>= 0x7B and <= 0x81)
                    or 0x8C or 0x8D or 0x8F or 0xA3 or 0xA4 or 0xA5 or 0xC2 or 0xC6 or 0xD0
                    or 0xFE06 or 0xFE07 or 0xFE15 or 0xFE16 or 0xFE1C:
                    if (i + 4 <= il.Length) yield return BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                // Other four-byte operands: ldc.i4, ldc.r4, long branches, leave.
                case 0x20 or 0x22 or (>= 0x38 and <= 0x44) or 0xDD:
                    i += 4;
                    break;
                // Eight-byte operands: ldc.i8, ldc.r8.
                case 0x21 or 0x23:
                    i += 8;
                    break;
                // One-byte operands: short forms of arguments, locals, constants and branches; unaligned.
                case (>= 0x0E and <= 0x13) or 0x1F or (>= 0x2B and <= 0x37) or 0xDE or 0xFE12:
                    i += 1;
                    break;
                // Two-byte operands: long forms of arguments and locals.
                case >= 0xFE09 and <= 0xFE0E:
                    i += 2;
                    break;
                // switch: a count, then that many four-byte targets.
                case 0x45:
                    var count = i + 4 <= il.Length ? BitConverter.ToInt32(il, i) : 0;
                    i += 4 + (4 * count);
                    break;
            }
        }

        if (i != il.Length) throw new InvalidOperationException($"IL walk ended at {i} of {il.Length}");
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
