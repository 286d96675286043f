using System.Data.Common;

namespace CrmGovernance.Core.Data.Dialects;

/// <summary>
/// A dialect's statement on an open connection, created once and run per row with new values: the parameters are made
/// once, the values bound as the dialect stores them. Feature code runs statements through this, never with its own text.
/// </summary>
public sealed class PortalCommand : IDisposable, IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly IPortalSqlDialect _dialect;

    private PortalCommand(IPortalSqlDialect dialect, DbCommand command)
    {
        _dialect = dialect;
        _command = command;
    }

    /// <param name="prepare">Compile the statement now (a batch's statements); otherwise on first use.</param>
    public static PortalCommand Create(IPortalSqlDialect dialect, DbConnection connection, DbTransaction? transaction, SqlStatement statement,
        bool prepare = true)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Text;
        foreach (var name in statement.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        if (prepare && dialect.PreparesExplicitly)
        {
            command.Prepare();
        }
        return new PortalCommand(dialect, command);
    }

    public Task<int> ExecuteAsync(CancellationToken ct, params object?[] values)
    {
        Bind(values);
        return _command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The first column of the first row; null for none or NULL.</summary>
    public async Task<object?> ScalarAsync(CancellationToken ct, params object?[] values)
    {
        Bind(values);
        var result = await _command.ExecuteScalarAsync(ct);
        return result is DBNull ? null : result;
    }

    /// <summary>Runs in <paramref name="transaction"/> (a long-lived command used by one transaction after another).</summary>
    public object? Scalar(DbTransaction transaction, params object?[] values)
    {
        _command.Transaction = transaction;
        Bind(values);
        var result = _command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    public DbDataReader Reader(DbTransaction transaction, params object?[] values)
    {
        _command.Transaction = transaction;
        Bind(values);
        return _command.ExecuteReader();
    }

    /// <summary>Runs outside a transaction (a read on a connection of its own).</summary>
    public Task<DbDataReader> ReaderAsync(CancellationToken ct, params object?[] values)
    {
        Bind(values);
        return _command.ExecuteReaderAsync(ct);
    }

    public void Dispose() => _command.Dispose();

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private void Bind(object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _command.Parameters[i].Value = _dialect.Value(values[i]);
        }
    }
}
