using System.Globalization;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>
/// A temp content root as an operator would set one up for the command line: an appsettings.json (demo off, relative
/// database paths), the portal database migrated with a configuration published, and the flow's SQLite source and target.
/// </summary>
internal sealed class CliWorkspace : IDisposable
{
    private CliWorkspace(string root) => Root = root;

    public string Root { get; }
    public string DataFolder => Path.Combine(Root, "data");
    public string PortalPath => Path.Combine(DataFolder, "portal.db");
    public string SourcePath => Path.Combine(DataFolder, "source.db");
    public string CrmPath => Path.Combine(DataFolder, "crm.db");

    /// <summary>The <see cref="SyncScenario"/> configuration published, an empty "people" source and "contacts" CRM.</summary>
    public static async Task<CliWorkspace> CreateAsync(GovernanceConfiguration configuration)
    {
        var workspace = new CliWorkspace(Path.Combine(Path.GetTempPath(), "crmgov-cli-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(workspace.DataFolder);
        await File.WriteAllTextAsync(Path.Combine(workspace.Root, "appsettings.json"), """
            {
              "Demo": { "Enabled": false },
              "Database": { "Path": "data/portal.db" },
              "Scheduler": { "DatabasePath": "data/scheduler.db" },
              "Connectors": { "FileRoots": [ "data" ] },
              "Sync": { "Worker": false },
              "DataProtection": { "KeyEncryption": { "KeyFile": "kek.key" } }
            }
            """);
        // Outside Development the portal and crmgov refuse to start without a key-encryption key.
        TestKeyEncryption.KeyFileIn(workspace.Root);
        await workspace.PublishAsync(configuration);
        await SqliteTables.CreatePeopleAsync(workspace.SourcePath);
        await SqliteTables.CreateCrmAsync(workspace.CrmPath);
        return workspace;
    }

    /// <summary>
    /// Adds <paramref name="count"/> people in one transaction: unique emails with case and space noise, phones in several
    /// GB formats. Another <paramref name="idPrefix"/> with a later <paramref name="dayOffset"/> adds a second submission of
    /// each of the same people (same emails, new source ids), as repeated web enquiries are.
    /// </summary>
    public async Task AddPeopleAsync(int count, string idPrefix = "p", int dayOffset = 0)
    {
        string[] first = ["ann", "  Bob", "CHARLOTTE", "dev ", "Eve", "farah", "Gus", "hana"];
        string[] last = ["lee", "O'Brien ", "SMITH", "van  Dijk", "Nguyen", "patel"];
        var start = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc).AddDays(dayOffset);
        await using var connection = new SqliteConnection($"Data Source={SourcePath};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO people (id, email, first_name, last_name, phone, created_at, updated_at) VALUES ($id, $e, $f, $l, $p, $u, $u)";
        var parameters = new[] { "$id", "$e", "$f", "$l", "$p", "$u" }.Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
        for (var i = 0; i < count; i++)
        {
            var c = CultureInfo.InvariantCulture;
            parameters[0].Value = string.Create(c, $"{idPrefix}{i:D6}");
            parameters[1].Value = string.Create(c, $"{(i % 3 == 0 ? " " : "")}Person.{i}@{(i % 2 == 0 ? "Example.com" : "example.org")}");
            parameters[2].Value = first[i % first.Length];
            parameters[3].Value = last[i % last.Length];
            parameters[4].Value = (i % 4) switch
            {
                0 => string.Create(c, $"020 7946 {i % 10_000:D4}"),
                1 => string.Create(c, $"+44 7911 {i % 50_000:D6}"),
                2 => (object)DBNull.Value,
                _ => string.Create(c, $"(0161) 496 {i % 10_000:D4}"),
            };
            parameters[5].Value = start.AddSeconds(i).ToString("o", c);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    public static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own queries.
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static async Task<List<string>> ColumnAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Migrates the portal database through the real host on this content root and publishes version 1.</summary>
    private async Task PublishAsync(GovernanceConfiguration configuration)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Root, EnvironmentName = "Test" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCrmCore(builder.Configuration, Root, HostRole.Test);
        builder.Services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<CrmDbContext>();
        using var host = builder.Build();
        await host.StartAsync();
        await using (var scope = host.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync())
        {
            db.ConfigurationVersions.Add(new ConfigurationVersion
            {
                Number = 1, PublishedUtc = DateTime.UtcNow, PublishedByName = "test", SnapshotJson = ConfigurationJson.Serialize(configuration),
                Hash = ConfigurationJson.Hash(configuration),
            });
            await db.SaveChangesAsync();
        }
        await host.StopAsync();
        SqliteConnection.ClearAllPools();
    }
}
