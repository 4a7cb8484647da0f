using System.Text.RegularExpressions;

namespace PodLint.Rules.ApiServer;

/// <summary>The formats of environment variable names and config keys (spec §4.6).</summary>
internal static partial class NameFormats
{
    private const string EnvVarNameFormat = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private const string EnvVarNameMessage = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";
    private const string ConfigMapKeyFormat = "[-._a-zA-Z0-9]+";
    private const string ConfigMapKeyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";

    /// <summary><c>IsRelaxedEnvVarName</c>'s detail.</summary>
    public const string RelaxedEnvVarNameDetail = "a valid environment variable name must consist only of printable ASCII characters other than '='";

    [GeneratedRegex("^" + EnvVarNameFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex EnvVarNameRegex();

    [GeneratedRegex("^" + ConfigMapKeyFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigMapKeyRegex();

    /// <summary><c>IsEnvVarName</c> (strict, before RelaxedEnvironmentVariableValidation): the format, then <c>.</c>, <c>..</c>, a <c>..</c> prefix.</summary>
    public static List<string> EnvVarName(string value)
    {
        var errors = new List<string>();
        if (!EnvVarNameRegex().IsMatch(value)) errors.Add(RegexError(EnvVarNameMessage, EnvVarNameFormat, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
        AddChDirPrefix(errors, value);
        return errors;
    }

    /// <summary><c>IsRelaxedEnvVarName</c>: non-empty, printable ASCII (0x20–0x7E) other than <c>=</c>.</summary>
    public static List<string> RelaxedEnvVarName(string value)
    {
        var errors = new List<string>();
        if (value.Length == 0) errors.Add("environment variable name must be non-empty");
        if (value.Any(c => c is < ' ' or > '~' or '=')) errors.Add(RelaxedEnvVarNameDetail);
        return errors;
    }

    /// <summary><c>IsConfigMapKey</c>: at most 253 characters of <c>[-._a-zA-Z0-9]</c>, not <c>.</c>, <c>..</c> or <c>..</c>-prefixed.</summary>
    public static List<string> ConfigMapKey(string value)
    {
        var errors = new List<string>();
        if (ByteLength(value) > Dns1123SubdomainMaxLength) errors.Add(MaxLength(Dns1123SubdomainMaxLength));
        if (!ConfigMapKeyRegex().IsMatch(value)) errors.Add(RegexError(ConfigMapKeyMessage, ConfigMapKeyFormat, "key.name", "KEY_NAME", "key-name"));
        AddChDirPrefix(errors, value);
        return errors;
    }

    private static void AddChDirPrefix(List<string> errors, string value)
    {
        if (value == ".") errors.Add("must not be '.'");
        else if (value == "..") errors.Add("must not be '..'");
        else if (value.StartsWith("..", StringComparison.Ordinal)) errors.Add("must not start with '..'");
    }
}
