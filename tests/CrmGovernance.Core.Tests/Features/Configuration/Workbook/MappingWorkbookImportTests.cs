using ClosedXML.Excel;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Configuration.Workbook;
using CrmGovernance.Core.Features.FirstRun;
using static CrmGovernance.Core.Tests.Features.Configuration.Workbook.WorkbookFiles;

namespace CrmGovernance.Core.Tests.Features.Configuration.Workbook;

public sealed class MappingWorkbookImportTests
{
    [Theory]
    [MemberData(nameof(DemoFlows))]
    public void An_unedited_workbook_reads_back_exactly_the_published_mappings(Guid flowId)
    {
        var c = Demo();
        var flow = c.FindFlow(flowId)!;

        var read = Read(MappingWorkbook.Export(c, flow, 1), c, flow);

        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.Equal(1, read.Version);
        Assert.Equal(
            c.Mappings.Where(m => m.FlowId == flowId).OrderBy(m => m.Id).Select(ConfigurationJson.Serialize),
            read.Mappings.OrderBy(m => m.Id).Select(ConfigurationJson.Serialize));
    }

    public static TheoryData<Guid> DemoFlows => [DemoConfiguration.WebFormFlow, DemoConfiguration.OrdersFlow, DemoConfiguration.OpportunitiesFlow];

    [Fact]
    public void Each_wrong_row_is_reported_with_its_row_number_in_plain_words()
    {
        var c = Demo();
        int first = 0, phone = 0, date = 0;
        var file = Edit(MappingWorkbook.Export(c, WebForm(c), 1), s =>
        {
            (first, phone, date) = (RowOf(s, "first_name"), RowOf(s, "phone"), RowOf(s, "last_form_at"));
            s.Cell(first, 5).SetValue("Trimm");
            s.Cell(phone, 4).SetValue("foo");
            s.Cell(date, 6).SetValue("");
        });

        var read = Read(file, c, WebForm(c));

        Assert.Equal(
        [
            $"Row {first}: unknown transform 'Trimm' (step 1).",
            $"Row {phone}: the target field foo is not in CRM's catalog.",
            $"Row {date}: argument 'formats' missing for Parse date (step 1).",
        ], read.Errors);
        Assert.Empty(read.Mappings);
    }

    [Fact]
    public void Type_check_errors_carry_the_row_number()
    {
        var c = Demo();
        var row = 0;
        var file = Edit(MappingWorkbook.Export(c, WebForm(c), 1), s =>
        {
            row = RowOf(s, "last_form_at");
            s.Cell(row, 5).SetValue("Trim");
            s.Cell(row, 6).SetValue("");
        });

        var error = Assert.Single(Read(file, c, WebForm(c)).Errors);

        Assert.Equal($"Row {row}: last_form_at is a date-time, but the mapping gives text: add a Parse date step.", error);
    }

    [Fact]
    public void A_row_without_id_is_a_new_mapping_and_a_removed_row_a_deletion()
    {
        var c = Demo();
        var file = Edit(MappingWorkbook.Export(c, WebForm(c), 1), s =>
        {
            var row = RowOf(s, "lifecycle_stage");
            s.Row(row).Clear(XLClearOptions.Contents);
            s.Cell(row, 2).SetValue(6);
            s.Cell(row, 3).SetValue("message");
            s.Cell(row, 4).SetValue("customer_status");
            s.Cell(row, 5).SetValue("Value map");
            s.Cell(row, 6).SetValue("map: new=>prospect, paying customer=>active; default=prospect");
        });

        var read = Read(file, c, WebForm(c));

        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.DoesNotContain(read.Mappings, m => m.TargetField == "lifecycle_stage");
        var added = read.Mappings.Single(m => m.TargetField == "customer_status");
        Assert.DoesNotContain(c.Mappings, m => m.Id == added.Id);
        Assert.Equal(["message"], added.SourceFields);
        Assert.Equal("active", added.Transforms.Single().Map["paying customer"]);
    }

    [Fact]
    public void Two_rows_writing_one_target_field_are_refused()
    {
        var c = Demo();
        var file = Edit(MappingWorkbook.Export(c, WebForm(c), 1), s => s.Cell(RowOf(s, "first_name"), 4).SetValue("last_name"));

        var error = Assert.Single(Read(file, c, WebForm(c)).Errors);

        Assert.Equal("Rows 3 and 4 both write the target field last_name; keep one.", error);
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_clearly()
    {
        var c = Demo();

        var error = Assert.Single(Read("not a spreadsheet"u8.ToArray(), c, WebForm(c)).Errors);

        Assert.StartsWith("The file is not an Excel workbook (.xlsx)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_without_the_mappings_sheet_is_refused()
    {
        var c = Demo();
        using var other = new XLWorkbook();
        other.Worksheets.Add("Sheet1").Cell(1, 1).SetValue("hello");
        using var stream = new MemoryStream();
        other.SaveAs(stream);

        var error = Assert.Single(Read(stream.ToArray(), c, WebForm(c)).Errors);

        Assert.StartsWith("The workbook has no sheet named Mappings.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_header_is_refused_naming_the_cell()
    {
        var c = Demo();
        var file = Edit(MappingWorkbook.Export(c, WebForm(c), 1), s => s.Cell("D1").SetValue("Target"));

        var error = Assert.Single(Read(file, c, WebForm(c)).Errors);

        Assert.StartsWith("The header row of the sheet Mappings has changed: cell D1 reads 'Target' where the import expects 'Target field'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_flows_workbook_is_refused()
    {
        var c = Demo();
        var file = MappingWorkbook.Export(c, c.FindFlow(DemoConfiguration.OrdersFlow)!, 1);

        var error = Assert.Single(Read(file, c, WebForm(c)).Errors);

        Assert.Equal("This workbook holds the mappings of Shop orders to CRM, not of Web form to CRM contacts. "
            + "Import it on that flow's page, or export the workbook of Web form to CRM contacts.", error);
    }
}
