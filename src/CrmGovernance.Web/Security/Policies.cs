using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Authorization;

namespace CrmGovernance.Web.Security;

/// <summary>Who may open which area. Pages declare one of these; the authorization matrix test checks them.</summary>
public static class Policies
{
    public const string Admin = nameof(Admin);
    public const string AuditReader = nameof(AuditReader);

    /// <summary>The governance configuration, change requests and versions (drafting and review are checked by the services).</summary>
    public const string Governance = nameof(Governance);

    /// <summary>Runs and the error queue: watching flows run, starting runs, replaying and discarding records.</summary>
    public const string Operations = nameof(Operations);

    /// <summary>The review queue and duplicate scans: deciding whether records are the same, merging and unmerging them.</summary>
    public const string Stewardship = nameof(Stewardship);

    public static AuthorizationBuilder AddCrmPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(AuditReader, p => p.RequireRole(Roles.Admin, Roles.Auditor))
        .AddPolicy(Governance, p => p.RequireRole(Roles.Admin, Roles.BusinessOwner, Roles.Auditor))
        .AddPolicy(Operations, p => p.RequireRole(Roles.Admin, Roles.BusinessOwner, Roles.Steward))
        .AddPolicy(Stewardship, p => p.RequireRole(Roles.Admin, Roles.Steward));
}
