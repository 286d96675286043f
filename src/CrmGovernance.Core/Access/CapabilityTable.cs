
namespace CrmGovernance.Core.Access;

/// <summary>
/// The one table of who may do what. Page policies, service entry points and the authorization-matrix test are all
/// built from it; nothing else lists roles. Managers hold read-only capabilities and nothing that changes data (reporting an incident asks, it changes nothing).
/// </summary>
public static class CapabilityTable
{
    private const string A = Roles.Admin, O = Roles.BusinessOwner, S = Roles.Steward, M = Roles.Manager, U = Roles.Auditor;

    public static readonly IReadOnlyList<CapabilityGrant> All =
    [
        new(Capability.ReadConfiguration, [A, O, U], [], "Only admins, business owners and auditors may read the configuration, its change requests, versions and reports."),
        new(Capability.DraftChanges, [A, O], [], "Only business owners and admins may draft configuration changes."),
        new(Capability.ReviewChanges, [A], [O],
            "Only an admin, or a business owner accountable for everything the change touches (its systems, objects, flows, journeys and match rules), may review it."),
        new(Capability.ViewRuns, [A, O, S, M], [], "Only admins, business owners, stewards and managers may see runs."),
        new(Capability.StartRuns, [A], [O, S], "Only an admin, or the owner or steward accountable for this flow, may start its runs."),
        new(Capability.ViewErrorQueue, [A, O, S, M], [], "Only admins, business owners, stewards and managers may see the error queue."),
        new(Capability.WorkErrorQueue, [A], [O, S], "Only an admin, or the owner or steward accountable for the flow, may replay or discard its records."),
        new(Capability.ViewReviewQueue, [A, S, M], [], "Only admins, stewards and managers may see the review queue."),
        new(Capability.WorkReviewQueue, [A, S], [], "Only admins and stewards may work the review queue."),
        new(Capability.ViewDuplicateScans, [A, S, M], [], "Only admins, stewards and managers may see duplicate scans."),
        new(Capability.RunDuplicateScans, [A, S], [], "Only admins and stewards may start, cancel or feed duplicate scans."),
        new(Capability.ReadAudit, [A, U], [], "Only admins and auditors may read the audit log."),
        new(Capability.ExportAudit, [A], [U], "Only admins and auditors may export the audit log."),
        new(Capability.ManageUsers, [A], [], "Only admins may manage users."),
        new(Capability.ManageInboundKeys, [A], [], "Only admins may manage inbound API keys."),
        new(Capability.ViewIncidents, [A, O, S, M, U], [], "Only signed-in portal users may see incidents."),
        // Reporting a problem is the one thing a manager may write: it changes no data, it asks someone to look.
        new(Capability.ReportIncidents, [A, O, S, M, U], [], "Only signed-in portal users may report an incident."),
        new(Capability.WorkIncidents, [A], [O, S],
            "Only an admin, the incident's owner, or the owner or steward accountable for its flow, object or system may work it."),
        new(Capability.ViewOwnership, [A, O, S, M, U], [], "Only signed-in portal users may see the ownership view."),
        new(Capability.ManageNotificationChannels, [A], [], "Only admins may configure notification webhooks."),
        new(Capability.ViewInsights, [A, M], [O], "Only admins, managers, and business owners for their own objects, may see insights."),
        new(Capability.ManageBaselines, [A], [O], "Only an admin, or the business owner of the object or flow, may name its baseline."),
        new(Capability.RebuildInsights, [A], [], "Only admins may rebuild the insights roll-ups."),
        new(Capability.ViewDataQuality, [A, M], [O, S], "Only admins, managers, and the owners and stewards of an object, may see its data quality."),
        new(Capability.RunAssessments, [A], [O, S], "Only an admin, or the owner or steward of the object, may start or cancel its assessment."),
        new(Capability.AcceptFindings, [A], [O], "Only an admin, or the business owner of the object or the system, may accept a finding as a known issue."),
        new(Capability.OverrideScenarios, [A], [], "Only an admin may let a change through while one of its scenarios fails."),
    ];

    private static readonly Dictionary<Capability, CapabilityGrant> ByCapability = All.ToDictionary(g => g.Capability);

    public static CapabilityGrant Of(Capability capability) => ByCapability[capability];
}
