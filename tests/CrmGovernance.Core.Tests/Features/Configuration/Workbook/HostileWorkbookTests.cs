using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Features.Configuration.Workbook;
using static CrmGovernance.Core.Tests.Features.Configuration.Workbook.HostileWorkbooks;
using static CrmGovernance.Core.Tests.Features.Configuration.Workbook.WorkbookFiles;

namespace CrmGovernance.Core.Tests.Features.Configuration.Workbook;

/// <summary>
/// Uploads built to exhaust the process: an .xlsx is a zip, so a small file can unzip to gigabytes, and the spreadsheet
/// library holds about a kilobyte per cell. Each is refused, with the reason, before the library opens it.
/// </summary>
public sealed class HostileWorkbookTests
{
    /// <summary>A safety net only: the refusals cost milliseconds; the bombs they stop cost gigabytes and minutes.</summary>
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(2);

    [Fact]
    public void Import_of_a_zip_bomb_is_refused_before_it_is_inflated()
    {
        var file = WithPart(Export(), MappingsPart, Bomb);
        Assert.True(file.Length < WorkbookImportLimits.MaxFileBytes / 10, $"The bomb is {file.Length:N0} bytes.");

        var error = Refused(file);

        Assert.Equal($"The file's part {MappingsPart} unzips to more than 16 MB, so it is not a mapping workbook. {ExportAgain}", error);
    }

    [Fact]
    public void A_zip_whose_header_understates_a_part_is_refused_without_inflating_it()
    {
        // .NET stops inflating at the declared size, so the lie only cuts the sheet short: it cannot read, and is refused.
        var file = DeclaringSize(WithPart(Export(), MappingsPart, Bomb), MappingsPart, 2_000);

        var error = Refused(file);

        Assert.Equal($"The file is not an Excel workbook (.xlsx) that can be read. {ExportAgain}", error);
    }

    [Fact]
    public void An_entry_is_counted_as_it_inflates_and_ends_past_the_limit_whatever_was_declared()
    {
        // Behind the declared sizes, the bytes actually inflated are counted too, should a zip reader ever trust a header.
        using var inflated = new InflatedEntryStream(new MemoryStream(new byte[1_000]), 100);

        inflated.Drain();

        Assert.True(inflated.Exceeded);
        Assert.Equal(101, inflated.Count);
    }

    [Fact]
    public void An_entry_of_exactly_the_limit_reads_to_its_end()
    {
        using var inflated = new InflatedEntryStream(new MemoryStream(new byte[100]), 100);

        Assert.Equal(0, inflated.PeekFirstByte());
        inflated.Drain();

        Assert.False(inflated.Exceeded);
        Assert.Equal(100, inflated.Count);
    }

    [Fact]
    public void Parts_that_together_unzip_too_far_are_refused()
    {
        Action<StreamWriter> filler = w => w.Write(new string(' ', 12 * 1024 * 1024));
        var file = WithParts(Export(), [("docProps/a.xml", filler), ("docProps/b.xml", filler), ("docProps/c.xml", filler)]);

        var error = Refused(file);

        Assert.Equal($"The file unzips to more than 32 MB, so it is not a mapping workbook. {ExportAgain}", error);
    }

    [Fact]
    public void Import_of_a_workbook_with_too_many_rows_is_refused()
    {
        var file = WithPart(Export(), MappingsPart, Sheet(w =>
        {
            for (var row = 1; row <= WorkbookImportLimits.MaxRows + 1; row++)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<row r=\"{row}\"/>"));
            }
        }));

        var error = Refused(file);

        Assert.StartsWith("The workbook has more than 20,000 rows;", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_of_a_workbook_with_too_many_cells_is_refused()
    {
        var file = WithPart(Export(), MappingsPart, Grid(1_000, 101));

        var error = Refused(file);

        Assert.StartsWith("The workbook has more than 100,000 cells;", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cell_far_to_the_right_is_refused()
    {
        // One cell in the last column Excel has would make every row's read span 16,384 columns.
        var file = WithPart(Export(), MappingsPart, Sheet(w => w.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Id</t></is></c><c r=\"XFD1\"><v>1</v></c></row>")));

        var error = Refused(file);

        Assert.StartsWith($"The workbook has a cell to the right of column {WorkbookImportLimits.MaxColumns};", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_of_too_many_parts_is_refused()
    {
        var parts = Enumerable.Range(0, WorkbookImportLimits.MaxEntries).Select(i => ($"docProps/extra{i}.xml", (Action<StreamWriter>)(w => w.Write("<a/>")))).ToList();

        var error = Refused(WithParts(Export(), parts));

        Assert.StartsWith($"The file holds {WorkbookImportLimits.MaxEntries + 13} parts;", error, StringComparison.Ordinal);
    }

    [Fact]
    public void XML_nested_too_deep_is_refused()
    {
        var file = WithPart(Export(), MappingsPart, Sheet(w =>
        {
            w.Write(string.Concat(Enumerable.Repeat("<row>", 50_000)));
            w.Write(string.Concat(Enumerable.Repeat("</row>", 50_000)));
        }));

        var error = Refused(file);

        Assert.StartsWith($"The file's XML is nested more than {WorkbookImportLimits.MaxXmlDepth} deep", error, StringComparison.Ordinal);
    }

    [Fact]
    public void XML_entities_are_refused_unexpanded()
    {
        // The XML form of the alias bomb: each entity ten copies of the one before.
        var file = WithPart(Export(), "xl/sharedStrings.xml", w =>
        {
            w.Write("<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY e0 \"lol\">");
            for (var i = 1; i <= 9; i++)
            {
                w.Write(string.Create(CultureInfo.InvariantCulture, $"<!ENTITY e{i} \"{string.Concat(Enumerable.Repeat($"&e{i - 1};", 10))}\">"));
            }
            w.Write("]><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&e9;</t></si></sst>");
        });

        var error = Refused(file);

        Assert.Equal($"The file is not an Excel workbook (.xlsx) that can be read. {ExportAgain}", error);
    }

    [Fact]
    public void An_exported_workbook_is_inside_every_limit()
    {
        var c = Demo();

        var read = Read(Export(), c, WebForm(c));

        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
    }

    private const string ExportAgain = "Export the mapping workbook again and make your edits in that file.";

    private static byte[] Export()
    {
        var c = Demo();
        return MappingWorkbook.Export(c, WebForm(c), 1);
    }

    private static string Refused(byte[] file)
    {
        var c = Demo();
        var clock = Stopwatch.StartNew();
        var read = Read(file, c, WebForm(c));
        clock.Stop();

        Assert.False(read.Succeeded);
        Assert.Empty(read.Mappings);
        Assert.True(clock.Elapsed < Quickly, $"The refusal took {clock.Elapsed.TotalMilliseconds:N0} ms.");
        return Assert.Single(read.Errors);
    }
}
