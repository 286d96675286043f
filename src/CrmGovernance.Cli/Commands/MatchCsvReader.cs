using System.Text;

namespace CrmGovernance.Cli.Commands;

/// <summary>
/// Reads a comma-separated file one row at a time, so a large input is never held twice in memory. RFC 4180 plus the
/// leniency real exports need: a quoted value may hold commas, doubled quotes and line breaks; spaces around an
/// unquoted value are dropped (febrl writes ", " between values) while a quoted value keeps them; a quote inside an
/// unquoted value is an ordinary character (O"Brien), so one stray quote cannot swallow the rest of the file;
/// LF, CRLF or CR line ends.
/// </summary>
/// <remarks>
/// Core's Configuration CsvReader reads a whole text for the small catalog imports and guesses the separator; it
/// treats a quote anywhere as the start of a quoted section and cannot report an unclosed one or a line number.
/// </remarks>
internal sealed class MatchCsvReader(TextReader reader)
{
    private readonly StringBuilder _cell = new();
    private int _line = 1;

    /// <summary>The line (1-based) the row last returned starts on, for messages.</summary>
    public int RowLine { get; private set; }

    /// <summary>The next row's values, or null at the end of the file.</summary>
    public List<string>? ReadRow()
    {
        if (reader.Peek() < 0)
        {
            return null;
        }
        RowLine = _line;
        var row = new List<string>();
        int end;
        do
        {
            end = ReadCell(out var value);
            row.Add(value);
        }
        while (end == ',');
        return row;
    }

    /// <summary>Reads one value; returns what ended it: ',', '\n' (any line end) or -1 (end of file).</summary>
    private int ReadCell(out string value)
    {
        _cell.Clear();
        var ch = reader.Read();
        while (ch is ' ' or '\t')
        {
            ch = reader.Read();
        }
        // Characters that came from inside quotes are the value as written: never trimmed.
        var quoted = 0;
        if (ch == '"')
        {
            var startLine = _line;
            while (true)
            {
                ch = reader.Read();
                if (ch < 0)
                {
                    throw new CliException(ExitCodes.Usage, $"Line {startLine}: a quoted value is not closed before the end of the file.");
                }
                if (ch == '"')
                {
                    if (reader.Peek() != '"')
                    {
                        break;
                    }
                    reader.Read();
                }
                else if (ch == '\n' || (ch == '\r' && reader.Peek() != '\n'))
                {
                    _line++;
                }
                _cell.Append((char)ch);
            }
            quoted = _cell.Length;
            ch = reader.Read();
        }
        while (ch >= 0 && ch != ',' && ch != '\n' && ch != '\r')
        {
            _cell.Append((char)ch);
            ch = reader.Read();
        }
        if (ch == '\r')
        {
            if (reader.Peek() == '\n')
            {
                reader.Read();
            }
            ch = '\n';
        }
        if (ch == '\n')
        {
            _line++;
        }
        var length = _cell.Length;
        while (length > quoted && (_cell[length - 1] is ' ' or '\t'))
        {
            length--;
        }
        value = _cell.ToString(0, length);
        return ch;
    }
}
