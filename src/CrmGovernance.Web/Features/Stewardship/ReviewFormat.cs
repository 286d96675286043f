using System.Globalization;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using MudBlazor;

namespace CrmGovernance.Web.Features.Stewardship;

/// <summary>How the review queue pages write counts, scores, ages and states.</summary>
public static class ReviewFormat
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Score(double probability) => probability.ToString("0.000", CultureInfo.CurrentCulture);

    /// <summary>A wait in the largest unit that reads well: "45 min", "5 h", "3 d"; "–" for none.</summary>
    public static string Age(TimeSpan? age) => age switch
    {
        null => "–",
        { TotalMinutes: < 1 } => "< 1 min",
        { TotalHours: < 1 } a => string.Create(CultureInfo.CurrentCulture, $"{(int)a.TotalMinutes} min"),
        { TotalDays: < 2 } a => string.Create(CultureInfo.CurrentCulture, $"{a.TotalHours:N0} h"),
        { } a => string.Create(CultureInfo.CurrentCulture, $"{a.TotalDays:N0} d"),
    };

    public static string Describe(ReviewStatus status, DateTime? deferredUntilUtc, DateTime now) => status switch
    {
        ReviewStatus.Deferred when deferredUntilUtc <= now => "Deferred (due)",
        ReviewStatus.NotDuplicate => "Not a duplicate",
        ReviewStatus.ChangeApplied => "Change applied",
        ReviewStatus.ChangeDismissed => "Change dismissed",
        _ => status.ToString(),
    };

    public static Color ColorOf(ReviewStatus status) => status switch
    {
        ReviewStatus.Open => Color.Info,
        ReviewStatus.Unmerged => Color.Warning,
        ReviewStatus.Deferred => Color.Default,
        ReviewStatus.Merged => Color.Success,
        _ => Color.Secondary,
    };

    public static string Weight(double weight) => weight.ToString("+0.0;−0.0;0", CultureInfo.CurrentCulture);

    public static string Value(string? value) => string.IsNullOrEmpty(value) ? "(empty)" : value;
}
