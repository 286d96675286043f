using System.Data.Common;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Dialects;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmGovernance.Core.Tests;

/// <summary>
/// Connections and contexts a test opens by hand on a test database, on either engine. Statements written for both quote
/// every identifier ("AuditEntries"): PostgreSQL folds unquoted names to lower case, SQLite accepts the quotes; parameters
/// are named <c>@name</c>, which both understand.
/// </summary>
internal static class TestSql
{
    public static DbConnection Connection(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(connectionString)
        : new SqliteConnection(connectionString);

    /// <summary>A context on the database without the portal's services (no audit interceptor): what a tool or an attacker sees.</summary>
    public static DbContextOptions<CrmDbContext> Options(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            return new DbContextOptionsBuilder<CrmDbContext>().UseSqlite(connectionString).Options;
        }
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        PortalDialects.Postgres.Configure(builder, new DatabaseOptions { Provider = provider, ConnectionString = connectionString }, Path.GetTempPath());
        return builder.Options;
    }

    public static async Task<DbConnection> OpenAsync(DatabaseProvider provider, string connectionString)
    {
        var connection = Connection(provider, connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own statements, not user input.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static async Task<object?> ScalarAsync(DatabaseProvider provider, string connectionString, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(provider, connectionString);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Lets everything again write to the audit table, as the owner of the tables can.</summary>
    public static string DisableAppendOnly(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER;"
        : "DROP TRIGGER IF EXISTS AuditEntries_NoUpdate; DROP TRIGGER IF EXISTS AuditEntries_NoDelete;";

    /// <summary>Drops one trigger by name, on either engine.</summary>
    public static string DropTrigger(DatabaseProvider provider, string name, string table = "AuditEntries") => provider == DatabaseProvider.Postgres
        ? $"DROP TRIGGER IF EXISTS \"{name}\" ON \"{table}\";"
        : $"DROP TRIGGER IF EXISTS {name};";
}
