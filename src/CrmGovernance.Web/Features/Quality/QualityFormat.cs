using System.Globalization;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Web.Features.Sync;
using MudBlazor;

namespace CrmGovernance.Web.Features.Quality;

/// <summary>How the data-quality pages write states, shares and scores.</summary>
public static class QualityFormat
{
    public const string NotMeasured = "not measured";

    public static string Count(long value) => OperationsFormat.Count(value);

    public static string Share(double share) => share.ToString("P1", CultureInfo.CurrentCulture);

    public static string Score(double? score) => score is { } s ? s.ToString("P1", CultureInfo.CurrentCulture) : NotMeasured;

    public static Color ColorOf(double? score) => score switch
    {
        null => Color.Default,
        >= 0.95 => Color.Success,
        >= 0.8 => Color.Warning,
        _ => Color.Error,
    };

    public static Color ColorOf(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Queued => Color.Default,
        AssessmentStatus.Running => Color.Info,
        AssessmentStatus.Completed => Color.Success,
        AssessmentStatus.Cancelled => Color.Warning,
        _ => Color.Error,
    };

    public static string Activity(Assessment assessment) => assessment.Status == AssessmentStatus.Queued
        ? "Queued: assessments run one at a time, in the order they were started."
        : $"Reading records: {Count(assessment.RecordsRead)} so far.";

    public static string Behaviour(FieldBehaviour behaviour, int distinct) => behaviour switch
    {
        FieldBehaviour.TextLikePicklist => $"free text with only {distinct} distinct values: a picklist?",
        FieldBehaviour.PicklistLikeText => distinct > FieldProfile.DistinctCap ? $"a picklist with over {FieldProfile.DistinctCap} distinct values: free text?"
            : $"a picklist with {distinct} distinct values: free text?",
        _ => "",
    };

    public static string Format(FormatCheck check) => check switch
    {
        FormatCheck.Email => "email",
        FormatCheck.Phone => "phone (E.164)",
        FormatCheck.Date => "date (ISO 8601)",
        FormatCheck.Postcode => "postcode",
        FormatCheck.Url => "web address",
        _ => "",
    };
}
