namespace CrmGovernance.Core.Features.Insights.Exports;

/// <summary>The dashboard's tables as one Excel workbook, with the name the browser saves it under.</summary>
public sealed record InsightsExport(string FileName, byte[] Content)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
