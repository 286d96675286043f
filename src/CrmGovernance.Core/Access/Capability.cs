namespace CrmGovernance.Core.Access;

/// <summary>Something a person may do in the portal. Who holds which is written once, in <see cref="CapabilityTable"/>.</summary>
public enum Capability
{
    /// <summary>Read the governed configuration, change requests and versions.</summary>
    ReadConfiguration,

    /// <summary>Draft change requests (edit configuration inside one, import, restore a version).</summary>
    DraftChanges,

    /// <summary>Approve or reject someone else's change request: scoped to what the reviewer is accountable for.</summary>
    ReviewChanges,

    /// <summary>Watch runs and their record outcomes.</summary>
    ViewRuns,

    /// <summary>Start a run, a dry run or a replay of a flow: scoped to the flows the person is accountable for.</summary>
    StartRuns,

    /// <summary>See the error queue and its items.</summary>
    ViewErrorQueue,

    /// <summary>Discard error-queue items: scoped to the flows the person is accountable for.</summary>
    WorkErrorQueue,

    /// <summary>See the review queue, its items, comparisons and metrics.</summary>
    ViewReviewQueue,

    /// <summary>Decide review items: merge, unmerge, not a duplicate, defer, assign.</summary>
    WorkReviewQueue,

    /// <summary>See duplicate scans and their results.</summary>
    ViewDuplicateScans,

    /// <summary>Start, cancel and feed duplicate scans into the review queue.</summary>
    RunDuplicateScans,

    /// <summary>Browse the audit log and its chain verification.</summary>
    ReadAudit,

    /// <summary>Export the audit log and download exports: admins every export, auditors their own.</summary>
    ExportAudit,

    /// <summary>Manage users and their roles.</summary>
    ManageUsers,

    /// <summary>Issue and revoke inbound API keys.</summary>
    ManageInboundKeys,

    /// <summary>See incidents, their timelines and metrics (in the portal and through the read API).</summary>
    ViewIncidents,

    /// <summary>Report a data problem by hand against an object, flow, system or record.</summary>
    ReportIncidents,

    /// <summary>Acknowledge, comment on, change the severity of, resolve incidents: scoped to those the person answers for.</summary>
    WorkIncidents,

    /// <summary>See who answers for every object, flow and system, and the gaps.</summary>
    ViewOwnership,

    /// <summary>Configure outbound notification webhooks.</summary>
    ManageNotificationChannels,

    /// <summary>See the insights dashboard, its comparisons and drill-downs: business owners for their objects only.</summary>
    ViewInsights,

    /// <summary>Name the baseline period of an object or a flow: business owners for their objects and flows.</summary>
    ManageBaselines,

    /// <summary>Recompute the insights roll-ups from the ledger.</summary>
    RebuildInsights,
    /// <summary>See data-quality assessments and their findings: business owners and stewards for their own objects.</summary>
    ViewDataQuality,
    /// <summary>Start and cancel assessments: business owners and stewards for their own objects.</summary>
    RunAssessments,
    /// <summary>Accept a data-quality finding as a known issue until a date, or withdraw that: business owners for their own objects.</summary>
    AcceptFindings,
    /// <summary>Let a change request through although a scenario fails, with a recorded reason: admins only.</summary>
    OverrideScenarios,
}
