namespace CrmGovernance.Core.Features.Systems.Connectors.Csv;

/// <summary>
/// Writes RFC 4180 rows (CRLF). Cells are written as they are: a cell starting with = + - @ is data here, not a
/// formula; whoever opens the file in a spreadsheet must import it as text (docs/connectors.md).
/// </summary>
internal static class CsvWriter
{
    public static async Task WriteRowAsync(TextWriter writer, IEnumerable<string?> cells, char delimiter)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                await writer.WriteAsync(delimiter);
            }
            first = false;
            await writer.WriteAsync(Escape(cell ?? "", delimiter));
        }
        await writer.WriteAsync("\r\n");
    }

    public static string Escape(string cell, char delimiter) =>
        cell.Contains(delimiter) || cell.Contains('"') || cell.Contains('\n') || cell.Contains('\r')
            || (cell.Length > 0 && (char.IsWhiteSpace(cell[0]) || char.IsWhiteSpace(cell[^1])))
            ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : cell;
}
