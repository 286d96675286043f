namespace CrmGovernance.Core.Features.Systems.Connectors.Csv;

/// <summary>An open CSV file read forward: the header, then data rows numbered from 1. Kept open between pages of a run.</summary>
internal sealed class CsvSource : IDisposable
{
    private readonly StreamReader _stream;
    private readonly CsvRowReader _rows;

    private CsvSource(string path, char delimiter)
    {
        Path = path;
        // Others may append to or replace the file meanwhile; this reader keeps what it opened.
        _stream = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        _rows = new CsvRowReader(_stream, delimiter);
        Header = _rows.Read() ?? [];
    }

    public string Path { get; }
    public string[] Header { get; }

    /// <summary>The number of the last data row read.</summary>
    public long Row { get; private set; }

    public static CsvSource Open(string path, char delimiter, long skipRows)
    {
        var source = new CsvSource(path, delimiter);
        while (source.Row < skipRows && source.Next() is not null)
        {
        }
        return source;
    }

    public string[]? Next()
    {
        var row = _rows.Read();
        if (row is not null)
        {
            Row++;
        }
        return row;
    }

    public Dictionary<string, string?> Fields(string[] row)
    {
        var fields = new Dictionary<string, string?>(Header.Length, StringComparer.Ordinal);
        for (var i = 0; i < Header.Length; i++)
        {
            fields[Header[i]] = i < row.Length ? row[i] : null;
        }
        return fields;
    }

    public void Dispose() => _stream.Dispose();
}
