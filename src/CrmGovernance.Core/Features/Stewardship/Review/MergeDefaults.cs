using System.Globalization;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// The choices a merge starts from, so a steward only changes what the rules cannot know. The survivor is the older
/// record. Per field: a value over an empty one; an identity field (one the match rule compares: email, phone, name,
/// birth date, company) keeps the established record's value (the older one, else the existing one), since the other
/// may be the typo that matched fuzzily, whichever record the steward keeps;
/// a "last … at" time takes the later one; for a field owned by another system (its source of truth), the record
/// linked from that owner; MostRecent takes the newer record's value, MostComplete the longer value; otherwise the
/// survivor keeps its own.
/// </summary>
public static class MergeDefaults
{
    /// <summary>The older record: by creation time when the system gives both, else the existing one (the right).</summary>
    public static string Survivor(ReviewComparison comparison) =>
        comparison.Left?.CreatedUtc is { } left && comparison.Right?.CreatedUtc is { } right && left < right
            ? comparison.Item.LeftRecordId
            : comparison.Item.RightRecordId;

    /// <summary>Field → the id of the record whose value the survivor keeps.</summary>
    public static Dictionary<string, string> Choices(ReviewComparison comparison, string survivorId)
    {
        var otherId = comparison.OtherId(survivorId);
        var newerId = Newer(comparison);
        var choices = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in comparison.Fields)
        {
            var (mine, theirs) = survivorId == comparison.Item.LeftRecordId ? (field.Left, field.Right) : (field.Right, field.Left);
            choices[field.Name] = Choose(comparison, field, survivorId, mine, theirs) switch
            {
                Side.Other => otherId,
                Side.Newer => newerId,
                Side.Established => Survivor(comparison),
                _ => survivorId,
            };
        }
        return choices;
    }

    private static Side Choose(ReviewComparison comparison, ComparisonField field, string survivorId, string? mine, string? theirs)
    {
        if (string.Equals(mine ?? "", theirs ?? "", StringComparison.Ordinal))
        {
            return Side.Survivor;
        }
        if (string.IsNullOrWhiteSpace(mine) || string.IsNullOrWhiteSpace(theirs))
        {
            return string.IsNullOrWhiteSpace(mine) ? Side.Other : Side.Survivor;
        }
        switch (field.Kind)
        {
            case MergeFieldKind.Identity:
                return Side.Established;
            case MergeFieldKind.LatestTime when Time(mine) is { } own && Time(theirs) is { } other:
                return other > own ? Side.Other : Side.Survivor;
        }
        var rule = comparison.SourceOfTruth?.Fields.Find(f => string.Equals(f.Field, field.Name, StringComparison.OrdinalIgnoreCase));
        if (Owner(comparison, rule) is { } owner)
        {
            var survivorLinked = IsLinkedFrom(comparison, survivorId, owner);
            var otherLinked = IsLinkedFrom(comparison, comparison.OtherId(survivorId), owner);
            if (survivorLinked != otherLinked)
            {
                return otherLinked ? Side.Other : Side.Survivor;
            }
        }
        return rule?.Strategy switch
        {
            SurvivorshipStrategy.MostRecent => Side.Newer,
            SurvivorshipStrategy.MostComplete when theirs.Length > mine.Length => Side.Other,
            _ => Side.Survivor,
        };
    }

    /// <summary>A date or time as systems write them; one without an offset is read as UTC.</summary>
    private static DateTimeOffset? Time(string value) =>
        DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    /// <summary>The system that owns the field, when it is another system than the one the records live in.</summary>
    private static Guid? Owner(ReviewComparison comparison, FieldSourceOfTruth? rule)
    {
        var owner = rule?.OwnerSystemId ?? comparison.SourceOfTruth?.SystemOfRecordId;
        return owner == comparison.TargetSystemId ? null : owner;
    }

    private static bool IsLinkedFrom(ReviewComparison comparison, string recordId, Guid system) =>
        comparison.Links.Any(l => l.RecordId == recordId && l.SystemId == system && l.Links > 0);

    /// <summary>The newer record: by creation time when the system gives both, else the incoming one (the left).</summary>
    private static string Newer(ReviewComparison comparison) =>
        comparison.Left?.CreatedUtc is { } left && comparison.Right?.CreatedUtc is { } right && left < right
            ? comparison.Item.RightRecordId
            : comparison.Item.LeftRecordId;

    private enum Side { Survivor, Other, Newer, Established }
}
