using CrmGovernance.Core.Features.FirstRun.Demo;
using Microsoft.Data.Sqlite;

namespace CrmGovernance.Web.Tests.FirstRun;

public sealed class DemoDatabasesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crmgov-demo-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_demo_databases_are_created_when_missing_and_never_overwritten()
    {
        var first = await DemoDatabases.CreateMissingAsync(_folder, DateTime.UtcNow, CancellationToken.None);
        await ExecuteAsync("crm.db", "UPDATE contacts SET last_name = 'Changed by hand' WHERE id = 'C-00001'");
        File.Delete(Path.Combine(_folder, "shop.db"));

        var second = await DemoDatabases.CreateMissingAsync(_folder, DateTime.UtcNow, CancellationToken.None);

        Assert.Equal(["crm.db", "shop.db", "marketing.db"], first);
        Assert.Equal(["shop.db"], second);
        Assert.Equal("Changed by hand", await ScalarAsync("crm.db", "SELECT last_name FROM contacts WHERE id = 'C-00001'"));
        Assert.Equal(180L, await ScalarAsync("shop.db", "SELECT count(*) FROM orders"));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_data_and_the_crm_refuses_an_overlong_first_name()
    {
        await DemoDatabases.CreateMissingAsync(_folder, DateTime.UtcNow, CancellationToken.None);
        var other = _folder + "-again";
        try
        {
            await DemoDatabases.CreateMissingAsync(other, DateTime.UtcNow, CancellationToken.None);
            const string people = "SELECT group_concat(email || first_name || last_name, '|') FROM (SELECT * FROM contacts ORDER BY id)";
            Assert.Equal(await ScalarAsync("crm.db", people), await ScalarAsync("crm.db", people, other));

            var refused = await Assert.ThrowsAsync<SqliteException>(() =>
                ExecuteAsync("crm.db", "INSERT INTO contacts (id, email, first_name, last_name) VALUES ('x', 'x@example.org', 'Maximilian Alexander Konstantin Friedrich Wilhelm', 'X')"));
            Assert.Equal(19, refused.SqliteErrorCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(other, recursive: true);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task ExecuteAsync(string file, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, file)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string file, string sql, string? folder = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder ?? _folder, file)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
