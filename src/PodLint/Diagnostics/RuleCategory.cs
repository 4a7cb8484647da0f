namespace PodLint.Diagnostics;

/// <summary>The families of rules; each owns one range of rule ids (see <c>rules/categories.txt</c>).</summary>
public enum RuleCategory
{
    /// <summary>PL0xxx: input and parsing (invalid YAML, unreadable files, objects that are not Pods).</summary>
    Input = 0,

    /// <summary>PL1xxx: conformance to the Kubernetes schema (types, unknown and required fields).</summary>
    Schema = 1,

    /// <summary>PL2xxx: what the API server rejects or warns about on create.</summary>
    ApiServer = 2,

    /// <summary>PL3xxx: multi-container patterns (sidecars, init containers, shared ports and volumes).</summary>
    MultiContainer = 3,

    /// <summary>PL4xxx: the Pod Security Standards.</summary>
    Security = 4,

    /// <summary>PL5xxx: best practices.</summary>
    BestPractice = 5,
}

/// <summary>Names and id ranges of <see cref="RuleCategory"/> values.</summary>
public static class RuleCategories
{
    /// <summary>The kebab-case name of a category as shown in reports (<c>multi-container</c>).</summary>
    public static string GetName(RuleCategory category) => category switch
    {
        RuleCategory.Input => "input",
        RuleCategory.Schema => "schema",
        RuleCategory.ApiServer => "api-server",
        RuleCategory.MultiContainer => "multi-container",
        RuleCategory.Security => "pod-security",
        RuleCategory.BestPractice => "best-practice",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The first digit of the ids of a category: PL<b>3</b>001 is multi-container.</summary>
    public static char IdDigit(RuleCategory category) => (char)('0' + (int)category);
}
