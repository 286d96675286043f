using System.Text;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Cli.Commands;

/// <summary>The input of <c>crmgov match</c>: a CSV file with a header row, read into match records in file order.</summary>
internal static class MatchInput
{
    /// <summary>
    /// Reads every data row (blank lines skipped) as a record: the id from <paramref name="idColumn"/>, the mapped
    /// attributes from their columns, an empty value as null. Anything that would make the output wrong is refused
    /// with the line it is on: a missing column, a row with more values than the header, a missing or repeated id.
    /// </summary>
    public static IReadOnlyList<MatchRecord> Read(string path, string idColumn, IReadOnlyDictionary<string, string> map)
    {
        // UTF-8 unless a byte order mark says otherwise; the mark itself is not part of the first column's name.
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new MatchCsvReader(reader);
        var header = csv.ReadRow()
            ?? throw new CliException(ExitCodes.Usage, $"{path} is empty: its first line must name the columns.");
        var idIndex = ColumnIndex(header, idColumn, "--id-column");
        var fields = map.Select(m => (Field: m.Key, Index: ColumnIndex(header, m.Value, "--map " + m.Key))).ToArray();

        var records = new List<MatchRecord>();
        var lineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.ReadRow() is { } row)
        {
            if (row.TrueForAll(value => value.Length == 0))
            {
                continue;
            }
            if (row.Count > header.Count)
            {
                throw new CliException(ExitCodes.Usage,
                    $"Line {csv.RowLine}: {row.Count} values, but the header names {header.Count} columns (a value with a comma that is not quoted?).");
            }
            var id = Value(row, idIndex)
                ?? throw new CliException(ExitCodes.Usage, $"Line {csv.RowLine}: no id in column \"{header[idIndex]}\".");
            if (!lineOfId.TryAdd(id, csv.RowLine))
            {
                throw new CliException(ExitCodes.Usage,
                    $"Id \"{id}\" appears twice (lines {lineOfId[id]} and {csv.RowLine}): the ids in \"{header[idIndex]}\" must be unique.");
            }
            var values = new Dictionary<string, string?>(fields.Length, StringComparer.Ordinal);
            foreach (var (field, index) in fields)
            {
                values[field] = Value(row, index);
            }
            records.Add(new MatchRecord(id, values));
        }
        return records;
    }

    /// <summary>The column's position: its exact name, else its only case-insensitive match.</summary>
    private static int ColumnIndex(List<string> header, string name, string option)
    {
        var exact = Positions(header, name, StringComparison.Ordinal);
        var found = exact.Count > 0 ? exact : Positions(header, name, StringComparison.OrdinalIgnoreCase);
        return found.Count switch
        {
            1 => found[0],
            0 => throw new CliException(ExitCodes.Usage,
                $"{option}: the input has no column \"{name}\". Its columns: {string.Join(", ", header.Select(h => $"\"{h}\""))}."),
            _ => throw new CliException(ExitCodes.Usage,
                $"{option}: the header has {found.Count} columns named \"{name}\" (columns {string.Join(", ", found.Select(i => i + 1))}); rename them apart."),
        };
    }

    private static List<int> Positions(List<string> header, string name, StringComparison comparison) =>
        [.. header.Select((column, index) => (column, index)).Where(c => string.Equals(c.column, name, comparison)).Select(c => c.index)];

    /// <summary>A row's value, or null when it is empty or the row stops before that column.</summary>
    private static string? Value(List<string> row, int index) => index < row.Count && row[index].Length > 0 ? row[index] : null;
}
