namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

/// <summary>
/// An object's table as the database has it: every name here was checked against the real schema, so it can be quoted
/// into SQL. <see cref="Updated"/> and <see cref="Created"/> are null when the table has no such column.
/// </summary>
internal sealed class SqlTable
{
    private readonly Dictionary<string, SqlColumn> _byName = new(StringComparer.Ordinal);

    public SqlTable(string name, IReadOnlyList<SqlColumn> columns)
    {
        Name = name;
        Columns = columns.Select(c => c.Name).ToList();
        foreach (var column in columns)
        {
            _byName[column.Name] = column;
        }
        // SQLite and unquoted PostgreSQL names match whatever the case; exact spelling wins when both exist.
        foreach (var group in columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() == 1))
        {
            _byName.TryAdd(group.Key.ToUpperInvariant(), group.First());
        }
    }

    public string Name { get; }
    public IReadOnlyList<string> Columns { get; }
    public string Key { get; init; } = "id";
    public string? Updated { get; init; }
    public string? Created { get; init; }

    public string Quoted => SqlDialect.Quote(Name);

    public string SelectList => string.Join(", ", Columns.Select(SqlDialect.Quote));

    public SqlColumn? Find(string column) =>
        _byName.TryGetValue(column, out var real) || _byName.TryGetValue(column.ToUpperInvariant(), out real) ? real : null;

    /// <summary>The real column name, or a clear error naming the table and the columns it has.</summary>
    public string Column(string column, string purpose) =>
        Find(column)?.Name ?? throw new InvalidOperationException(
            $"Table '{Name}' has no column '{column}' ({purpose}). Its columns: {string.Join(", ", Columns)}.");

    /// <summary>A checked column with its type.</summary>
    public SqlColumn Info(string realName) => _byName[realName];

    public string RequireUpdated(string setting) => Updated ?? throw new InvalidOperationException(
        $"Table '{Name}' has no updated-at column to read changes by: set '{setting}' to one of {string.Join(", ", Columns)}.");
}
