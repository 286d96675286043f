using System.IO.Compression;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Workbook;
using static CrmGovernance.Core.Tests.Features.Configuration.Workbook.WorkbookFiles;

namespace CrmGovernance.Core.Tests.Features.Configuration.Workbook;

/// <summary>
/// Formula injection (OWASP ASVS 5.0 1.2.10) in the mapping workbook: values that a spreadsheet would run as a formula,
/// placed in source fields, transform arguments and the field catalog, come back from ClosedXML exactly, as text.
/// </summary>
public sealed partial class MappingWorkbookHostileValuesTests
{
    private static readonly string[] Hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tTab first", "\rCarriage first", "\nLine first"];

    [Fact]
    public void Hostile_source_fields_and_arguments_read_back_intact_as_quoted_text_with_no_formula()
    {
        var (c, flow, mappings) = WithHostileValues();

        var file = MappingWorkbook.Export(c, flow, 1);

        using var workbook = Open(file);
        var sheet = workbook.Worksheet("Mappings");
        for (var i = 0; i < Hostile.Length; i++)
        {
            var row = sheet.Column(1).CellsUsed(x => x.GetString() == mappings[i].Id.ToString()).Single().Address.RowNumber;
            var source = sheet.Cell(row, 3);
            var arguments = sheet.Cell(row, 6);
            Assert.Equal(AsRead(Hostile[i]), source.GetString());
            AssertQuotedText(source);
            Assert.Equal(TransformArgumentText.Format(mappings[i].Transforms.Single()), arguments.GetString());
            Assert.Equal(XLDataType.Text, arguments.DataType);
            Assert.False(arguments.HasFormula);
        }
        var catalog = workbook.Worksheet("Lists").Column(3).CellsUsed().Skip(1).ToList();
        Assert.All(Hostile, value => AssertQuotedText(Assert.Single(catalog, x => x.GetString() == AsRead(value))));
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(s => s.CellsUsed()), x => x.HasFormula);
        Assert.False(HasFormulaElement(file), "a sheet of the file holds a formula");
    }

    /// <summary>
    /// A value as a spreadsheet reads it back. XML turns a bare carriage return into a line feed, and ClosedXML 0.95.4
    /// writes it unescaped (not as _x000D_), so a CR comes back as LF: the line break stays, the text stays inert.
    /// </summary>
    private static string AsRead(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static void AssertQuotedText(IXLCell cell)
    {
        Assert.False(cell.HasFormula, $"{cell.Address} holds a formula");
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.True(cell.Style.IncludeQuotePrefix, $"{cell.Address} is not quote-prefixed");
    }

    /// <summary>
    /// The web form flow with one hostile value per mapping as its source field and constant (mappings are added for
    /// unmapped target fields when the flow has too few), and the source system's catalog holding fields named so.
    /// </summary>
    private static (GovernanceConfiguration, DataFlow, List<FieldMapping>) WithHostileValues()
    {
        var c = Demo();
        var flow = WebForm(c);
        var existing = c.Mappings.Where(m => m.FlowId == flow.Id).OrderBy(m => m.Order).ToList();
        var unmapped = c.FieldsOf(flow.TargetSystemId, flow.ObjectId).Select(f => f.Name)
            .Except(existing.Select(m => m.TargetField), StringComparer.OrdinalIgnoreCase).ToList();
        var added = Enumerable.Range(0, Math.Max(0, Hostile.Length - existing.Count)).Select(k => existing[0] with
        {
            Id = Guid.NewGuid(), Order = existing[^1].Order + k + 1, TargetField = unmapped[k],
        });
        var changed = existing.Concat(added).Take(Hostile.Length).Select((m, i) => m with
        {
            SourceFields = [Hostile[i]],
            Transforms = [Transform.Of(TransformKind.Constant, ("value", Hostile[i]))],
        }).ToList();
        var catalog = Hostile.Select(name => new FieldDefinition { Id = Guid.NewGuid(), SystemId = flow.SourceSystemId, ObjectId = flow.ObjectId, Name = name });
        c = c with
        {
            Mappings = [.. c.Mappings.Where(m => changed.All(x => x.Id != m.Id)), .. changed],
            Fields = [.. c.Fields, .. catalog],
        };
        return (c, flow, changed);
    }

    /// <summary>A formula element in the raw sheet XML, read without ClosedXML.</summary>
    private static bool HasFormulaElement(byte[] file)
    {
        using var zip = new ZipArchive(new MemoryStream(file));
        return zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            .Any(e => FormulaElement().IsMatch(new StreamReader(e.Open()).ReadToEnd()));
    }

    [GeneratedRegex(@"<(\w+:)?f[\s>/]")]
    private static partial Regex FormulaElement();
}
