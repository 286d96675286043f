using CrmGovernance.Core.Features.Audit;

namespace CrmGovernance.Core.Features.ChangeControl.Report;

/// <summary>One change request in a report, with its items and its audit rows (oldest first).</summary>
internal sealed record ReportedRequest(ChangeRequest Request, IReadOnlyList<AuditEntry> Timeline);
