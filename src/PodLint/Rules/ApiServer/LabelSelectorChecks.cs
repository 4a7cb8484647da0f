using System.Collections.Immutable;
using PodLint.Diagnostics;
using PodLint.Model;
using PodLint.Parsing;

namespace PodLint.Rules.ApiServer;

/// <summary>
/// The messages of the label-selector checks, one set per rule that uses them (a message template belongs to one rule):
/// pod (anti)affinity terms (PL2130) and topology spread constraints (PL2132).
/// </summary>
internal sealed class SelectorMessages
{
    public const string LabelSelectorOperators = "`In`, `NotIn`, `Exists` or `DoesNotExist`";

    public MessageTemplate ValuesRequired { get; } = new("values-required",
        "operator `{operator}` needs values: must be specified when `operator` is 'In' or 'NotIn'",
        "list at least one value, or use `Exists`/`DoesNotExist` to test for the key alone", ApiErrorType.Required);

    public MessageTemplate ValuesForbidden { get; } = new("values-forbidden",
        "operator `{operator}` takes no values: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        "remove `values`, or use `In`/`NotIn` to compare the label with values", ApiErrorType.Forbidden);

    public MessageTemplate InvalidOperator { get; } = new("invalid-operator", "`{operator}` is not a valid selector operator",
        "use {operators}", ApiErrorType.Invalid);

    public MessageTemplate InvalidKey { get; } = new("invalid-key", "{what} `{key}` is invalid: {detail}",
        "use a label key: an optional DNS subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit (e.g. `app.kubernetes.io/name`)",
        ApiErrorType.Invalid);

    public MessageTemplate InvalidValue { get; } = new("invalid-value", "{what} `{value}` is not a valid label value: {detail}",
        "label values are empty or at most 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit: no object can carry this value",
        ApiErrorType.Invalid);

    public MessageTemplate KeysWithoutSelector { get; } = new("label-keys-without-selector",
        "`{field}` is set without `labelSelector`: must not be specified when `labelSelector` is not set",
        "add a `labelSelector` (the server adds the Pod's values of these keys to it), or remove `{field}`", ApiErrorType.Forbidden);

    public MessageTemplate InMatchAndMismatch { get; } = new("in-match-and-mismatch-label-keys",
        "key `{key}` exists in both `matchLabelKeys` and `mismatchLabelKeys`",
        "keep `{key}` in one of the two lists: `matchLabelKeys` selects Pods with this Pod's value, `mismatchLabelKeys` Pods without it",
        ApiErrorType.Invalid);

    public MessageTemplate InMatchAndSelector { get; } = new("in-match-label-keys-and-selector",
        "key `{key}` exists in both `matchLabelKeys` and `labelSelector`{merged}",
        "remove `{key}` from `labelSelector` or from `matchLabelKeys`: the server adds `{key} In (<this Pod's value>)` to the selector itself",
        ApiErrorType.Invalid);

    public ImmutableArray<MessageTemplate> All => [ValuesRequired, ValuesForbidden, InvalidOperator, InvalidKey, InvalidValue, KeysWithoutSelector, InMatchAndMismatch, InMatchAndSelector];
}

/// <summary>
/// The API server's checks of label selectors (apimachinery <c>ValidateLabelSelector</c>, spec §1.N) and of the
/// <c>matchLabelKeys</c>/<c>mismatchLabelKeys</c> that name labels to add to them (<c>ValidateMatchLabelKeysAndMismatchLabelKeys</c>,
/// <c>ValidateMatchLabelKeysInTopologySpread</c>), with the server's paths. On create invalid label values are always rejected.
/// </summary>
internal static class LabelSelectorChecks
{
    /// <summary>
    /// <c>ValidateLabelSelector</c>: <c>matchLabels</c> keys and values (reported at <c>….matchLabels</c>, without the key),
    /// and each <c>matchExpressions</c> item: its operator and the number of values, its key, its values. Nothing when the
    /// selector is not set (a null selector matches nothing: PL2134 warns).
    /// </summary>
    public static void Check(PodContext context, SelectorMessages messages, Field<LabelSelector> field)
    {
        if (field.Value is not { } selector) return;
        var version = context.KubernetesVersion;
        var matchLabels = selector.MatchLabels;
        foreach (var label in matchLabels)
        {
            if (label.Key is not { } key) continue;
            foreach (var detail in NameFormats.QualifiedName(key, version))
            {
                context.Report(messages.InvalidKey, new Location(label.KeySpan, label.KeySpan, matchLabels.Path), [("what", "label key"), ("key", key), ("detail", detail)]);
            }

            if (!label.IsValid) continue;
            foreach (var detail in NameFormats.LabelValue(label.Value, version))
            {
                context.Report(messages.InvalidValue, new Location(label.Span, label.KeySpan, matchLabels.Path), [("what", "label value"), ("value", label.Value), ("detail", detail)]);
            }
        }

        foreach (var expression in selector.MatchExpressions)
        {
            var op = expression.Operator;
            var values = expression.Values;
            if (op.IsValid && !values.IsInvalid)
            {
                switch (op.Value)
                {
                    case "In" or "NotIn":
                        if (values.WrittenCount == 0) context.Report(messages.ValuesRequired, values.IsAbsent ? values.MissingAt : values.Location, [("operator", op.Value)]);
                        break;
                    case "Exists" or "DoesNotExist":
                        if (values.WrittenCount > 0) context.Report(messages.ValuesForbidden, values.Location.AtKey, [("operator", op.Value)]);
                        break;
                    default:
                        context.Report(messages.InvalidOperator, op, [("operator", op.Value), ("operators", SelectorMessages.LabelSelectorOperators)]);
                        break;
                }
            }

            if (expression.Key.IsValid) ReportKey(context, messages, expression.Key, "selector key");
            foreach (var value in values)
            {
                if (!value.IsValid) continue;
                foreach (var detail in NameFormats.LabelValue(value.Value, version))
                {
                    context.Report(messages.InvalidValue, value, [("what", "selector value"), ("value", value.Value), ("detail", detail)]);
                }
            }
        }
    }

