using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.Data.Sqlite;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Files;

/// <summary>
/// Connector paths stay in the connector roots and never reach the portal's own files. The test host's root is its data
/// folder, which also holds the portal database (data/portal.db) with its Data Protection key ring.
/// </summary>
public sealed class ConnectorPathTests : IAsyncLifetime
{
    private readonly ConnectorTestHost _host = ConnectorTestHost.Start();

    private string PortalDatabase => _host.PathOf("portal.db");

    public async Task InitializeAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={PortalDatabase};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE DataProtectionKeys (Id INTEGER PRIMARY KEY, FriendlyName TEXT, Xml TEXT); INSERT INTO DataProtectionKeys VALUES (1, 'key', '<key/>');";
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private ISyncConnector OpenSqlite(string database) =>
        _host.Open("keys", "sql", new Dictionary<string, string> { ["database"] = database, ["DataProtectionKey.table"] = "DataProtectionKeys" });

    [Theory]
    [InlineData("portal.db")]
    [InlineData("portal.db-wal")]
    [InlineData("./portal.db")]
    public void A_sqlite_database_setting_naming_the_portal_database_is_refused_when_the_connector_is_built(string database)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OpenSqlite(database));

        Assert.Contains("one of the portal's own files", error.Message, StringComparison.Ordinal);
        Assert.Contains("setting 'database' of the system 'keys'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_portal_database_by_its_full_path_is_refused_even_though_the_root_holds_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => OpenSqlite(PortalDatabase));

        Assert.Contains(PortalDatabase, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../data/portal.db")]
    [InlineData("sub/../../outside.db")]
    [InlineData("sub\\..\\..\\outside.db")]
    public void A_path_with_dot_dot_is_refused(string database)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OpenSqlite(database));

        Assert.Contains("may not contain '..'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_in_the_root_that_points_to_the_portal_database_is_refused()
    {
        File.CreateSymbolicLink(_host.PathOf("innocent.db"), PortalDatabase);

        var error = Assert.Throws<InvalidOperationException>(() => OpenSqlite("innocent.db"));

        Assert.Contains($"points to {PortalDatabase}, one of the portal's own files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_link_in_the_root_that_leads_outside_it_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(_host.Folder, "elsewhere"));
        File.WriteAllText(Path.Combine(_host.Folder, "elsewhere", "secret.csv"), "id\n1\n");
        Directory.CreateSymbolicLink(_host.PathOf("shared"), Path.Combine(_host.Folder, "elsewhere"));

        var error = Assert.Throws<InvalidOperationException>(() => _host.Open("files", "csv", new Dictionary<string, string> { ["lead.file"] = "shared/secret.csv" }));

        Assert.Contains("through a link", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside the folders connectors may use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_file_or_drop_folder_outside_the_roots_is_refused_when_the_connector_is_built()
    {
        var outside = Path.Combine(_host.Folder, "leads.csv");

        var file = Assert.Throws<InvalidOperationException>(() => _host.Open("files", "csv", new Dictionary<string, string> { ["lead.file"] = outside }));
        var folder = Assert.Throws<InvalidOperationException>(() => _host.Open("files", "csv", new Dictionary<string, string> { ["lead.folder"] = "/etc" }));

        Assert.Contains($"The setting 'lead.file' of the system 'files' (csv connector) points to {outside}, outside the folders connectors may use ({_host.DataFolder})",
            file.Message, StringComparison.Ordinal);
        Assert.Contains("The setting 'lead.folder' of the system 'files' (csv connector) points to /etc, outside", folder.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_dropped_into_a_drop_folder_is_refused_and_nothing_behind_it_is_read()
    {
        Directory.CreateDirectory(_host.PathOf("drop"));
        await File.WriteAllTextAsync(_host.PathOf("drop/1-leads.csv"), "email\na@x.test\n");
        File.CreateSymbolicLink(_host.PathOf("drop/2-keys.csv"), PortalDatabase);
        await using var connector = _host.Open("files", "csv", new Dictionary<string, string> { ["lead.folder"] = "drop" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => connector.ReadChangesAsync("lead", null, 100, CancellationToken.None));

        Assert.Contains("one of the portal's own files", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Passfile=portal.db", "names in 'Passfile' a path that points to")]
    [InlineData("SSL Key=/etc/ssl/private/server.key", "names in 'SSL Key' a path that points to /etc/ssl/private/server.key, outside")]
    [InlineData("Root Certificate=../portal.db", "names in 'Root Certificate' a path that may not contain '..'")]
    public void Files_a_postgres_connection_string_names_are_confined_like_other_paths(string files, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => _host.Open("pg", "sql", new Dictionary<string, string> { ["provider"] = "postgres" },
            new Dictionary<string, string> { ["connectionString"] = "Host=db.example.com;Database=crm;Username=sync;" + files }));

        Assert.StartsWith("The secret 'connectionString' of the system 'pg' (sql connector) " + expected, error.Message, StringComparison.Ordinal);
    }
}
