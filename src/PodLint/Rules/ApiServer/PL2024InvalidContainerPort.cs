using System.Globalization;
using PodLint.Diagnostics;
using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// PL2024: a container port's name and numbers (spec §1.D P1–P5): the name an IANA service name, unique within the
/// container; <c>containerPort</c> set and between 1 and 65535; a non-zero <c>hostPort</c> between 1 and 65535. A
/// missing <c>containerPort</c> is the schema's (PL1003); the protocol is PL2021's.
/// </summary>
internal sealed class PL2024InvalidContainerPort : ContainerRule
{
    public static readonly MessageTemplate BadName = new("bad-name", "port name `{name}` is invalid: {detail}",
        "a port name is at most 15 lowercase letters, digits and single `-`, with at least one letter, not starting or ending with `-`, e.g. `http` or `metrics-2`", ApiErrorType.Invalid);

    public static readonly MessageTemplate DuplicateName = new("duplicate-name", "port name `{name}` is already used by `ports[{first}]` of this container",
        "give each port of a container a name of its own", ApiErrorType.Duplicate);

    public static readonly MessageTemplate ZeroPort = new("zero-port", "`containerPort` is 0",
        "give the port the container listens on, between 1 and 65535", ApiErrorType.Required);

    public static readonly MessageTemplate OutOfRange = new("out-of-range", "`{field}: {value}` must be between 1 and 65535, inclusive",
        "{help}", ApiErrorType.Invalid);

    public static readonly RuleDescriptor Rule = new(RuleIds.InvalidContainerPort, "invalid-container-port", RuleCategory.ApiServer,
        Severity.Error, "A container port needs a `containerPort` between 1 and 65535, a `hostPort` of 0 or in that range, and a valid `name` unique within the container",
        messages: [BadName, DuplicateName, ZeroPort, OutOfRange], appliesTo: ContainerRoles.All);

    public override RuleDescriptor Descriptor => Rule;

    protected override void AnalyzeContainer(PodContext context, Container container)
    {
        Dictionary<string, int>? names = null;
        foreach (var port in container.Ports)
        {
            var name = port.Name;
            if (name.IsValid && name.Value.Length > 0)
            {
                var errors = PortNames.Errors(name.Value);
                foreach (var detail in errors) context.Report(BadName, name, [("name", name.Value), ("detail", detail)]);
                if (errors.Count == 0)
                {
                    names ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    if (names.TryGetValue(name.Value, out var first))
                    {
                        context.Report(DuplicateName, name, [("name", name.Value), ("first", first.ToString(CultureInfo.InvariantCulture))]);
                    }
                    else
                    {
                        names.Add(name.Value, port.Location.Path.LastIndex ?? 0);
                    }
                }
            }

            var number = port.ContainerPortNumber;
            if (number.IsValid)
            {
                if (number.Value == 0) context.Report(ZeroPort, number);
                else if (number.Value is < 1 or > 65535)
                {
                    context.Report(OutOfRange, number, [("field", "containerPort"), ("value", number.Value.ToString(CultureInfo.InvariantCulture)),
                        ("help", "give the port the container listens on, between 1 and 65535")]);
                }
            }

            var host = port.HostPort;
            if (host.IsValid && host.Value != 0 && host.Value is < 1 or > 65535)
            {
                context.Report(OutOfRange, host, [("field", "hostPort"), ("value", host.Value.ToString(CultureInfo.InvariantCulture)),
                    ("help", "give a node port between 1 and 65535, or remove `hostPort` (0 means none)")]);
            }
        }
    }
}
