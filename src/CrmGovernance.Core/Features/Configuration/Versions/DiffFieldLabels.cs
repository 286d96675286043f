using System.Globalization;
using System.Text;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;

namespace CrmGovernance.Core.Features.Configuration.Versions;

/// <summary>
/// Turns a diff path ("transforms[2].args.length", "comparisons[0].levels[1].weight") into the words the editors use
/// ("Transform 3 (Truncate): Length", "Comparison 1 (email): Level 2: Weight"). A property this table does not know
/// yet is still readable: its name split into words.
/// </summary>
internal static class DiffFieldLabels
{
    // Properties whose value is a dictionary: the rest of the path is one key, dots and brackets included.
    private static readonly Dictionary<string, string> Dictionaries = new(StringComparer.Ordinal)
    {
        ["settings"] = "Setting", ["secrets"] = "Secret", ["args"] = "", ["map"] = "Value map", ["fieldNames"] = "Field for",
    };

    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["connectorType"] = "Connector", ["isCustom"] = "Custom object", ["systemId"] = "System", ["objectId"] = "Object",
        ["allowedValues"] = "Allowed value", ["referenceObjectId"] = "Points to object", ["systemOfRecordId"] = "System of record",
        ["ownerSystemId"] = "Owned by", ["strategy"] = "When several supply it", ["priority"] = "Priority",
        ["systemIds"] = "System", ["objectIds"] = "Object", ["decision"] = "Decision it needs", ["friction"] = "Known friction",
        ["sourceSystemId"] = "From (source)", ["targetSystemId"] = "To (target)", ["pattern"] = "When", ["cron"] = "Schedule (cron)",
        ["journeyStepId"] = "Serves journey step", ["defaultRegion"] = "Default phone region", ["matchKeys"] = "Match key",
        ["flowId"] = "Flow", ["sourceFields"] = "Source field", ["targetField"] = "Target field", ["trigger"] = "When",
        ["triggerField"] = "Trigger field", ["triggerValue"] = "Changes to", ["matchAll"] = "All conditions must hold",
        ["operator"] = "Operator", ["autoMatchThreshold"] = "Auto-match threshold", ["reviewThreshold"] = "Review threshold",
        ["priorWeight"] = "Starting weight", ["mismatchWeight"] = "Mismatch weight", ["blockingKeys"] = "Blocking key",
        ["comparator"] = "Comparator", ["attribute"] = "Attribute", ["threshold"] = "Threshold", ["weight"] = "Weight",
        ["escalationContact"] = "Escalation contact",
        // Incident policy: each threshold with its unit, as the policy editor names it.
        ["errorQueueThreshold"] = "Error queue threshold (waiting items)", ["rejectionRateThreshold"] = "Rejection rate threshold (share of records read)",
        ["rejectionMinimumRecords"] = "Rejection rate counts from (records read)", ["silentAfterIntervals"] = "Silent after (schedule intervals)",
        ["volumeWindowMinutes"] = "Volume window (minutes)", ["volumeBaselineWeeks"] = "Volume baseline (weeks)",
        ["volumeDropRatio"] = "Volume drop below (share of baseline)", ["volumeMinimumBaseline"] = "Volume drop counts from (baseline records)",
        ["reviewSlaHours"] = "Review items overdue after (hours)", ["duplicateSpikePoints"] = "Duplicate spike (percentage points)",
        ["changeLinkMinutes"] = "Link to a publish within (minutes)", ["reopenWindowHours"] = "Reopen window (hours)",
        ["expireAfterDays"] = "Expire unattended after (days)", ["acknowledgeMinutes"] = "Minutes to acknowledge", ["resolveHours"] = "Hours to resolve",
    };

    // The SLA clocks are lists with one value per severity, in the severities' order.
    private static readonly HashSet<string> PerSeverity = new(StringComparer.Ordinal) { "acknowledgeMinutes", "resolveHours" };

    /// <param name="before">The item before the change (null: added); elements are named from whichever side has them.</param>
    public static string Of(string path, IConfigurationItem? before, IConfigurationItem? after)
    {
        var parts = new List<string>();
        var rest = path;
        object?[] sides = [before, after];
        while (rest.Length > 0)
        {
            var name = ReadName(ref rest);
            if (Dictionaries.TryGetValue(name, out var dictionary))
            {
                var key = rest.StartsWith('.') ? rest[1..] : rest;
                parts.Add(name == "args" ? ArgumentLabel(sides, key) : $"{dictionary} “{key}”");
                break;
            }
            if (ReadIndex(ref rest) is { } index)
            {
                var elements = sides.Select(s => Element(s, name, index)).ToArray();
                parts.Add(ElementLabel(name, index, elements.FirstOrDefault(e => e is not null)));
                sides = elements;
                continue;
            }
            parts.Add(Word(name));
        }
        return parts.Count == 0 ? path : string.Join(": ", parts);
    }

    /// <summary>"Transform 3 (Truncate)", "Condition 1", "Comparison 2 (email)", "Step 1 (Web enquiry)", "Source field 2".</summary>
    private static string ElementLabel(string collection, int index, object? element)
    {
        var n = (index + 1).ToString(CultureInfo.InvariantCulture);
        return element switch
        {
            Transform t => $"Transform {n} ({TransformCatalog.Label(t.Kind)})",
            RuleCondition => $"Condition {n}",
            RuleAction => $"Action {n}",
            MatchComparison c => $"Comparison {n} ({c.Attribute})",
            MatchLevel => $"Level {n}",
            JourneyStep s => $"Step {n} ({s.Name})",
            FieldSourceOfTruth f => $"Field {f.Field}",
            _ when PerSeverity.Contains(collection) && index < SeverityNames.Length => $"{Word(collection)} ({SeverityNames[index]})",
            _ => $"{Word(collection)} {n}",
        };
    }

    private static readonly string[] SeverityNames = ["critical", "high", "medium", "low"];

    private static string ArgumentLabel(object?[] transforms, string name) =>
        transforms.OfType<Transform>().Select(t => TransformCatalog.Arguments(t.Kind).FirstOrDefault(a => a.Name == name)?.Label)
            .FirstOrDefault(l => l is not null) ?? Humanise(name);

    private static object? Element(object? parent, string collection, int index)
    {
        var list = (parent, collection) switch
        {
            (FieldMapping m, "transforms") => (System.Collections.IList)m.Transforms,
            (BusinessRule r, "conditions") => r.Conditions,
            (BusinessRule r, "actions") => r.Actions,
            (MatchRule r, "comparisons") => r.Comparisons,
            (MatchComparison c, "levels") => c.Levels,
            (Journey j, "steps") => j.Steps,
            (SourceOfTruth s, "fields") => s.Fields,
            _ => null,
        };
        return list is not null && index < list.Count ? list[index] : null;
    }

    private static string Word(string name) => Words.TryGetValue(name, out var word) ? word : Humanise(name);

    /// <summary>"mismatchWeight" → "Mismatch weight"; "ownerSystemId" → "Owner system".</summary>
    internal static string Humanise(string name)
    {
        var text = name.EndsWith("Id", StringComparison.Ordinal) && name.Length > 2 ? name[..^2] : name;
        var words = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(text[i - 1]))
            {
                words.Append(' ');
            }
            words.Append(i == 0 ? char.ToUpperInvariant(c) : char.IsUpper(c) && (i + 1 >= text.Length || !char.IsUpper(text[i + 1])) ? char.ToLowerInvariant(c) : c);
        }
        return words.ToString().Replace('_', ' ');
    }

    private static string ReadName(ref string rest)
    {
        rest = rest.TrimStart('.');
        var end = rest.IndexOfAny(['.', '[']);
        var name = end < 0 ? rest : rest[..end];
        rest = end < 0 ? "" : rest[end..];
        return name;
    }

    private static int? ReadIndex(ref string rest)
    {
        if (!rest.StartsWith('['))
        {
            return null;
        }
        var close = rest.IndexOf(']', StringComparison.Ordinal);
        if (close < 0 || !int.TryParse(rest[1..close], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }
        rest = rest[(close + 1)..];
        return index;
    }
}
