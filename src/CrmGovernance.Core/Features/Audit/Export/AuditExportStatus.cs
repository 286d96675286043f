namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>Queued → Running → Completed, or Failed, or Cancelled by the person who asked for it.</summary>
public enum AuditExportStatus { Queued, Running, Completed, Failed, Cancelled }
