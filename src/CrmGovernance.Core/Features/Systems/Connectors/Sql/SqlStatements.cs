using System.Data.Common;

namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

/// <summary>Commands kept by their SQL text for the connector's life, with text parameters @p0…, prepared on first use.</summary>
internal sealed class SqlStatements(SqlDialect dialect) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>
    /// The command for <paramref name="sql"/>. Callers build the text only from names checked against the schema
    /// (<see cref="SqlTable"/>), quoted, and from numbers; values always go through parameters.
    /// </summary>
    public DbCommand Get(DbConnection connection, string sql, int parameters, DbTransaction? transaction = null)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
#pragma warning disable CA2100 // Identifiers are validated against the real schema and quoted; values are parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            for (var i = 0; i < parameters; i++)
            {
                dialect.TextParameter(command, "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            _commands[sql] = command;
        }
        command.Transaction = transaction;
        return command;
    }

    public static void Bind(DbCommand command, IReadOnlyList<string?> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters[i].Value = (object?)values[i] ?? DBNull.Value;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }
        _commands.Clear();
    }
}
