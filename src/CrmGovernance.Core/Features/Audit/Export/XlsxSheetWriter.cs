using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>
/// One worksheet part written row by row as it comes: column widths, an optional frozen header row and autofilter,
/// text as inline strings (no shared-string table to hold in memory). Nothing of the sheet stays in memory but a buffer.
/// </summary>
internal sealed class XlsxSheetWriter : IDisposable
{
    private readonly XlsxUtf8Writer _xml;
    private readonly int _columns;
    private readonly bool _header;
    private int _column;

    public XlsxSheetWriter(Stream part, IReadOnlyList<double> widths, bool frozenHeader)
    {
        _xml = new XlsxUtf8Writer(part);
        _columns = widths.Count;
        _header = frozenHeader;
        _xml.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"u8);
        _xml.Raw("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"u8);
        _xml.Raw(frozenHeader
            ? "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"u8
            : "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"u8);
        _xml.Raw("<cols>"u8);
        for (var i = 0; i < widths.Count; i++)
        {
            _xml.Raw("<col min=\""u8);
            _xml.Number(i + 1);
            _xml.Raw("\" max=\""u8);
            _xml.Number(i + 1);
            _xml.Raw("\" width=\""u8);
            _xml.Number((long)Math.Round(widths[i]));
            _xml.Raw("\" customWidth=\"1\"/>"u8);
        }
        _xml.Raw("</cols><sheetData>"u8);
    }

    /// <summary>Rows written so far, the header included.</summary>
    public int Rows { get; private set; }

    public void StartRow()
    {
        Rows++;
        _column = 0;
        _xml.Raw("<row r=\""u8);
        _xml.Number(Rows);
        _xml.Raw("\">"u8);
    }

    public void EndRow() => _xml.Raw("</row>"u8);

    public void Number(long value)
    {
        StartCell(XlsxStyles.General, inlineString: false);
        _xml.Raw("<v>"u8);
        _xml.Number(value);
        _xml.Raw("</v></c>"u8);
    }

    /// <summary>A UTC time as ISO 8601 text: exact to the tick, and the same in every locale.</summary>
    public void Time(DateTime utc)
    {
        StartCell(XlsxStyles.Text, inlineString: true);
        _xml.Raw("<is><t>"u8);
        _xml.Time(utc);
        _xml.Raw("</t></is></c>"u8);
    }

    /// <summary>
    /// Text that is never evaluated: a text cell (number format "@"), quote-prefixed when it looks like a formula.
    /// The caller fits it to a cell first (<see cref="SpreadsheetText.FitCell"/>). An empty value leaves the cell empty.
    /// </summary>
    public void Text(string? value, int? style = null)
    {
        if (string.IsNullOrEmpty(value))
        {
            _column++;
            return;
        }
        StartCell(style ?? (SpreadsheetText.IsRisky(value) ? XlsxStyles.QuotedText : XlsxStyles.Text), inlineString: true);
        _xml.Raw(XlsxUtf8Writer.NeedsPreserve(value) ? "<is><t xml:space=\"preserve\">"u8 : "<is><t>"u8);
        _xml.Text(value);
        _xml.Raw("</t></is></c>"u8);
    }

    /// <summary>Closes the sheet; with a header, an autofilter over the header and every row.</summary>
    /// <returns>The autofilter's range (e.g. <c>$A$1:$M$25</c>) for the workbook's filter name, or null.</returns>
    public string? Finish()
    {
        _xml.Raw("</sheetData>"u8);
        string? filter = null;
        if (_header && Rows > 0)
        {
            filter = $"$A$1:${ColumnName(_columns - 1)}${Rows}";
            _xml.Raw("<autoFilter ref=\""u8);
            _xml.Text(filter.Replace("$", "", StringComparison.Ordinal));
            _xml.Raw("\"/>"u8);
        }
        _xml.Raw("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>"u8);
        _xml.Flush();
        return filter;
    }

    public void Dispose() => _xml.Dispose();

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }

    private void StartCell(int style, bool inlineString)
    {
        _xml.Raw("<c r=\""u8);
        WriteColumn(_column++);
        _xml.Number(Rows);
        if (style != XlsxStyles.General)
        {
            _xml.Raw("\" s=\""u8);
            _xml.Number(style);
        }
        _xml.Raw(inlineString ? "\" t=\"inlineStr\">"u8 : "\">"u8);
    }

    private void WriteColumn(int index)
    {
        Span<byte> letters = stackalloc byte[3];
        var length = 0;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters[length++] = (byte)('A' + (n - 1) % 26);
        }
        letters[..length].Reverse();
        _xml.Raw(letters[..length]);
    }
}
