using System.Data.Common;
using System.Globalization;

namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

/// <summary>What differs between the SQL databases a connector talks to: opening, the schema, parameters and error kinds.</summary>
internal abstract class SqlDialect
{
    /// <summary>Most bound parameters per statement: the fastest size for the driver, well under the engine's limit.</summary>
    public abstract int MaxParameters { get; }

    /// <summary>Where the database is, for messages (never a password).</summary>
    public abstract string Target { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The table's (or view's) columns in order, with their declared types; empty when there is no such table.</summary>
    public abstract Task<IReadOnlyList<SqlColumn>> ColumnsAsync(DbConnection connection, string table, CancellationToken cancellationToken);

    /// <summary>A text expression converted to a column's type where the database does not do it by itself.</summary>
    public virtual string Cast(string expression, SqlColumn column) => expression;

    /// <summary>A text parameter the database converts to the column's type, as it would a literal.</summary>
    public abstract DbParameter TextParameter(DbCommand command, string name);

    /// <summary>The database refused this one row (constraint, type or length): the others can still be written.</summary>
    public abstract bool IsRecordError(DbException exception);

    /// <summary>The database cannot be reached or used now (down, locked, out of space, login refused).</summary>
    public abstract bool IsUnavailable(DbException exception);

    /// <summary>The text of a value as read: round-trip formats, invariant culture.</summary>
    public virtual string? Text(object value) => value switch
    {
        DBNull => null,
        string s => s,
        DateTime d => ConnectorTime.Text(d),
        DateTimeOffset o => ConnectorTime.Text(o),
        bool b => b ? "true" : "false",
        byte[] bytes => Convert.ToBase64String(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
