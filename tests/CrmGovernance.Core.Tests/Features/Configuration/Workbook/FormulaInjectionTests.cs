using System.IO.Compression;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Workbook;
using CrmGovernance.Core.Features.FirstRun;
using static CrmGovernance.Core.Tests.Features.Configuration.Workbook.WorkbookFiles;

namespace CrmGovernance.Core.Tests.Features.Configuration.Workbook;

public sealed partial class FormulaInjectionTests
{
    public static TheoryData<string> Dangerous => ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "a\tb\nc", "\t=1+1", "\r\n@x", "=cmd|' /C calc'!A0"];

    [Theory]
    [MemberData(nameof(Dangerous))]
    public void A_constant_value_that_looks_like_a_formula_round_trips_as_text(string value)
    {
        var (c, flow) = WithConstantFirstName(Demo(), value);
        var file = MappingWorkbook.Export(c, flow, 1);

        using (var workbook = Open(file))
        {
            var sheet = workbook.Worksheet("Mappings");
            var cell = sheet.Cell(RowOf(sheet, "first_name"), 6);
            Assert.False(cell.HasFormula);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(TransformArgumentText.Format(Transform.Of(TransformKind.Constant, ("value", value))), cell.GetString());
        }
        Assert.Empty(Formulas(file));

        var read = Read(file, c, flow);

        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        Assert.Equal(value, read.Mappings.Single(m => m.TargetField == "first_name").Transforms.Single().Arg("value"));
    }

    [Fact]
    public void Names_that_look_like_formulas_are_written_as_quoted_text_in_every_sheet()
    {
        var c = Demo();
        var flow = WebForm(c) with { Name = "=HYPERLINK(\"http://evil.example\",\"click\")" };
        var field = c.Fields.First(f => f.SystemId == DemoConfiguration.Website && f.Name == "message") with { Name = "+1-2" };
        var mapping = c.Mappings.First(m => m.FlowId == flow.Id && m.TargetField == "first_name") with { SourceFields = ["@SUM(A1)"] };
        c = c with
        {
            Flows = [.. c.Flows.Where(f => f.Id != flow.Id), flow],
            Fields = [.. c.Fields.Where(f => f.Id != field.Id), field],
            Mappings = [.. c.Mappings.Where(m => m.Id != mapping.Id), mapping],
        };
        var file = MappingWorkbook.Export(c, flow, 1);

        using var workbook = Open(file);
        var cells = workbook.Worksheets.SelectMany(s => s.CellsUsed()).ToList();
        Assert.DoesNotContain(cells, x => x.HasFormula);
        var risky = cells.Where(x => x.DataType == XLDataType.Text && x.GetString() is [ '=' or '+' or '-' or '@' or '\t' or '\r' or '\n', ..]).ToList();
        Assert.All(risky, x => Assert.True(x.Style.IncludeQuotePrefix, $"{x.Address} is not quote-prefixed"));
        Assert.Equal(flow.Name, workbook.Worksheet("Flow").Cell("B1").GetString());
        Assert.Contains(risky, x => x.GetString() == "@SUM(A1)");
        Assert.Contains(risky, x => x.GetString() == "+1-2");
        Assert.Empty(Formulas(file));
    }

    [Fact]
    public void A_formula_typed_into_the_sheet_is_refused_with_its_row_not_evaluated()
    {
        var c = Demo();
        var file = Edit(MappingWorkbook.Export(c, WebForm(c), 1), s => s.Cell(RowOf(s, "email"), 6).FormulaA1 = "HYPERLINK(\"http://evil.example\")");

        var read = Read(file, c, WebForm(c));

        var error = Assert.Single(read.Errors);
        Assert.StartsWith("Row 2: cell F2 holds a formula", error, StringComparison.Ordinal);
    }

    private static (GovernanceConfiguration, DataFlow) WithConstantFirstName(GovernanceConfiguration c, string value)
    {
        var flow = WebForm(c);
        var mapping = c.Mappings.Single(m => m.FlowId == flow.Id && m.TargetField == "first_name");
        var constant = mapping with { SourceFields = [], Transforms = [Transform.Of(TransformKind.Constant, ("value", value))] };
        return (c with { Mappings = [.. c.Mappings.Where(m => m.Id != mapping.Id), constant] }, flow);
    }

    /// <summary>Formula elements in the raw sheet XML, read without ClosedXML.</summary>
    private static List<string> Formulas(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file));
        return zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            .SelectMany(e => FormulaElement().Matches(new StreamReader(e.Open()).ReadToEnd()).Select(m => $"{e.FullName}: {m.Value}"))
            .ToList();
    }

    [GeneratedRegex(@"<(\w+:)?f[\s>/]")]
    private static partial Regex FormulaElement();
}
