using CrmGovernance.Core.Features.Configuration.Workbook;

namespace CrmGovernance.Core.Features.Audit.Reports;

/// <summary>The report ready to download, or why there is none (a message the user can act on).</summary>
public sealed record ChangeRequestReportOutcome(WorkbookFile? File, string? Error)
{
    public bool Succeeded => File is not null;

    public static ChangeRequestReportOutcome Fail(string error) => new(null, error);
}
