namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>An exported mapping workbook, ready to download.</summary>
public sealed record WorkbookFile(byte[] Content, string FileName, string ContentType = MappingWorkbook.ContentType);
