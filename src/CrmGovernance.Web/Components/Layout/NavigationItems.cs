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
        new("Governance", "Journeys", "journeys", Icons.Material.Filled.Route, Policies.Governance),
        new("Governance", "Objects & sources of truth", "objects", Icons.Material.Filled.Category, Policies.Governance),
        new("Governance", "Systems", "systems", Icons.Material.Filled.Dns, Policies.Governance),
        new("Governance", "Flows", "flows", Icons.Material.Filled.AltRoute, Policies.Governance),
        new("Governance", "Change requests", "change-requests", Icons.Material.Filled.RateReview, Policies.Governance),
        new("Governance", "Versions", "versions", Icons.Material.Filled.History, Policies.Governance),
        new("Operations", "Runs", "runs", Icons.Material.Filled.PlayCircleOutline, Policies.Operations),
        new("Operations", "Error queue", "error-queue", Icons.Material.Filled.ReportProblem, Policies.Operations),
        new("Operations", "Review queue", "review-queue", Icons.Material.Filled.CompareArrows, Policies.Stewardship),
        new("Operations", "Duplicate scans", "duplicate-scans", Icons.Material.Filled.ManageSearch, Policies.Stewardship),
        new("Audit", "Audit log", "audit", Icons.Material.Filled.FactCheck, Policies.AuditReader),
        new("Audit", "Exports", "audit/exports", Icons.Material.Filled.Download, Policies.AuditReader),
        new("Admin", "Users & roles", "admin/users", Icons.Material.Filled.ManageAccounts, Policies.Admin),
        new("Admin", "Inbound API keys", "admin/inbound-keys", Icons.Material.Filled.Key, Policies.Admin),
    ];
}
