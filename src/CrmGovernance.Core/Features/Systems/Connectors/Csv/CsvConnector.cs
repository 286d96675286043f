using System.Globalization;
using CrmGovernance.Core.Features.Systems.Connectors.Files;

namespace CrmGovernance.Core.Features.Systems.Connectors.Csv;

/// <summary>
/// CSV files: a file per object (source: rows after the cursor's row number; target: upserts by rewriting the file), or
/// a drop folder read as a source (files in name order; cursor = file name and row). Paths are confined to the
/// connector roots (<see cref="ConnectorPaths"/>) each time they are used, and so is every file found in a drop folder,
/// so a link placed there later cannot lead elsewhere.
/// </summary>
internal sealed class CsvConnector(ConnectorSettings settings, ConnectorPaths paths) : ISyncConnector
{
    private readonly char _delimiter = Delimiter(settings);
    private CsvSource? _source;

    /// <summary>The connector, once every path setting has passed: a refused path fails it before any run reads or writes.</summary>
    public static CsvConnector Open(ConnectorSettings settings, ConnectorPaths paths)
    {
        foreach (var (name, value) in settings.All.Where(s => IsPathSetting(s.Key)))
        {
            paths.Resolve(value, name, settings.Describe);
        }
        return new CsvConnector(settings, paths);
    }

    public static bool IsPathSetting(string name) => name.EndsWith(".file", StringComparison.Ordinal) || name.EndsWith(".folder", StringComparison.Ordinal);

    public Task<ChangePage> ReadChangesAsync(string objectKey, string? cursor, int max, CancellationToken cancellationToken)
    {
        var key = settings.ForObject(objectKey, "key", "id");
        var records = new List<ConnectorRecord>();
        if (settings.ForObject(objectKey, "folder") is { } folderSetting)
        {
            var folder = paths.Resolve(folderSetting, objectKey + ".folder", settings.Describe);
            var (afterFile, afterRow) = ConnectorCursor.Decode(cursor);
            var next = cursor;
            var files = (Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.csv") : [])
                .Select(f => Path.GetFileName(f)).Where(n => afterFile is null || string.CompareOrdinal(n, afterFile) >= 0).Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var start = file == afterFile ? long.Parse(afterRow ?? "0", CultureInfo.InvariantCulture) : 0;
                var filePath = paths.Resolve(Path.Combine(folder, file), objectKey + ".folder", settings.Describe);
                var last = ReadFile(filePath, start, max - records.Count, key, records);
                if (last > start)
                {
                    next = ConnectorCursor.Encode(file, last.ToString(CultureInfo.InvariantCulture));
                }
                if (records.Count >= max)
                {
                    break;
                }
            }
            return Task.FromResult(new ChangePage(records, next));
        }
        var path = FilePath(objectKey);
        var after = cursor is null ? 0 : long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row
            : throw new InvalidOperationException($"The cursor '{cursor}' is not a row number of {path}; reset the flow's cursor.");
        var lastRow = File.Exists(path) ? ReadFile(path, after, max, key, records) : after;
        return Task.FromResult(new ChangePage(records, records.Count == 0 ? cursor : lastRow.ToString(CultureInfo.InvariantCulture)));
    }

    public async Task<IReadOnlyList<ConnectorRecord>> LookupAsync(string objectKey, string? field, IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        var table = await CsvTable.LoadAsync(FilePath(objectKey), _delimiter, cancellationToken);
        var key = table.Column(settings.ForObject(objectKey, "key", "id"), add: false);
        var column = field is null ? key : table.Column(field, add: false);
        if (column < 0 || key < 0)
        {
            return [];
        }
        var wanted = values.ToHashSet(StringComparer.Ordinal);
        return table.Rows.Where(r => CsvTable.Cell(r, column) is { } v && wanted.Contains(v))
            .Select(r => new ConnectorRecord(CsvTable.Cell(r, key) ?? "", table.Fields(r)))
            .ToList();
    }

