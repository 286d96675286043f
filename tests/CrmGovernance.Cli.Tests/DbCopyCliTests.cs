using CrmGovernance.Core.Tests;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Npgsql;

namespace CrmGovernance.Cli.Tests;

/// <summary><c>crmgov db copy --to-postgres</c>: a demo installation with history moved to a fresh PostgreSQL database.</summary>
public sealed class DbCopyCliTests(DemoInstallation demo) : IClassFixture<DemoInstallation>
{
    /// <summary>Tables the demo fills, one or more per feature: a copy test on empty tables would prove little.</summary>
    private static readonly string[] FilledTables =
    [
        "AspNetUsers", "AspNetUserRoles", "DataProtectionKeys", "AuditEntries", "ConfigurationVersions", "ChangeRequests", "SyncRuns",
        "RecordOutcomes", "ErrorQueueItems", "ReviewItems", "DuplicateScans", "Incident", "IncidentEntry", "MetricBuckets", "MetricContributions",
        "InsightsBaselines",
    ];

    [Fact]
    public async Task Copy_keeps_every_row_and_value_and_the_audit_chain_verifies_on_the_target()
    {
        await using var target = await TestDatabase.CreateEmptyPostgresAsync();

        var copy = await demo.Workspace.RunAsync("db", "copy", "--to-postgres", target.ConnectionString);

        Assert.True(copy.ExitCode == 0, copy.ToString());
        Assert.Contains("Row counts: equal in all", copy.Output, StringComparison.Ordinal);
        Assert.Contains("Chain: intact", copy.Output, StringComparison.Ordinal);
        Assert.Contains("Database__Provider=Postgres", copy.Output, StringComparison.Ordinal);
        Assert.Contains("Password=********", copy.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Password=" + new NpgsqlConnectionStringBuilder(target.ConnectionString).Password, copy.Output, StringComparison.Ordinal);
        foreach (var table in FilledTables)
        {
            var rows = await CliWorkspace.ScalarAsync(demo.Workspace.DatabasePath, $"SELECT COUNT(*) FROM \"{table}\"");
            Assert.True(rows > 0, $"the demo leaves {table} empty");
            Assert.Equal(rows, await target.ScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\""));
        }
        var (differences, compared, nulls, planned) = await CopiedRows.CompareAsync(demo.Workspace.DatabasePath, target.ConnectionString, rowsPerTable: 500);
        Assert.True(differences.Count == 0, string.Join("\n", differences.Take(20)));
        foreach (var type in new[] { typeof(Guid), typeof(DateTime), typeof(bool), typeof(double), typeof(long), typeof(int), typeof(string) })
        {
            Assert.True(compared.GetValueOrDefault(type) > 0, $"no {type.Name} value was compared");
        }
        // The model stores no decimal and no byte[] today (SQLite would keep decimals as text): one added needs a value here.
        Assert.DoesNotContain(typeof(decimal), planned);
        Assert.DoesNotContain(typeof(byte[]), planned);
        Assert.True(nulls > 0, "no null value was compared");
        // The next row inserted gets a key after the copied ones.
        var maxId = await target.ScalarAsync<long>("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"DataProtectionKeys\"");
        Assert.Equal(maxId + 1, await target.ScalarAsync<long>("INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ('next', '<key/>') RETURNING \"Id\""));
    }

    [Fact]
    public async Task A_target_holding_portal_data_is_refused_untouched_and_replaced_only_with_overwrite_target()
    {
        await using var target = await TestDatabase.CreateEmptyPostgresAsync();
        var first = await demo.Workspace.RunAsync("db", "copy", "--to-postgres", target.ConnectionString);
        Assert.True(first.ExitCode == 0, first.ToString());
        await target.ScalarAsync<long>("INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ('marker', '<marker/>') RETURNING 1");
        var audit = await target.ScalarAsync<long>("SELECT COUNT(*) FROM \"AuditEntries\"");

        var refused = await demo.Workspace.RunAsync("db", "copy", "--to-postgres", target.ConnectionString);

        Assert.True(refused.ExitCode == 7, refused.ToString());
        Assert.Contains("already holds portal data", refused.Output, StringComparison.Ordinal);
        Assert.Contains("AuditEntries", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--overwrite-target", refused.Output, StringComparison.Ordinal);
        Assert.Equal(1, await target.ScalarAsync<long>("SELECT COUNT(*) FROM \"DataProtectionKeys\" WHERE \"FriendlyName\" = 'marker'"));
        Assert.Equal(audit, await target.ScalarAsync<long>("SELECT COUNT(*) FROM \"AuditEntries\""));

        var overwritten = await demo.Workspace.RunAsync("db", "copy", "--to-postgres", target.ConnectionString, "--overwrite-target");

        Assert.True(overwritten.ExitCode == 0, overwritten.ToString());
        Assert.Contains("these rows of the target are removed", overwritten.Output, StringComparison.Ordinal);
        Assert.Contains("Chain: intact", overwritten.Output, StringComparison.Ordinal);
        Assert.Equal(0, await target.ScalarAsync<long>("SELECT COUNT(*) FROM \"DataProtectionKeys\" WHERE \"FriendlyName\" = 'marker'"));
    }

    [Fact]
    public async Task An_unreachable_target_ends_with_its_own_exit_code_and_never_shows_the_password()
    {
        var copy = await demo.Workspace.RunAsync("db", "copy", "--to-postgres",
            "Host=127.0.0.1;Port=1;Database=nowhere;Username=crmgov;Password=s3cret-never-shown;Timeout=2");

        Assert.True(copy.ExitCode == 9, copy.ToString());
        Assert.Contains("Cannot connect to the target", copy.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-never-shown", copy.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_ends_with_the_unreachable_exit_code()
    {
        await using var target = await TestDatabase.CreateEmptyPostgresAsync();
        var wrong = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Password = "not-the-password" }.ConnectionString;

        var copy = await demo.Workspace.RunAsync("db", "copy", "--to-postgres", wrong);

        Assert.True(copy.ExitCode == 9, copy.ToString());
        Assert.DoesNotContain("not-the-password", copy.Output, StringComparison.Ordinal);
    }
}
