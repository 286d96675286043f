using System.Text;

namespace CrmGovernance.Core.Features.Systems.Connectors.Csv;

/// <summary>A whole CSV file in memory, for lookups and upserts; saved to a temporary file and moved over the original.</summary>
internal sealed class CsvTable
{
    public List<string> Header { get; } = [];
    public List<List<string?>> Rows { get; } = [];

    public static async Task<CsvTable> LoadAsync(string path, char delimiter, CancellationToken cancellationToken)
    {
        var table = new CsvTable();
        if (!File.Exists(path))
        {
            return table;
        }
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        var rows = new CsvRowReader(new StringReader(await reader.ReadToEndAsync(cancellationToken)), delimiter);
        table.Header.AddRange(rows.Read() ?? []);
        while (rows.Read() is { } row)
        {
            table.Rows.Add([.. row]);
        }
        return table;
    }

    public int Column(string name, bool add)
    {
        var index = Header.IndexOf(name);
        if (index < 0 && add)
        {
            Header.Add(name);
            index = Header.Count - 1;
        }
        return index;
    }

    public static string? Cell(List<string?> row, int index) => index >= 0 && index < row.Count ? row[index] : null;

    public static void Set(List<string?> row, int index, string? value)
    {
        while (row.Count <= index)
        {
            row.Add(null);
        }
        row[index] = value;
    }

    public Dictionary<string, string?> Fields(List<string?> row) =>
        Header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => Cell(row, c.i), StringComparer.Ordinal);

    /// <summary>Writes next to the file, then replaces it in one move: readers see the old file or the new one, never half.</summary>
    public async Task SaveAsync(string path, char delimiter, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
            {
                await CsvWriter.WriteRowAsync(writer, Header, delimiter);
                foreach (var row in Rows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await CsvWriter.WriteRowAsync(writer, Enumerable.Range(0, Header.Count).Select(i => Cell(row, i)), delimiter);
                }
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
