using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl.Import;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Configuration.Yaml;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.Extensions.DependencyInjection;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Configuration.Yaml;

public sealed class ConfigurationImportTests
{
    private const string OrdersCron = "cron: \"0/30 * * * * ?\"";

    [Fact]
    public async Task Exporting_and_importing_the_published_configuration_finds_no_differences_and_creates_no_request()
    {
        await using var scenario = await StartAsync(YamlSamples.WithSecret());
        var yaml = await AsOwner(scenario, s => s.ExportAsync(null));

        var outcome = await AsOwner(scenario, s => s.ImportAsync(yaml, "Round trip"));

        Assert.True(outcome.Succeeded, string.Join(Environment.NewLine, outcome.Errors));
        Assert.Null(outcome.ChangeRequestId);
        Assert.Empty(outcome.Diff);
        Assert.Contains("No differences", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(1, await RequestCountAsync(scenario));
        Assert.DoesNotContain(YamlSamples.Ciphertext, yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_a_changed_escalation_contact_and_incident_threshold_drafts_exactly_those_changes()
    {
        var demo = DemoConfiguration.Build(Owner, Steward);
        var policy = new IncidentPolicy { Id = Guid.NewGuid() };
        await using var scenario = await StartAsync(demo with
        {
            Objects = [.. demo.Objects.Select(o => o.Key == "contact" ? o with { EscalationContact = "old.head@example.com" } : o)],
            IncidentPolicies = [policy],
        });
        var yaml = await AsOwner(scenario, s => s.ExportAsync(null));
        var edited = yaml.Replace("escalationContact: old.head@example.com", "escalationContact: new.head@example.com", StringComparison.Ordinal)
            .Replace("errorQueueThreshold: 25", "errorQueueThreshold: 60", StringComparison.Ordinal);

        var outcome = await AsOwner(scenario, s => s.ImportAsync(edited, "New escalation"));

        Assert.True(outcome.Succeeded, string.Join(Environment.NewLine, outcome.Errors));
        Assert.Equal(
            [(ConfigurationItemKind.BusinessObject, "escalationContact"), (ConfigurationItemKind.IncidentPolicy, "errorQueueThreshold")],
            outcome.Diff.SelectMany(d => d.Fields.Select(f => (d.Kind, f.Path))).OrderBy(p => p.Kind).ToList());
        var draft = await scenario.AsOwner(s => s.DraftConfigurationAsync(outcome.ChangeRequestId!.Value));
        Assert.Equal("new.head@example.com", draft.Objects.Single(o => o.Key == "contact").EscalationContact);
        Assert.Equal(60, draft.IncidentPolicyFor(null).ErrorQueueThreshold);
    }

    [Fact]
    public async Task Editing_one_cron_in_the_exported_text_drafts_a_request_whose_diff_is_that_one_field()
    {
        await using var scenario = await StartAsync();
        var yaml = await AsOwner(scenario, s => s.ExportAsync(null));
        Assert.Equal(2, yaml.Split(OrdersCron).Length);
        var edited = yaml.Replace(OrdersCron, "cron: \"0 0 * * * ?\"", StringComparison.Ordinal);

        var outcome = await AsOwner(scenario, s => s.ImportAsync(edited, "Hourly orders"));

        Assert.True(outcome.Succeeded, string.Join(Environment.NewLine, outcome.Errors));
        var id = Assert.IsType<Guid>(outcome.ChangeRequestId);
        AssertOnlyTheCronChanged(outcome.Diff);
        AssertOnlyTheCronChanged(await scenario.AsOwner(s => s.DiffAsync(id)));
        var request = await scenario.AsOwner(s => s.GetAsync(id));
        Assert.Equal("Import: Hourly orders", request!.Title);
        Assert.Equal(ChangeRequestStatus.Draft, request.Status);
        Assert.Equal(1, (await scenario.CurrentAsync()).Version);
    }

    [Fact]
    public async Task Removing_a_rule_from_the_text_drafts_its_deletion()
    {
        await using var scenario = await StartAsync();
        var published = (await scenario.CurrentAsync()).Configuration;
        var rule = published.Rules.Single(r => r.Name == "Closed-lost opportunity suppresses marketing");
        var yaml = ConfigurationYaml.Export(published with { Rules = [.. published.Rules.Where(r => r.Id != rule.Id)] }, 1);

        var outcome = await AsOwner(scenario, s => s.ImportAsync(yaml, "Keep mailing"));

        var removed = Assert.Single(outcome.Diff);
        Assert.Equal((ConfigurationItemKind.Rule, rule.Id, DiffKind.Removed), (removed.Kind, removed.ItemId, removed.Change));
        var request = await scenario.AsOwner(s => s.GetAsync(outcome.ChangeRequestId!.Value));
        Assert.Null(Assert.Single(request!.Items).AfterJson);
    }

    [Fact]
    public async Task An_import_with_errors_or_a_changed_secret_creates_nothing()
    {
        await using var scenario = await StartAsync(YamlSamples.WithSecret());
        var yaml = await AsOwner(scenario, s => s.ExportAsync(null));
        var secret = yaml.Replace($"apiKey: \"{ConfigurationYaml.SecretPlaceholder}\"", "apiKey: new-clear-text", StringComparison.Ordinal)
            .Replace(OrdersCron, "cron: \"0 0 * * * ?\"", StringComparison.Ordinal);

        var refused = await AsOwner(scenario, s => s.ImportAsync(secret, "Rotate key"));
        var malformed = await AsOwner(scenario, s => s.ImportAsync("systems: [\n", "Broken"));

        Assert.Contains("portal only", Assert.Single(refused.Errors), StringComparison.Ordinal);
        Assert.StartsWith("Line ", Assert.Single(malformed.Errors), StringComparison.Ordinal);
        Assert.All(new[] { refused, malformed }, o => Assert.Null(o.ChangeRequestId));
        Assert.Equal(1, await RequestCountAsync(scenario));
    }

    [Fact]
    public async Task A_hostile_file_is_answered_with_an_error_and_creates_nothing()
    {
        await using var scenario = await StartAsync();

        var outcome = await AsOwner(scenario, s => s.ImportAsync(new string('[', 50_000), "Brackets"));

        Assert.Contains("nested more than", Assert.Single(outcome.Errors), StringComparison.Ordinal);
        Assert.Equal("The file was not imported; nothing was created.", outcome.Message);
        Assert.Null(outcome.ChangeRequestId);
        Assert.Equal(1, await RequestCountAsync(scenario));
    }

    [Fact]
    public async Task An_earlier_version_can_be_exported_after_a_later_one_is_published()
    {
        await using var scenario = await StartAsync();
        var v1 = await AsOwner(scenario, s => s.ExportAsync(null));
        var outcome = await AsOwner(scenario, s => s.ImportAsync(v1.Replace(OrdersCron, "cron: \"0 0 * * * ?\"", StringComparison.Ordinal), "Hourly"));
        Require(await scenario.AsOwner(s => s.SubmitAsync(outcome.ChangeRequestId!.Value)));
        Require(await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(outcome.ChangeRequestId!.Value, null)));

        var current = await AsOwner(scenario, s => s.ExportAsync(null));
        var earlier = await AsOwner(scenario, s => s.ExportAsync(1));

        Assert.StartsWith("# CrmGovernance configuration, version 2.", current, StringComparison.Ordinal);
        Assert.DoesNotContain(OrdersCron, current, StringComparison.Ordinal);
        Assert.Equal(v1, earlier);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => AsOwner(scenario, s => s.ExportAsync(9)));
    }

    private static void AssertOnlyTheCronChanged(IReadOnlyList<ItemDiff> diff)
    {
        var item = Assert.Single(diff);
        Assert.Equal((ConfigurationItemKind.Flow, DemoConfiguration.OrdersFlow, DiffKind.Changed), (item.Kind, item.ItemId, item.Change));
        Assert.Equal(new FieldChange("cron", "0/30 * * * * ?", "0 0 * * * ?"), Assert.Single(item.Fields));
    }

    /// <summary>The test host registers only what the change control tests need, so the import service is built here as DI would.</summary>
    private static async Task<T> AsOwner<T>(ChangeControlScenario scenario, Func<ConfigurationImportService, Task<T>> action)
    {
        await using var scope = scenario.Host.ScopeAs(Owner, Roles.BusinessOwner);
        var services = scope.ServiceProvider;
        var reader = ActivatorUtilities.CreateInstance<GovernanceReader>(services);
        return await action(ActivatorUtilities.CreateInstance<ConfigurationImportService>(services, reader));
    }

    private static async Task<int> RequestCountAsync(ChangeControlScenario scenario) =>
        (await scenario.AsOwner(s => s.ListAsync(null, 0, 50))).Total;
}
