using CrmGovernance.Core.Access;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>
/// Which capability each endpoint needs; who holds it comes from the capability table in Core. Every endpoint the app
/// maps must appear here, and its metadata must agree; a page added without an entry or without a declared policy fails the matrix test.
/// </summary>
public static class AccessTable
{
    private static readonly Access Governance = Needs(Capability.ReadConfiguration);

    public static readonly IReadOnlyDictionary<string, Access> Expected = new Dictionary<string, Access>
    {
        // Signed-in areas.
        ["/"] = Access.AnyUser,
        ["/audit"] = Needs(Capability.ReadAudit),
        ["/audit/exports"] = Needs(Capability.ExportAudit),
        // An audit export's workbook; the endpoint also answers 404 for someone else's export (Audit/AuditExportDownloadTests).
        ["/audit/exports/{id:guid}/download"] = Needs(Capability.ExportAudit),
        ["/admin/users"] = Needs(Capability.ManageUsers),
        ["/admin/inbound-keys"] = Needs(Capability.ManageInboundKeys),
        ["/admin/notification-webhooks"] = Needs(Capability.ManageNotificationChannels),
        // A person's own notifications and preferences (the services bind every query to the caller).
        ["/notifications"] = Needs(Capability.ViewIncidents),
        ["/profile/notifications"] = Needs(Capability.ViewIncidents),

        // Governance: read by owners, admins and auditors; drafting and review are checked again by the services.
        ["/journeys"] = Governance,
        ["/objects"] = Governance,
        ["/objects/{Id:guid}"] = Governance,
        ["/systems"] = Governance,
        ["/flows"] = Governance,
        ["/flows/{Id:guid}"] = Governance,
        ["/flows/{Id:guid}/handbook"] = Governance,
        ["/change-requests"] = Governance,
        ["/change-requests/{Id:guid}"] = Governance,
        ["/versions"] = Governance,
        ["/incident-policy"] = Governance,
        // Who answers for what: every role may look; changing it goes through the governance pages.
        ["/ownership"] = Needs(Capability.ViewOwnership),

        // Operations: runs and the error queue, watched by those who run the flows and by managers (starting and replaying is checked by the services, per flow).
        ["/runs"] = Needs(Capability.ViewRuns),
        ["/runs/{Id:long}"] = Needs(Capability.ViewRuns),
        ["/runs/inbox/{InboxId:long}"] = Needs(Capability.ViewRuns),
        ["/error-queue"] = Needs(Capability.ViewErrorQueue),
        // Incidents: seen by every portal role; working them is checked by the services, per incident.
        ["/incidents"] = Needs(Capability.ViewIncidents),
        ["/incidents/{Id:long}"] = Needs(Capability.ViewIncidents),

        // Insights: managers and admins see everything, business owners their objects (the services narrow and refuse per object).
        ["/insights"] = Needs(Capability.ViewInsights),
        ["/insights/versions/{Number:int}"] = Needs(Capability.ViewInsights),
        ["/insights/drill"] = Needs(Capability.ViewInsights),
        ["/quality"] = Needs(Capability.ViewDataQuality),
        ["/quality/assessments/{Id:long}"] = Needs(Capability.ViewDataQuality),
        ["/field-rationalisation"] = Needs(Capability.ViewDataQuality),

        // Stewardship: the review queue and duplicate scans, read by managers too; deciding, merging and scanning is checked by the services.
        ["/review-queue"] = Needs(Capability.ViewReviewQueue),
        ["/review-queue/{Id:long}"] = Needs(Capability.ViewReviewQueue),
        ["/duplicate-scans"] = Needs(Capability.ViewDuplicateScans),
        ["/duplicate-scans/{Id:long}"] = Needs(Capability.ViewDuplicateScans),

        // Acceptance sign-off: any signed-in person; the services show a request only to its named reviewers and configuration readers.
        ["/sign-off/{Id:guid}"] = Access.AnyUser,

        // The user's own account.
        ["/Account/Manage"] = Access.AnyUser,
        ["/profile/access-tokens"] = Access.AnyUser,
        ["/Account/Manage/ChangePassword"] = Access.AnyUser,
        ["/Account/Manage/TwoFactorAuthentication"] = Access.AnyUser,
        ["/Account/Manage/EnableAuthenticator"] = Access.AnyUser,
        ["/Account/Manage/Disable2fa"] = Access.AnyUser,
        ["/Account/Manage/ResetAuthenticator"] = Access.AnyUser,
        ["/Account/Manage/GenerateRecoveryCodes"] = Access.AnyUser,
        ["/Account/Logout"] = Access.AnyUser,

        // Reachable before signing in.
        ["/Account/Login"] = Access.Anonymous,
        ["/Account/LoginWith2fa"] = Access.Anonymous,
        ["/Account/LoginWithRecoveryCode"] = Access.Anonymous,
        ["/Account/Lockout"] = Access.Anonymous,
        ["/Account/AccessDenied"] = Access.Anonymous,
        ["/Account/InvalidUser"] = Access.Anonymous,
        ["/setup"] = Access.Anonymous,
        // The live demo's public contact form (404 unless Demo:Enabled and Demo:Live): it stands for a website.
        ["/demo/form"] = Access.Anonymous,
        ["/health"] = Access.Anonymous,
        // The inbound webhook: anonymous for cookie auth; its API key (checked by the endpoint) is its authentication.
        ["/api/inbound/{systemKey}/{object}"] = Access.Anonymous,
        // The read API: a personal access token (scheme "AccessToken") of someone who may see incidents; never the cookie.
        ["/api/incidents"] = Needs(Capability.ViewIncidents),
        ["/api/incidents/{id:long}"] = Needs(Capability.ViewIncidents),
        // The insights API: a token with the insights:read scope of someone who may see insights; a business owner's token
        // sees the objects they own only (checked by the services, Insights/InsightsApiTests).
        ["/api/insights/dashboard"] = Needs(Capability.ViewInsights),
        ["/api/insights/versions/{number:int}"] = Needs(Capability.ViewInsights),
        ["/api/insights/drill/runs"] = Needs(Capability.ViewInsights),
        ["/api/insights/drill/records"] = Needs(Capability.ViewInsights),
        // The dashboard's tables as a workbook, for the signed-in portal user (the service applies the owner's scope).
        ["/insights/export.xlsx"] = Needs(Capability.ViewInsights),
        ["/field-rationalisation/export.xlsx"] = Needs(Capability.ViewDataQuality),
        // Its description and reference page: public, like the API's shape; they hold no data.
        ["/openapi/{documentName}.json"] = Access.Anonymous,
        ["/api/reference/{documentName?}"] = Access.Anonymous,
        // Scalar's own scripts and icon, embedded in its package (no CDN): static files like the portal's.
        ["/api/reference/scalar.js"] = Access.Framework,
        ["/api/reference/scalar.aspnetcore.js"] = Access.Framework,
        ["/api/reference/favicon.svg"] = Access.Framework,
        ["/not-found"] = Access.Anonymous,
        ["/Error"] = Access.Anonymous,

        // Blazor's own plumbing: the circuit hub and static-file fallback. Pages authorize themselves inside the circuit.
        ["/_blazor"] = Access.Framework,
        ["/_blazor/negotiate"] = Access.Framework,
        ["/_blazor/disconnect/"] = Access.Framework,
        ["/_blazor/initializers/"] = Access.Framework,
        ["/_framework/opaque-redirect"] = Access.Framework,
        ["/{**path:file}"] = Access.Framework,
    };

    /// <summary>Who holds a capability at all, as Core's capability table says.</summary>
    /// <summary>
    /// Endpoints mapped only when a setting turns them on (off in the shared test portal); the tests that turn them on
    /// check them against this table (Hosting/TelemetryEndpointTests).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Access> WhenConfigured = new Dictionary<string, Access>
    {
        // The Prometheus scrape (Telemetry:Prometheus:Enabled): anonymous for cookie auth; the scraper's bearer token and/or
        // address allowlist, checked in the endpoint's own branch, is its authentication. A portal cookie alone gets 401.
        ["/metrics"] = Access.Anonymous,
    };

    public static Access Needs(Capability capability) => Access.RolesOnly([.. CapabilityTable.Of(capability).AnyRoles]);
}
