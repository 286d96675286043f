using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors;

/// <summary>
/// A change request that points a system where the server does not let connectors go is refused at submission, and
/// again at approval, with a message that says why. The portal database of the test host is {folder}/crm.db; the demo
/// is on, so {folder}/demo is a connector root.
/// </summary>
public sealed class ConnectorSettingsValidationTests
{
    private static string FolderOf(ChangeControlScenario scenario) =>
        Path.GetDirectoryName(scenario.Host.DatabasePath)!;

    private static ConnectedSystem Crm(GovernanceConfiguration c, Func<ConnectedSystem, ConnectedSystem> edit) => edit(c.FindSystem(DemoConfiguration.Crm)!);

    private static ConnectedSystem WithSettings(ConnectedSystem system, string connectorType, params (string Name, string Value)[] settings) =>
        system with { ConnectorType = connectorType, Settings = new SortedDictionary<string, string>(settings.ToDictionary(s => s.Name, s => s.Value), StringComparer.Ordinal) };

    private static async Task<(Guid Id, IReadOnlyList<string> Errors)> SubmitAsync(ChangeControlScenario scenario, ConnectedSystem system)
    {
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Rewire the CRM", "Testing connector limits"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, system)));
        var result = await scenario.AsOwner(s => s.SubmitAsync(id));
        return (id, result.Errors);
    }

    [Theory]
    [InlineData("crm.db", "one of the portal's own files")]
    [InlineData("crm.db-wal", "one of the portal's own files")]
    [InlineData("demo/../crm.db", "may not contain '..'")]
    [InlineData("/etc/passwd", "outside the folders connectors may use")]
    public async Task A_sql_system_pointed_at_the_portal_database_or_outside_the_roots_blocks_submission(string database, string expected)
    {
        await using var scenario = await StartAsync();
        var current = (await scenario.CurrentAsync()).Configuration;

        var (_, errors) = await SubmitAsync(scenario, Crm(current, s => WithSettings(s, "sql", ("database", database), ("DataProtectionKey.table", "DataProtectionKeys"))));

        var error = Assert.Single(errors);
        Assert.StartsWith("The setting 'database' of the system 'crm' (sql connector) ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_in_the_demo_folder_to_the_portal_database_blocks_submission()
    {
        await using var scenario = await StartAsync();
        var folder = FolderOf(scenario);
        Directory.CreateDirectory(Path.Combine(folder, "demo"));
        File.CreateSymbolicLink(Path.Combine(folder, "demo", "archive.db"), Path.Combine(folder, "crm.db"));
        var current = (await scenario.CurrentAsync()).Configuration;

        var (_, errors) = await SubmitAsync(scenario, Crm(current, s => WithSettings(s, "sql", ("database", "demo/archive.db"))));

        Assert.Contains($"points to {Path.Combine(folder, "crm.db")}, one of the portal's own files", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csv_file_outside_the_roots_blocks_submission()
    {
        await using var scenario = await StartAsync();
        var current = (await scenario.CurrentAsync()).Configuration;

        var (_, errors) = await SubmitAsync(scenario, Crm(current, s => WithSettings(s, "csv", ("contact.file", "contacts.csv"), ("lead.folder", "demo/drop"))));

        Assert.Contains("The setting 'contact.file' of the system 'crm' (csv connector) points to", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Switching_a_system_to_rest_on_127_0_0_1_blocks_submission()
    {
        await using var scenario = await StartAsync();
        var current = (await scenario.CurrentAsync()).Configuration;

        var (_, errors) = await SubmitAsync(scenario, Crm(current, s => WithSettings(s, "rest", ("baseUrl", "http://127.0.0.1:5199/api"))));

        Assert.Equal(
            "The setting 'baseUrl' of the system 'crm' (rest connector) may not be used: the address 127.0.0.1:5199 is a loopback address; the portal connects " +
            "to such an address only when the address itself is listed in Connectors:Outbound:AllowedHosts in the server's configuration or its network in " +
            "Connectors:Outbound:AllowPrivateNetworks.",
            Assert.Single(errors));
    }

    [Fact]
    public async Task A_path_that_became_a_link_to_the_portal_database_after_submission_is_refused_at_approval()
    {
        await using var scenario = await StartAsync();
        var folder = FolderOf(scenario);
        var current = (await scenario.CurrentAsync()).Configuration;
        var (id, errors) = await SubmitAsync(scenario, Crm(current, s => WithSettings(s, "sql", ("database", "demo/new-crm.db"))));
        Assert.Empty(errors);
        Directory.CreateDirectory(Path.Combine(folder, "demo"));
        File.CreateSymbolicLink(Path.Combine(folder, "demo", "new-crm.db"), Path.Combine(folder, "crm.db"));

        var result = await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Contains("one of the portal's own files", StringComparison.Ordinal));
        Assert.Equal(1, (await scenario.CurrentAsync()).Version);
    }
}
