using System.Globalization;
using ClosedXML.Excel;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Insights.Exports;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Core.Features.Quality.Fields;

/// <summary>
/// The Field rationalisation list as an Excel workbook: a Fields sheet (one row per field, flags and uses in words) and
/// a Uses sheet (one row per place a field is used). Sheet names and headers are kept stable for people's own sheets.
/// </summary>
public sealed class FieldRationalisationWorkbook(FieldRationalisationService rationalisation, ActorContext actor, TimeProvider clock)
{
    public const string FieldsSheet = "Fields";
    public const string UsesSheet = "Uses";

    public async Task<InsightsExport> ExportAsync(FieldRationalisationFilter filter, CancellationToken cancellationToken = default)
    {
        var rows = await rationalisation.RowsAsync(filter, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        using var workbook = new XLWorkbook();
        var fields = new InsightsSheet(workbook, FieldsSheet, ("Object", 16), ("System", 16), ("Field", 24), ("Label", 24), ("Type", 12), ("Owner", 28),
            ("Deprecated", 11), ("Fill rate", 10), ("Records assessed", 14), ("Assessed (UTC)", 18), ("Values last changed", 36), ("Uses", 8),
            ("Flags", 60), ("Retirement", 40), ("Field id", 38));
        foreach (var r in rows)
        {
            fields.Row().Text(r.ObjectName).Text(r.SystemName).Text(r.Field).Text(r.Label).Text(r.Type.ToString()).Text(r.Owner).Text(r.Deprecated ? "yes" : "")
                .Number(r.FillRate, MetricUnit.Share).Number(r.Records).Time(r.AssessedUtc).Text(r.LastChange.Text).Number(r.Uses.Count)
                .Text(string.Join(" ", r.Flags.Select(f => f.Reason))).Text(r.Retirement?.Next ?? "").Text(r.FieldId.ToString("D"));
        }
        fields.Finish();
        var uses = new InsightsSheet(workbook, UsesSheet, ("Object", 16), ("System", 16), ("Field", 24), ("Use", 22), ("Where", 90), ("Item", 16), ("Item id", 38));
        foreach (var r in rows)
        {
            foreach (var u in r.Uses)
            {
                uses.Row().Text(r.ObjectName).Text(r.SystemName).Text(r.Field).Text(u.Kind.ToString()).Text(u.Description).Text(u.ItemKind.ToString()).Text(u.ItemId.ToString("D"));
            }
        }
        uses.Finish();
        var about = workbook.Worksheets.Add("About");
        SpreadsheetCells.Text(about.Cell(1, 1), "Field rationalisation").Style.Font.SetBold();
        SpreadsheetCells.Text(about.Cell(2, 1), $"Exported by {actor.Name} at {now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; {rows.Count:N0} fields.");
        SpreadsheetCells.Text(about.Cell(3, 1), "Fill rates and last changes come from the latest assessments of each system's object; uses from the published configuration.");
        workbook.Worksheet(FieldsSheet).SetTabActive();
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return new InsightsExport($"field-rationalisation-{now.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.xlsx", stream.ToArray());
    }
}
