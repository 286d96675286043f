using CrmGovernance.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace CrmGovernance.Web.Security;

/// <summary>
/// One authorization policy per capability, built from <see cref="CapabilityTable"/>: a page or endpoint declares the
/// capability it needs; the services check it again, with the caller's scope where it applies.
/// </summary>
public static class Policies
{
    public const string ReadConfiguration = nameof(Capability.ReadConfiguration);
    public const string ViewRuns = nameof(Capability.ViewRuns);
    public const string ViewErrorQueue = nameof(Capability.ViewErrorQueue);
    public const string ViewReviewQueue = nameof(Capability.ViewReviewQueue);
    public const string ViewDuplicateScans = nameof(Capability.ViewDuplicateScans);
    public const string ReadAudit = nameof(Capability.ReadAudit);
    public const string ExportAudit = nameof(Capability.ExportAudit);
    public const string ManageUsers = nameof(Capability.ManageUsers);
    public const string ManageInboundKeys = nameof(Capability.ManageInboundKeys);
    public const string ViewOwnership = nameof(Capability.ViewOwnership);
    public const string ViewIncidents = nameof(Capability.ViewIncidents);
    public const string ManageNotificationChannels = nameof(Capability.ManageNotificationChannels);
    public const string ViewInsights = nameof(Capability.ViewInsights);
    public const string ViewDataQuality = nameof(Capability.ViewDataQuality);

    public static AuthorizationBuilder AddCrmPolicies(this AuthorizationBuilder builder)
    {
        foreach (var grant in CapabilityTable.All)
        {
            builder.AddPolicy(grant.Capability.ToString(), p => p.RequireRole(grant.AnyRoles));
        }
        return builder;
    }
}
