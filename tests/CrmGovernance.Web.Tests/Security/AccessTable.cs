using CrmGovernance.Core.Features.Users;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>
/// The one declared table of who may open what. Every endpoint the app maps must appear here, and its
/// metadata must agree; a page added without an entry or without a declared policy fails the matrix test.
/// </summary>
public static class AccessTable
{
    private static readonly Access Governance = Access.RolesOnly(Roles.Admin, Roles.BusinessOwner, Roles.Auditor);
    private static readonly Access Operations = Access.RolesOnly(Roles.Admin, Roles.BusinessOwner, Roles.Steward);

    public static readonly IReadOnlyDictionary<string, Access> Expected = new Dictionary<string, Access>
    {
        // Signed-in areas.
        ["/"] = Access.AnyUser,
        ["/audit"] = Access.RolesOnly(Roles.Admin, Roles.Auditor),
        ["/audit/exports"] = Access.RolesOnly(Roles.Admin, Roles.Auditor),
        // An audit export's workbook; the endpoint also answers 404 for someone else's export (Audit/AuditExportDownloadTests).
        ["/audit/exports/{id:guid}/download"] = Access.RolesOnly(Roles.Admin, Roles.Auditor),
        ["/admin/users"] = Access.RolesOnly(Roles.Admin),
        ["/admin/inbound-keys"] = Access.RolesOnly(Roles.Admin),

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

        // Operations: runs and the error queue, for those who run the flows day to day (the services check again).
        ["/runs"] = Operations,
        ["/runs/{Id:long}"] = Operations,
        ["/error-queue"] = Operations,

        // Stewardship: the review queue, where admins and stewards decide candidate duplicates, and duplicate scans (the services check again).
        ["/review-queue"] = Access.RolesOnly(Roles.Admin, Roles.Steward),
        ["/review-queue/{Id:long}"] = Access.RolesOnly(Roles.Admin, Roles.Steward),
        ["/duplicate-scans"] = Access.RolesOnly(Roles.Admin, Roles.Steward),
        ["/duplicate-scans/{Id:long}"] = Access.RolesOnly(Roles.Admin, Roles.Steward),

        // The user's own account.
        ["/Account/Manage"] = Access.AnyUser,
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
}
