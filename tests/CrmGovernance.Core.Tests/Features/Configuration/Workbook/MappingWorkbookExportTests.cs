using ClosedXML.Excel;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Workbook;
using CrmGovernance.Core.Features.FirstRun;
using static CrmGovernance.Core.Tests.Features.Configuration.Workbook.WorkbookFiles;

namespace CrmGovernance.Core.Tests.Features.Configuration.Workbook;

public sealed class MappingWorkbookExportTests
{
    [Fact]
    public void The_mappings_sheet_has_a_frozen_styled_filtered_header_and_one_row_per_mapping()
    {
        var c = Demo();
        using var workbook = Open(MappingWorkbook.Export(c, WebForm(c), 1));
        var sheet = workbook.Worksheet("Mappings");

        Assert.Equal(["Id", "Order", "Source fields", "Target field", "Step 1", "Step 1 arguments", "Step 2", "Step 2 arguments"],
            Enumerable.Range(1, 8).Select(i => sheet.Cell(1, i).GetString()));
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal("A1", sheet.AutoFilter.Range.FirstCell().Address.ToString());
        Assert.Equal(sheet.Row(1).LastCellUsed().Address.ColumnNumber, sheet.AutoFilter.Range.LastColumn().ColumnNumber());

        var row = RowOf(sheet, "last_form_at");
        var mapping = c.Mappings.Single(m => m.FlowId == DemoConfiguration.WebFormFlow && m.TargetField == "last_form_at");
        Assert.Equal(mapping.Id.ToString(), sheet.Cell(row, 1).GetString());
        Assert.Equal("submitted_at", sheet.Cell(row, 3).GetString());
        Assert.Equal("ParseDate", sheet.Cell(row, 5).GetString());
        Assert.Equal("formats=dd/MM/yyyy HH:mm|yyyy-MM-ddTHH:mm:ssZ", sheet.Cell(row, 6).GetString());
        Assert.Equal(6, sheet.RowsUsed().Count() - 1);
    }

    [Fact]
    public void Target_field_and_step_columns_have_dropdowns_from_the_lists_sheet_and_the_others_do_not()
    {
        var c = Demo();
        using var workbook = Open(MappingWorkbook.Export(c, WebForm(c), 1));
        var sheet = workbook.Worksheet("Mappings");
        var lists = workbook.Worksheet("Lists");
        XLAllowedValues? Dropdown(string cell) => sheet.DataValidations
            .Where(v => v.Ranges.Any(r => r.Contains(sheet.Cell(cell)))).Select(v => (XLAllowedValues?)v.AllowedValues).SingleOrDefault();
        string Source(string cell) => sheet.DataValidations.Single(v => v.Ranges.Any(r => r.Contains(sheet.Cell(cell)))).Value;

        Assert.Equal(XLAllowedValues.List, Dropdown("D2"));
        Assert.Equal(XLAllowedValues.List, Dropdown("D150"));
        Assert.StartsWith("Lists!$A$2:$A$", Source("D2"), StringComparison.Ordinal);
        foreach (var step in new[] { "E2", "G2", "I2" })
        {
            Assert.Equal(XLAllowedValues.List, Dropdown(step));
            Assert.Equal($"Lists!$B$2:$B${Enum.GetValues<TransformKind>().Length + 1}", Source(step));
        }
        Assert.Null(Dropdown("A2"));
        Assert.Null(Dropdown("C2"));
        Assert.Null(Dropdown("F2"));

        var crmContactFields = c.FieldsOf(DemoConfiguration.Crm, StandardObjects.Contact).Select(f => f.Name).Order(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(crmContactFields, lists.Column(1).CellsUsed().Skip(1).Select(x => x.GetString()));
        Assert.Equal(Enum.GetNames<TransformKind>(), lists.Column(2).CellsUsed().Skip(1).Select(x => x.GetString()));
    }

    [Fact]
    public void The_flow_sheet_names_the_flow_its_ends_and_the_version_and_the_how_to_sheet_explains_the_syntax()
    {
        var c = Demo();
        using var workbook = Open(MappingWorkbook.Export(c, WebForm(c), 7));
        var flow = workbook.Worksheet("Flow");
        var howTo = workbook.Worksheet("How to edit").Column(1).CellsUsed().Select(x => x.GetString()).ToList();

        Assert.Equal("Web form to CRM contacts", flow.Cell("B1").GetString());
        Assert.Equal(DemoConfiguration.WebFormFlow.ToString(), flow.Cell("B2").GetString());
        Assert.Equal("Website → CRM", flow.Cell("B3").GetString());
        Assert.Equal(7, flow.Cell("B5").GetDouble());
        Assert.Contains(howTo, l => l.Contains("map: paid=>paid, refunded=>refunded; default=other", StringComparison.Ordinal));
        Assert.Contains(howTo, l => l.StartsWith("ParseDate (Parse date): formats (required)", StringComparison.Ordinal));
    }
}