    /// <summary><c>ValidateLabelName</c>: one finding per failed sub-check of the qualified-name format.</summary>
    public static void ReportKey(PodContext context, SelectorMessages messages, Field<string> key, string what, FieldPath? path = null)
    {
        foreach (var detail in NameFormats.QualifiedName(key.Value, context.KubernetesVersion))
        {
            context.Report(messages.InvalidKey, path is null ? key.Location : key.Location with { Path = path }, [("what", what), ("key", key.Value), ("detail", detail)]);
        }
    }

    /// <summary>
    /// <c>ValidateMatchLabelKeysAndMismatchLabelKeys</c>, as the server runs it after <c>PrepareForCreate</c> merged the keys
    /// into the selector (<paramref name="merged"/>, <see cref="ServerDefaults.MergedLabelKeys"/>): keys set without a
    /// selector (Forbidden, once per list), keys that are not label keys, a <c>matchLabelKeys</c> key whose requirement
    /// lands beside another on the same key (the server's path is the term's, with the key's index appended:
    /// <c>…[0][1]</c>), and a key in both lists.
    /// </summary>
    public static void CheckMergedLabelKeys(PodContext context, SelectorMessages messages, FieldPath termPath,
        ListField<Field<string>> matchLabelKeys, ListField<Field<string>> mismatchLabelKeys, Field<LabelSelector> selector, List<string> merged)
    {
        if (selector.IsInvalid || matchLabelKeys.IsInvalid || mismatchLabelKeys.IsInvalid) return;
        var hasSelector = selector.IsValid;
        LabelKeys(context, messages, matchLabelKeys, hasSelector);
        LabelKeys(context, messages, mismatchLabelKeys, hasSelector);

        if (selector.Value is { } labelSelector && matchLabelKeys.WrittenCount > 0)
        {
            // Keyed by label key, valued by the key's (last) index in matchLabelKeys, as the server's map is.
            var indexOf = new Dictionary<string, Field<string>>(StringComparer.Ordinal);
            foreach (var key in matchLabelKeys)
            {
                if (key.IsValid) indexOf[key.Value] = key;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var label in labelSelector.MatchLabels)
            {
                if (label.Key is { } k) seen.Add(k);
            }

            var expressionKeys = labelSelector.MatchExpressions.Select(e => e.Key.IsValid ? e.Key.Value : string.Empty).ToList();
            var reported = new HashSet<string>(StringComparer.Ordinal);
            for (var e = 0; e < expressionKeys.Count + merged.Count; e++)
            {
                var key = e < expressionKeys.Count ? expressionKeys[e] : merged[e - expressionKeys.Count];
                if (indexOf.TryGetValue(key, out var at) && seen.Contains(key) && reported.Add(key))
                {
                    var index = at.Location.Path.LastIndex ?? 0;
                    var why = merged.Contains(key, StringComparer.Ordinal) ? ": the Pod has label `" + key + "`, so the server adds `" + key + " In (<its value>)` to a selector that already tests it" : string.Empty;
                    context.Report(messages.InMatchAndSelector, at.Location with { Path = termPath.Index(index) }, [("key", key), ("merged", why)]);
                }

                seen.Add(key);
            }
        }

        var mismatch = new HashSet<string>(mismatchLabelKeys.Where(k => k.IsValid).Select(k => k.Value), StringComparer.Ordinal);
        foreach (var key in matchLabelKeys)
        {
            if (key.IsValid && mismatch.Contains(key.Value)) context.Report(messages.InMatchAndMismatch, key, [("key", key.Value)]);
        }
    }

