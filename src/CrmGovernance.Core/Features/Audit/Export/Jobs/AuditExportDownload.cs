namespace CrmGovernance.Core.Features.Audit.Export.Jobs;

/// <summary>A completed export's file, opened for reading (the caller disposes it), and the name to save it under.</summary>
public sealed record AuditExportDownload(Stream Content, string FileName);
