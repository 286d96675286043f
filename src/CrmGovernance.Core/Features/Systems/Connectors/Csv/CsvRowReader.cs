using System.Text;

namespace CrmGovernance.Core.Features.Systems.Connectors.Csv;

/// <summary>
/// Streams RFC 4180 rows from a reader: a chosen delimiter, quoted cells with doubled quotes, delimiters and line
/// breaks inside quotes, CRLF, LF or CR line ends. Blank lines are skipped.
/// </summary>
internal sealed class CsvRowReader(TextReader reader, char delimiter)
{
    private readonly StringBuilder _cell = new();

    /// <summary>The next row, or null at the end.</summary>
    public string[]? Read()
    {
        var row = new List<string>();
        var quoted = false;
        var any = false;
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (!any)
                {
                    return null;
                }
                row.Add(Take());
                return [.. row];
            }
            var ch = (char)next;
            if (!quoted && ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }
                if (any)
                {
                    row.Add(Take());
                    return [.. row];
                }
                continue;
            }
            any = true;
            if (quoted)
            {
                if (ch != '"')
                {
                    _cell.Append(ch);
                }
                else if (reader.Peek() == '"')
                {
                    reader.Read();
                    _cell.Append('"');
                }
                else
                {
                    quoted = false;
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == delimiter)
            {
                row.Add(Take());
            }
            else
            {
                _cell.Append(ch);
            }
        }
    }

    private string Take()
    {
        var text = _cell.ToString();
        _cell.Clear();
        return text;
    }
}
