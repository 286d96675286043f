namespace CrmGovernance.Core.Features.Audit.Reports;

/// <summary>What the report covers ("CR-12 …" or a period) and who took it when, for its cover sheet.</summary>
internal sealed record ReportCover(string Scope, string ExportedBy, DateTime ExportedUtc);
