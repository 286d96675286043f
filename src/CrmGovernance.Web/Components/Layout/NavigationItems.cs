using CrmGovernance.Web.Security;
using MudBlazor;

namespace CrmGovernance.Web.Components.Layout;

/// <summary>One entry of the navigation drawer. <see cref="Policy"/> null means any signed-in user.</summary>
public sealed record NavigationItem(string Group, string Title, string Href, string Icon, string? Policy);

/// <summary>The areas that exist today, in drawer order. An area appears here only once it is built.</summary>
public static class NavigationItems
{
    public static readonly IReadOnlyList<NavigationItem> All =
    [
        new("", "Home", "", Icons.Material.Filled.Home, null),
        new("Governance", "Journeys", "journeys", Icons.Material.Filled.Route, Policies.ReadConfiguration),
        new("Governance", "Objects & sources of truth", "objects", Icons.Material.Filled.Category, Policies.ReadConfiguration),
        new("Governance", "Systems", "systems", Icons.Material.Filled.Dns, Policies.ReadConfiguration),
        new("Governance", "Flows", "flows", Icons.Material.Filled.AltRoute, Policies.ReadConfiguration),
        new("Governance", "Change requests", "change-requests", Icons.Material.Filled.RateReview, Policies.ReadConfiguration),
        new("Governance", "Versions", "versions", Icons.Material.Filled.History, Policies.ReadConfiguration),
        new("Governance", "Ownership", "ownership", Icons.Material.Filled.SupervisorAccount, Policies.ViewOwnership),
        new("Governance", "Incident policy", "incident-policy", Icons.Material.Filled.Tune, Policies.ReadConfiguration),
        new("Operations", "Runs", "runs", Icons.Material.Filled.PlayCircleOutline, Policies.ViewRuns),
        new("Operations", "Error queue", "error-queue", Icons.Material.Filled.ReportProblem, Policies.ViewErrorQueue),
        new("Operations", "Review queue", "review-queue", Icons.Material.Filled.CompareArrows, Policies.ViewReviewQueue),
        new("Operations", "Duplicate scans", "duplicate-scans", Icons.Material.Filled.ManageSearch, Policies.ViewDuplicateScans),
        new("Operations", "Incidents", "incidents", Icons.Material.Filled.NotificationImportant, nameof(Core.Access.Capability.ViewIncidents)),
        new("Insights", "Dashboard", "insights", Icons.Material.Filled.Insights, Policies.ViewInsights),
        new("Insights", "Data quality", "quality", Icons.Material.Filled.FactCheck, Policies.ViewDataQuality),
        new("Insights", "Field rationalisation", "field-rationalisation", Icons.Material.Filled.ViewList, Policies.ViewDataQuality),
        new("Audit", "Audit log", "audit", Icons.Material.Filled.FactCheck, Policies.ReadAudit),
        new("Audit", "Exports", "audit/exports", Icons.Material.Filled.Download, Policies.ExportAudit),
        new("Admin", "Users & roles", "admin/users", Icons.Material.Filled.ManageAccounts, Policies.ManageUsers),
        new("Admin", "Inbound API keys", "admin/inbound-keys", Icons.Material.Filled.Key, Policies.ManageInboundKeys),
        new("Admin", "Notification webhooks", "admin/notification-webhooks", Icons.Material.Filled.Webhook, Policies.ManageNotificationChannels),
    ];
}
