using ClosedXML.Excel;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Core.Features.Audit.Reports;

/// <summary>
/// The report as a styled workbook: Cover, Requests, Changes (the field-level diff), Approvals, Comments and Timeline
/// (the requests' audit rows with their hashes). Sheet and column names are part of what auditors rely on.
/// </summary>
internal static class ChangeRequestReportWorkbook
{
    public const string Cover = "Cover";
    public const string Requests = "Requests";
    public const string Changes = "Changes";
    public const string Approvals = "Approvals";
    public const string Comments = "Comments";
    public const string Timeline = "Timeline";

    public static byte[] Build(ReportCover cover, IReadOnlyList<ReportedRequest> requests)
    {
        using var workbook = new XLWorkbook();
        var coverSheet = workbook.Worksheets.Add(Cover);
        var counts = new List<(string, int)>
        {
            (Requests, WriteRequests(workbook, requests)),
            (Changes, WriteChanges(workbook, requests)),
            (Approvals, WriteEntries(workbook, Approvals, "Step", requests, ReportHistory.Approvals)),
            (Comments, WriteEntries(workbook, Comments, "Comment", requests, ReportHistory.Comments)),
            (Timeline, WriteTimeline(workbook, requests)),
        };
        WriteCover(coverSheet, cover, counts);
        coverSheet.SetTabActive();

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteCover(IXLWorksheet sheet, ReportCover cover, IReadOnlyList<(string Sheet, int Rows)> counts)
    {
        SpreadsheetCells.Text(sheet.Cell(1, 1), "Change request report").Style.Font.SetBold().Font.FontSize = 14;
        var lines = new List<(string, Action<IXLCell>)>
        {
            ("Covers", c => SpreadsheetCells.Text(c, cover.Scope)),
            ("Exported by", c => SpreadsheetCells.Text(c, cover.ExportedBy)),
            ("Exported at (UTC)", c => c.SetValue(cover.ExportedUtc).Style.DateFormat.Format = ReportSheet.DateFormat),
        };
        lines.AddRange(counts.Select(c => ($"Rows in {c.Sheet}", (Action<IXLCell>)(cell => cell.SetValue(c.Rows)))));
        var row = 3;
        foreach (var (label, write) in lines)
        {
            SpreadsheetCells.Text(sheet.Cell(row, 1), label).Style.Font.Bold = true;
            write(sheet.Cell(row++, 2));
        }
        SpreadsheetCells.Text(sheet.Cell(row + 1, 1),
            "Timeline holds each request's rows of the audit log; compare a row hash with the audit log's export to show it is untampered.");
        sheet.Column(1).Width = 22;
        sheet.Column(2).Width = 80;
        sheet.Column(2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
    }

    private static int WriteRequests(IXLWorkbook workbook, IReadOnlyList<ReportedRequest> requests)
    {
        var sheet = new ReportSheet(workbook, Requests, ("Request", 10), ("Title", 36), ("Reason", 48), ("Status", 12), ("Author", 24),
            ("Created (UTC)", 20), ("Submitted (UTC)", 20), ("Decided by", 24), ("Decided at (UTC)", 20), ("Decision comment", 48),
            ("Published version", 12), ("Restores version", 12), ("Items", 8));
        foreach (var r in requests.Select(x => x.Request))
        {
            sheet.Row().Text(r.Label).Text(r.Title).Text(r.Reason).Text(r.Status.ToString()).Text(r.AuthorName)
                .Time(r.CreatedUtc).Time(r.SubmittedUtc).Text(r.DecidedByName).Time(r.DecidedUtc).Text(r.DecisionComment)
                .Number(r.PublishedVersion).Number(r.RestoresVersion).Number(r.Items.Count);
        }
        sheet.Finish();
        return sheet.Rows;
    }

    /// <summary>
    /// The diff in business words (item titles, field labels, names for ids), with the stored path and values beside
    /// them for whoever needs to match a row to the configuration's JSON.
    /// </summary>
    private static int WriteChanges(IXLWorkbook workbook, IReadOnlyList<ReportedRequest> requests)
    {
        var sheet = new ReportSheet(workbook, Changes, ("Request", 10), ("Item kind", 16), ("Item", 32), ("Change", 10),
            ("Field", 32), ("Before", 40), ("After", 40), ("Field path", 32), ("Stored before", 40), ("Stored after", 40), ("Item id", 38));
        foreach (var reported in requests)
        {
            foreach (var item in reported.Diff)
            {
                // An item whose before and after are equal has no leaves; it still gets a row, so no item goes missing.
                IReadOnlyList<FieldChange> fields = item.Fields.Count > 0 ? item.Fields : [new FieldChange("", null, null) { Label = "" }];
                foreach (var field in fields)
                {
                    sheet.Row().Text(reported.Request.Label).Text(item.Kind.ToString()).Text(item.ShownTitle).Text(item.Change.ToString())
                        .Text(field.ShownLabel).Text(field.ShownOld).Text(field.ShownNew).Text(field.Path).Text(field.Old).Text(field.New)
                        .Text(item.ItemId.ToString("D"));
                }
            }
        }
        sheet.Finish();
        return sheet.Rows;
    }

    private static int WriteEntries(IXLWorkbook workbook, string name, string what, IReadOnlyList<ReportedRequest> requests,
        Func<ReportedRequest, IReadOnlyList<ReportEntry>> entries)
    {
        var sheet = new ReportSheet(workbook, name, ("Request", 10), (what, 22), ("By", 28), ("At (UTC)", 20), ("Comment", 64));
        foreach (var reported in requests)
        {
            foreach (var entry in entries(reported))
            {
                sheet.Row().Text(reported.Request.Label).Text(entry.What).Text(entry.By).Time(entry.AtUtc).Text(entry.Text);
            }
        }
        sheet.Finish();
        return sheet.Rows;
    }

    private static int WriteTimeline(IXLWorkbook workbook, IReadOnlyList<ReportedRequest> requests)
    {
        var sheet = new ReportSheet(workbook, Timeline, ("Request", 10), ("Sequence", 10), ("Time (UTC)", 20), ("Actor", 24), ("Action", 40),
            ("Entity", 20), ("Entity id", 38), ("Field", 20), ("Old value", 40), ("New value", 40), ("Row hash", 66));
        foreach (var reported in requests)
        {
            foreach (var row in reported.Timeline)
            {
                // One line per changed field; an event without fields still gets its line.
                var changes = AuditChange.Parse(row.Changes);
                IReadOnlyList<AuditChange> lines = changes.Count > 0 ? changes : [new AuditChange("", null, null)];
                foreach (var change in lines)
                {
                    sheet.Row().Text(reported.Request.Label).Number(row.Sequence).Time(row.TimeUtc).Text(row.ActorName).Text(AuditActionNames.Describe(row, reported.Names))
                        .Text(row.EntityType).Text(row.EntityId).Text(change.Field).Text(change.Old).Text(change.New).Text(row.Hash);
                }
            }
        }
        sheet.Finish();
        return sheet.Rows;
    }
}
