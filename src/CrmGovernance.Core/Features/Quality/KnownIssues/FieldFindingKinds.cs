using CrmGovernance.Core.Features.Quality.Assessments;

namespace CrmGovernance.Core.Features.Quality.KnownIssues;

/// <summary>Which kinds of finding an assessment's figures show, per field and for the object, and the acceptance holding for one.</summary>
public static class FieldFindingKinds
{
    public static IReadOnlyList<FindingKind> Of(AssessmentField field)
    {
        var kinds = new List<FindingKind>();
        if (field.Filled == 0)
        {
            kinds.Add(FindingKind.NeverFilled);
        }
        else if (field.Required && field.Missing > 0)
        {
            kinds.Add(FindingKind.MissingMandatory);
        }
        if (field.Invalid > 0)
        {
            kinds.Add(FindingKind.NotConforming);
        }
        if (field.Behaviour != FieldBehaviour.AsDeclared)
        {
            kinds.Add(FindingKind.UnlikeItsType);
        }
        return kinds;
    }

    /// <summary>The acceptance of this finding that holds today, if any (the newest).</summary>
    public static KnownIssue? Holding(IEnumerable<KnownIssue> issues, string field, FindingKind kind, DateOnly today) =>
        issues.Where(i => i.Field == field && i.Finding == kind && i.HoldsOn(today)).MaxBy(i => i.Id);

    /// <summary>The latest acceptance of this finding that no longer holds (its date passed, or withdrawn), if none holds now.</summary>
    public static KnownIssue? Ended(IEnumerable<KnownIssue> issues, string field, FindingKind kind, DateOnly today) =>
        Holding(issues, field, kind, today) is null ? issues.Where(i => i.Field == field && i.Finding == kind).MaxBy(i => i.Id) : null;

    public static string Describe(FindingKind kind) => kind switch
    {
        FindingKind.MissingMandatory => "mandatory values missing",
        FindingKind.NotConforming => "values in the wrong form",
        FindingKind.UnlikeItsType => "values unlike the field's type",
        FindingKind.NeverFilled => "never filled",
        _ => "stale records",
    };
}
