using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Versions;

namespace CrmGovernance.Core.Features.Audit.Reports;

/// <summary>
/// One change request in a report, with its items, its audit rows (oldest first), its diff in business words, and the
/// names its audit rows' ids stand for.
/// </summary>
internal sealed record ReportedRequest(ChangeRequest Request, IReadOnlyList<AuditEntry> Timeline, IReadOnlyList<ItemDiff> Diff, AuditNames Names);
