using ClosedXML.Excel;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Core.Features.Insights.Exports;

/// <summary>
/// Writes <see cref="DashboardData"/> as a workbook: About, Figures, Trend, Flows, Rejection reasons, Duplicates and
/// Versions. Sheet names and column headers are what people's own spreadsheets refer to: keep them stable.
/// </summary>
internal static class InsightsWorkbookWriter
{
    public const string About = "About";
    public const string Figures = "Figures";
    public const string Trend = "Trend";
    public const string Flows = "Flows";
    public const string Reasons = "Rejection reasons";
    public const string Duplicates = "Duplicates";
    public const string Versions = "Versions";

    public static byte[] Build(DashboardData data, Func<Guid, string> objectName, string subject, string exportedBy, DateTime exportedUtc)
    {
        using var workbook = new XLWorkbook();
        WriteAbout(workbook, data, subject, exportedBy, exportedUtc);
        WriteFigures(workbook, data);
        WriteTrend(workbook, data);
        WriteFlows(workbook, data, objectName);
        WriteReasons(workbook, data);
        WriteDuplicates(workbook, data);
        WriteVersions(workbook, data);
        workbook.Worksheet(Figures).SetTabActive();
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static string UnitName(MetricUnit unit) => unit switch
    {
        MetricUnit.Share => "share",
        MetricUnit.Seconds => "seconds",
        MetricUnit.PerThousand => "per 1,000 records",
        _ => "count",
    };

    private static void WriteAbout(XLWorkbook workbook, DashboardData data, string subject, string exportedBy, DateTime exportedUtc)
    {
        var sheet = workbook.Worksheets.Add(About);
        SpreadsheetCells.Text(sheet.Cell(1, 1), "Insights").Style.Font.SetBold().Font.FontSize = 14;
        var lines = new (string Label, string Value)[]
        {
            ("Covers", subject),
            ("Period (UTC days)", $"{data.Filter.From:yyyy-MM-dd} to {data.Filter.To:yyyy-MM-dd} ({data.Filter.Days} days)"),
            ("Baseline", $"{data.Baseline.From:yyyy-MM-dd} to {data.Baseline.To:yyyy-MM-dd}: {data.Baseline.Name}"),
            ("Trend points", data.Resolution == Rollups.BucketSize.Hour ? "one per hour" : "one per day"),
            ("Exported by", exportedBy),
            ("Exported at (UTC)", exportedUtc.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            ("Note", "Baseline counts are scaled to the period's length, so periods of different lengths compare fairly. Shares are between 0 and 1."),
        };
        var row = 3;
        foreach (var (label, value) in lines)
        {
            SpreadsheetCells.Text(sheet.Cell(row, 1), label).Style.Font.Bold = true;
            SpreadsheetCells.Text(sheet.Cell(row++, 2), value);
        }
        sheet.Column(1).Width = 20;
        sheet.Column(2).Width = 90;
    }

    private static void WriteFigures(XLWorkbook workbook, DashboardData data)
    {
        var sheet = new InsightsSheet(workbook, Figures, ("Group", 18), ("Figure", 28), ("Value", 14), ("Baseline", 14), ("Change", 14),
            ("Unit", 18), ("Judged", 10), ("Note", 40), ("Key", 24));
        foreach (var card in data.Cards)
        {
            sheet.Row().Text(card.Group).Text(card.Title).Number(card.Value, card.Unit).Number(card.Baseline, card.Unit).Number(card.Change, card.Unit)
                .Text(UnitName(card.Unit)).Text(card.Improved switch { true => "better", false => "worse", _ => "" }).Text(card.Note).Text(card.Key);
        }
        sheet.Finish();
    }

    /// <summary>One row per period, one column per figure: ready for a chart.</summary>
    private static void WriteTrend(XLWorkbook workbook, DashboardData data)
    {
        var columns = new List<(string, double)> { ("Period start (UTC)", 18) };
        columns.AddRange(data.Cards.Select(c => ($"{c.Title} ({UnitName(c.Unit)})", 16d)));
        var sheet = new InsightsSheet(workbook, Trend, [.. columns]);
        var periods = data.Cards.Count == 0 ? [] : data.Cards[0].Trend.Select(p => p.StartUtc).ToList();
        for (var i = 0; i < periods.Count; i++)
        {
            sheet.Row().Time(periods[i]);
            foreach (var card in data.Cards)
            {
                sheet.Number(i < card.Trend.Count ? card.Trend[i].Value : null, card.Unit);
            }
        }
        sheet.Finish();
    }

    private static void WriteFlows(XLWorkbook workbook, DashboardData data, Func<Guid, string> objectName)
    {
        var sheet = new InsightsSheet(workbook, Flows, ("Flow", 30), ("Object", 18), ("Runs", 10), ("Sync success", 12), ("Records processed", 14),
            ("Records moved", 14), ("Runs on time", 12), ("Rejected", 10), ("Failed", 10), ("Manual handling per 1,000", 14),
            ("Mandatory fields filled", 14), ("Lead response p50 (seconds)", 14), ("Flow id", 38));
        foreach (var f in data.Flows)
        {
            sheet.Row().Text(f.Name).Text(objectName(f.ObjectId)).Number(f.Runs).Number(f.SuccessRate, MetricUnit.Share).Number(f.RecordsProcessed)
                .Number(f.RecordsMoved).Number(f.Freshness, MetricUnit.Share).Number(f.Rejected).Number(f.Failed).Number(f.ManualPerThousand)
                .Number(f.Completeness, MetricUnit.Share).Number(f.LeadResponseP50Seconds).Text(f.FlowId.ToString("D"));
        }
        sheet.Finish();
    }

    private static void WriteReasons(XLWorkbook workbook, DashboardData data)
    {
        var sheet = new InsightsSheet(workbook, Reasons, ("Reason", 60), ("Count", 12), ("Baseline count", 14));
        foreach (var r in data.Rejections)
        {
            sheet.Row().Text(r.Reason).Number(r.Count).Number(r.BaselineCount);
        }
        sheet.Finish();
    }

    private static void WriteDuplicates(XLWorkbook workbook, DashboardData data)
    {
        var sheet = new InsightsSheet(workbook, Duplicates, ("Object", 24), ("Duplicate rate", 14), ("Baseline rate", 14), ("Duplicates prevented", 14),
            ("Scans", 10), ("Object id", 38));
        foreach (var d in data.Duplicates)
        {
            sheet.Row().Text(d.Name).Number(d.DuplicateRate, MetricUnit.Share).Number(d.BaselineRate, MetricUnit.Share).Number(d.Prevented).Number(d.Scans)
                .Text(d.ObjectId.ToString("D"));
        }
        sheet.Finish();
    }

    private static void WriteVersions(XLWorkbook workbook, DashboardData data)
    {
        var sheet = new InsightsSheet(workbook, Versions, ("Version", 10), ("Published (UTC)", 18), ("Published by", 28), ("Change request", 48));
        foreach (var v in data.Versions)
        {
            sheet.Row().Number(v.Number).Time(v.PublishedUtc).Text(v.PublishedBy).Text(v.Title);
        }
        sheet.Finish();
    }
}
