using System.IO.Compression;

namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>
/// An .xlsx package streamed into a zip as it is written: worksheet parts one after the other (only one open at a time),
/// then, in <see cref="Complete"/>, the workbook with the sheets in tab order, the styles and the package's bookkeeping.
/// Because the tab order is written last, a sheet written last (a cover with totals) can still be the first tab.
/// </summary>
internal sealed class XlsxPackageWriter(Stream output) : IDisposable
{
    private readonly ZipArchive _zip = new(output, ZipArchiveMode.Create, leaveOpen: true);
    private readonly List<Sheet> _sheets = [];
    private Stream? _part;
    private XlsxSheetWriter? _open;
    private string? _openPart;

    /// <summary>Starts a worksheet part; <paramref name="firstTab"/> puts it before the sheets added so far.</summary>
    public XlsxSheetWriter BeginSheet(string name, IReadOnlyList<double> widths, bool frozenHeader, bool firstTab = false)
    {
        if (_open is not null)
        {
            throw new InvalidOperationException("End the open sheet before starting another.");
        }
        var part = $"sheet{_sheets.Count + 1}.xml";
        _sheets.Insert(firstTab ? 0 : _sheets.Count, new Sheet(name, part));
        _openPart = part;
        _part = _zip.CreateEntry("xl/worksheets/" + part, CompressionLevel.Fastest).Open();
        _open = new XlsxSheetWriter(_part, widths, frozenHeader);
        return _open;
    }

    public void EndSheet()
    {
        if (_open is null || _part is null)
        {
            return;
        }
        var filter = _open.Finish();
        var index = _sheets.FindIndex(s => s.Part == _openPart);
        _sheets[index] = _sheets[index] with { Filter = filter };
        _open.Dispose();
        _part.Dispose();
        (_open, _part) = (null, null);
    }

    /// <summary>Writes the workbook, styles and package parts and closes the zip (the output stays open).</summary>
    public void Complete()
    {
        EndSheet();
        Write("xl/styles.xml", x => x.Raw(XlsxStyles.Part));
        Write("xl/workbook.xml", WriteWorkbook);
        Write("xl/_rels/workbook.xml.rels", x =>
        {
            x.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"u8);
            for (var i = 0; i < _sheets.Count; i++)
            {
                x.Raw("<Relationship Id=\"rId"u8);
                x.Number(i + 1);
                x.Raw("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/"u8);
                x.Text(_sheets[i].Part);
                x.Raw("\"/>"u8);
            }
            x.Raw("<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"u8);
        });
        Write("_rels/.rels", x => x.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"u8));
        Write("[Content_Types].xml", x =>
        {
            x.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"u8);
            foreach (var sheet in _sheets)
            {
                x.Raw("<Override PartName=\"/xl/worksheets/"u8);
                x.Text(sheet.Part);
                x.Raw("\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"u8);
            }
            x.Raw("</Types>"u8);
        });
        _zip.Dispose();
    }

    public void Dispose()
    {
        _open?.Dispose();
        _part?.Dispose();
        _zip.Dispose();
    }

    private void WriteWorkbook(XlsxUtf8Writer x)
    {
        x.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"u8);
        for (var i = 0; i < _sheets.Count; i++)
        {
            x.Raw("<sheet name=\""u8);
            x.Text(_sheets[i].Name);
            x.Raw("\" sheetId=\""u8);
            x.Number(i + 1);
            x.Raw("\" r:id=\"rId"u8);
            x.Number(i + 1);
            x.Raw("\"/>"u8);
        }
        x.Raw("</sheets>"u8);
        if (_sheets.Any(s => s.Filter is not null))
        {
            // Excel keeps an autofilter's range under this hidden name, one per sheet.
            x.Raw("<definedNames>"u8);
            for (var i = 0; i < _sheets.Count; i++)
            {
                if (_sheets[i].Filter is { } filter)
                {
                    x.Raw("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\""u8);
                    x.Number(i);
                    x.Raw("\" hidden=\"1\">"u8);
                    x.Text($"'{_sheets[i].Name.Replace("'", "''", StringComparison.Ordinal)}'!{filter}");
                    x.Raw("</definedName>"u8);
                }
            }
            x.Raw("</definedNames>"u8);
        }
        x.Raw("</workbook>"u8);
    }

    private void Write(string path, Action<XlsxUtf8Writer> write)
    {
        using var part = _zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var xml = new XlsxUtf8Writer(part);
        write(xml);
    }

    private sealed record Sheet(string Name, string Part, string? Filter = null);
}