    public async Task<IReadOnlyList<WriteResult>> WriteBatchAsync(string objectKey, IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken)
    {
        var path = FilePath(objectKey);
        var table = await CsvTable.LoadAsync(path, _delimiter, cancellationToken);
        var keyName = settings.ForObject(objectKey, "key", "id");
        if (table.Rows.Count > 0 && table.Column(keyName, add: false) < 0)
        {
            throw new InvalidOperationException($"{path} has no key column '{keyName}' (setting '{objectKey}.key'); its columns: {string.Join(", ", table.Header)}.");
        }
        var key = table.Column(keyName, add: true);
        var rows = new Dictionary<string, List<string?>>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            rows.TryAdd(CsvTable.Cell(row, key) ?? "", row);
        }
        var results = new List<WriteResult>(writes.Count);
        foreach (var write in writes)
        {
            if (string.IsNullOrEmpty(write.Id))
            {
                results.Add(new WriteResult(write.Id, "The record has no id."));
                continue;
            }
            if (!rows.TryGetValue(write.Id, out var row))
            {
                rows[write.Id] = row = [];
                CsvTable.Set(row, key, write.Id);
                table.Rows.Add(row);
            }
            foreach (var (name, value) in write.Fields.Where(f => f.Key != keyName))
            {
                CsvTable.Set(row, table.Column(name, add: true), value);
            }
            results.Add(new WriteResult(write.Id, null));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await table.SaveAsync(path, _delimiter, cancellationToken);
        return results;
    }

    /// <summary>Removes the rows with these ids and rewrites the file; ids it does not hold are already gone.</summary>
    public async Task<IReadOnlyList<WriteResult>> DeleteBatchAsync(string objectKey, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var path = FilePath(objectKey);
        if (File.Exists(path))
        {
            var table = await CsvTable.LoadAsync(path, _delimiter, cancellationToken);
            var key = table.Column(settings.ForObject(objectKey, "key", "id"), add: false);
            var doomed = ids.ToHashSet(StringComparer.Ordinal);
            if (key >= 0 && table.Rows.RemoveAll(r => CsvTable.Cell(r, key) is { } id && doomed.Contains(id)) > 0)
            {
                await table.SaveAsync(path, _delimiter, cancellationToken);
            }
        }
        return ids.Select(id => new WriteResult(id, string.IsNullOrEmpty(id) ? "The record has no id." : null)).ToList();
    }

    public Task<IReadOnlyList<WriteResult>> AppendActivitiesAsync(IReadOnlyList<ActivityWrite> activities, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The {settings.Describe} cannot store activities: a CSV file has no place for them. Use a SQL or REST target for flows that append activities.");

    public Task<ConnectorHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var missing = settings.All
            .Where(s => IsPathSetting(s.Key))
            .Select(s => (s.Key, Problem: paths.Problem(s.Value, out var path), Path: path))
            .Where(s => s.Problem is not null || (s.Key.EndsWith(".folder", StringComparison.Ordinal) ? !Directory.Exists(s.Path) : !Directory.Exists(Path.GetDirectoryName(s.Path))))
            .Select(s => s.Problem is null ? $"{s.Key} ({s.Path})" : $"{s.Key} {s.Problem}")
            .ToList();
        return Task.FromResult(missing.Count == 0
            ? new ConnectorHealth(true, "The configured files' folders exist.")
            : new ConnectorHealth(false, "Missing or refused paths: " + string.Join(", ", missing) + "."));
    }

    public ValueTask DisposeAsync()
    {
        _source?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Adds up to <paramref name="max"/> rows after row <paramref name="after"/>; returns the last row number read.</summary>
    private long ReadFile(string path, long after, int max, string key, List<ConnectorRecord> records)
    {
        if (_source is null || _source.Path != path || _source.Row != after)
        {
            _source?.Dispose();
            _source = CsvSource.Open(path, _delimiter, after);
        }
        var name = Path.GetFileName(path);
        for (var taken = 0; taken < max && _source.Next() is { } row; taken++)
        {
            var fields = _source.Fields(row);
            // Without a key column (a drop folder of new leads, say) a row is known by its file and row number.
            var id = fields.GetValueOrDefault(key) is { Length: > 0 } value ? value : $"{name}:{_source.Row.ToString(CultureInfo.InvariantCulture)}";
            records.Add(new ConnectorRecord(id, fields));
        }
        return _source.Row;
    }

    private string FilePath(string objectKey) => paths.Resolve(
        settings.ForObject(objectKey, "file") ?? throw new InvalidOperationException(
            $"The {settings.Describe} needs '{objectKey}.file' (a drop folder, '{objectKey}.folder', can only be read as a source)."),
        objectKey + ".file", settings.Describe);

    private static char Delimiter(ConnectorSettings settings)
    {
        var text = settings.All.GetValueOrDefault("delimiter") ?? ",";
        text = text is "\\t" or "tab" ? "\t" : text;
        return text.Length == 1 ? text[0] : throw new InvalidOperationException($"The setting 'delimiter' of the {settings.Describe} must be one character, not '{text}'.");
    }
}
