using System.Data.Common;

namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

/// <summary>Resolves an object's table and columns from the settings and checks them against the database, once per connector.</summary>
internal sealed class SqlSchema(SqlDialect dialect, ConnectorSettings settings)
{
    public const string ActivityObject = "activity";
    public static readonly string[] ActivityColumns = ["id", "object", "record_id", "kind", "occurred_at", "details"];

    private readonly Dictionary<string, SqlTable> _tables = new(StringComparer.Ordinal);

    public async Task<SqlTable> TableAsync(DbConnection connection, string objectKey, CancellationToken cancellationToken)
    {
        if (_tables.TryGetValue(objectKey, out var cached))
        {
            return cached;
        }
        var name = settings.ForObject(objectKey, "table", objectKey == ActivityObject ? "activities" : objectKey + "s");
        var columns = await dialect.ColumnsAsync(connection, name, cancellationToken);
        if (columns.Count == 0)
        {
            throw new InvalidOperationException($"The {settings.Describe} has no table '{name}' for object '{objectKey}' (setting '{objectKey}.table').");
        }
        var bare = new SqlTable(name, columns);
        var table = new SqlTable(name, columns)
        {
            Key = bare.Column(settings.ForObject(objectKey, "key", "id"), $"setting '{objectKey}.key'"),
            Updated = Optional(bare, objectKey, "updated", "updated_at"),
            Created = settings.ForObject(objectKey, "created") is { } created ? bare.Column(created, $"setting '{objectKey}.created'") : null,
        };
        if (objectKey == ActivityObject)
        {
            foreach (var column in ActivityColumns)
            {
                table.Column(column, "activity tables need id, object, record_id, kind, occurred_at, details");
            }
        }
        _tables[objectKey] = table;
        return table;
    }

    /// <summary>An explicitly set column must exist; the default is used only when the table has it.</summary>
    private string? Optional(SqlTable table, string objectKey, string setting, string fallback) =>
        settings.ForObject(objectKey, setting) is { } name ? table.Column(name, $"setting '{objectKey}.{setting}'") : table.Find(fallback)?.Name;

    /// <summary>The tables the settings name, for the health check.</summary>
    public IEnumerable<string> ConfiguredTables() =>
        settings.All.Where(s => s.Key.EndsWith(".table", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(s.Value)).Select(s => s.Value.Trim());
}
