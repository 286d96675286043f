using Microsoft.Data.Sqlite;

namespace CrmGovernance.Core.Data.Dialects.Sqlite;

/// <summary>SQLite files the portal keeps beside its database whatever the portal's engine (the Quartz job store).</summary>
public static class SqliteFiles
{
    /// <summary>WAL lets the file's readers and its one writer work side by side; the mode is stored in the file.</summary>
    public static void UseWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