    /// <summary>
    /// <c>ValidateMatchLabelKeysInTopologySpread</c>, the check of topology spread <c>matchLabelKeys</c> before the server
    /// merged them into the selector (1.33 and earlier): set without a selector (Forbidden), each key a label key and not a
    /// key the selector already tests.
    /// </summary>
    public static void CheckLegacyTopologySpreadLabelKeys(PodContext context, SelectorMessages messages, ListField<Field<string>> matchLabelKeys,
        Field<LabelSelector> selector)
    {
        if (matchLabelKeys.WrittenCount == 0 || selector.IsInvalid || matchLabelKeys.IsInvalid) return;
        var selectorKeys = new HashSet<string>(StringComparer.Ordinal);
        if (selector.Value is { } labelSelector)
        {
            foreach (var label in labelSelector.MatchLabels)
            {
                if (label.Key is { } k) selectorKeys.Add(k);
            }

            foreach (var expression in labelSelector.MatchExpressions)
            {
                if (expression.Key.IsValid) selectorKeys.Add(expression.Key.Value);
            }
        }
        else
        {
            context.Report(messages.KeysWithoutSelector, matchLabelKeys.Location.AtKey, [("field", "matchLabelKeys")]);
        }

        foreach (var key in matchLabelKeys)
        {
            if (!key.IsValid) continue;
            ReportKey(context, messages, key, "match label key");
            if (selectorKeys.Contains(key.Value)) context.Report(messages.InMatchAndSelector, key, [("key", key.Value), ("merged", string.Empty)]);
        }
    }

    /// <summary><c>validateLabelKeys</c>: a non-empty list needs a selector (else one Forbidden for the list), and each key is a label key.</summary>
    private static void LabelKeys(PodContext context, SelectorMessages messages, ListField<Field<string>> keys, bool hasSelector)
    {
        if (keys.WrittenCount == 0) return;
        var name = keys.Path.LastName ?? "matchLabelKeys";
        if (!hasSelector)
        {
            context.Report(messages.KeysWithoutSelector, keys.Location.AtKey, [("field", name)]);
            return;
        }

        foreach (var key in keys)
        {
            if (key.IsValid) ReportKey(context, messages, key, name == "matchLabelKeys" ? "match label key" : "mismatch label key");
        }
    }
}
