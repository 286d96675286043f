namespace CrmGovernance.Web.Features.Insights;

/// <summary>Where later features add to the Insights dashboard (<see cref="CrmGovernance.Web.Components.Shared.PageSlot"/>).</summary>
public static class InsightsSlots
{
    /// <summary>Under the dashboard's cards and tables (Quality adds completeness and validity from the latest assessments). No parameters.</summary>
    public const string Dashboard = "insights.dashboard";
}
