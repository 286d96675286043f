using CrmGovernance.Core.Features.Systems.Connectors;
using CrmGovernance.Core.Features.Systems;
using Microsoft.AspNetCore.DataProtection;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors;

public sealed class ConnectorFactoryTests : IAsyncLifetime
{
    private readonly ConnectorTestHost _host = ConnectorTestHost.Start();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void An_unknown_connector_type_is_refused_with_the_known_ones()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _host.Open("crm", "soap", new Dictionary<string, string>()));

        Assert.Contains("'soap'", error.Message, StringComparison.Ordinal);
        Assert.Contains("sql, rest, webhook, csv", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite", "'database'")]
    [InlineData("postgres", "secret 'connectionString'")]
    [InlineData("oracle", "sqlite or postgres")]
    public void Incomplete_sql_settings_are_named(string provider, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => _host.Open("db", "sql", new Dictionary<string, string> { ["provider"] = provider }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_sqlite_path_resolves_against_the_folder_of_the_portal_database()
    {
        await using var connector = _host.Open("db", "sql", new Dictionary<string, string> { ["database"] = "nested/crm.db" });

        var error = await Assert.ThrowsAsync<SystemUnavailableException>(() => connector.ReadChangesAsync("contact", null, 10, CancellationToken.None));

        Assert.Contains(Path.Combine(_host.DataFolder, "nested", "crm.db"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_from_another_key_ring_asks_to_be_entered_again()
    {
        var foreign = new SecretProtector(new EphemeralDataProtectionProvider()).Protect("Host=x");
        var system = _host.System("db", "sql", new Dictionary<string, string> { ["provider"] = "postgres" });
        system.Secrets["connectionString"] = foreign;

        var error = Assert.Throws<InvalidOperationException>(() => _host.Factory.Open(system));

        Assert.Contains("enter it again", error.Message, StringComparison.Ordinal);
    }
}
