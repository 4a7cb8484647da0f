using PodLint.Model;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// The defaults the API server applies before it validates a Pod (spec §0.3, <c>SetDefaults_*</c>). Validation sees
/// the defaulted object, so a check must neither fire on a value the server would have filled in nor miss one a
/// default makes fail. Rules take defaults from here, never from a copy of their own; each theme's defaults are a
/// part of this class in its own file (<c>ServerDefaults.Volumes.cs</c> …).
/// </summary>
internal static partial class ServerDefaults
{
    /// <summary>§0.3: an empty <c>spec.restartPolicy</c> becomes <c>Always</c>.</summary>
    public const string RestartPolicy = "Always";

    /// <summary>§0.3: an empty <c>spec.dnsPolicy</c> becomes <c>ClusterFirst</c>.</summary>
    public const string DnsPolicy = "ClusterFirst";

    /// <summary>
    /// Whether the server fills the string field in before validation because it is missing or empty:
    /// <c>restartPolicy</c>, <c>dnsPolicy</c>, <c>imagePullPolicy</c>, <c>terminationMessagePolicy</c>, a port's
    /// <c>protocol</c> (§0.3). Such a field's "Required" and "NotSupported" checks cannot be reached.
    /// </summary>
    public static bool FillsIn(Field<string> field) => field.IsUnset || (field.IsValid && field.Value.Length == 0);

    /// <summary>
    /// The host port a container port binds after defaulting (§0.3: with <c>hostNetwork: true</c>, a
    /// <c>hostPort</c> of 0 or none becomes the <c>containerPort</c>), and whether it was defaulted; null when the port
    /// binds no host port.
    /// </summary>
    public static (int Number, bool Defaulted)? HostPort(ContainerPort port, bool hostNetwork)
    {
        if (port.HostPort is { IsValid: true, Value: not 0 } written) return (written.Value, false);
        if (hostNetwork && !port.HostPort.IsInvalid && port.ContainerPortNumber is { IsValid: true, Value: not 0 } containerPort) return (containerPort.Value, true);
        return null;
    }
}
