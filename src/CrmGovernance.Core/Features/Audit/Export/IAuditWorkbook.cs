namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>An exported workbook being written: log rows first, then the cover (which needs the totals and the chain's verification).</summary>
internal interface IAuditWorkbook : IDisposable
{
    bool Streamed { get; }

    /// <summary>Sheet rows written, headers not counted.</summary>
    long Rows { get; }

    /// <summary>Values cut to Excel's limit of characters per cell.</summary>
    int CutValues { get; }

    /// <summary>The data sheets so far ("Log", "Log 2", …).</summary>
    IReadOnlyList<string> Sheets { get; }

    void Add(AuditSheetRow row);

    /// <summary>Ends the log sheets, puts the cover first and completes the file.</summary>
    void Finish(AuditExportCover cover);
}
