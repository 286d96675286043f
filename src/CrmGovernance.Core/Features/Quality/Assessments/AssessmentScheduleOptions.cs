namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>Settings "Quality:Assessments": assessments on a schedule, and what they check against.</summary>
public sealed class AssessmentScheduleOptions
{
    public const string Section = "Quality:Assessments";

    /// <summary>
    /// When every system's object the portal can read is assessed (Quartz cron, UTC), e.g. "0 0 5 ? * SUN" for Sundays at
    /// 05:00. Empty (the default): no assessments on a schedule; people start them from the Data quality page.
    /// </summary>
    public string? Schedule { get; set; }

    /// <summary>The ISO 3166 code scheduled assessments check phones and postcodes for.</summary>
    public string Region { get; set; } = "GB";

    /// <summary>In scheduled assessments, records not updated for this many months count as stale.</summary>
    public int StaleMonths { get; set; } = 24;

    public bool Scheduled => !string.IsNullOrWhiteSpace(Schedule);
}
