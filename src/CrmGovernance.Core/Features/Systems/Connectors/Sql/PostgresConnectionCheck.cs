using CrmGovernance.Core.Features.Systems.Connectors.Files;
using Npgsql;

namespace CrmGovernance.Core.Features.Systems.Connectors.Sql;

/// <summary>
/// The files a PostgreSQL connection string makes Npgsql read (a password file, client certificate and key, root
/// certificate) are connector paths like any other: confined to the connector roots, never the portal's own files.
/// </summary>
internal static class PostgresConnectionCheck
{
    /// <summary>Why the connection string cannot be used ("names in 'Passfile' a path that …"), or null.</summary>
    public static string? Problem(string connectionString, ConnectorPaths paths)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            return $"is not a PostgreSQL connection string: {e.Message}";
        }
        (string Name, string? Value)[] files =
            [("Passfile", builder.Passfile), ("Root Certificate", builder.RootCertificate), ("SSL Certificate", builder.SslCertificate), ("SSL Key", builder.SslKey)];
        foreach (var (name, value) in files)
        {
            if (!string.IsNullOrWhiteSpace(value) && paths.Problem(value, out _) is { } problem)
            {
                return $"names in '{name}' a path that {problem}";
            }
        }
        return null;
    }
}
